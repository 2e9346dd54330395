# Cycles of lists and dicts are found by gc.collect(), which returns how many
# unreachable objects it found; reachable cycles are left alone.
import gc

gc.collect()
a = []
b = [a]
a.append(b)
del a, b
print("two lists:", gc.collect())

d = {}
d["self"] = d
del d
print("dict:", gc.collect())

l = []
l.append(l)
keep = l
del l
print("still referenced:", gc.collect(), len(keep))
del keep
print("released:", gc.collect())

# A longer ring of lists and dicts.
first = [0]
node = first
for i in range(9):
    nxt = {"prev": node} if i % 2 else [node]
    node = nxt
first.append(node)
del first, node, nxt
print("ring of 10:", gc.collect())

# A cycle hanging off a reachable object is reachable.
holder = [[]]
holder[0].append(holder[0])
print("under a root:", gc.collect())
holder.clear()
print("after clear:", gc.collect())

# Generations: collecting generation 0 also finds young cycles.
x = [[]]
x[0].append(x)
del x
print("generation 0:", gc.collect(0))
print("nothing left:", gc.collect(2))
