# enumerate and zip, including zip(strict=True).
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], 1)))
print(list(zip()), list(zip([1, 2], "abc")), list(zip("ab", "cd", "ef")), dict(zip("ab", [1, 2])))
print(list(zip([1, 2], [3, 4], strict=True)))
for a, b in (([1, 2], [3]), ([1], [2, 3])):
    try:
        list(zip(a, b, strict=True))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    list(zip([1], [2], [3, 4], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
pairs = [(1, "a"), (2, "b")]
nums, letters = zip(*pairs)
print(nums, letters)
try:
    enumerate(5)
except TypeError as e:
    print(type(e).__name__, e)
