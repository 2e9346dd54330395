# The four normal forms of every assigned code point (one at a time), both databases.
import hashlib
import unicodedata
from functools import partial

chars = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) not in ("Cn", "Co", "Cs")]
print(len(chars))
for db in (unicodedata, unicodedata.ucd_3_2_0):
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        out = list(map(partial(db.normalize, form), chars))
        changed = sum(a != b for a, b in zip(chars, out))
        qc = list(map(partial(db.is_normalized, form), chars))
        print(db.unidata_version, form, changed, qc.count(False),
              hashlib.sha256("\0".join(out).encode("utf-8", "surrogatepass")).hexdigest()[:24])
