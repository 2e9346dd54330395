# Keyword arguments of NameError, AttributeError and ImportError (and subclasses): CPython's messages.
class E(AttributeError):
    pass
class F(ImportError):
    pass
for src in ['ImportError(name=1, path=2, x=3)', 'ImportError(x=1)', 'F(x=1)', 'ModuleNotFoundError(q=1)',
            'NameError(name=1, obj=2)', 'NameError(x=1)', 'UnboundLocalError(x=1)',
            'AttributeError(name=1, obj=2, z=3)', 'AttributeError(q=2)', 'E(x=1)']:
    try:
        eval(src)
    except TypeError as e:
        print(src, "->", e)
e = AttributeError("m", name="n", obj=5)
print(e.name, e.obj, NameError("x", name="y").name, ImportError("m", name="a", path="b").path)
