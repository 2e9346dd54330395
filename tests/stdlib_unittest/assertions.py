# assert methods and their failure messages (run in-process, messages printed)
import unittest

class T(unittest.TestCase):
    def runTest(self):
        pass

t = T()
checks = [
    lambda: t.assertEqual(1, 2), lambda: t.assertEqual('abc', 'abd'), lambda: t.assertEqual([1, 2], [1, 2, 3]),
    lambda: t.assertEqual((1, 'a'), (1, 'b')), lambda: t.assertEqual({'k': 1, 'j': 2}, {'k': 1}),
    lambda: t.assertEqual({1, 2}, {2, 3}), lambda: t.assertNotEqual(5, 5), lambda: t.assertTrue(0),
    lambda: t.assertFalse('x'), lambda: t.assertIs(1, None), lambda: t.assertIsNot(None, None),
    lambda: t.assertIsNone(0), lambda: t.assertIsNotNone(None), lambda: t.assertIn('z', 'abc'),
    lambda: t.assertNotIn(1, [1]), lambda: t.assertIsInstance('s', int), lambda: t.assertNotIsInstance(1, int),
    lambda: t.assertAlmostEqual(1.0, 1.1), lambda: t.assertAlmostEqual(1.0, 1.5, delta=0.25),
    lambda: t.assertNotAlmostEqual(1.0, 1.0000000001), lambda: t.assertGreater(1, 2),
    lambda: t.assertGreaterEqual(1, 2), lambda: t.assertLess(2, 1), lambda: t.assertLessEqual(2, 1),
    lambda: t.assertRegex('hello', r'\d+'), lambda: t.assertNotRegex('a1', r'\d'),
    lambda: t.assertCountEqual([1, 1, 2], [1, 2, 2]), lambda: t.assertRaises(ValueError, int, '5'),
    lambda: t.assertEqual('x' * 100, 'x' * 99 + 'y'), lambda: t.assertEqual('a\nb\nc\n', 'a\nB\nc\n'),
    lambda: t.assertEqual(3, 4, 'custom'), lambda: t.fail('explicit'), lambda: t.assertDictEqual({}, {'a': [1]}),
    lambda: t.assertListEqual([1, [2, 3]], [1, [2, 4]]), lambda: t.assertTupleEqual((), (1,)),
]
for i, check in enumerate(checks):
    try:
        check()
        print(i, 'passed')
    except AssertionError as e:
        print(i, 'AssertionError:', e)
with t.assertRaises(KeyError) as cm:
    {}['k']
print(repr(cm.exception))
try:
    with t.assertRaises(TypeError):
        pass
except AssertionError as e:
    print('AssertionError:', e)
try:
    with t.assertRaisesRegex(ValueError, 'xyz'):
        raise ValueError('abc')
except AssertionError as e:
    print('AssertionError:', e)
t.assertAlmostEqual(0.1 + 0.2, 0.3)
t.assertCountEqual('abc', 'cba')
print('done')
