# split and rsplit.
print("a b  c".split(), " a b ".split(), "".split(), "   ".split())
print("a,b,,c".split(","), "a,b,,c".split(",", 1), ",".split(","))
print("a b c d".split(None, 2), "a b c d".rsplit(None, 2), "a,b,c".rsplit(",", 1))
print("a::b::c".split("::"), "abc".split("abc"), "x\ty\nz\x0bw".split())
print("1 2 3".split(maxsplit=1), "1 2 3".rsplit(maxsplit=1), "a-b-c".split(sep="-"))
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    "abc".split(1)
except TypeError as e:
    print(type(e).__name__, e)
