# str.format: positional, keyword, indexing, attributes, conversions, escaping braces.
print("{} and {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{name}!".format(name="Bob"))
print("{0[1]} {0[key]}".format({1: "one", "key": "val"}), "{0[2]}".format("abcd"))
print("{0.real} {0.imag}".format(3 + 4j), "{!r} {!s} {!a}".format("é", "é", "é"))
print("{{literal}} {}".format(1), "{:>{}}".format("x", 4), "{:{}{}}".format(3.14159, ".", "2f"))
print("{0:{fill}^{w}}".format("mid", fill="*", w=9))
for bad in ("{} {}", "{0} {}", "{x}", "{", "}", "{0!z}", "{0[}"):
    try:
        print(bad.format(1))
    except (IndexError, KeyError, ValueError) as e:
        print(repr(bad), type(e).__name__, e)
