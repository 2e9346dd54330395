# unittest.main() in a script: one failing test -> FAILED (failures=1) on stderr, exit status 1
import re as _re, sys as _sys


class _NoTiming:  # hide "Ran N tests in X.XXXs" timings: the output must be deterministic
    def __init__(self, stream):
        self.stream = stream

    def write(self, text):
        return self.stream.write(_re.sub(r'in \d+\.\d+s', 'in <time>', text))

    def __getattr__(self, name):
        return getattr(self.stream, name)


_sys.stderr = _NoTiming(_sys.stderr)
import unittest

def slugify(text):
    return '-'.join(text.lower().split())

class SlugTests(unittest.TestCase):
    def test_simple(self):
        self.assertEqual(slugify('Hello World'), 'hello-world')

    def test_spaces(self):
        self.assertEqual(slugify('  a   b '), 'a-b')

    def test_punctuation(self):
        self.assertEqual(slugify('Hi, there!'), 'hi-there')

if __name__ == '__main__':
    unittest.main()
