# Incremental decoders and encoders: sequences split across calls (UTF-8, UTF-16/32 with BOMs
# and surrogate pairs, utf-8-sig), final=True errors, getstate/reset, iterencode/iterdecode.
import codecs

def feed(encoding, data, step=1, errors='strict'):
    d = codecs.getincrementaldecoder(encoding)(errors)
    out = []
    for i in range(0, len(data), step):
        out.append(d.decode(data[i:i + step]))
    out.append(d.decode(b'', final=True))
    return out

text = 'a\xe9\u20ac\U0001f600z'
for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-be', 'utf-8-sig',
            'latin-1', 'cp1252', 'unicode_escape', 'raw_unicode_escape']:
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = text[:2].encode(enc)
    parts = feed(enc, data)
    print(enc, data, parts, ''.join(parts) == data.decode(enc))
print(feed('utf-16', b'\xfe\xff\x00a\x00b', 3), feed('utf-8-sig', b'ab'), feed('utf-8-sig', b'\xef\xbb'))
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'ab\xe2\x82')), d.getstate())
try:
    d.decode(b'', final=True)
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
d.reset()
print(d.getstate(), repr(d.decode(b'\xac')) if False else '', feed('utf-8', b'a\xe2\x82', 2, 'replace'))
try:
    feed('utf-16', b'a\x00b')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
e = codecs.getincrementalencoder('utf-16')()
print(e.encode('a'), e.encode('b'), e.getstate())
e.reset()
print(e.encode('c'), e.getstate())
e = codecs.getincrementalencoder('utf-8-sig')()
print(e.encode('x'), e.encode('y', True))
print(list(codecs.iterencode(['a', '', 'b\xe9'], 'utf-16-be')), list(codecs.iterencode([], 'utf-8')))
print(list(codecs.iterdecode([b'\xe2', b'\x82', b'\xac', b'!'], 'utf-8')))
print(list(codecs.iterdecode([b'\xff\xfe\x00', b'\x00a\x00\x00\x00'], 'utf-32')))
try:
    codecs.getincrementalencoder('nope')
except LookupError as e:
    print('LookupError', e)
