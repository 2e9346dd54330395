# raise with a class, an instance, and re-raise.
for thing in (ValueError, ValueError("with msg"), KeyError("key"), Exception("a", 2)):
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, repr(e), str(e), e.args)
try:
    raise 42
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
