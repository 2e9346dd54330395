# Cycles through generators (suspended, unstarted, finished), their frames, closures and
# tracebacks; a collection while a generator pipeline runs.
import gc, sys

gc.collect()

# A suspended generator that holds itself (through a list) in its locals.
def selfish():
    box = [None]
    box[0] = me
    yield 1
    yield 2

me = None
g = selfish()
me = g
next(g)
del g, me
print("suspended generator in a cycle:", gc.collect())

# The same, with values on the generator's stack (inside a for loop and a call).
def stacked(items):
    holder = {"gen": None}
    holder["gen"] = current[0]
    for x in items:
        yield len([x, (yield x)])

current = [None]
g = stacked([[1], [2]])
current[0] = g
next(g)
del current, g
print("generator suspended with a stack:", gc.collect() > 0)

# A finished generator keeps nothing.
def done():
    yield 1
g = done()
list(g)
print("finished generator tracked:", gc.is_tracked(g))
del g

# A generator never started, holding a cycle through its argument.
def unstarted(arg):
    yield arg
lst = []
g = unstarted(lst)
lst.append(g)
del g, lst
print("unstarted generator cycle:", gc.collect())

# A generator closed by the collector runs its finally block once.
log = []
def with_finally():
    try:
        cyc = [None]
        cyc[0] = cyc
        yield cyc
    finally:
        log.append("finally")
g = with_finally()
cell = [next(g), g]
cell.append(cell)
del g, cell
gc.collect()
print("finally ran:", log)

# gi_frame: the frame object of a suspended generator.
def framed():
    yield sys._getframe()
g = framed()
f = next(g)
print("gi_frame is the frame:", g.gi_frame is f)
del f, g
print("generator with its frame object:", gc.collect() >= 0)

# A closure cycle: a nested function refers to itself through a cell.
def outer():
    def inner(n):
        return inner(n - 1) if n else 0
    return inner
fn = outer()
print(fn(3))
del fn
print("recursive closure:", gc.collect())

# Frame taken over by a traceback, with a cycle back from its locals.
def raiser():
    data = {}
    try:
        raise ValueError("x")
    except ValueError:
        data["tb"] = sys.exc_info()[2]
    return data
d = raiser()
del d
print("traceback frame cycle:", gc.collect())

# Generators in a pipeline with a collection forced while one of them runs.
def producer(n):
    for i in range(n):
        yield [i]
def consumer(src):
    total = 0
    for item in src:
        if item[0] == 5:
            gc.collect()
        total += item[0]
        yield total
print("pipeline:", list(consumer(producer(10)))[-1])
