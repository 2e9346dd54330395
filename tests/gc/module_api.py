# The gc module's interface: enable/disable, thresholds, counts, is_tracked,
# argument errors, constants and the garbage/callbacks lists.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 5, 6)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())

count = gc.get_count()
print(type(count).__name__, len(count), all(isinstance(c, int) and c >= 0 for c in count))

print(gc.is_tracked(1), gc.is_tracked("text"), gc.is_tracked(None), gc.is_tracked(1.5))
print(gc.is_tracked([]), gc.is_tracked(gc.is_tracked), gc.is_tracked(int))

def f():
    pass

print(gc.is_tracked(f), gc.is_tracked(gc))

print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)

for call in (lambda: gc.collect(3), lambda: gc.collect(-1), lambda: gc.set_threshold(),
             lambda: gc.is_tracked(), lambda: gc.enable(1), lambda: gc.collect("x"),
             lambda: gc.get_objects(3)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

print(gc.garbage, type(gc.callbacks).__name__)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
print(isinstance(gc.get_objects(), list))
print(gc.get_referents([1, "a"]) == [1, "a"] or gc.get_referents([1, "a"]) == ["a", 1])
