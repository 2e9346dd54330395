# Generators and comprehensions: n-queens by permutations.
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p


def solve(n):
    cols = range(n)
    return sum(
        1
        for vec in permutations(list(cols))
        if n == len({vec[i] + i for i in cols}) == len({vec[i] - i for i in cols})
    )


print("checksum", sum(solve(8) for _ in range(4)))
