# inspect: predicates, getmembers, signature/Parameter/bind, getdoc/cleandoc, getsource, unwrap
import inspect


def plain(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
    """Docstring
       with indentation.
    """
    return a


def gen():
    yield 1


async def coro(x: int, y: 'str' = 'q') -> None:
    pass


class Shape:
    """A shape."""
    sides = 0

    def __init__(self, name: str, size: float = 1.0):
        self.name = name

    def area(self):
        return 0

    @staticmethod
    def make():
        return Shape('x')

    @classmethod
    def build(cls, n):
        return cls(str(n))

    @property
    def label(self):
        return self.name


s = Shape('sq')
print(inspect.isfunction(plain), inspect.isfunction(len), inspect.isclass(Shape), inspect.isclass(s))
print(inspect.ismethod(s.area), inspect.ismethod(Shape.area), inspect.isgeneratorfunction(gen),
      inspect.isgenerator(gen()), inspect.iscoroutinefunction(coro), inspect.iscoroutinefunction(plain))
print(inspect.isbuiltin(len), inspect.isroutine(len), inspect.isroutine(s.area), inspect.ismodule(inspect),
      inspect.ismethoddescriptor(str.join), inspect.isdatadescriptor(Shape.label))
print([n for n, v in inspect.getmembers(Shape) if not n.startswith('__')])
print([n for n, v in inspect.getmembers(s, inspect.ismethod)])
for f in (plain, gen, coro, Shape, s.area, Shape.area, Shape.build, Shape.make, lambda x, *, y=2: 0):
    print(inspect.signature(f))
sig = inspect.signature(plain)
for p in sig.parameters.values():
    print(p.name, p.kind, p.default is inspect.Parameter.empty, p.annotation, repr(p))
print(sig.return_annotation, repr(sig))
ba = sig.bind(1, 2, 3, 4, 5, d=6, z=7)
print(ba.arguments, ba.args, ba.kwargs)
ba = inspect.signature(Shape).bind('n')
ba.apply_defaults()
print(ba, ba.arguments)
for args, kwargs in [((), {}), ((1,), {}), ((1, 2, 3), {'d': 1, 'c': 2}), ((1,), {'a': 2, 'd': 1})]:
    try:
        sig.bind(*args, **kwargs)
    except TypeError as e:
        print('TypeError', e)
print(inspect.getdoc(plain))
print(repr(inspect.cleandoc('  first\n    second\n      third\n')), inspect.getdoc(Shape))
print(inspect.getsource(Shape.area), end='')
print(inspect.getsourcelines(gen))
print(inspect.getfullargspec(plain))


def deco(f):
    def wrapper(*a, **k):
        return f(*a, **k)
    wrapper.__wrapped__ = f
    return wrapper


@deco
def decorated(x, y=5):
    pass


print(inspect.signature(decorated), inspect.unwrap(decorated) is not decorated)
try:
    inspect.signature(5)
except TypeError as e:
    print('TypeError', e)
print(inspect.currentframe().f_code.co_name, inspect.getmodule(plain).__name__, inspect.getfile(plain))
