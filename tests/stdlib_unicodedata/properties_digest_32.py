# The 3.2.0 database: every code point's category, bidirectional class, combining class, east
# asian width and mirrored property, as SHA-256 digests (CPython writes the expected ones).
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


print(unicodedata.ucd_3_2_0.unidata_version, digest(unicodedata.ucd_3_2_0))
