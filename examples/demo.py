"""gilpy demo: a short tour of the language, and a look under the hood."""
import dis
import sys


# Functions, default arguments and closures.
def make_counter(start=0, step=1):
    count = start

    def counter():
        nonlocal count
        count += step
        return count

    return counter


tick = make_counter(step=10)
print("closure counter:", tick(), tick(), tick())

# Comprehensions and f-strings with format specs.
squares = {n: n * n for n in range(1, 6)}
evens = [n for n in squares if n % 2 == 0]
print(f"squares: {squares}")
print(f"evens: {evens}, total of squares: {sum(squares.values()):,}")
print(f"{'name':<8}|{'pi':^10}|{'hex':>6}")
print(f"{'gilpy':<8}|{3.14159265:^10.4f}|{255:>#6x}")

# Dicts keep insertion order; counting words.
text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print("most common words:", top)

# Arbitrary-precision integers.
factorial = 1
for i in range(1, 31):
    factorial *= i
print("30! =", factorial)
print("2**200 has", len(str(2 ** 200)), "digits; 7**77 % 1000 =", pow(7, 77, 1000))

# Generators are lazy.
def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


fib = fibonacci()
print("fibonacci:", [next(fib) for _ in range(12)])

# Exceptions, with chaining.
def parse_port(text):
    try:
        port = int(text)
    except ValueError as e:
        raise RuntimeError(f"bad port {text!r}") from e
    if not 0 < port < 65536:
        raise ValueError(f"port out of range: {port}")
    return port


for candidate in ("8080", "http", "70000"):
    try:
        print("port:", parse_port(candidate))
    except (RuntimeError, ValueError) as e:
        cause = f" (caused by {type(e.__cause__).__name__})" if e.__cause__ else ""
        print(f"error: {type(e).__name__}: {e}{cause}")

# Under the hood: reference counts ...
def refcounts():
    data = []
    print("refcount of a fresh list bound to one name:", sys.getrefcount(data))
    box = [data]
    print("after putting it in another list:          ", sys.getrefcount(data))
    del box
    print("after deleting that list:                  ", sys.getrefcount(data))


refcounts()

# ... and bytecode (gilpy shows its own instruction set here).
def add_one(x):
    return x + 1


print("bytecode of add_one:")
dis.dis(add_one)
