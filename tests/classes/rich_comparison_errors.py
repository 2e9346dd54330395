# Ordering between unrelated objects raises TypeError naming the operator and both types.
class Apple: pass
class Pear: pass
a, p = Apple(), Pear()
ops = [("<", lambda x, y: x < y), ("<=", lambda x, y: x <= y),
       (">", lambda x, y: x > y), (">=", lambda x, y: x >= y)]
for sym, op in ops:
    for x, y in ((a, p), (a, 1), ("s", a)):
        try:
            op(x, y)
        except TypeError as e:
            print(sym, type(e).__name__, e)
print(a == p, a != p, a == a, a != a)
try:
    sorted([Apple(), Apple()])
except TypeError as e:
    print("sorted", type(e).__name__, e)
try:
    max(Apple(), Pear())
except TypeError as e:
    print("max", type(e).__name__, e)
