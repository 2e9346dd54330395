# Calling a missing method on str.
try:
    "abc".foo()
except AttributeError as e:
    print(type(e).__name__, e)
"abc".push("x")
