import unittest

import calc
import scrub_timing  # noqa: F401  (deterministic "Ran N tests" line)


class Broken(unittest.TestCase):
    def test_trailing(self):
        self.assertEqual(calc.evaluate('1 2'), 1)

    def test_ok(self):
        self.assertEqual(calc.evaluate('4/2'), 2)
