# An uncaught ZeroDivisionError: traceback on stderr, status 1.
print("before")
x = 10
y = x - 10
print(x // y)
print("not reached")
