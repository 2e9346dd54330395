# Sign options, '#' alternate form, 'z' negative-zero coercion.
for v in (42, -42, 0, 3.5, -3.5, -0.0):
    print(repr(v), format(v, "+"), format(v, "-"), "[" + format(v, " ") + "]")
print(format(255, "#x"), format(255, "#X"), format(255, "#o"), format(5, "#b"), format(3.0, "#g"), format(3.0, "#.0f"))
print(format(-0.0, "z.1f"), format(-0.0001, "z.2f"), format(-0.0001, ".2f"))
