# Common set idioms: dedupe keeping order, membership tests, counting unique.
data = [5, 3, 5, 1, 3, 9, 1]
seen = set()
ordered = [x for x in data if not (x in seen or seen.add(x))]
print(ordered, len(set(data)), sorted(set(data)))
print(sorted(set("mississippi")), list(dict.fromkeys("mississippi")))
vowels = set("aeiou")
print(sum(1 for c in "programming language" if c in vowels))
