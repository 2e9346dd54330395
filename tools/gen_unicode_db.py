#!/usr/bin/env python3
"""Generate src/objects/unicode_db_tables.inc: the Unicode character properties and case mappings
used by objects/unicode_db.cpp.

Run with CPython 3.12 (the oracle; its Unicode database is 15.0.0):
    PYENV_VERSION=3.12.1 python3 tools/gen_unicode_db.py

Everything is derived from CPython's own str predicates and case methods applied to single
characters, so gilpy agrees with CPython 3.12 by construction:
  - predicates (isalpha, isdecimal, isdigit, isnumeric, isspace, isupper, islower, isprintable,
    XID_Start / XID_Continue via isidentifier, titlecase = category Lt) become sorted lists of
    inclusive code-point ranges;
  - Cased and Case_Ignorable (needed for the final-sigma rule of lower()) are recovered from how
    CPython lowercases a capital sigma in context;
  - simple (1:1) case mappings become runs (start, count, stride, delta) with stride 1 or 2, which
    covers the alternating upper/lower pairs of the Latin/Greek/Cyrillic extension blocks; full
    (1:n) mappings are listed explicitly. title and casefold are stored only where they differ
    from upper and lower respectively.
The script checks its own tables against CPython for every code point before writing.
"""
import bisect
import os
import sys
import unicodedata

MAXCP = 0x110000
assert sys.version_info[:2] == (3, 12), "run with CPython 3.12"


def ranges(pred):
    out = []
    start = None
    for c in range(MAXCP):
        if pred(c):
            if start is None:
                start = c
        elif start is not None:
            out.append((start, c - 1))
            start = None
    if start is not None:
        out.append((start, MAXCP - 1))
    return out


def in_ranges(rs, c):
    i = bisect.bisect_right(rs, (c, MAXCP)) - 1
    return i >= 0 and rs[i][0] <= c <= rs[i][1]


ch = [chr(c) for c in range(MAXCP)]
props = {
    "Space": lambda c: ch[c].isspace(),
    "Alpha": lambda c: ch[c].isalpha(),
    "Decimal": lambda c: ch[c].isdecimal(),
    "Digit": lambda c: ch[c].isdigit(),
    "Numeric": lambda c: ch[c].isnumeric(),
    "Upper": lambda c: ch[c].isupper(),
    "Lower": lambda c: ch[c].islower(),
    "Title": lambda c: unicodedata.category(ch[c]) == "Lt",
    "Printable": lambda c: ch[c].isprintable(),
    "XidStart": lambda c: c != 0x5F and ch[c].isidentifier(),
    "XidContinue": lambda c: ("a" + ch[c]).isidentifier(),
}


def sigma_final(s):
    return s.lower()[-1] == "\u03c2"


# f(c) = ignorable or cased ; g(c) = cased and not ignorable (see unicode_db.cpp)
def cased(c):
    return ch[c].isupper() or ch[c].islower() or unicodedata.category(ch[c]) == "Lt"


def case_ignorable(c):
    f = sigma_final("A" + ch[c] + "\u03a3")
    g = sigma_final(ch[c] + "\u03a3")
    return f and not g


props["Cased"] = cased
props["CaseIgnorable"] = case_ignorable

tables = {name: ranges(p) for name, p in props.items()}

# Decimal digits: runs of consecutive digits where value == (c - start) % 10.
dec = tables["Decimal"]
for a, b in dec:
    for c in range(a, b + 1):
        assert unicodedata.decimal(ch[c]) == (c - a) % 10, hex(c)


def mapping_runs(fn, base=None):
    """Simple mappings (single char results differing from `base` or identity) as runs, and the
    full (multi-char) mappings."""
    simple, full = [], []
    for c in range(MAXCP):
        r = fn(ch[c])
        b = base(ch[c]) if base else ch[c]
        if r == b:
            continue
        if len(r) == 1:
            simple.append((c, ord(r) - c))
        else:
            full.append((c, [ord(x) for x in r]))
    runs = []  # [start, count, stride, delta]
    for c, d in simple:
        if runs:
            st, cnt, stride, dd = runs[-1]
            last = st + (cnt - 1) * stride
            if dd == d and ((cnt == 1 and c - last in (1, 2)) or (cnt > 1 and c - last == stride)):
                if cnt == 1:
                    stride = c - last
                runs[-1] = [st, cnt + 1, stride, dd]
                continue
        runs.append([c, 1, 1, d])
    return runs, full


lower_runs, lower_full = mapping_runs(str.lower)
upper_runs, upper_full = mapping_runs(str.upper)
# title differs from upper for few characters; casefold from lower likewise.
title_runs, title_full = mapping_runs(str.title, str.upper)
fold_runs, fold_full = mapping_runs(str.casefold, str.lower)


def lookup_runs(runs, c):
    lo, hi = 0, len(runs)
    while lo < hi:
        mid = (lo + hi) // 2
        if runs[mid][0] <= c:
            lo = mid + 1
        else:
            hi = mid
    if lo == 0:
        return None
    st, cnt, stride, d = runs[lo - 1]
    if c < st + cnt * stride and (c - st) % stride == 0:
        return d
    return None


def check_mapping(runs, full, fn, base):
    fulld = dict(full)
    for c in range(MAXCP):
        want = fn(ch[c])
        if c in fulld:
            got = "".join(map(chr, fulld[c]))
        else:
            d = lookup_runs(runs, c)
            if d is not None:
                got = chr(c + d)
            else:
                got = base(ch[c]) if base else ch[c]
                if base:  # base itself is looked up by the C code; emulate with python
                    pass
        assert got == want, (hex(c), got, want)


check_mapping(lower_runs, lower_full, str.lower, None)
check_mapping(upper_runs, upper_full, str.upper, None)
check_mapping(title_runs, title_full, str.title, str.upper)
check_mapping(fold_runs, fold_full, str.casefold, str.lower)
for f in (lower_full, upper_full, title_full, fold_full):
    assert all(len(v) <= 3 for _, v in f)

# ASCII flags
AF = {"Space": 1, "Alpha": 2, "Digit": 4, "Lower": 8, "Upper": 16, "XidStart": 32,
      "XidContinue": 64, "Printable": 128}
ascii_flags = []
for c in range(128):
    v = 0
    for name, bit in AF.items():
        if in_ranges(tables[name], c):
            v |= bit
    ascii_flags.append(v)

out = []
w = out.append
w("// GENERATED by tools/gen_unicode_db.py from CPython %s (Unicode %s). DO NOT EDIT.\n"
  % (sys.version.split()[0], unicodedata.unidata_version))
w("// Included by objects/unicode_db.cpp only.\n\n")
w("const uint8_t kAsciiFlags[128] = {\n")
for i in range(0, 128, 16):
    w("    " + ", ".join(str(x) for x in ascii_flags[i:i + 16]) + ",\n")
w("};\n\n")


def emit_ranges(name, rs):
    w("static const CpRange k%sRanges[%d] = {\n" % (name, len(rs)))
    line = "   "
    for a, b in rs:
        item = " {0x%X, 0x%X}," % (a, b)
        if len(line) + len(item) > 98:
            w(line + "\n")
            line = "   "
        line += item
    w(line + "\n};\n")


for name, rs in tables.items():
    emit_ranges(name, rs)
w("\n")


def emit_runs(name, runs):
    w("static const CaseRun k%sRuns[%d] = {\n" % (name, len(runs)))
    line = "   "
    for st, cnt, stride, d in runs:
        item = " {0x%X, %d, %d, %d}," % (st, cnt, stride, d)
        if len(line) + len(item) > 98:
            w(line + "\n")
            line = "   "
        line += item
    w(line + "\n};\n")


def emit_full(name, full):
    w("static const CaseFull k%sFull[%d] = {\n" % (name, max(1, len(full))))
    line = "   "
    for c, v in full:
        v = v + [0] * (3 - len(v))
        item = " {0x%X, %d, {0x%X, 0x%X, 0x%X}}," % (c, len([x for x in v if x]), *v)
        if len(line) + len(item) > 98:
            w(line + "\n")
            line = "   "
        line += item
    if not full:
        line += " {0x110000, 0, {0, 0, 0}},"
    w(line + "\n};\n")
    w("static const int k%sFullCount = %d;\n" % (name, len(full)))


for name, (runs, full) in {"Lower": (lower_runs, lower_full), "Upper": (upper_runs, upper_full),
                           "Title": (title_runs, title_full),
                           "Fold": (fold_runs, fold_full)}.items():
    emit_runs(name, runs)
    emit_full(name, full)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "objects",
                    "unicode_db_tables.inc")
with open(path, "w") as f:
    f.write("".join(out))
print("wrote", os.path.normpath(path), sum(len(x) for x in out), "bytes")
