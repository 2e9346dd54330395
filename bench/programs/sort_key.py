# Sorting with key functions and comparisons of tuples.
def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield seed


def run(n):
    gen = lcg(42)
    records = [(next(gen) % 1000, "name%d" % (next(gen) % 5000), next(gen) % 100) for _ in range(n)]
    by_name = sorted(records, key=lambda r: r[1])
    by_tuple = sorted(records)
    by_score = sorted(records, key=lambda r: (-r[2], r[0]), reverse=True)
    records.sort(key=lambda r: r[0] * 7 % 13)
    return by_name[0], by_tuple[-1], by_score[0], records[0]


print("checksum", run(200_000))
