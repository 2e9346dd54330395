# An error in an except block replaces the handled exception.
def f():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise ValueError("second")
        except ValueError as e2:
            return repr(e2), repr(e2.__context__)
print(f())
try:
    try:
        raise KeyError("a")
    finally:
        print("finally during propagation")
except KeyError as e:
    print("propagated", repr(e))
