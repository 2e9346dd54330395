# SyntaxError attributes from compile().
cases = ["x = (1,", "1 +", "def f(:\n  pass", "if x\n  pass", "  x = 1", "x = 'abc", "f(a=1, 2)", "a, *b, *c = d", "x = 1 2"]
for src in cases:
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, repr(e.text), e.filename)
