# Errors raised while evaluating f-strings.
x = 5
for code in ['f"{x:q}"', 'f"{x:.2s}"', 'f"{\'a\':d}"', 'f"{undefined_name}"', 'f"{x!r:>{\'w\'}}"', 'f"{1/0}"']:
    try:
        eval(code)
    except Exception as e:
        print(code, "->", type(e).__name__, e)
