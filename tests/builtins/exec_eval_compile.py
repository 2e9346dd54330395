# exec, eval, compile with namespaces.
print(eval("1 + 2"), eval("x * 2", {"x": 21}), eval("y", {}, {"y": "local"}), eval("len('abc')"))
ns = {}
exec("a = 5\ndef sq(n):\n    return n * n\nb = sq(a)", ns)
print(ns["a"], ns["b"], sorted(k for k in ns if k != "__builtins__"))
code = compile("3 ** 3", "<expr>", "eval")
print(eval(code), type(code).__name__, code.co_filename)
code2 = compile("print('exec mode')", "<string>", "exec")
exec(code2)
compile("x = 1", "<single>", "single")
exec(compile("if True:\n    print('single line block')\n", "<s>", "exec"))
print(exec("1 + 1"), eval("[i for i in range(3)]"))
for bad, mode in (("1 +", "eval"), ("x = ", "exec"), ("a = 1", "eval"), ("1", "bogus")):
    try:
        compile(bad, "<test>", mode)
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, e)
try:
    eval("undefined_var")
except NameError as e:
    print(type(e).__name__, e)
