# and/or return an operand, not a bool; they short-circuit.
def t(x):
    print("t", x)
    return x
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", [] and 1, None or 0, not [], not 5)
print(t(0) and t(1))
print(t(1) or t(2))
print(t(0) or t(0) or t(3))
print(not 1 == 2, (not 1) == 2, True and not False)
x = None
print(x is None or x > 0)
