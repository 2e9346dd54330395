import unittest

import calc
import scrub_timing  # noqa: F401  (deterministic "Ran N tests" line)


class TokenizeTests(unittest.TestCase):
    def test_numbers_and_ops(self):
        self.assertEqual(calc.tokenize('1 + 2.5*3'), [1.0, '+', 2.5, '*', 3.0])

    def test_bad_character(self):
        with self.assertRaises(ValueError) as cm:
            calc.tokenize('2 $ 3')
        self.assertIn("'$'", str(cm.exception))


class EvaluateTests(unittest.TestCase):
    def test_precedence(self):
        self.assertEqual(calc.evaluate('1 + 2 * 3'), 7)

    def test_parentheses(self):
        self.assertEqual(calc.evaluate('(1 + 2) * 3'), 9)

    def test_division(self):
        self.assertAlmostEqual(calc.evaluate('1 / 3'), 0.3333333, places=6)

    def test_many(self):
        for text, expected in [('2*2*2', 8), ('10-4-3', 3), ('-(2+3)', -5)]:
            with self.subTest(text=text):
                self.assertEqual(calc.evaluate(text), expected)

    def test_zero_division(self):
        self.assertRaises(ZeroDivisionError, calc.evaluate, '1/0')

    @unittest.skip('exponents are not supported yet')
    def test_power(self):
        self.assertEqual(calc.evaluate('2^3'), 8)
