# close(): GeneratorExit at the paused yield; finally blocks run; closing twice or unstarted is fine.
def resource(name):
    print("  open", name)
    try:
        while True:
            yield name
    except GeneratorExit:
        print("  GeneratorExit in", name)
        raise
    finally:
        print("  close", name)
g = resource("r1")
print(next(g))
print(g.close(), g.close())
print(next(g, "closed -> exhausted"))
u = resource("never started")
u.close()
print("unstarted close printed nothing from the body")
def swallow_and_return():
    try:
        yield 1
    except GeneratorExit:
        print("  swallowed, returning")
        return "ignored value"
s = swallow_and_return()
next(s)
print(s.close())
def raises_other():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("raised during close")
ro = raises_other()
next(ro)
try:
    ro.close()
except ValueError as e:
    print(type(e).__name__, e)
def keeps_yielding():
    try:
        yield 1
    except GeneratorExit:
        print("  ignoring GeneratorExit")
    yield 2
    print("  never reached")
ky = keeps_yielding()
next(ky)
try:
    ky.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print("second close:", ky.close())
def finished():
    yield 1
fin = finished()
list(fin)
print(fin.close(), "closing an exhausted generator is a no-op")
