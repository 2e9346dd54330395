# Infinite generators combined with itertools.
import itertools
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def primes():
    found = []
    for n in itertools.count(2):
        if all(n % p for p in found):
            found.append(n)
            yield n
print(list(itertools.islice(naturals(), 5)), list(itertools.islice(primes(), 10)))
print(list(itertools.takewhile(lambda x: x < 20, (x * x for x in naturals()))))
print(list(zip(naturals(), "abc")))
