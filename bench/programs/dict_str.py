# dict and str work: counting words, joins, splits, formatting.
WORDS = ("the quick brown fox jumps over the lazy dog and then the dog sleeps while "
         "the fox runs far away into the forest where nobody can find it again").split()


def run(n):
    counts = {}
    lines = []
    for i in range(n):
        w = WORDS[i % len(WORDS)]
        key = w + str(i % 50)
        counts[key] = counts.get(key, 0) + 1
        if i % 10 == 0:
            line = " ".join(WORDS[(i // 10) % 20: (i // 10) % 20 + 5])
            lines.append(f"{i:06d}|{line.upper()}|{len(line):>4}")
    text = "\n".join(lines)
    parts = text.split("|")
    total = sum(len(p) for p in parts)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    return total, len(counts), top


total, distinct, top = run(1_200_000)
print("checksum", total, distinct, top)
