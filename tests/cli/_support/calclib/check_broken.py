import unittest

import calc


class Broken(unittest.TestCase):
    def test_trailing(self):
        self.assertEqual(calc.evaluate('1 2'), 1)

    def test_ok(self):
        self.assertEqual(calc.evaluate('4/2'), 2)
