#!/usr/bin/env python3
# Generates the expected results, computed by CPython 3.12, of the numbers unit tests:
# tests/unit/int_cases.inc (int_test.cpp), float_cases.inc (float_test.cpp) and
# format_number_cases.inc (format_number_test.cpp).
#   PYENV_VERSION=3.12.1 python3 tests/unit/gen_number_cases.py
# Values are encoded as "i:<decimal>", "f:<16 hex digits of the IEEE bits>" or
# "c:<re bits>:<im bits>"; results are repr() strings or "!ExcType: message".
import math
import random
import struct
import sys

assert sys.version_info[:2] == (3, 12), "expectations must come from CPython 3.12"


def fbits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def enc(v):
    if isinstance(v, bool):
        raise TypeError
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        return "f:%016x" % fbits(v)
    if isinstance(v, complex):
        return "c:%016x:%016x" % (fbits(v.real), fbits(v.imag))
    raise TypeError(v)


def res(fn):
    try:
        r = fn()
    except Exception as e:
        return "!%s: %s" % (type(e).__name__, e)
    if isinstance(r, int) and not isinstance(r, bool) and abs(r) > 10**4000:
        return "hex=" + hex(r)
    return repr(r)


def cstr(s):
    out = []
    for ch in s:
        if ch in '\\"':
            out.append("\\" + ch)
        elif 32 <= ord(ch) < 127:
            out.append(ch)
        else:
            for b in ch.encode():
                out.append("\\x%02x" % b)
            out.append('""')
    return '"' + "".join(out) + '"'


OPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a / b, "//": lambda a, b: a // b, "%": lambda a, b: a % b,
    "**": lambda a, b: a ** b, "<<": lambda a, b: a << b, ">>": lambda a, b: a >> b,
    "&": lambda a, b: a & b, "|": lambda a, b: a | b, "^": lambda a, b: a ^ b,
    "divmod": divmod, "<": lambda a, b: a < b, "<=": lambda a, b: a <= b,
    "==": lambda a, b: a == b, "!=": lambda a, b: a != b, ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}

import os
HERE = os.path.dirname(os.path.abspath(__file__))
files = {"int": [], "float": [], "format_number": []}
out = files["int"]
def w(line):
    out.append(line)

# ---- int binary operations ------------------------------------------------------------------
ints = [0, 1, -1, 2, 3, -7, 10, -256, 1024, 1025, -5, -6, 2**53 + 1,
        2**62, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64, 10**20, -10**20,
        3**50, -(7**40), 2**100 + 12345]
w("// int (op) int: operand, operator, operand, expected")
w("static const BinCase kIntBinCases[] = {")
for a in ints:
    for b in ints:
        for op, fn in OPS.items():
            if op == "**" and not (abs(b) <= 6 or a in (0, 1, -1, 2, -2, 3, 7, -7) and abs(b) <= 70):
                continue
            if op == "<<" and b > 100:
                continue
            w("  {%s, %s, %s, %s}," % (cstr(enc(a)), cstr(op), cstr(enc(b)), cstr(res(lambda: fn(a, b)))))
# huge shifts, pow, true division
extra = [(1, "<<", 2**70), (0, "<<", 2**70), (-1, ">>", 2**70), (5, ">>", 2**70), (1, "<<", -1),
         (1, ">>", -1), (10**400, "/", 1), (1, "/", 10**400), (2**1100, "/", 2**1000),
         (2**1100 + 1, "/", 3**600), (-(10**30), "/", 7), (10**30, "/", -(3**19)),
         (2**53 + 1, "/", 1), (2**54 + 3, "/", 2), (10**20 + 1, "/", 10**20),
         (0, "**", -1), (2, "**", -1), (-2, "**", -3), (10, "**", -400), (2**1100, "**", -1),
         (2, "**", 200), (-3, "**", 101), (0, "**", 0)]
for a, op, b in extra:
    w("  {%s, %s, %s, %s}," % (cstr(enc(a)), cstr(op), cstr(enc(b)), cstr(res(lambda: OPS[op](a, b)))))
w("};")

# ---- mixed int/float/complex operations -------------------------------------------------------
floats = [0.0, -0.0, 0.5, -1.5, 2.5, 1e16, 1e300, -1e-300, 2.0**63, 9007199254740993.0, 1e23,
          math.inf, -math.inf, math.nan, -7.0, 0.1]
mixed_ints = [0, 1, -7, 2**53 + 1, 2**63, -2**63, 10**23, 2**1024]
out = files["float"]
w("static const BinCase kFloatBinCases[] = {")
vals = floats + mixed_ints
for a in vals:
    for b in vals:
        if isinstance(a, int) and isinstance(b, int):
            continue
        for op, fn in OPS.items():
            if op in ("<<", ">>", "&", "|", "^"):
                if not (a == 0.5 and b == 3):
                    continue
            w("  {%s, %s, %s, %s}," % (cstr(enc(a)), cstr(op), cstr(enc(b)), cstr(res(lambda: fn(a, b)))))
cplx = [0j, 1j, -1j, 1 + 2j, -3.5 + 0.25j, complex(1e308, 1e308), complex(-0.0, -0.0), complex(math.inf, 1),
        complex(0.0, math.nan)]
cvals = cplx + [0, 2, -3, 0.5, -2.0, 1e308]
for a in cvals:
    for b in cvals:
        if not isinstance(a, complex) and not isinstance(b, complex):
            continue
        for op in ("+", "-", "*", "/", "**", "==", "!=", "<", "//"):
            w("  {%s, %s, %s, %s}," % (cstr(enc(a)), cstr(op), cstr(enc(b)), cstr(res(lambda: OPS[op](a, b)))))
w("};")

# ---- unary / conversions / hash ---------------------------------------------------------------
unary = {"int": [], "float": []}
uvals = ints + [2**1023, 2**1024, 2**1024 - 2**970, 2**1024 - 2**971, 2**61 - 1, 2**61, -(2**61),
                2**61 + 5, -(2**122)] + floats + [1.5, 2.5, -2.5, 0.125, 123.456, 1e-5, 1e-4,
                5e-324, 1.7976931348623157e308, 2.0**70, -0.5, 1e22, 1234567890123456789.0] + cplx + [complex(1.5, -0.0), complex(-1, 0), complex(1e16, 1e-5)]
UN = {
    "repr": repr, "hash": hash, "neg": lambda v: -v, "pos": lambda v: +v, "abs": abs,
    "invert": lambda v: ~v, "int": int, "float": float, "bool": bool, "round": round,
    "trunc": math.trunc, "floor": math.floor, "ceil": math.ceil,
}
for v in uvals:
    for name, fn in UN.items():
        if name == "hash" and isinstance(v, (float, complex)) and (v != v):
            continue
        if isinstance(v, complex) and name in ("invert", "int", "float", "round", "trunc", "floor", "ceil"):
            continue
        unary["int" if isinstance(v, int) else "float"].append(
            "  {%s, %s, %s}," % (cstr(enc(v)), cstr(name), cstr(res(lambda: fn(v)))))
for k, lines in unary.items():
    files[k].append("// value, function (repr hash neg pos abs invert int float bool round trunc floor ceil), expected")
    files[k].append("static const UnaryCase kUnaryCases[] = {")
    files[k].extend(lines)
    files[k].append("};")
out = files["float"]

# ---- float repr: many random doubles ----------------------------------------------------------
random.seed(312)
w("static const ReprCase kFloatReprCases[] = {")
reprvals = []
for _ in range(3000):
    reprvals.append(struct.unpack("<d", struct.pack("<Q", random.getrandbits(64)))[0])
for _ in range(1000):
    reprvals.append(random.uniform(-1e6, 1e6))
for e in range(-330, 310):
    reprvals.append(float("1e%d" % e))
    reprvals.append(float("1.5e%d" % e))
for v in [0.1 + 0.2, 1 / 3, 2 / 3, 100.0, 1e15, 9999999999999998.0, 1e16 - 2, 0.0001, 0.00009999,
          123456789012345678.0, 4.35, 2.675, 5e-324, 2.2250738585072014e-308, 2.225073858507201e-308]:
    reprvals.append(v)
for v in reprvals:
    if v != v:
        continue
    w("  {0x%016xULL, %s}," % (fbits(v), cstr(repr(v))))
w("};")

# ---- round(x, n) ------------------------------------------------------------------------------
w("static const RoundCase kFloatRoundCases[] = {")
rvals = [2.675, 0.125, 0.375, 1.5, 2.5, -2.5, 1234.5678, 5e-324, 1e300, -1e300, 0.5, 1.7976931348623157e308,
         123456.789, -0.001, 1e-20, 12345.678, 5.0, 15.0, 25.0, 0.285, 1.005]
for v in rvals:
    for n in [-400, -308, -300, -20, -5, -3, -2, -1, 0, 1, 2, 3, 5, 10, 17, 300, 330, 400]:
        w("  {0x%016xULL, %d, %s}," % (fbits(v), n, cstr(res(lambda: round(v, n)))))
w("};")

# ---- string parsing ---------------------------------------------------------------------------
out = files["int"]
w("static const ParseCase kIntParseCases[] = {")
for s, base in [("0", 10), ("-0", 10), (" 42 ", 10), ("+7", 10), ("1_000", 10), ("1__0", 10), ("_1", 10),
                ("1_", 10), ("0x1f", 16), ("0X1F", 0), ("0x_1f", 0), ("0b101", 0), ("0o17", 0), ("017", 0),
                ("00", 0), ("0_0", 0), ("z", 36), ("Z", 36), ("10", 2), ("2", 2), ("abc", 10), ("", 10),
                ("  ", 10), ("1e5", 10), ("9" * 30, 10), ("-" + "9" * 30, 10), ("1" * 4300, 10),
                ("1" * 4301, 10), ("f" * 5000, 16), ("9223372036854775807", 10), ("9223372036854775808", 10),
                ("-9223372036854775808", 10), ("-9223372036854775809", 10), ("18446744073709551616", 10),
                ("\u0661\u0662\u0663", 10), ("\u00a0 12\u2003", 10), ("12\u00e9", 10), ("0x", 16), ("0b", 0),
                ("1 2", 10), ("-", 10), ("0x10", 16), ("0x10", 10), ("11", 0), ("1_2_3", 0), ("0b_1", 0),
                ("0b__1", 0)]:
    w("  {%s, %d, %s}," % (cstr(s), base, cstr(res(lambda: int(s, base)))))
w("};")
out = files["float"]
w("static const ParseCase kFloatParseCases[] = {")
for s in ["1.5", "  1_000.5  ", "1__0", "_1", "1_", "1_e5", "1e_5", "0x10", ".5", "5.", ".", "-iNfInItY", "+nan",
          "-nan", "infinit", "1e", "1e400", "-1e400", "1e-400", "\u0661.\u0665", "", "  ", "1.7976931348623157e308",
          "1.7976931348623159e308", "2.4703282292062328e-324", "2.4703282292062327e-324", "0.1", "123456789e-5",
          "1_2.3_4e1_0", "nan(1)", "in f", "1.5j", "٣", "+", "-.5e-3", "00000.1", "1" * 400]:
    w("  {%s, 0, %s}," % (cstr(s), cstr(res(lambda: float(s)))))
w("};")
w("static const ParseCase kComplexParseCases[] = {")
for s in ["1+2j", " (1+2j) ", "1e3j", "-j", "j", "+J", "inf-infj", "1+2", "(1+2j", "1 + 2j", "1_0j", "nanj",
          "-1.5e-3-2.5e+3j", "3", "(3)", "1+j", "1-J", "x", "", "()", "1e400j", "1_j", "0x1j"]:
    w("  {%s, 0, %s}," % (cstr(s), cstr(res(lambda: complex(s)))))
w("};")

# ---- format() ---------------------------------------------------------------------------------
out = files["format_number"]
w("static const FormatCase kFormatCases[] = {")
fvals_int = [0, 1, -1, 42, -42, 255, 1234, -1234, 1234567, 65, 10**30, -(10**30), 2**64]
fvals_float = [0.0, -0.0, 1.0, -1.5, 1234567.891, 0.1, 1e16, 1e-5, 1e-10, 123456789.0, 2.5, 1e100, -0.001,
               math.inf, -math.inf, math.nan, 0.5, 1e22, 3.14159, 1e-300, 9.999999999]
fvals_complex = [1 + 2j, 1j, -1.5 - 0j, complex(0.0, -0.0), complex(1e16, 1e-5), complex(math.inf, math.nan)]
int_specs = ["", "d", "5", "<5", "^7", "*^10", "x<10", "=8", "+", " ", "-", "+08", "08", "010,", "08,", "09,",
             ",", "_", "_x", "#_b", "b", "#b", "o", "#o", "x", "#x", "X", "#X", "#010x", "c", "10c", "+c", "#c",
             "n", ",n", ".2", "z", "e", ".3e", "f", ",.2f", "%", "g", "G", "E", "F", "q", "s", "=+12,", "0=10",
             "\u00e9^9", "#08_b", "+#x", " 5", "_o", ",x", "_n", "010_", "02", "-^+8"]
float_specs = ["", ".3", ".0", "e", "E", ".2e", ".0e", "#.0e", "f", "F", ".2f", ".0f", "#.0f", ".20f", "g", "G",
               ".3g", "#g", "#.3g", ".10g", "%", ".0%", ".1%", "n", ".3n", ",", "_", ",.2f", "_g", "010", "+010.2f",
               "=+12,.1f", "z.1f", "z", "z=+010.2f", "^12", "*<12", "+", " ", "-", "010,.2f", "09,", "d", "x",
               ".17", ".17g", "12.4e", "#", "#.17g", "0", "08.3%", ".1000f"]
complex_specs = ["", ".2f", ">20", "g", "e", ".3", "^30", "+", "010", "=10", "n", "x", "z.1f", "#.0f", "*<20.1f"]
for v in fvals_int:
    for spec in int_specs:
        w("  {%s, %s, %s}," % (cstr(enc(v)), cstr(spec), cstr(res(lambda: format(v, spec)))))
for v in fvals_float:
    for spec in float_specs:
        w("  {%s, %s, %s}," % (cstr(enc(v)), cstr(spec), cstr(res(lambda: format(v, spec)))))
for v in fvals_complex:
    for spec in complex_specs:
        w("  {%s, %s, %s}," % (cstr(enc(v)), cstr(spec), cstr(res(lambda: format(v, spec)))))
w("};")

for name, lines in files.items():
    with open(os.path.join(HERE, name + "_cases.inc"), "w") as f:
        f.write("// Generated by tests/unit/gen_number_cases.py with CPython %s. Do not edit.\n"
                % sys.version.split()[0])
        f.write("\n".join(lines) + "\n")
