# append, extend, insert, remove, pop, index, count, reverse, copy, clear.
a = [3, 1, 2]
a.append(4); print(a)
a.extend([5, 6]); a.extend("ab"); a.extend(range(2)); print(a)
a.insert(0, "first"); a.insert(-1, "before-last"); a.insert(100, "end"); a.insert(-100, "start"); print(a)
a.remove("a"); print(a, a.pop(), a.pop(0), a.pop(-2))
print(a.index(2), a.index(1, 2), a.count(1), a.count("zz"))
b = a.copy(); b.reverse(); print(a, b, a is b)
b.clear(); print(b, a)
