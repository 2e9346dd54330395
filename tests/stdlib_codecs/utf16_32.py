# UTF-16/32 through the codec functions: BOM detection (utf_16_ex_decode), byte order argument,
# the BOM constants, and partial decoding.
import codecs

print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
print(codecs.BOM == codecs.BOM_UTF16, codecs.BOM_LE, codecs.BOM_BE, codecs.BOM32_LE, codecs.BOM64_BE)
print(codecs.BOM_UTF16 in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), len(codecs.BOM_UTF32))
print(codecs.utf_16_encode('ab'), codecs.utf_16_encode('ab', None, -1), codecs.utf_16_encode('ab', 'strict', 1))
print(codecs.utf_32_encode('a'), codecs.utf_32_encode('a', None, 1), codecs.utf_32_le_encode('\U0001f600'))
print(codecs.utf_16_be_encode('\U0001f600'), codecs.utf_16_le_decode(b'a\x00b'), codecs.utf_16_le_decode(b'a\x00b', None, True) if False else '')
for data in [b'\xff\xfea\x00', b'\xfe\xff\x00a', b'a\x00', b'\xff', b'', b'\xfe\xff\x00a\xd8\x3d', b'\xff\xfe']:
    for final in (False, True):
        try:
            print(data, final, codecs.utf_16_ex_decode(data, 'strict', 0, final))
        except UnicodeDecodeError as e:
            print(data, final, 'UnicodeDecodeError', e)
print(codecs.utf_16_ex_decode(b'\xff\xfea\x00', 'strict', 1, True), codecs.utf_16_ex_decode(b'a\x00', None, -1))
print(codecs.utf_32_ex_decode(b'\x00\x00\xfe\xff\x00\x00\x00a\x00', 'strict', 0, False))
print(codecs.utf_32_decode(b'\xff\xfe\x00\x00a\x00\x00\x00'), codecs.utf_32_be_decode(b'\x00\x00\x00a\x00\x00', None, False))
print(codecs.utf_8_decode(b'ab\xf0\x9f\x98'), codecs.utf_8_decode(b'ab\xf0\x9f\x98', 'replace', True))
print(codecs.utf_8_decode(b'\xe2\x82\xacx\xe2'), codecs.utf_8_encode('\u20ac'), codecs.latin_1_decode(b'\xe9'))
print(codecs.ascii_encode('ab'), codecs.ascii_decode(b'ab', 'strict'), codecs.latin_1_encode('\xe9', None))
print('\U0001f600a'.encode('utf-16'), b'\xff\xfe=\xd8\x00\xdea\x00'.decode('utf-16'))

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: codecs.utf_8_encode(b'x'))
attempt(lambda: codecs.utf_8_encode('x', 5))
attempt(lambda: codecs.utf_8_decode('x'))
attempt(lambda: codecs.ascii_decode(b'a', None, True))
attempt(lambda: codecs.utf_16_encode('a', None, 'big'))
attempt(lambda: codecs.utf_16_decode(b'\x00\xd8', 'strict', True))
attempt(lambda: codecs.utf_32_decode(b'\x00\x00\x11\x00'))
attempt(lambda: codecs.latin_1_encode('\u20ac'))
