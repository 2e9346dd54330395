# unittest.main(verbosity=2, exit=False): per-test lines, then the program continues
import re as _re, sys as _sys


class _NoTiming:  # hide "Ran N tests in X.XXXs" timings: the output must be deterministic
    def __init__(self, stream):
        self.stream = stream

    def write(self, text):
        return self.stream.write(_re.sub(r'in \d+\.\d+s', 'in <time>', text))

    def __getattr__(self, name):
        return getattr(self.stream, name)


_sys.stderr = _NoTiming(_sys.stderr)
import unittest, sys

class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
    def pop(self):
        if not self.items:
            raise IndexError('pop from empty stack')
        return self.items.pop()

class StackTests(unittest.TestCase):
    def setUp(self):
        self.s = Stack()
    def test_push_pop(self):
        """Pushed items come back in LIFO order."""
        for i in range(3):
            self.s.push(i)
        self.assertEqual([self.s.pop() for _ in range(3)], [2, 1, 0])
    def test_empty(self):
        with self.assertRaisesRegex(IndexError, 'empty'):
            self.s.pop()
    @unittest.skipUnless(sys.platform.startswith('win'), 'windows only')
    def test_windows(self):
        pass

prog = unittest.main(verbosity=2, exit=False, argv=['stacktest'])
print('after main:', prog.result.wasSuccessful(), prog.result.testsRun, len(prog.result.skipped))
