# gc.callbacks are called before and after each collection with the phase and
# an info dict.
import gc

events = []

def cb(phase, info):
    events.append((phase, info["generation"], sorted(info)))

gc.collect()
gc.callbacks.append(cb)
l = []
l.append(l)
del l
n = gc.collect(1)
gc.callbacks.remove(cb)
print(n)
for e in events:
    print(e)
gc.collect()
print(len(events))
