# Single-byte codepages (charmap codecs): round trips, undefined bytes and unencodable
# characters with each error handler, aliases.
import codecs

for enc in ['cp1252', 'cp1250', 'cp1251', 'cp437', 'cp850', 'cp866', 'iso8859_2', 'iso8859_5',
            'iso8859_7', 'iso8859_15', 'koi8_r', 'koi8_u', 'mac_roman']:
    table = bytes(range(256)).decode(enc, 'replace')
    back = table.encode(enc, 'replace')
    print(enc, codecs.lookup(enc).name, ascii(table[128:136]), table.count('\ufffd'),
          back == bytes(range(256)) or table.count('\ufffd'))
print('Grüße €'.encode('cp1252'), 'Привет'.encode('koi8_r'), 'Привет'.encode('windows-1251'))
print(b'\xc7\xf0\xe0'.decode('cp1251'), b'\x80\x9f'.decode('cp1252'), b'\xa4'.decode('latin9'))
for errors in ['strict', 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace']:
    try:
        print(errors, 'a\u0100\u0101b'.encode('cp1252', errors))
    except UnicodeEncodeError as e:
        print(errors, 'UnicodeEncodeError', e, e.start, e.end)
    try:
        print(errors, repr(b'a\x81\x8db'.decode('cp1252', errors)))
    except UnicodeDecodeError as e:
        print(errors, 'UnicodeDecodeError', e, e.start, e.end)
    except TypeError as e:
        print(errors, 'TypeError', e, e.__notes__)
print(codecs.charmap_decode(b'\x00\x01\x02', 'strict', 'abc'), codecs.charmap_decode(b'\xe9'))
print(codecs.charmap_decode(b'\x00\x01', 'strict', {0: 'xy', 1: 66}), codecs.charmap_encode('a\xe9'))
m = codecs.charmap_build('abc')
print(type(m).__name__, sorted(m.items()), codecs.charmap_encode('cab', 'strict', m))
print(codecs.charmap_encode('ab', 'strict', {97: b'AA', 98: 7}), codecs.charmap_encode('azz', 'ignore', m))

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: codecs.charmap_decode(b'\x00\x05', 'strict', 'ab'))
attempt(lambda: codecs.charmap_decode(b'\x02', 'strict', 'ab\ufffe'))
attempt(lambda: codecs.charmap_decode(b'\x00', 'strict', {0: 1.5}))
attempt(lambda: codecs.charmap_decode(b'\x00', 'strict', {0: -1}))
attempt(lambda: codecs.charmap_decode(b'\x00', 'strict', {}))
attempt(lambda: codecs.charmap_encode('a', 'strict', {97: 'x'}))
attempt(lambda: codecs.charmap_encode('a', 'strict', {97: 300}))
attempt(lambda: codecs.charmap_encode('zz', 'replace', m))
attempt(lambda: codecs.charmap_encode('zz', 'replace', {122: None, 63: 63}))
attempt(lambda: codecs.charmap_build(5))
