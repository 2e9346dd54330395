# A tokenizer and recursive-descent evaluator for arithmetic with variables and functions.
import math
class CalcError(Exception):
    pass
class Token:
    __slots__ = ("kind", "text", "pos")
    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos
    def __repr__(self):
        return f"{self.kind}:{self.text}"
def tokenize(src):
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            yield Token("num", src[i:j], i)
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            yield Token("name", src[i:j], i)
            i = j
        elif src.startswith("**", i):
            yield Token("op", "**", i)
            i += 2
        elif c in "+-*/%(),=":
            yield Token("op", c, i)
            i += 1
        else:
            raise CalcError(f"unexpected character {c!r} at {i}")
    yield Token("end", "", len(src))
class Parser:
    FUNCS = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs}
    def __init__(self, src, env):
        self.tokens = list(tokenize(src))
        self.i = 0
        self.env = env
    @property
    def tok(self):
        return self.tokens[self.i]
    def eat(self, text=None):
        t = self.tok
        if text is not None and t.text != text:
            raise CalcError(f"expected {text!r} at {t.pos}, found {t.text or 'end'!r}")
        self.i += 1
        return t
    def statement(self):
        if self.tok.kind == "name" and self.tokens[self.i + 1].text == "=":
            name = self.eat().text
            self.eat("=")
            value = self.expr()
            self.env[name] = value
        else:
            value = self.expr()
        self.eat("")
        return value
    def expr(self):
        value = self.term()
        while self.tok.text in ("+", "-"):
            op = self.eat().text
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value
    def term(self):
        value = self.unary()
        while self.tok.text in ("*", "/", "%"):
            op = self.eat().text
            rhs = self.unary()
            if op != "*" and rhs == 0:
                raise CalcError("division by zero")
            value = value * rhs if op == "*" else value / rhs if op == "/" else value % rhs
        return value
    def unary(self):
        if self.tok.text == "-":
            self.eat()
            return -self.unary()
        return self.power()
    def power(self):
        base = self.atom()
        if self.tok.text == "**":
            self.eat()
            return base ** self.unary()
        return base
    def atom(self):
        t = self.tok
        if t.kind == "num":
            self.eat()
            return float(t.text) if "." in t.text else int(t.text)
        if t.kind == "name":
            self.eat()
            if self.tok.text == "(":
                return self.call(t)
            if t.text not in self.env:
                raise CalcError(f"undefined variable {t.text!r}")
            return self.env[t.text]
        if t.text == "(":
            self.eat()
            v = self.expr()
            self.eat(")")
            return v
        raise CalcError(f"unexpected {t.text or 'end'!r} at {t.pos}")
    def call(self, name_tok):
        func = self.FUNCS.get(name_tok.text)
        if func is None:
            raise CalcError(f"unknown function {name_tok.text!r}")
        self.eat("(")
        args = [self.expr()]
        while self.tok.text == ",":
            self.eat()
            args.append(self.expr())
        self.eat(")")
        return func(*args)
def evaluate(lines):
    env = {"pi": math.pi}
    for line in lines:
        try:
            result = Parser(line, env).statement()
            print(f"{line:<28} => {result!r}")
        except CalcError as e:
            print(f"{line:<28} !! {e}")
        except (ValueError, TypeError) as e:
            print(f"{line:<28} !! {type(e).__name__}: {e}")
    return env
print(list(tokenize("x = 2 ** -3 + f(1, 2)")))
env = evaluate([
    "1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "10 / 4", "10 % 4", "x = 7", "y = x * 2 + 1",
    "max(x, y, 3) - min(1, 2)", "sqrt(16) + abs(-3)", "round2 = 1.5 * 2", "1 / (x - 7)", "z + 1",
    "foo(1)", "3 $ 4", "(1 + 2", "1 2", "sqrt(-1)", "2 * pi > 6",
])
print(sorted((k, v) for k, v in env.items() if k != "pi"))
