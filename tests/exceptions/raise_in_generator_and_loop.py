# Exceptions propagate out of loops and generators; state stays consistent.
def gen():
    yield 1
    raise ValueError("gen failed")
collected = []
try:
    for x in gen():
        collected.append(x)
except ValueError as e:
    print(collected, e)
