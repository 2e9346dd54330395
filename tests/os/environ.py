# os.environ is a mapping over the process environment; getenv/putenv/unsetenv.
import os

print(type(os.environ).__name__, "PATH" in os.environ, "GILPY_NO_SUCH" in os.environ)
os.environ["GILPY_A"] = "1"
print(os.environ["GILPY_A"], os.environ.get("GILPY_A"), os.getenv("GILPY_A"), "GILPY_A" in os.environ)
print(os.environ.get("GILPY_NO_SUCH"), os.environ.get("GILPY_NO_SUCH", "d"), os.getenv("GILPY_NO_SUCH", "dflt"))
print(os.environ.setdefault("GILPY_B", "two"), os.environ.setdefault("GILPY_B", "three"), os.environ["GILPY_B"])
print(sorted(k for k in os.environ if k.startswith("GILPY_")))
print(sorted((k, v) for k, v in os.environ.items() if k.startswith("GILPY_")))
print(os.environ.pop("GILPY_B"), "GILPY_B" in os.environ, os.environ.pop("GILPY_B", "gone"))
del os.environ["GILPY_A"]
print("GILPY_A" in os.environ, os.getenv("GILPY_A"))
os.environ.update({"GILPY_C": "c"}, GILPY_D="d")
print(os.environ["GILPY_C"], os.environ["GILPY_D"], len(os.environ) == len(list(os.environ)))
c = os.environ.copy()
print(type(c).__name__, c["GILPY_C"])
# putenv/unsetenv change the process environment but not os.environ (as in CPython).
os.putenv("GILPY_E", "e")
print("GILPY_E" in os.environ)
os.unsetenv("GILPY_C")
print(os.environ["GILPY_C"])
# Children see assignments to os.environ.
os.environ["GILPY_CHILD"] = "from parent"
print(os.system('test "$GILPY_CHILD" = "from parent"'), os.system("exit 3") >> 8)

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except (TypeError, KeyError, ValueError, OSError) as e:
        print(type(e).__name__, e)

attempt(os.environ.__getitem__, "GILPY_NO_SUCH")
attempt(os.environ.__getitem__, 1)
attempt(os.environ.__setitem__, 1, "x")
attempt(os.environ.__setitem__, "GILPY_X", 1)
attempt(os.environ.__setitem__, "A=B", "x")
attempt(os.environ.__delitem__, "GILPY_NO_SUCH")
attempt(os.environ.__contains__, 1)
attempt(os.environ.pop, "GILPY_NO_SUCH")
attempt(os.getenv, 1)
attempt(os.putenv, "a=b", "c")
attempt(os.putenv, "", "c")
attempt(os.unsetenv, "")
