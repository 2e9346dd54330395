# Realistic text processing chaining several methods.
text = """  The quick brown fox
jumps over the lazy dog.
  The dog sleeps.  """
words = text.lower().replace(".", "").split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
for w in sorted(counts, key=lambda k: (-counts[k], k))[:5]:
    print(f"{w:>6}: {counts[w]}")
print(" ".join(w.capitalize() for w in "hello big world".split()))
print("|".join(line.strip() for line in text.splitlines()))
