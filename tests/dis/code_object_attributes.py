# Code object attributes that do not depend on the bytecode itself.
def f(a, b, *args, c=1, **kw):
    local = a + b
    return local
co = f.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount, co.co_nlocals)
print(co.co_varnames, co.co_filename, co.co_firstlineno, type(co.co_code).__name__, len(co.co_code) > 0)
print(type(co).__name__, co.co_qualname, isinstance(co.co_consts, tuple), isinstance(co.co_names, tuple))
