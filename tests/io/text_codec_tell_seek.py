# tell()/seek() with registry codecs: CPython's cookies (decoder flags, bytes to feed, characters
# to skip, the newline wrapper's held-back '\r'), checked at every character and every line for
# each newline mode and several chunk sizes; each cookie must seek back to the same place.
import os
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, 'f.txt')
text = 'ab\r\ncd\ref\ngh€\r\r\n\nij\r'
for enc in ['cp1252', 'utf-16', 'utf-16-be', 'utf-32', 'utf-8-sig']:
    with open(p, 'w', encoding=enc, newline='') as f:
        f.write(text)
    for nl in [None, '', '\n', '\r']:
        for cs in [1, 2, 3, 8192]:
            out = []
            with open(p, encoding=enc, newline=nl) as f:
                f._CHUNK_SIZE = cs
                cookies = []
                while True:
                    c = f.tell()
                    s = f.read(1)
                    if not s:
                        break
                    cookies.append((c, s))
                out.append(cookies)
                out.append(f.newlines)
                for c, s in reversed(cookies):
                    f.seek(c)
                    if f.read(1) != s:
                        out.append(('bad', c))
                f.seek(0)
                lines = []
                while True:
                    c = f.tell()
                    line = f.readline()
                    if not line:
                        break
                    lines.append((c, line))
                out.append(lines)
                for c, line in lines:
                    f.seek(c)
                    if f.readline() != line:
                        out.append(('badline', c))
                out.append(f.newlines)
            print(enc, repr(nl), cs, out)

# seek(0, 2) and seek(0, 1); tell after read() and after a seek.
with open(p, 'w', encoding='utf-16') as f:
    f.write(text)
with open(p, encoding='utf-16') as f:
    print(f.read(2), f.tell(), f.seek(0, 1), f.seek(0, 2), f.tell(), repr(f.read()))
    print(f.seek(0), repr(f.read(3)), f.tell())
    f.read()
    print(f.tell())

# Cookies that cannot be restored, and bad arguments.
with open(p, encoding='utf-16') as f:
    for args in [(2 + (5 << 128),), (-1,), (1 << 200,), (1, 1), (1, 2), (0, 3), ('x',)]:
        try:
            print(f.seek(*args))
        except Exception as e:
            print(type(e).__name__, e)
