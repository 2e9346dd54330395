# Assigning to a name anywhere in a function makes it local everywhere in it.
x = 10
def f():
    print(x)
    x = 5
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def g():
    return x
print(g())
