# Subclasses: repr with the class name, extra __init__ arguments (keywords allowed only when
# __init__ is overridden), attributes, overridden methods, slicing/concatenation results.
import array, weakref

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

class Plain(array.array):
    pass

class WithInit(array.array):
    def __init__(self, typecode, initializer=(), *, scale=1):
        self.scale = scale

class WithNew(array.array):
    def __new__(cls, values):
        return super().__new__(cls, 'd', values)
    def total(self):
        return sum(self)
    def append(self, v):
        super().append(v * 10)

p = Plain('i', [1, 2])
print(p, type(p).__name__, isinstance(p, array.array), type(p[:1]).__name__, type(p + p).__name__,
      type(p * 2).__name__)
p += array.array('i', [3])
p *= 2
print(p, type(p).__name__)
p.attr = 'a'
print(p.attr, p.__dict__, p == array.array('i', [1, 2, 3, 1, 2, 3]))
t('plain kw', lambda: Plain('i', initializer=[1]))
w = WithInit('h', [1], scale=3)
print(w, w.scale)
t('init too many', lambda: WithInit('h', [1], 5))
n = WithNew([1, 2])
n.append(3)
print(n, n.total(), memoryview(n).format)
r = weakref.ref(p)
print(r() is p)
del p
print(r())
t('plain no args', lambda: Plain())
t('plain bad typecode', lambda: Plain('z'))
print(issubclass(Plain, array.ArrayType), Plain.__mro__[1:])
class Cmp(array.array):
    def __eq__(self, other):
        return 'custom'
print(Cmp('i') == array.array('i'), array.array('i') == Cmp('i'))
