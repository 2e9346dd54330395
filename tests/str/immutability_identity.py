# String operations return new strings; the original is unchanged.
s = "hello"
t = s.upper()
print(s, t, s is not t)
u = s
s += " world"
print(s, u)
print("".join(["a", "b"]) == "ab")
