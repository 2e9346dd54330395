# TextIOWrapper over registry codecs (code pages, UTF-16/32, utf-8-sig): write, read, read(n),
# readline, iteration, newline modes and the `newlines` record.
import io
import os
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, 'f.txt')
encodings = ['cp1252', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-8-sig',
             'iso8859_15', 'cp437', 'mac_roman', 'cp1251', 'koi8_r', 'UTF_16', 'Cp1252']
texts = {'cp1251': 'привет мир\nвторая строка\r\nтретья\rпоследняя',
         'koi8_r': 'привет мир\nвторая строка\r\nтретья\rпоследняя',
         'cp437': 'héllo ░▒\nsecond line\r\nthird\rlast',
         'mac_roman': 'héllo π\nsecond line\r\nthird\rlast'}
for enc in encodings:
    text = texts.get(enc, 'héllo €\nsecond line\r\nthird\rlast')
    with open(p, 'w', encoding=enc) as f:
        print(enc, f.encoding, f.errors, f.write(text))
    print(open(p, 'rb').read()[:24])
    with open(p, encoding=enc) as f:
        print(repr(f.readline()), repr(f.read(3)), repr(f.readline(4)), repr(f.read()))
        print(f.newlines)
    for nl in [None, '', '\n', '\r', '\r\n']:
        with open(p, encoding=enc, newline=nl) as f:
            print(repr(nl), list(f), f.newlines)
    with open(p, encoding=enc) as f:
        print(repr(f.read(0)), repr(f.read(1)), repr(f.read(-1)), repr(f.read()))

# Writing translates \n to the newline argument before encoding.
for nl in [None, '', '\n', '\r', '\r\n']:
    b = io.BytesIO()
    t = io.TextIOWrapper(b, encoding='utf-16-be', newline=nl)
    t.write('a\nb\r\nc')
    t.flush()
    print(repr(nl), b.getvalue())

# A BytesIO round trip through every family, with small chunks.
for enc in ['utf-16', 'utf-32-be', 'utf-8-sig', 'cp850', 'iso8859_2', 'unicode_escape',
            'raw_unicode_escape', 'latin_1', 'utf8']:
    b = io.BytesIO()
    t = io.TextIOWrapper(b, encoding=enc)
    t.write('line1 \\x é\nline2\n')
    t.flush()
    b.seek(0)
    r = io.TextIOWrapper(b, encoding=enc)
    r._CHUNK_SIZE = 3
    print(enc, r.readlines(), b.getvalue()[:12])

# Line buffering flushes on a newline.
b = io.BytesIO()
t = io.TextIOWrapper(io.BufferedWriter(b), encoding='utf-16-le', line_buffering=True)
t.write('ab')
print(b.getvalue())
t.write('c\n')
print(b.getvalue())
t.write('d\r')
print(b.getvalue())

# Iteration then tell.
with open(p, 'w', encoding='cp1252') as f:
    f.write('x\ny\n')
with open(p, encoding='cp1252') as f:
    for line in f:
        try:
            f.tell()
        except OSError as e:
            print(type(e).__name__, e)
    print(f.tell())
