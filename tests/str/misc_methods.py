# Misc: len, str(), repr of nested quotes, comparison of methods results, iteration.
s = "Mississippi"
print(len(s), s.lower().count("s"), list(reversed(s))[:3], sorted(set(s)))
print(min(s), max(s), "".join(sorted(s)), s.index("ss", 3))
print(str(123), str(None), str([1, "a"]), str(("x",)), str({"k": 'v'}))
print("x".join(map(str, range(3))), "abc"[1:].upper())
print(list(enumerate("ab")), [c * 2 for c in "xyz"])
