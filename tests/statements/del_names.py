# del of names, and the errors afterwards.
x = 1
y = [1, 2]
del x, y[0]
print(y)
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
def f():
    z = 1
    del z
    return z
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
try:
    del undefined
except NameError as e:
    print(type(e).__name__, e)
