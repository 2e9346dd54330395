# The buffer an array exports: format per typecode ('w' for 'u'), itemsize, shape, strides,
# writable; writes through a memoryview; casts; __buffer__ with and without PyBUF_FORMAT.
import array

for tc in array.typecodes:
    a = array.array(tc, 'ab' if tc == 'u' else [1, 2])
    m = memoryview(a)
    print(tc, m.format, m.itemsize, m.shape, m.strides, m.readonly, m.nbytes, m.ndim,
          m.contiguous, m.tobytes() == a.tobytes())
    m.release()
a = array.array('i', [1, 2, 3, 4])
m = memoryview(a)
print(m.tolist(), m[1], m[-1], m[1:3].tolist())
m[0] = 100
m[1:3] = array.array('i', [20, 30])
print(a)
print(m.cast('B')[:4].tolist(), m.cast('B').cast('i', (2, 2)).tolist())
m.release()
a.append(5)
print(a)
d = array.array('d', [0.25])
with memoryview(d) as md:
    print(md[0], md.cast('B').nbytes)
empty = array.array('q')
me = memoryview(empty)
print(me.nbytes, me.shape, me.tolist())
me.release()
for flags in (0, 4, 284, 1):  # SIMPLE, FORMAT, FULL_RO, WRITABLE
    v = a.__buffer__(flags)
    print(flags, v.format, v.itemsize, v.shape, v.strides, v.readonly)
    a.__release_buffer__(v)
a.append(6)
print(a)
