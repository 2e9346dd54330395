# Collections in the middle of running generators (gc.set_threshold(1): a collection on nearly
# every allocation), with values on the generators' stacks, nested pipelines, yield from, closures,
# exceptions thrown into and raised out of generators, and cycles through generator frames.
import gc

gc.collect()
old = gc.get_threshold()
gc.set_threshold(1)

# Objects kept alive make the generation-0 count grow, so that nearly every allocation below
# starts a collection (short-lived objects alone would keep the count near zero).
keep = []


def numbers(n):
    for i in range(n):
        # Several values live on the stack while the list/tuple/dict are built.
        keep.append([i])
        yield [i, (i, str(i)), {"k": [i] * 3}, keep.append([i]), keep.append({i: i})]


def squares(src):
    for item in src:
        a, b, c, _, _ = item
        keep.append((a, [b]))
        yield (a * a, b[1] + "!", len(c["k"]), [x for x in c["k"]])


def pairs(src):
    prev = None
    for v in src:
        if prev is not None:
            yield (prev, v, [prev[0] + v[0]])
        prev = v


def chained(n):
    yield from pairs(squares(numbers(n)))
    yield from (("tail", [j], {j: [j]}) for j in range(3))


total = 0
count = 0
for t in chained(300):
    count += 1
    last = t[2]
    total += last[0] if isinstance(last, list) and isinstance(last[0], int) else 0
print("pipeline:", count, total)


# Closures over generator state; generators made inside generators.
def make_counter():
    state = {"n": 0}

    def bump(k):
        state["n"] += k
        return [state["n"]] * 2

    def gen(m):
        for i in range(m):
            keep.append([i])
            yield bump(i) + [g for g in (j * 2 for j in range(i % 4)) if keep.append([g]) is None]

    return gen, state


gen, state = make_counter()
acc = [len(x) for x in gen(300)]
print("closures:", sum(acc), state["n"])


# send() with values that stay on the stack across yields.
def accumulator():
    items = []
    while True:
        got = yield (len(items), [list(items[-2:])])
        if got is None:
            break
        items.append({"v": got, "copy": [got] * 2})
        keep.append([got, items])
    return items


g = accumulator()
next(g)
for i in range(50):
    res = g.send((i, [i]))
try:
    g.send(None)
except StopIteration as e:
    print("send:", res[0], len(e.value))


# throw() and exceptions raised inside generators while collections run.
def guarded():
    n = 0
    while True:
        try:
            yield [n, {"n": n}, keep.append([n])]
        except ValueError as e:
            n += 100
            err = [str(e), (n,)]
            yield err
        n += 1


g = guarded()
next(g)
seen = []
for i in range(30):
    if i % 3 == 0:
        seen.append(g.throw(ValueError("v%d" % i))[0])  # answered from the handler
    seen.append(next(g)[0])
g.close()
print("throw:", seen[:6], len(seen))


def failing(n):
    for i in range(n):
        if i == n - 1:
            raise KeyError([i, "boom"])
        keep.append({i: [i]})
        yield {i: [i]}


caught = 0
for _ in range(20):
    try:
        for d in failing(5):
            pass
    except KeyError as e:
        caught += len(e.args[0])
print("raise:", caught)


# Cycles through generator frames: the generator holds itself (and an exception with a
# traceback to its own frame) in its locals.
class Holder:
    pass


def self_ref():
    h = Holder()
    h.gen = me[0]
    try:
        1 / 0
    except ZeroDivisionError as e:
        h.err = e
    yield h
    yield [h]


kept = []
for i in range(40):
    me = [None]
    g = self_ref()
    me[0] = g
    kept.append(type(next(g)).__name__)
    del g, me
print("self cycles:", len(kept))

# Abandoned suspended generators in cycles: finalized (closed) by the collector.
closed = []


def closer(tag):
    try:
        box = [None]
        box[0] = box
        yield box
        yield 2
    finally:
        closed.append(tag)


for i in range(25):
    g = closer(i)
    next(g)
    holder = [g]
    holder.append(holder)
    del g, holder
gc.collect()
print("closed:", sorted(closed) == list(range(25)))

# Deep recursion of generators (each level allocates while the ones below it run).
def nest(depth):
    if depth == 0:
        yield [0]
        return
    for v in nest(depth - 1):
        keep.append([v])
        yield v + [depth]


print("nest:", sum(next(nest(40))))

print("kept:", len(keep) > 1000)
keep.clear()
gc.set_threshold(*old)
print("final collect ok:", gc.collect() >= 0)
