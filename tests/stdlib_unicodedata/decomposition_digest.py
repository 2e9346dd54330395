# decomposition() of every code point, both databases.
import hashlib
import unicodedata

ALL = range(0x110000)
for db in (unicodedata, unicodedata.ucd_3_2_0):
    d = list(map(db.decomposition, map(chr, ALL)))
    print(sum(map(bool, d)), sum(x.startswith("<") for x in d),
          hashlib.sha256("\n".join(d).encode()).hexdigest()[:32])
for c in "\u00e9\u00c5\u212b\ufb01\u00bd\u2460\ufe8d\uac00\u1e9b\u0344\uf951\U0002f868\U0001d400\u3300":
    print("%04X" % ord(c), repr(unicodedata.decomposition(c)), repr(unicodedata.ucd_3_2_0.decomposition(c)))
