# errors= with registry codecs (built-in and registered handlers) and the error cases of the
# encoding argument.
import codecs
import io
import os
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, 'f.txt')
with open(p, 'wb') as f:
    f.write(b'ok\x81\x8d\xffend\n')
for errs in ['strict', 'replace', 'ignore', 'surrogateescape', 'backslashreplace']:
    try:
        with open(p, encoding='cp1252', errors=errs) as f:
            print(errs, ascii(f.read()), f.errors)
    except UnicodeDecodeError as e:
        print(errs, type(e).__name__, e)
for errs in ['strict', 'replace', 'ignore', 'xmlcharrefreplace', 'backslashreplace']:
    try:
        with open(p, 'w', encoding='koi8_r', errors=errs) as f:
            f.write('aé€ж\n')
        print(errs, open(p, 'rb').read())
    except UnicodeEncodeError as e:
        print(errs, type(e).__name__, e)


def handler(e):
    if isinstance(e, UnicodeDecodeError):
        return ('<%d>' % e.object[e.start], e.end)
    return ('?%d?' % ord(e.object[e.start]), e.end)


codecs.register_error('test.mine', handler)
with open(p, 'w', encoding='cp1252', errors='test.mine') as f:
    f.write('x\u0100y')
print(open(p, 'rb').read())
with open(p, 'wb') as f:
    f.write(b'a\x81b')
print(repr(open(p, encoding='cp1252', errors='test.mine').read()))
try:
    open(p, encoding='cp1252', errors='test.nosuch').read()
except LookupError as e:
    print(type(e).__name__, e)

# Decoding errors in UTF-16 (truncated data, missing BOM) and UTF-32.
for data, enc in [(b'\xff\xfea\x00b', 'utf-16'), (b'a\x00', 'utf-16'),
                  (b'\xff\xfe\x00\x00a\x00\x00', 'utf-32'), (b'\x00\xd8a\x00', 'utf-16-le')]:
    for errs in ['strict', 'replace']:
        with open(p, 'wb') as f:
            f.write(data)
        try:
            print(enc, errs, ascii(open(p, encoding=enc, errors=errs).read()))
        except UnicodeError as e:
            print(enc, errs, type(e).__name__, e)

# A decoding error surfaces from readline too, and the stream stays usable after a seek.
with open(p, 'wb') as f:
    f.write('line1\n'.encode('utf-16') + b'\x00\xdc' + 'x\n'.encode('utf-16-le'))
with open(p, encoding='utf-16') as f:
    f._CHUNK_SIZE = 4
    for i in range(2):
        try:
            print(repr(f.readline()))
        except UnicodeDecodeError as e:
            print(type(e).__name__, e)
    f.seek(0)
    f.reconfigure  # still attached and open
    print(f.closed)

# Unknown and non-text encodings.
for enc in ['nope', 'hex', 'rot13', 'base64', 'zlib', 'utf-8\0']:
    for mode in ['r', 'w']:
        try:
            open(p, mode, encoding=enc)
        except (LookupError, ValueError) as e:
            print(enc.encode(), mode, type(e).__name__, e)
for enc in ['hex', 'undefined-enc']:
    try:
        io.TextIOWrapper(io.BytesIO(), encoding=enc)
    except LookupError as e:
        print(type(e).__name__, e)
try:
    io.TextIOWrapper(io.BytesIO(), encoding=3)
except TypeError as e:
    print(type(e).__name__, e)
