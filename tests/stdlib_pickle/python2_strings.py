# Python 2 byte strings (STRING, BINSTRING, SHORT_BINSTRING) decoded with encoding/errors, or
# kept as bytes with encoding='bytes'.
import pickle
from _util import err

cases = [b"S'caf\\xe9'\n.", b'U\x04caf\xe9.', b'T\x04\x00\x00\x00caf\xe9.', b'U\x03abc.',
         b"(dp0\nS'\\xff'\np1\nU\x02\xc3\xa9s."]
for data in cases:
    print(data)
    err(pickle.loads, data)
    for kw in ({'encoding': 'latin1'}, {'encoding': 'bytes'}, {'encoding': 'utf-8'},
               {'encoding': 'ascii', 'errors': 'replace'},
               {'encoding': 'ascii', 'errors': 'ignore'},
               {'encoding': 'ascii', 'errors': 'surrogateescape'}):
        try:
            print('  ', kw, repr(pickle.loads(data, **kw)))
        except Exception as e:
            print('  ', kw, type(e).__name__ + ':', e)
err(pickle.loads, b"U\x01a.", encoding='no-such-codec')
