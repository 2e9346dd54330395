# match statements: run-time errors (class patterns, mapping keys) and compile-time errors.
class NoArgs:
    pass

class BadArgs:
    __match_args__ = ["x"]

class NonStr:
    __match_args__ = (1,)

class Two:
    __match_args__ = ("a", "a")
    a = 1

class One:
    __match_args__ = ("a",)
    a = 5

tests = [
    ("NoArgs(x)", NoArgs()),
    ("BadArgs(x)", BadArgs()),
    ("NonStr(x)", NonStr()),
    ("Two(x, y)", Two()),
    ("One(a=x, a=y)", One()),
    ("One(x, a=y)", One()),
    ("One(x, y)", One()),
    ("int(x, y)", 3),
    ("len()", 3),
    ("{1: x, 1.0: y}", {1: 2}),
]
for pat, subject in tests:
    src = f"match subject:\n    case {pat}:\n        print('matched', {pat.split('(')[0]!r})\n"
    try:
        exec(src, {"subject": subject, **globals()})
        print(pat, "-> no error")
    except (TypeError, ValueError, SyntaxError) as e:
        print(pat, "->", type(e).__name__, e)

# Duplicate key at run time (dotted names with equal values).
class K:
    a = "k"
    b = "k"
try:
    match {"k": 1, "j": 2}:
        case {K.a: 1, K.b: 2}:
            pass
except ValueError as e:
    print("ValueError", e)

# A non-matching isinstance() does not look at __match_args__.
match 5:
    case NonStr(x):
        print("no")
    case _:
        print("isinstance first")

compile_errors = [
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case {'k': a, **a}:\n        pass\n",
    "match x:\n    case [a] | [b]:\n        pass\n",
    "match x:\n    case [a] | []:\n        pass\n",
    "match x:\n    case y | 1:\n        pass\n",
    "match x:\n    case (a as b) | c:\n        pass\n",
    "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
    "match x:\n    case C(x=1, x=2):\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case (a, b) as a:\n        pass\n",
]
for src in compile_errors:
    try:
        compile(src, "<match>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, "line", e.lineno, "col", e.offset)
