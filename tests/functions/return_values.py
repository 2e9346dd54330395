# Return with no value, multiple values, early return.
def none(): return
def implicit(): pass
def pair(): return 1, 2
def early(x):
    if x:
        return "early"
    return "late"
print(none(), implicit(), pair(), type(pair()).__name__, early(1), early(0))
a, b = pair()
print(a + b)
