# Common itertools functions.
import itertools as it
print(list(it.chain([1, 2], "ab")), list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)))
print(list(it.product("ab", repeat=2)), list(it.permutations([1, 2, 3], 2)), list(it.combinations("abcd", 2)))
print([(k, list(g)) for k, g in it.groupby("aaabccdd")], list(it.repeat("x", 3)), list(it.compress("abcd", [1, 0, 1, 0])))
print(list(it.zip_longest("ab", [1, 2, 3], fillvalue="-")), list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.pairwise("abcd")))
print(list(it.batched(range(7), 3)), list(it.dropwhile(lambda x: x < 3, [1, 5, 2])), list(it.filterfalse(None, [0, 1, "", "a"])))
