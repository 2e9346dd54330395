# break and continue only affect the innermost loop.
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if j == 2 and i == 1:
            break
        print(i, j)
result = []
for c in "abcdef":
    if c in "be":
        continue
    if c == "f":
        break
    result.append(c)
print(result)
