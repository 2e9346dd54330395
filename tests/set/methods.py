# add, remove, discard, pop, clear, update family, copy.
s = {1, 2}
s.add(3); s.add(1); print(s)
s.remove(1); s.discard(99); s.discard(2); print(s)
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
s.update([5, 6], {7}); print(s)
s.intersection_update({3, 5, 7, 9}); print(s)
s.difference_update([3]); print(s)
s.symmetric_difference_update({5, 6}); print(s)
t = s.copy(); t.add(100); print(s, sorted(t))
print(s.pop() in {6, 7}, len(s))
s.clear(); print(s)
try:
    s.pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    s.add([1])
except TypeError as e:
    print(type(e).__name__, e)
