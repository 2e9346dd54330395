# The 'u' typecode: fromunicode/tounicode, non-BMP characters, lone surrogates, invalid code
# units read from bytes, and the errors of the str-only methods.
import array

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

u = array.array('u', 'h\xe9\u20ac\U0001f600')
print(u, len(u), u.itemsize, u.tounicode() == 'h\xe9\u20ac\U0001f600')
print([ord(c) for c in u])
u.fromunicode('\ud800z')
print(ascii(u.tounicode()), u[-2] == '\ud800')
u.append('!')
u[0] = 'H'
print(u, u.index('z'), u.count('!'), 'z' in u)
print(u.tobytes()[:8])
t('fromunicode bytes', lambda: u.fromunicode(b'x'))
t('fromunicode int arr', lambda: array.array('i').fromunicode('x'))
t('fromunicode int arr bytes', lambda: array.array('i').fromunicode(b'x'))
t('tounicode int arr', lambda: array.array('b').tounicode())
bad = array.array('u')
bad.frombytes(b'\x00\x00\x11\x00')  # U+110000 is not a code point
print(len(bad))
t('repr invalid', lambda: repr(bad))
t('tounicode invalid', lambda: bad.tounicode())
t('getitem invalid', lambda: bad[0])
t('tolist invalid', lambda: bad.tolist())
bad.frombytes(b'\xff\xff\xff\xff')
t('repr invalid 2', lambda: bad[1:].tounicode())
print(array.array('u', 'ab') == array.array('u', 'ab'), array.array('u', 'ab') < array.array('u', 'b'))
t('u vs int', lambda: array.array('u', 'a') < array.array('i', [1]))
print(array.array('u', 'a') == array.array('i', [97]))
