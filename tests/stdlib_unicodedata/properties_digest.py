# Every code point's category, bidirectional class, combining class, east asian width and
# mirrored property, in the current database, as SHA-256 digests (CPython writes the expected ones).
import hashlib
import unicodedata

ALL = range(0x110000)


def digest(db):
    out = []
    for fn in (db.category, db.bidirectional, db.east_asian_width):
        out.append(hashlib.sha256(",".join(map(fn, map(chr, ALL))).encode()).hexdigest()[:16])
    for fn in (db.combining, db.mirrored):
        out.append(hashlib.sha256(bytes(map(fn, map(chr, ALL)))).hexdigest()[:16])
    return out


print(unicodedata.unidata_version, digest(unicodedata))
# a few readable ones
for c in "A\u00e9\u0301\u05d0\u0661\u2028\u3000\uac00\U0001f600\U000e0001\ud800\ue000\U0010ffff":
    print("%04X" % ord(c), unicodedata.category(c), repr(unicodedata.bidirectional(c)),
          unicodedata.combining(c), unicodedata.east_asian_width(c), unicodedata.mirrored(c),
          unicodedata.ucd_3_2_0.category(c), repr(unicodedata.ucd_3_2_0.bidirectional(c)))
print([unicodedata.mirrored(c) for c in "()<>[]{}a\u2208"])
