# object() instances and builtins on them.
o = object()
print(type(o).__name__, o == o, o != object(), isinstance(o, object), hash(o) == hash(o), bool(o))
try:
    o.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(str(o).startswith("<object object at 0x"), repr(o) == str(o))
