# __format__ receives the spec from format(), f-strings and str.format; conversions bypass it.
class Temp:
    def __init__(self, c): self.c = c
    def __format__(self, spec):
        print(f"  __format__({spec!r})")
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1] + "f") + "°F"
        if spec.endswith("C") or not spec:
            return format(self.c, spec[:-1] + "f" if spec else "") + "°C"
        return format(self.c, spec)
    def __str__(self): return "str-Temp"
    def __repr__(self): return "Temp(%r)" % self.c
t = Temp(21.5)
print(format(t), format(t, ".1F"), format(t, ".0C"), format(t, "08.2f"))
print(f"{t}|{t:.2F}|{t!s}|{t!r}|{t!s:>10}|")
print("{0} {0:.1C} {0!r:^12}".format(t))
width = 6
print(f"{t:{width}.1f}", f"{t=}", f"{t=:.1F}")
print("%s %r" % (t, t), str(t), repr(t))
class Plain: pass
print(format(Plain(), "").startswith("<"), f"{Plain()!s:.0}" == "")
for spec in ("d", "10", "x"):
    try:
        format(Plain(), spec)
    except TypeError as e:
        print(type(e).__name__, e)
class BadFormat:
    def __format__(self, spec): return 42
try:
    f"{BadFormat()}"
except TypeError as e:
    print(type(e).__name__, e)
class IntLike(int):
    def __format__(self, spec): return "custom:" + spec
print(f"{IntLike(5):04d}", format(IntLike(5)), "%d" % IntLike(5), str(IntLike(5)))
