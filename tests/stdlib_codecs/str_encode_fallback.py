# str.encode, bytes.decode, str() and bytes() reach the codec registry for encodings the
# built-in fast path does not know, with CPython's errors for unknown names.
import codecs

print('caf\xe9 \u20ac'.encode('cp1252'), b'caf\xe9 \x80'.decode('windows-1252'))
print(str(b'\xc0\xc1', 'koi8-r'), bytes('Ωμέγα', 'iso8859-7'), bytearray('Ā', 'iso8859_4'))
print('x'.encode('utf_8_sig'), b'\xef\xbb\xbfx'.decode('utf-8-sig'), b'x'.decode('utf-8-sig'))
print('\u1234\n'.encode('unicode-escape'), b'\\u1234'.decode('unicode_escape'))
print('abc'.encode(encoding='IBM437'), b'\xb0\xb1'.decode('cp437'), 'é'.encode('mac_roman'))
print('é'.encode('UTF8'), 'é'.encode('Latin_1'), b'\xe9'.decode('L1'))

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: 'x'.encode('no-such-codec'))
attempt(lambda: b'x'.decode('No Such Codec'))
attempt(lambda: str(b'x', 'nope'))
attempt(lambda: bytes('x', 'nope'))
attempt(lambda: '\u20ac'.encode('cp437'))
attempt(lambda: b'\x81'.decode('cp1252'))
attempt(lambda: 'x'.encode('cp1252', 'no.such.handler'))
attempt(lambda: '\u0100'.encode('cp1252', 'no.such.handler'))
# Names CPython decodes without the registry raise plain errors; the others carry the note.
for f in [lambda: b'\xff'.decode('utf-16-le'), lambda: b'\xff'.decode('UTF-16'), lambda: b'\xff'.decode('u8'),
          lambda: '\xff'.encode('646'), lambda: '\xff'.encode('US-ASCII'), lambda: 'x\udc00'.encode('utf-32-be'),
          lambda: '\u0100'.encode('Latin-1'), lambda: b'\\u'.decode('raw_unicode_escape'), lambda: b'\xff'.decode('cp437' if False else 'koi8-r')]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e, getattr(e, '__notes__', None))
