# x if cond else y is lazy and right-associative.
def loud(x):
    print("loud", x)
    return x
for n in (-5, 0, 5):
    print("neg" if n < 0 else "zero" if n == 0 else "pos")
print(loud(1) if True else loud(2))
print([x if x % 2 else -x for x in range(5)])
f = lambda a: "big" if a > 10 else "small"
print(f(11), f(1))
