# With reference counting, an object is freed the moment its last reference goes away.
import weakref
def make():
    def inner():
        return 42
    return inner
fn = make()
r = weakref.ref(fn)
print(r() is fn, r()())
del fn
print(r())
def g(): pass
log = []
weakref.finalize(g, log.append, "g finalized")
print(log)
del g
print(log)
