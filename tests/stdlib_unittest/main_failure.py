# unittest.main() in a script: one failing test -> FAILED (failures=1) on stderr, exit status 1
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
