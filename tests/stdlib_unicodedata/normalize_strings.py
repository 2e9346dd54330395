# Normalization of strings: canonical reordering, composition with blocking, Hangul, singletons,
# exclusions, the 3.2.0 corrections, is_normalized, and identity of already-normal input.
import hashlib
import random
import unicodedata as u

cases = [
    "e\u0301", "\u00e9", "A\u030a", "\u212b", "\u00c5", "a\u0323\u0302", "a\u0302\u0323",
    "\u1ea0\u0306", "\u0041\u0301\u0327", "q\u0307\u0323", "\u1e0b\u0323", "\u1e0d\u0307",
    "\u1100\u1161", "\u1100\u1161\u11a8", "\uac00\u11a8", "\u1100\u1161\u11a7", "\u1112\u1175\u11c2",
    "\u1113\u1161", "\uac01", "\u1100\u0300\u1161", "\ufb01", "\u00bd", "\u2460", "\ufe8d", "\u1e9b\u0323",
    "\u0344", "\u0958", "\u2adc", "\U0001d15e", "\u0f73", "\u0f77", "\u0b47\u0b3e", "\u0b4b", "\u3099",
    "\u304b\u3099", "\u30ab\u3099", "\uff76\uff9e", "\u0390", "\u1fd3", "\u03d3", "\u2126", "K", "\u212a",
    "\uf951", "\U0002f868", "\U0002f874", "\U0002f91f", "\U0002f95f", "\U0002f9bf", "\u0374", "\u037e",
    "\u0387", "\u1f71", "\u00a0", "\u2000", "\u3000", "\u1e69", "s\u0323\u0307", "s\u0307\u0323",
    "\u0061\u0315\u0300\u05ae\u0300\u0062", "\u05b8\u05b9\u05b1\u0591\u05c3\u05b0\u05ac\u059f",
    "\u0592\u05b7\u05bc\u05a5\u05b0\u05c0\u05c4\u05ad", "\u1100\uac00\u11a8", "\u09c7\u09be",
    "\U000110a5\U000110ba", "\U00011131\U00011127", "\ud800\u0301", "abc", "\u0301abc", "",
]
for s in cases:
    row = [ascii(s)]
    for db in (u, u.ucd_3_2_0):
        for form in ("NFC", "NFD", "NFKC", "NFKD"):
            n = db.normalize(form, s)
            row.append(ascii(n) + ("" if db.is_normalized(form, s) == (n == s) else "!"))
    print(" ".join(row))

# random strings over the characters that take part in normalization
rnd = random.Random(1234)
pool = [chr(c) for c in range(0x110000)
        if u.combining(chr(c)) or u.decomposition(chr(c)) or 0x1100 <= c < 0x1200]
pool += list("aeiouAEIOUsdqkn\uac00\uac01")
for db in (u, u.ucd_3_2_0):
    h = hashlib.sha256()
    count = [0, 0, 0, 0]
    for i in range(3000):
        s = "".join(rnd.choice(pool) for _ in range(rnd.randint(1, 8)))
        for k, form in enumerate(("NFC", "NFD", "NFKC", "NFKD")):
            n = db.normalize(form, s)
            h.update(n.encode("utf-8", "surrogatepass") + b"\0")
            count[k] += db.is_normalized(form, s)
            if db.is_normalized(form, n) is not True:
                print("not idempotent", form, ascii(s))
    print(db.unidata_version, count, h.hexdigest()[:32])

# already-normal input is returned as is (the current database only); subclasses too
s = "abc\u00e9"
print(u.normalize("NFC", s) is s, u.normalize("NFD", s) is s, u.ucd_3_2_0.normalize("NFC", s) is s)
class S(str):
    pass
print(type(u.normalize("NFC", S("abc"))).__name__, type(u.normalize("NFD", S("\u00e9"))).__name__,
      type(u.ucd_3_2_0.normalize("NFC", S("abc"))).__name__, type(u.normalize("NFC", S(""))).__name__)
print(u.is_normalized("NFC", ""), u.normalize("NFKD", "") == "")
