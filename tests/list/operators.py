# +, *, +=, *=, in, comparisons.
a = [1, 2]
b = a
a += [3]; print(a, b, a is b)
a = a + [4]; print(a, b, a is b)
c = [0] * 3; print(c, [1, 2] * 2, [] * 5, 2 * ["x"])
grid = [[0] * 2] * 2; grid[0][0] = 1; print(grid)
grid = [[0] * 2 for _ in range(2)]; grid[0][0] = 1; print(grid)
print(2 in [1, 2], 5 not in [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0])
b *= 2; print(b)
try:
    [1] + (2,)
except TypeError as e:
    print(type(e).__name__, e)
a += (5, 6); print(a)
