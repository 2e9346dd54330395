# str(obj, encoding[, errors]) decodes any bytes-like object, not only bytes and bytearray.
import array

print(str(b'ab', 'ascii'), str(bytearray(b'cd'), 'ascii'))
print(str(memoryview(b'xyz')[1:], 'utf-8'))
print(str(array.array('b', [65, 66]), 'ascii'))
print(str(memoryview(b'\xe9t\xe9'), 'latin-1'), str(memoryview(b'\xff'), 'utf-8', 'replace'))
for bad in (5, [], 'text', None):
    try:
        str(bad, 'ascii')
    except TypeError as e:
        print(type(e).__name__, e)
try:
    str(memoryview(b'\xff'), 'ascii')
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
