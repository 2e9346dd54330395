# map and filter are lazy iterators.
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b: a + b, "ab", "xyz")))
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(str.isdigit, "a1b2")), list(filter(lambda x: x > 1, range(4))))
m = map(print, ["lazy"])
print("map created")
list(m)
try:
    map(5, [1])
    list(map(5, [1]))
except TypeError as e:
    print(type(e).__name__, e)
