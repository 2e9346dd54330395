# +, *, in, comparisons on strings.
a = "ab"
print(a + "cd", a * 3, 3 * a, a * 0, a * -1, "" * 100)
print("b" in a, "ab" in a, "" in a, "x" not in a)
print("abc" < "abd", "ab" < "abc", "B" < "a", "a" == "a", "é" > "z")
print(sorted(["banana", "Apple", "cherry", "apple"]))
for bad in ("a + 1", "'a' * 'b'", "'a' * 1.5", "1 in 'abc'"):
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", type(e).__name__, e)
