# decimal, digit and numeric of every code point (with and without defaults), both databases.
import hashlib
from array import array
import unicodedata
from itertools import repeat

ALL = range(0x110000)


def digest(db):
    out = []
    for fn in (db.decimal, db.digit):
        vals = bytes(map(fn, map(chr, ALL), repeat(255)))
        out += [hashlib.sha256(vals).hexdigest()[:16], len(vals) - vals.count(255)]
    vals = array("d", map(db.numeric, map(chr, ALL), repeat(-1.0)))
    out += [hashlib.sha256(vals.tobytes()).hexdigest()[:16], len(vals) - vals.count(-1.0)]
    return out


print(digest(unicodedata))
print(digest(unicodedata.ucd_3_2_0))
for c in "7\u00b2\u00bd\u2155\u216b\u4e07\u5146\U00012432\u0f33\U0001f10c\u07c0":
    print("%04X" % ord(c), unicodedata.decimal(c, "-"), unicodedata.digit(c, "-"),
          unicodedata.numeric(c, "-"), unicodedata.ucd_3_2_0.decimal(c, "-"),
          unicodedata.ucd_3_2_0.numeric(c, "-"))
print(type(unicodedata.decimal("9")), type(unicodedata.digit("9")), type(unicodedata.numeric("9")))
for fn in (unicodedata.decimal, unicodedata.digit, unicodedata.numeric):
    try:
        fn("x")
    except ValueError as e:
        print(fn.__name__, type(e).__name__, e)
    print(fn("x", None), fn("x", 42))
