# random: argument errors and edge cases
import random

random.seed(1)
for call in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 10, 0),
             lambda: random.randrange(10, 1, 2), lambda: random.randint(5, 1), lambda: random.choice([]),
             lambda: random.sample([1, 2], 3), lambda: random.sample({1, 2}, 1), lambda: random.getrandbits(-1),
             lambda: random.choices([1, 2], weights=[1]), lambda: random.choices([1], [1], cum_weights=[1]),
             lambda: random.randrange(1.5), lambda: random.seed([1]), lambda: random.gammavariate(-1, 1),
             lambda: random.randrange(10, step=2), lambda: random.choices([1, 2], 3)]:
    try:
        print(call())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(random.sample([], 0), random.choices([], k=0), random.randrange(1), random.shuffle([]))


class MyRandom(random.Random):
    def random(self):
        return 0.5


m = MyRandom()
print(m.randint(1, 10), m.choice('abcd'), m.uniform(0, 4))
