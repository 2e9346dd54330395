# Division by zero messages for int operands.
for op in ("1 / 0", "1 // 0", "1 % 0", "divmod(1, 0)", "(2**100) // 0", "0 ** -1", "pow(0, -1)"):
    try:
        print(eval(op))
    except ZeroDivisionError as e:
        print(op, "->", type(e).__name__, e)
