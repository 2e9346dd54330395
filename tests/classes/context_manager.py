# with statement: __enter__/__exit__, several items, exception suppression.
class CM:
    def __init__(self, name, suppress=False): self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM("a") as x, CM("b") as y:
    print("body", x, y)
with CM("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with CM("loud"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
def f():
    with CM("in function"):
        return "returned"
print(f())
