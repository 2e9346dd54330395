# The codec pieces pickle relies on: raw-unicode-escape (protocol 0's UNICODE), _codecs.encode
# (bytes before protocol 3), _codecs.escape_decode (Python 2 STRING), and the reductions of
# built-in functions, methods and descriptors.
import _codecs
from _util import err

for s in ['', 'abc', 'é\xff', '\u20ac', '\U0001f600', '\\u0041', '\ud800']:
    e = s.encode('raw_unicode_escape')
    print(repr(s), e, e.decode('raw_unicode_escape') == s)
for b in [b'\\u0041', b'\\U0001f600!', b'\\\\u0041', b'\\x41', b'\\', b'a\\', b'\xe9\\u00e9']:
    print(b, repr(b.decode('raw-unicode-escape')))
for b in [b'\\u004', b'\\u004x', b'\\U00110000', b'\\U0001']:
    err(b.decode, 'raw_unicode_escape')
    for handler in ('replace', 'ignore', 'backslashreplace'):
        print('  ', handler, repr(b.decode('raw_unicode_escape', handler)))
print(_codecs.encode('caf\xe9', 'latin1'), _codecs.encode('x'), _codecs.decode(b'caf\xc3\xa9'),
      _codecs.decode(b'\xe9', 'latin-1'), _codecs.encode('\xe9', 'ascii', 'replace'))
err(_codecs.encode, '\xe9', 'ascii')
err(_codecs.decode, b'\xe9')
err(_codecs.encode, 'x', 'no-such-codec')
print(_codecs.encode.__module__, _codecs.encode.__name__)
for b in [b'abc', b'\\x41\\101\\n\\t\\\\\\\'\\"', b'\\q', b'\\777', b'\\\n', b'\\0']:
    print(b, _codecs.escape_decode(b))
print(_codecs.escape_decode('\\x41'))
for b in [b'\\x4', b'\\x4g', b'\\xg', b'trailing\\']:
    err(_codecs.escape_decode, b)
    for handler in ('replace', 'ignore'):
        try:
            print('  ', handler, _codecs.escape_decode(b, handler))
        except ValueError as e:
            print('  ', handler, 'ValueError:', e)
print(_codecs.escape_encode(b"a'\\\n\r\t\x00\x7f\xff\""))
err(_codecs.escape_encode, 'str')
print(len.__reduce__(), [].append.__reduce__()[1][1], (1).__add__.__reduce__()[1],
      list.append.__reduce__()[1], int.__add__.__reduce__()[1], dict.fromkeys.__reduce__()[1])
print(bool(object.__flags__ & (1 << 9)), bool(type('X', (), {}).__flags__ & (1 << 9)),
      bool(int.__flags__ & (1 << 24)), bool(list.__flags__ & (1 << 25)),
      bool(type.__flags__ & (1 << 31)), bool(dict.__flags__ & (1 << 29)))
