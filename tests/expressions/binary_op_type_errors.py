# Unsupported operand types produce CPython's messages.
cases = ["1 + 'a'", "'a' - 'b'", "[1] * [2]", "{} + {}", "1 < 'a'", "[] > ()", "None < None", "-'a'", "~1.5", "+[]", "1 @ 2", "5 % []", "2 ** 'x'", "{1} + {2}", "1 // 'a'", "'a' & 'b'"]
for c in cases:
    try:
        eval(c)
    except TypeError as e:
        print(c, "->", e)
