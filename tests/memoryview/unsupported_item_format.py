# Item access on a view whose single-character format memoryview cannot unpack ('w', the
# format of an array('u') buffer) raises NotImplementedError naming the format.
import array

m = memoryview(array.array('u', 'ab'))
print(m.format, m.itemsize, m.nbytes)
for op in (lambda: m[0], m.tolist, lambda: list(m)):
    try:
        op()
    except NotImplementedError as e:
        print(type(e).__name__, e)
print(bytes(m) == array.array('u', 'ab').tobytes())
