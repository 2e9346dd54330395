# The example C++ extension `primes` (examples/ext_primes, built to <build>/ext/primes.so, which
# gilpy searches after sys.path). CPython cannot load it: there the same API is implemented in
# Python below, so CPython 3.12 produces the expected output (tests/README.md, "extension").
import sys
import threading

if sys.implementation.name == 'gilpy':
    import primes  # must be the native module under gilpy
    native = True
else:
    native = False

    class primes:  # the reference behaviour, in Python
        class PrimeError(ValueError):
            pass

        @staticmethod
        def _isp(n):
            if n < 2:
                return False
            if n % 2 == 0:
                return n == 2
            if n % 3 == 0:
                return n == 3
            d = 5
            while d * d <= n:
                if n % d == 0 or n % (d + 2) == 0:
                    return False
                d += 6
            return True

        @staticmethod
        def count_primes(lo, hi):
            return sum(1 for i in range(max(lo, 0), hi) if primes._isp(i))

        @staticmethod
        def is_prime(n):
            if n < 0:
                raise ValueError('is_prime() argument must be non-negative')
            return primes._isp(n)

        @staticmethod
        def nth_prime(n):
            if n < 1:
                raise primes.PrimeError('there is no prime number %d' % n)
            c = f = 1
            while f <= n:
                c += 1
                f += primes._isp(c)
            return c

        @staticmethod
        def primes_between(lo, hi, *, limit=None, reverse=False):
            if limit is not None and limit < 0:
                raise ValueError('limit must be non-negative')
            out = [i for i in range(max(lo, 0), hi) if primes._isp(i)]
            if reverse:
                out.reverse()
            return out if limit is None else out[:limit]

        @staticmethod
        def safe_call(fn, *args):
            try:
                return (True, fn(*args))
            except Exception as e:
                return (False, '%s: %s' % (type(e).__name__, e))

        @staticmethod
        def call_from_thread(fn, arg):
            box = []
            t = threading.Thread(target=lambda: box.append(fn(arg)))
            t.start()
            t.join()
            return box[0]

        class Sieve:
            def __init__(self, limit):
                if limit < 0:
                    raise ValueError('limit must be non-negative')
                self.limit = limit
                self._p = [i for i in range(limit + 1) if primes._isp(i)]

            def is_prime(self, n):
                if n < 0 or n > self.limit:
                    raise IndexError('sieve index out of range')
                return n in self._p

            def count(self):
                return len(self._p)

    primes.PrimeError.__module__ = 'primes'
    primes.PrimeError.__qualname__ = 'PrimeError'


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


print(primes.count_primes(0, 100), primes.count_primes(100, 10), primes.count_primes(-50, 3))
print(primes.count_primes(1_000_000, 1_001_000))
print(primes.is_prime(97), primes.is_prime(91), primes.is_prime(0), primes.is_prime(2))
print(primes.nth_prime(1), primes.nth_prime(10), primes.nth_prime(1000))
print(primes.primes_between(10, 50, limit=3), primes.primes_between(10, 30, reverse=True))
print(primes.primes_between(hi=20, lo=0), primes.primes_between(0, 20, limit=0))

# Raising: built-in and the module's own exception class.
show(lambda: primes.is_prime(-1))
show(lambda: primes.nth_prime(0))
show(lambda: primes.primes_between(1, 10, limit=-1))
print(primes.PrimeError.__name__, primes.PrimeError.__module__, issubclass(primes.PrimeError, ValueError))
try:
    primes.nth_prime(-3)
except ValueError as e:
    print('caught as ValueError:', type(e).__name__, e.args)

# Argument errors (gilpy gives Argument Clinic's messages: compare the types only).
for f in (lambda: primes.count_primes(1), lambda: primes.primes_between(1),
          lambda: primes.primes_between(1, 2, foo=1), lambda: primes.count_primes('a', 2),
          lambda: primes.primes_between(1, 2, 3)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__)

# Catching a Python exception in C++; calling back into Python from a native thread.
print(primes.safe_call(lambda x: 1 / x, 0))
print(primes.safe_call(lambda x, y: x * y, 6, 7))
print(primes.safe_call(int, 'zz'))
print(primes.call_from_thread(lambda x: x * 3, 14))
print(primes.call_from_thread(lambda s: s.upper(), 'from a thread'))

# A new type with methods and a property.
s = primes.Sieve(1000)
print(type(s).__name__, s.limit, s.count(), s.is_prime(997), s.is_prime(999))
show(lambda: s.is_prime(1001))
show(lambda: primes.Sieve(-1))

# Threads calling count_primes concurrently (the GIL is released inside): same answers, and a
# Python thread keeps running meanwhile.
results = [None] * 4


def work(i):
    results[i] = primes.count_primes(i * 200_000, (i + 1) * 200_000)


progress = 0
stop = False


def spin():
    global progress
    while not stop:
        progress += 1


spinner = threading.Thread(target=spin)
spinner.start()
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
stop = True
spinner.join()
print(results, sum(results) == primes.count_primes(0, 800_000), progress > 0)
