# The BOM of utf-16 / utf-32 / utf-8-sig is written only at the start of the stream: appending,
# seeking away from 0 and non-seekable streams (a pipe) write none, seek(0) writes it again.
import os
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, 'f.txt')
for enc in ['utf-16', 'utf-32', 'utf-8-sig', 'utf-16-be']:
    with open(p, 'w', encoding=enc) as f:
        f.write('ab')
    with open(p, 'a', encoding=enc) as f:
        f.write('cd')
    print(enc, open(p, 'rb').read(), repr(open(p, encoding=enc).read()))
    with open(p, 'r+', encoding=enc) as f:
        f.seek(0, 2)
        f.write('ef')
        f.seek(0)
        print(repr(f.read()))
    with open(p, 'r+', encoding=enc) as f:
        f.seek(0)
        f.write('X')
    print(open(p, 'rb').read(), repr(open(p, encoding=enc).read()))
    with open(p, 'w', encoding=enc) as f:
        f.write('a')
        f.seek(0)
        f.write('b')
        f.seek(0, 2)
        f.write('c')
        pos = f.tell()
        f.write('d')
        f.seek(pos)
        f.write('e')
    print(open(p, 'rb').read())
    with open(p, 'w+', encoding=enc) as f:
        f.write('hello\nworld\n')
        f.seek(0)
        print(repr(f.readline()), f.tell())
        t = f.tell()
        f.read()
        f.seek(t)
        print(repr(f.read()))
    # A pipe is not seekable: CPython writes the UTF-16/32 BOM only at a known start.
    r, w = os.pipe()
    with open(w, 'w', encoding=enc) as f:
        f.write('p')
        f.write('q')
    with open(r, 'rb') as f:
        print('pipe', f.read())

# Reading: the BOM picks the byte order (and is not part of the text).
for data in [b'\xff\xfea\x00', b'\xfe\xff\x00a', b'\xef\xbb\xbfa', b'a']:
    for enc in ['utf-16', 'utf-8-sig']:
        try:
            with open(p, 'wb') as f:
                f.write(data)
            print(enc, data, repr(open(p, encoding=enc).read()))
        except UnicodeError as e:
            print(enc, data, type(e).__name__, e)
