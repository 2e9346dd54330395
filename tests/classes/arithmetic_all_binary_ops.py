# Every binary arithmetic/bitwise operator dispatches to its dunder; unary ops too.
class Sym:
    def __init__(self, s): self.s = s
    def __repr__(self): return self.s
def make(op):
    def method(self, other):
        return Sym(f"({self.s} {op} {other!r})")
    return method
for name, op in [("add", "+"), ("sub", "-"), ("mul", "*"), ("truediv", "/"), ("floordiv", "//"),
                 ("mod", "%"), ("pow", "**"), ("matmul", "@"), ("lshift", "<<"), ("rshift", ">>"),
                 ("and", "&"), ("or", "|"), ("xor", "^")]:
    setattr(Sym, f"__{name}__", make(op))
Sym.__divmod__ = lambda self, o: ("divmod", self.s, o)
Sym.__neg__ = lambda self: Sym(f"-{self.s}")
Sym.__pos__ = lambda self: Sym(f"+{self.s}")
Sym.__invert__ = lambda self: Sym(f"~{self.s}")
Sym.__abs__ = lambda self: Sym(f"|{self.s}|")
x = Sym("x")
print(x + 1, x - 2, x * 3, x / 4, x // 5, x % 6, x ** 7, x @ 8)
print(x << 1, x >> 2, x & 3, x | 4, x ^ 5, divmod(x, 9))
print(-x, +x, ~x, abs(x), -(-x))
print(x + 1 * 2, (x + 1) * 2, x ** 2 ** 3, x - 1 - 2)
class Pow3:
    def __pow__(self, exp, mod=None):
        return ("pow", exp, mod)
print(pow(Pow3(), 2), pow(Pow3(), 2, 5), Pow3() ** 3)
class Nothing: pass
n = Nothing()
for sym, f in [("+", lambda: n + 1), ("@", lambda: n @ n), ("**", lambda: n ** 2), ("<<", lambda: 1 << n),
               ("divmod", lambda: divmod(n, 1)), ("-", lambda: -n), ("~", lambda: ~n), ("abs", lambda: abs(n)),
               ("pow3", lambda: pow(n, 2, 3))]:
    try:
        f()
    except TypeError as e:
        print(sym, type(e).__name__, e)
