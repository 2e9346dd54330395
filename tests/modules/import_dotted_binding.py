# `import a.b.c` binds only `a`; `import a.b.c as x` binds the submodule; from-import forms.
import zoo.animals.dogs
print(sorted(n for n in ("zoo", "animals", "dogs") if n in globals()))
print(zoo.animals.dogs.bark(), zoo.animals.dogs.__name__)
import zoo.animals.dogs as d
print(d is zoo.animals.dogs, d.__name__)
from zoo.animals import dogs
print(dogs is d)
from zoo import animals as a
print(a.dogs is d, a.__name__)
import zoo.keepers as k, zoo.animals as an
print(k.head_keeper, an.KINDS)
def local_scope():
    import zoo.animals.dogs
    return sorted(locals())
print(local_scope())
del zoo
print("zoo" in globals(), d.bark())
