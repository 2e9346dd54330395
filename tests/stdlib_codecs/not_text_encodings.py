# Bytes-to-bytes and str-to-str codecs work through codecs.encode/decode only: str.encode and
# bytes.decode refuse them; codecs.encode/decode check what codecs return.
import codecs

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: 'x'.encode('hex'))
attempt(lambda: b'78'.decode('hex_codec'))
attempt(lambda: 'x'.encode('rot13'))
attempt(lambda: b'x'.decode('base64'))
attempt(lambda: 'x'.encode('zlib'))
attempt(lambda: codecs.encode('x', 'hex'))
attempt(lambda: codecs.decode(b'zz', 'hex'))
attempt(lambda: codecs.encode(b'abc', 'utf-8'))
attempt(lambda: codecs.decode('abc', 'utf-8'))
attempt(lambda: codecs.encode('abc', 'no-such'))
attempt(lambda: codecs.encode(b'abc', 'rot13'))
attempt(lambda: codecs.encode(b'x', 'hex', 'ignore'))

def search(name):
    if name == 'returns_int':
        return (lambda s, e='strict': (5, 1), lambda b, e='strict': (6, 1), None, None)
    if name == 'returns_one':
        return (lambda s, e='strict': 5, lambda b, e='strict': (6,), None, None)
    return None

codecs.register(search)
attempt(lambda: 'abc'.encode('returns_int'))
attempt(lambda: b'abc'.decode('returns_int'))
attempt(lambda: codecs.encode('abc', 'returns_int'))
attempt(lambda: codecs.encode('abc', 'returns_one'))
attempt(lambda: codecs.decode(b'abc', 'returns_one'))
attempt(lambda: 'abc'.encode('returns_one'))
try:
    codecs.decode(b'zz', 'hex')
except Exception as e:
    print(type(e).__name__, e.__notes__)
try:
    'abc'.encode('returns_int')
except TypeError as e:
    print(getattr(e, '__notes__', None))
