# Semicolons, one-line compound statements, line continuation.
a = 1; b = 2; print(a + b)
if a: print("one-line if")
for i in range(2): print("loop", i)
total = 1 + \
    2 + \
    3
values = [
    1,
    2,
]
print(total, values, (1 +
    2))
