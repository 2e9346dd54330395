# range() used through builtins.
print(list(range(3)), list(range(1, 4)), list(range(0, 10, 4)), list(range(3, 0, -1)), sum(range(1, 11)))
print(range(3)[1], len(range(1, 10, 3)), 3 in range(5), list(reversed(range(4))))
