# The collector untracks tuples whose items can't take part in a cycle (as CPython), and a tuple
# that is tracked again when it may hold containers: gc.is_tracked answers as CPython's does, and
# cycles through reused tuples are still collected.
import gc

gc.collect()
atomic = tuple([1, "a", 2.5, None])
nested = tuple([atomic, (3, 4)])
holds_list = tuple([[], 1])
print(gc.is_tracked(atomic), gc.is_tracked(nested), gc.is_tracked(holds_list))
gc.collect()
print(gc.is_tracked(atomic), gc.is_tracked(nested), gc.is_tracked(holds_list))

# Tuples made and dropped in bulk, then reused from the free list with a container inside: the
# new tuple must be tracked (it may be part of a cycle).
for _ in range(3):
    junk = [tuple([i, i]) for i in range(2000)]
    gc.collect()
    del junk
t = tuple([[], 0])
print(gc.is_tracked(t))


# A cycle through a tuple reused by enumerate/zip/dict.items() after being untracked.
class Node:
    pass


def make_cycles():
    nodes = []
    for i, pair in enumerate(zip(range(3), "abc")):
        gc.collect()  # the (i, pair) result tuple holds only atomic values here
        n = Node()
        n.self_ref = (n, pair)
        nodes.append(n)
    return len(nodes)


print(make_cycles())
print(gc.collect() >= 3)
d = {1: 2, 3: 4}
items = []
for kv in d.items():
    items.append(kv)
print(items)
