# Initializers: list, tuple, bytes, bytearray, str ('u'), arrays, ranges, generators, memoryview.
import array

print(array.array('i', [1, 2, 3]))
print(array.array('h', (4, 5)))
print(array.array('i', b'\x01\x00\x00\x00\x02\x00\x00\x00'))
print(array.array('H', bytearray(b'\xff\xff\x00\x01')))
print(array.array('B', memoryview(b'ab')))  # memoryview is iterated, not copied as bytes
print(array.array('i', memoryview(b'\x01\x00\x00\x00')))
print(array.array('u', 'hello'))
print(array.array('u', ['a', 'b']))
print(array.array('d', range(3)))
print(array.array('b', (x * x for x in range(4))))
src = array.array('i', [7, 8])
copy = array.array('i', src)
copy[0] = 0
print(src, copy)
print(array.array('d', array.array('i', [1, 2])))
print(array.array('q', array.array('B', [255])))
print(array.array('u', array.array('u', 'ok')))
print(array.array('f', {3: 'x'}))
print(array.array('i', iter([])))
print(array.array('Q', [True, False]))
