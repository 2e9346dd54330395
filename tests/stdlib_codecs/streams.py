# StreamReader / StreamWriter / StreamReaderWriter / StreamRecoder over io.BytesIO, and
# codecs.open / EncodedFile.
import codecs
import io
import os
import tempfile

raw = io.BytesIO()
w = codecs.getwriter('utf-16')(raw)
w.write('line one\n')
w.writelines(['li', 'ne two\r\n', 'three\u20ac'])
print(raw.getvalue())
r = codecs.getreader('utf-16')(io.BytesIO(raw.getvalue()))
print(r.readline(), r.readline(keepends=False), repr(r.read()), repr(r.read()))
r = codecs.getreader('utf-8')(io.BytesIO('α\nβ\r\nγ\rδ'.encode()))
print(list(r))
r = codecs.getreader('utf-8')(io.BytesIO('héllo wörld'.encode()))
print(repr(r.read(3)), repr(r.read(chars=2)), repr(r.read(-1, 3)), repr(r.read()))
r = codecs.getreader('utf-8')(io.BytesIO(b'x\ny\n'))
print(r.readlines(), codecs.getreader('latin-1')(io.BytesIO(b'a\nb')).readlines(keepends=False))
r = codecs.getreader('utf-8')(io.BytesIO(b'ab\xffcd\n'), errors='replace')
print(repr(r.readline()))
r = codecs.getreader('utf-8')(io.BytesIO(b'ab\xffcd\n'))
try:
    r.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'f.txt')
    with codecs.open(path, 'w', encoding='cp1252') as f:
        print(type(f).__name__, f.encoding)
        f.write('caf\xe9 \u20ac\n')
    with open(path, 'rb') as f:
        print(f.read())
    with codecs.open(path, 'r', 'cp1252') as f:
        print(repr(f.read()))
    with codecs.open(path, encoding='utf-8', errors='replace') as f:
        print(repr(f.readline()))
    f = codecs.open(path, 'rb')
    print(type(f).__name__, f.read())
    f.close()
    try:
        codecs.open(path, 'r', encoding='nope')
    except LookupError as e:
        print('LookupError', e)

target = io.BytesIO()
ef = codecs.EncodedFile(target, 'utf-8', 'utf-16-le')
ef.write('é'.encode('utf-8'))
print(target.getvalue(), ef.data_encoding, ef.file_encoding)
ef = codecs.EncodedFile(io.BytesIO('xé\n'.encode('latin-1')), 'utf-8', 'latin-1')
print(ef.read(), ef.readline())
srw = codecs.StreamReaderWriter(io.BytesIO(b'abc'), codecs.getreader('ascii'), codecs.getwriter('ascii'))
print(srw.read(), srw.tell())
srw.write('de')
print(srw.getvalue())
