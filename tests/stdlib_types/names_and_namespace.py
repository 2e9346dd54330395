import types
ns = types.SimpleNamespace(a=1, b='x'); print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x'), ns == types.SimpleNamespace(a=1))
ns.c = [1]; del ns.a; print(ns, repr(types.SimpleNamespace()))
try: types.SimpleNamespace({'a': 1})
except TypeError as e: print(e)
class N(types.SimpleNamespace): pass
print(N(x=1), type(ns).__name__, types.SimpleNamespace.__module__)
def f(): yield
print(isinstance(f, types.FunctionType), isinstance(f(), types.GeneratorType), isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
print(types.NoneType, types.EllipsisType, types.NotImplementedType, types.GenericAlias, types.UnionType, types.MappingProxyType)
m = types.ModuleType('mymod', 'doc'); print(m, m.__doc__)
class K: 
    def meth(self): return 1
bound = types.MethodType(lambda self: self.__class__.__name__, K()); print(bound())
mp = types.MappingProxyType({'a': 1}); print(mp['a'], list(mp))
try: mp['b'] = 2
except TypeError as e: print(e)
X = types.new_class('X', (K,), {}, lambda ns: ns.update(y=5)); print(X.__name__, X.y, X().meth(), X.__mro__)
print(types.CodeType, types.MethodType, types.MemberDescriptorType, types.GetSetDescriptorType, types.CellType)
print(sorted(n for n in types.__all__ if 'Coroutine' not in n and 'Async' not in n and n not in ('CapsuleType',)))
