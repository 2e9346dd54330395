# CPython's messages for everyday errors.
def attempt(code):
    try:
        exec(code, {})
    except Exception as e:
        print(f"{code!r:40} {type(e).__name__}: {e}")
for code in ["undefined_thing", "[1, 2][5]", "{'a': 1}['b']", "'abc' + 5", "None.x", "int('4.5')", "1 / 0", "len(5)", "iter(5)",
             "next(iter([]))", "import no_such_module_xyz", "from sys import nope", "[].pop()", "'x'.index('y')", "(1, 2).count()",
             "float('1e999999') and 1/0", "x, y = [1]", "chr(-1)", "ord('ab')", "sorted(5)", "abs('x')"]:
    attempt(code)
