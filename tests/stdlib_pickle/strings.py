# str: UNICODE with raw-unicode-escape (protocol 0), BINUNICODE, SHORT_BINUNICODE (protocol 4+),
# surrogates through surrogatepass, and the characters protocol 0 must escape.
import pickle
from _util import show
for s in ['', 'a', 'abc', 'héllo', '\u20ac', '\U0001f600', '\\', 'a\\u0041', '\n\r\x00\x1a\t',
          'line1\nline2', '\ud800', '\udcff x \ud83d', 'é' * 10, "quote'\"", '\x7f\x80\xff']:
    show(repr(s), s)
for n in (255, 256, 300):
    s = 'x' * n
    for p in range(6):
        d = pickle.dumps(s, p)
        print(n, p, d[:14], len(d), pickle.loads(d) == s)
s = 'é' * 128  # 256 bytes of UTF-8: no longer SHORT_BINUNICODE
print(pickle.dumps(s, 4)[:16])
