# TextIOWrapper.reconfigure(): encoding, errors, newline, line_buffering, write_through, on
# files and on sys.stdout.
import io
import os
import sys
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, 'f.txt')
with open(p, 'w', encoding='utf-8') as f:
    f.write('é')
    print(f.reconfigure(encoding='cp1252'))
    f.write('é\n')
    print(f.encoding, f.errors)
    f.reconfigure(errors='replace')
    print(f.encoding, f.errors)
    f.write('\u0100')
    f.reconfigure(encoding='utf-16')
    f.write('z')
    f.reconfigure(newline='\r\n')
    f.write('q\n')
    print(f.line_buffering, f.write_through)
    f.reconfigure(line_buffering=True, write_through=1)
    print(f.line_buffering, f.write_through)
    f.reconfigure(encoding='latin-1', errors=None)
    print(f.encoding, f.errors)
    f.write('ÿ')
print(open(p, 'rb').read())

with open(p, encoding='latin-1') as f:
    f.read(1)
    for kw in [dict(encoding='cp1252'), dict(errors='strict'), dict(newline=None)]:
        try:
            f.reconfigure(**kw)
        except Exception as e:
            print(type(e).__name__, e)
    f.reconfigure(line_buffering=False)
    f.read()
    f.reconfigure(encoding='cp1252')
    print(f.encoding)
    f.seek(0)
    print(repr(f.read()))

for kw in [dict(encoding=1), dict(errors=2), dict(newline=3), dict(newline='x'),
           dict(encoding='hex'), dict(encoding='bad'), dict(bogus=1)]:
    try:
        with open(p) as f:
            f.reconfigure(**kw)
    except Exception as e:
        print(type(e).__name__, e)
try:
    open(p).reconfigure('utf-8')
except TypeError as e:
    print(e)

# Newline change on read, then reading with the new mode.
b = io.BytesIO('a\r\nb\rc\n'.encode('utf-16'))
t = io.TextIOWrapper(b, encoding='utf-16')
t.reconfigure(newline='')
print(list(t))

# sys.stdout to a registry codec and back.
sys.stdout.flush()
sys.stdout.reconfigure(encoding='cp1252', errors='replace')
print('é€ж', sys.stdout.encoding, sys.stdout.errors)
sys.stdout.flush()
sys.stdout.buffer.write(b'[raw]\n')
sys.stdout.reconfigure(errors='backslashreplace')
print('ж')
sys.stdout.reconfigure(encoding='utf-8', errors='strict')
print('ж', sys.stdout.encoding)
