# The name of every code point, and lookup() of every name back to its code point.
import hashlib
import unicodedata
from itertools import repeat

ALL = range(0x110000)
names = list(map(unicodedata.name, map(chr, ALL), repeat("")))
named = [c for c in ALL if names[c]]
print(len(named), hashlib.sha256("\n".join(names).encode()).hexdigest()[:32])
print(max(map(len, names)))
back = list(map(unicodedata.lookup, (names[c] for c in named)))
print(back == [chr(c) for c in named])
# lookup ignores ASCII case for stored names (not for the algorithmic ones)
low = [names[c].lower() for c in named[::97] if not names[c].startswith(("HANGUL SYL", "CJK UNIFIED"))]
print(len(low), all(unicodedata.lookup(n) == unicodedata.lookup(n.upper()) for n in low))
old = list(map(unicodedata.ucd_3_2_0.name, map(chr, ALL), repeat("")))
print(sum(map(bool, old)), hashlib.sha256("\n".join(old).encode()).hexdigest()[:32])
for c in (0x0, 0x41, 0xe9, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0x20000, 0x2A6DF, 0x323AF, 0xAC00, 0xD7A3,
          0xF900, 0xFA6D, 0x2F800, 0x17000, 0x18B00, 0x1B170, 0x1F600, 0xFEFF, 0xE0100, 0xF0000):
    print("%04X" % c, repr(unicodedata.name(chr(c), None)), repr(unicodedata.ucd_3_2_0.name(chr(c), None)))
