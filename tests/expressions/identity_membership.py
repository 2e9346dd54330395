# is / is not / in / not in.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a is not c, a == c, 1 in a, 3 not in a, [1, 2] in [[1, 2]], "k" in {"k": 1}, 1 in {1: 0}.values())
print(None in [None], (1, 2) in {(1, 2)}, "ab" in ["abc"])
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
