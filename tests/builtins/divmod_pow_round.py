# divmod, pow and round.
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(2 ** 70, 7))
print(pow(2, 8), pow(2, -2), pow(2.0, 0.5), pow(5, 3, 7), pow(7, -1, 13), pow(-2, 3), pow(10, 2, 1))
print(round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(1234, -2), round(0.5 + 1e-9), round(17, 1), type(round(2.5, 0)).__name__)
for bad in ("divmod(1, 0)", "divmod('a', 1)", "pow(2, 0.5, 3)", "round('x')", "round(1.5, 'x')"):
    try:
        eval(bad)
    except (TypeError, ZeroDivisionError, ValueError) as e:
        print(bad, "->", type(e).__name__, e)
