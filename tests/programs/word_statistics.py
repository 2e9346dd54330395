# Text statistics: tokenizing with generators, counting with dicts, sorting, closures and formatting.
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair, we had everything before us, we had nothing before us."""
STOP = frozenset({"it", "was", "the", "of", "we", "us"})
def words(text):
    for line_no, line in enumerate(text.splitlines(), 1):
        for raw in line.split():
            word = raw.strip(".,;:!?").lower()
            if word:
                yield line_no, word
def counter():
    counts = {}
    def add(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]
    def top(n, key=None):
        items = sorted(counts.items(), key=key or (lambda kv: (-kv[1], kv[0])))
        return items[:n]
    add.top = top
    add.counts = counts
    return add
count = counter()
first_seen = {}
lines_of = {}
for line_no, word in words(TEXT):
    if word in STOP:
        continue
    n = count(word)
    first_seen.setdefault(word, line_no)
    lines_of.setdefault(word, set()).add(line_no)
print("distinct:", len(count.counts), "total:", sum(count.counts.values()))
print("top 5:", count.top(5))
print("alphabetical first 4:", count.top(4, key=lambda kv: kv[0]))
print("longest:", sorted(count.counts, key=lambda w: (-len(w), w))[:3])
by_length = {}
for w in count.counts:
    by_length.setdefault(len(w), []).append(w)
for length in sorted(by_length):
    print(f"{length:>2} letters: {', '.join(sorted(by_length[length]))}")
repeated = {w: sorted(ls) for w, ls in lines_of.items() if len(ls) > 1}
print("on several lines:", sorted(repeated.items()))
pairs = {}
for (_, a), (_, b) in zip(words(TEXT), list(words(TEXT))[1:]):
    pairs[(a, b)] = pairs.get((a, b), 0) + 1
common = sorted(((c, p) for p, c in pairs.items() if c > 2), reverse=True)
print("common pairs:", [f"{a} {b} x{c}" for c, (a, b) in common])
letters = {}
for _, w in words(TEXT):
    for ch in w:
        letters[ch] = letters.get(ch, 0) + 1
hist = sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
width = max(c for _, c in hist)
for ch, c in hist:
    print(f"{ch} {'#' * (c * 30 // width):<30} {c:>3} {c / sum(letters.values()):6.1%}")
