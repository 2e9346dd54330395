# Python 3.12 f-strings (PEP 701): reuse of the same quotes, backslashes and comments inside.
words = ["a", "b"]
print(f"{"-".join(words)}", f"{'\n'.join(words)!r}", f"{f"{f"{1 + 1}"}"}")
print(f"{
    len(words)  # a comment inside the replacement field
}")
