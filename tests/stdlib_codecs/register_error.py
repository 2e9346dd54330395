# codecs.register_error: custom handlers called by str.encode / bytes.decode for every codec
# family (resume positions, negative positions, bytes replacements), and the errors for bad
# handler results.
import codecs

def tag(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('<%s:%d-%d>' % (exc.encoding, exc.start, exc.end), exc.end)
    return ('<%s:%d-%d:%s>' % (exc.encoding, exc.start, exc.end, exc.reason), exc.end)

codecs.register_error('test.tag', tag)
print(codecs.lookup_error('test.tag') is tag)
s = 'a\xe9\xe8b\u20acc\udc80d'
for enc in ['ascii', 'latin-1', 'utf-8', 'utf-16-le', 'utf-32-be', 'cp1252']:
    print(enc, s.encode(enc, 'test.tag'))
for data, enc in [(b'a\xff\xfeb', 'utf-8'), (b'a\xe2\x82', 'utf-8'), (b'\x80ab\x90', 'ascii'),
                  (b'a\x00\x00\xd8b\x00', 'utf-16-le'), (b'a\x00\x00', 'utf-32-le'),
                  (b'a\x81b', 'cp1252'), (b'\\u12x', 'raw_unicode_escape'), (b'\\xzz', 'unicode_escape')]:
    print(enc, repr(data.decode(enc, 'test.tag')))

codecs.register_error('test.skip2', lambda e: ('', e.end + 1))
print('\xe9abc'.encode('ascii', 'test.skip2'), b'\xffabc'.decode('ascii', 'test.skip2'))
codecs.register_error('test.back', lambda e: ('?', -1))
print('a\xe9b'.encode('ascii', 'test.back'))
codecs.register_error('test.bytes', lambda e: (b'\xff\xfe', e.end))
print('a\xe9'.encode('ascii', 'test.bytes'), 'a\udc00'.encode('utf-16-le', 'test.bytes'))

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

codecs.register_error('test.notuple', lambda e: 'x')
codecs.register_error('test.badpos', lambda e: ('x', 100))
codecs.register_error('test.nonascii', lambda e: ('\xe9', e.end))
codecs.register_error('test.bytesdec', lambda e: (b'x', e.end))
codecs.register_error('test.raise', lambda e: 1 / 0)
attempt(lambda: '\xe9'.encode('ascii', 'test.notuple'))
attempt(lambda: b'\xff'.decode('ascii', 'test.notuple'))
attempt(lambda: '\xe9'.encode('ascii', 'test.badpos'))
attempt(lambda: b'\xff'.decode('utf-8', 'test.badpos'))
attempt(lambda: '\u20ac'.encode('ascii', 'test.nonascii'))
attempt(lambda: '\u20ac'.encode('latin-1', 'test.nonascii'))
attempt(lambda: b'\xff'.decode('utf-8', 'test.bytesdec'))
attempt(lambda: '\xe9'.encode('ascii', 'test.raise'))
attempt(lambda: '\xe9'.encode('ascii', 'no.such.handler'))
attempt(lambda: codecs.lookup_error('no.such.handler'))
attempt(lambda: codecs.register_error('x', 42))
attempt(lambda: codecs.register_error(42, print))
attempt(lambda: codecs.lookup_error(42))
print('abc'.encode('ascii', 'no.such.handler'))
