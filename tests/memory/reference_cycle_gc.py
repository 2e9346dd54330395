# A reference cycle is not freed by refcounting alone; gc.collect() frees it.
import gc, weakref
def make_cycle():
    def f():
        pass
    lst = [f]
    f.self_ref = lst
    return weakref.ref(f)
gc.disable()
r = make_cycle()
print("alive after return:", r() is not None)
gc.collect()
print("alive after gc.collect():", r() is not None)
gc.enable()
