# frombytes accepts any C-contiguous bytes-like object of byte items; tobytes and byteswap.
import array

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

a = array.array('H')
a.frombytes(b'\x01\x00\x02\x00')
a.frombytes(bytearray(b'\x03\x00'))
a.frombytes(memoryview(b'\x04\x00\x05\x00')[2:])
a.frombytes(array.array('B', [6, 0]))
a.frombytes(b'')
print(a, a.tobytes())
t('odd length', lambda: a.frombytes(b'\x07'))
t('str', lambda: a.frombytes('ab'))
t('int', lambda: a.frombytes(2))
t('int array', lambda: a.frombytes(array.array('h', [1])))
t('non-contiguous', lambda: a.frombytes(memoryview(b'abcd')[::2]))
t('list', lambda: a.frombytes([1, 2]))
print(a)
for tc in 'bBhHiIlLqQfd':
    x = array.array(tc, [1, 2])
    raw = x.tobytes()
    x.byteswap()
    y = array.array(tc)
    y.frombytes(raw)
    print(tc, len(raw), x.tobytes() == b''.join(raw[i:i + x.itemsize][::-1] for i in range(0, len(raw), x.itemsize)), y == array.array(tc, [1, 2]))
u = array.array('u', 'ab')
u.byteswap()
print(u.tobytes())
t('byteswap arg', lambda: a.byteswap(1))
t('tobytes arg', lambda: a.tobytes(1))
print(array.array('d').tobytes(), bytes(array.array('b', [-1, 1])))
