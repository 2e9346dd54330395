# Every typecode: typecode/itemsize attributes, empty and filled repr, module contents.
import array

print(array.typecodes)
print(array.ArrayType is array.array, array.array.__name__, array.array.__module__)
print(sorted(n for n in dir(array) if not n.startswith('__')))
print(array.__doc__.splitlines()[0])
print(array.array.__doc__.splitlines()[0])
for tc in array.typecodes:
    a = array.array(tc)
    print(tc, a.typecode, a.itemsize, repr(a), len(a))
samples = {'u': 'xyz', 'f': [0.5, -2.0], 'd': [1e300, -0.0]}
for tc in array.typecodes:
    a = array.array(tc, samples.get(tc, [0, 1, 100]))
    print(repr(a), str(a) == repr(a), a.tolist() if tc != 'u' else a.tounicode())
