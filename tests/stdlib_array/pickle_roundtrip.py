# Arrays (and subclasses with attributes, and iterators) survive pickling with every protocol.
import array, pickle

class Tagged(array.array):
    pass

values = [array.array('i', [1, -2]), array.array('u', 'h\xe9\U0001f600'), array.array('d', [1.5]),
          array.array('B'), array.array('Q', [2 ** 64 - 1]), array.array('f', [0.25, -1])]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for a in values:
        b = pickle.loads(pickle.dumps(a, proto))
        print(proto, b, b == a, type(b).__name__, b.typecode)
    x = Tagged('h', [5, 6])
    x.tag = 'T'
    y = pickle.loads(pickle.dumps(x, proto))
    print(proto, y, type(y).__name__, y.tag, y == x)
it = iter(array.array('i', [1, 2, 3]))
next(it)
print(list(pickle.loads(pickle.dumps(it))), list(it))
print(list(pickle.loads(pickle.dumps(it))))
data = pickle.dumps([array.array('b', [1]), array.array('b', [1])], 4)
print(pickle.loads(data))
