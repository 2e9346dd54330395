# Format spec: fill, align, width.
for spec in ("<10", ">10", "^10", "*<10", "*>10", "*^10", "0>6", "_^9", "3", ""):
    print(repr(spec), "[" + format("abc", spec) + "]", "[" + format(42, spec) + "]")
print("[" + format(-42, "=8") + "]", "[" + format(-42, "0=8") + "]", "[" + format(42, "08") + "]", "[" + format(-3.5, "09.2f") + "]")
