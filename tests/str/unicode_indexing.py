# Strings index by code point, not by byte.
s = "héllo wörld 😀!"
print(len(s), s[1], s[-2], s[12], len(s.encode()))
print([c for c in "añ😀"])
print(ord("😀"), chr(128512), ord("é"), chr(233))
print("😀" * 3, "ü" in s, s.find("😀"))
