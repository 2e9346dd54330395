# pass and docstring-only bodies.
def f():
    "only a docstring"
def g():
    pass
if True:
    pass
for _ in range(3):
    pass
while False:
    pass
print(f(), g(), f.__doc__, g.__doc__)
