# async for / async with / async generators, driven by hand (no event loop).
class Tick:
    """Awaitable that suspends once (like asyncio.sleep(0))."""
    def __await__(self):
        yield "tick"

def run(coro):
    ticks = 0
    try:
        while True:
            out = coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks

class ARange:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Tick()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1

async def sum_arange(n):
    total = 0
    async for x in ARange(n):
        if x == 100:
            break
        total += x
    else:
        total += 1000
    return total
print("async for:", run(sum_arange(4)))

async def with_break():
    out = []
    async for x in ARange(10):
        if x == 3:
            break
        if x == 1:
            continue
        out.append(x)
    return out
print("break/continue:", run(with_break()))

class AManager:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        print("  enter", self.name)
        await Tick()
        return self.name.upper()
    async def __aexit__(self, typ, val, tb):
        print("  exit", self.name, typ.__name__ if typ else None)
        await Tick()
        return self.suppress

async def use_managers():
    async with AManager("a") as a, AManager("b") as b:
        print("  body", a, b)
    async with AManager("s", suppress=True):
        raise ValueError("suppressed")
    try:
        async with AManager("n"):
            raise KeyError("propagates")
    except KeyError as e:
        print("  caught", repr(e))
    for i in range(3):
        async with AManager(f"loop{i}"):
            if i == 1:
                break
    return "done"
print("async with:", run(use_managers()))

async def ret_in_with():
    async with AManager("r"):
        return "returned from inside"
print(run(ret_in_with()))

# Async generators.
async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10
    print("  agen finished")

async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
print("async gen:", run(consume()))

async def comprehension_free():
    g = agen(2)
    print(" ", type(g).__name__, g.__name__)
    first = await g.__anext__()
    second = await g.asend(None)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("  StopAsyncIteration")
    return first, second
print(run(comprehension_free()))

async def echo():
    received = None
    try:
        while True:
            received = yield f"echo {received}"
    finally:
        print("  echo finally")

async def talk():
    g = echo()
    print(" ", await g.asend(None))
    print(" ", await g.asend("hi"))
    print(" ", await g.athrow(ValueError) if False else "skip athrow")
    await g.aclose()
    print("  closed; again:", await g.aclose())
    try:
        await g.asend("late")
    except StopAsyncIteration:
        print("  StopAsyncIteration after close")
print(run(talk()))

async def catcher():
    try:
        yield 1
    except ValueError as e:
        yield f"caught {e}"

async def athrow_demo():
    g = catcher()
    print(" ", await g.__anext__())
    print(" ", await g.athrow(ValueError("bad")))
    try:
        await g.athrow(KeyError("k"))
    except KeyError as e:
        print("  KeyError propagated", e)
print(run(athrow_demo()))

async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2

async def ignore_demo():
    g = ignores_exit()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print("  RuntimeError", e)
print(run(ignore_demo()))

# Errors.
async def not_aiterable():
    async for x in 5:
        pass
try:
    run(not_aiterable())
except TypeError as e:
    print("TypeError", e)

class NoAnext:
    def __aiter__(self):
        return self
async def no_anext():
    async for x in NoAnext():
        pass
try:
    run(no_anext())
except TypeError as e:
    print("TypeError", e)

class BadAenter:
    def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return 1
async def bad_aenter():
    async with BadAenter():
        pass
try:
    run(bad_aenter())
except TypeError as e:
    print("TypeError", e)

async def not_cm():
    async with 5:
        pass
try:
    run(not_cm())
except TypeError as e:
    print("TypeError", e)

async def stop_async_in_agen():
    raise StopAsyncIteration
    yield
async def drive_bad_agen():
    async for x in stop_async_in_agen():
        pass
try:
    run(drive_bad_agen())
except RuntimeError as e:
    print("RuntimeError", e)

for src in ("def f():\n    async for x in y: pass\n", "def f():\n    async with x: pass\n",
            "def f():\n    await x\n", "async def f():\n    yield 1\n    return 2\n",
            "async def f():\n    yield from x\n"):
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
