# Coroutines driven by hand: await chains, custom awaitables, send/throw/close.

class Suspend:
    """An awaitable that suspends once, passing a value up to the driver."""
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        received = yield ("suspend", self.tag)
        return f"{self.tag} resumed with {received!r}"

async def leaf(x):
    r = await Suspend(x)
    return r.upper()

async def middle():
    a = await leaf("a")
    b = await leaf("b")
    return [a, b]

def drive(coro, values=()):
    values = list(values)
    sent = None
    while True:
        try:
            out = coro.send(sent)
        except StopIteration as e:
            print("  returned", e.value)
            return e.value
        print("  yielded", out)
        sent = values.pop(0) if values else None

c = middle()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_suspended)
drive(c, [1, 2])
print("cr_frame after:", c.cr_frame, "cr_await:", c.cr_await)

# Reusing a finished coroutine.
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)

# throw() into a coroutine waiting on an awaitable.
async def guarded():
    try:
        await Suspend("g")
    except ValueError as e:
        print("  caught inside:", e)
        return "recovered"
c = guarded()
print(c.send(None))
try:
    c.throw(ValueError("boom"))
except StopIteration as e:
    print("StopIteration value", e.value)

# close() runs finally blocks.
async def with_finally():
    try:
        await Suspend("f")
    finally:
        print("  finally ran")
c = with_finally()
c.send(None)
print("cr_await is a wrapper?", type(c.cr_await).__name__)
c.close()
print("closed; suspended:", c.cr_suspended)

# Errors.
async def bad_await():
    await 42
try:
    bad_await().send(None)
except TypeError as e:
    print("TypeError", e)

class BadAwait:
    def __await__(self):
        return 5
async def bad2():
    await BadAwait()
try:
    bad2().send(None)
except TypeError as e:
    print("TypeError", e)

async def simple():
    return 7
sc = simple()
try:
    for x in sc:
        pass
except TypeError as e:
    print("TypeError", e)
sc.close()
co = simple()
try:
    co.send(1)
except TypeError as e:
    print("TypeError", e)
co.close()

# __await__ of a coroutine, and an __await__ that delegates with yield from.
class Legacy:
    def __await__(self):
        x = yield "legacy-yield"
        return x * 2

class Delegating:
    def __init__(self, coro):
        self.coro = coro
    def __await__(self):
        return (yield from self.coro.__await__())

async def uses_legacy():
    return await Delegating(leaf_legacy())

async def leaf_legacy():
    return await Legacy()

c = uses_legacy()
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print("legacy result", e.value)

it = simple().__await__()
print(type(it).__name__)
try:
    next(it)
except StopIteration as e:
    print("via __await__:", e.value)

# StopIteration raised inside a coroutine becomes RuntimeError.
async def raises_stop():
    raise StopIteration("x")
try:
    raises_stop().send(None)
except RuntimeError as e:
    print("RuntimeError", e, "| cause:", repr(e.__cause__))

# A coroutine awaited twice.
async def waiter(inner):
    return await inner
inner = leaf("z")
w1 = waiter(inner)
w1.send(None)
try:
    waiter(inner).send(None)
except RuntimeError as e:
    print("RuntimeError", e)
w1.close()
