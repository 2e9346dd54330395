# Hashes of small ints, -1 and big ints are deterministic.
print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(10 ** 30))
print(hash(True), hash(1.0) == hash(1), hash(2.5))
