# Objects that cannot be weakly referenced, and argument errors.
import weakref

for value in (1, "s", [], (), {}, 1.5, None, b"x", True):
    try:
        weakref.ref(value)
    except TypeError as e:
        print(e)
    try:
        weakref.proxy(value)
    except TypeError as e:
        print("proxy:", e)

for call in (lambda: weakref.ref(), lambda: weakref.ref(1, 2, 3)):
    try:
        call()
    except TypeError as e:
        print(e)

print(weakref.getweakrefcount(1), weakref.getweakrefs(1))
