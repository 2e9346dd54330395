import unittest, io, re, sys

class TestMath(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print('setUpClass')
    def setUp(self):
        self.x = 2
    def tearDown(self):
        pass
    def test_add(self):
        self.assertEqual(self.x + 2, 4)
    def test_fail(self):
        self.assertEqual(self.x, 3)
    def test_error(self):
        1/0
    def test_str(self):
        self.assertEqual('hello world', 'hello wurld')
    def test_list(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])
    def test_dict(self):
        self.assertEqual({'a': 1}, {'a': 2})
    def test_raises(self):
        with self.assertRaises(ValueError) as cm:
            int('x')
        self.assertIn('invalid literal', str(cm.exception))
        self.assertRaises(ZeroDivisionError, lambda: 1/0)
    def test_raises_missing(self):
        with self.assertRaises(KeyError):
            pass
    def test_almost(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.1, places=2)
    def test_misc(self):
        """Checks several assertions."""
        self.assertIn(1, [1, 2]); self.assertIsNone(None); self.assertTrue(1); self.assertIsInstance(1, int)
        self.assertNotIn(3, [1]); self.assertGreater(2, 1); self.assertRegex('abc', 'b')
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertIsNone(5, 'custom msg')
    @unittest.skip('not ready')
    def test_skipped(self):
        pass
    @unittest.skipIf(True, 'cond')
    def test_skipif(self):
        pass
    @unittest.expectedFailure
    def test_xfail(self):
        self.assertEqual(1, 2)
    @unittest.expectedFailure
    def test_xpass(self):
        pass
    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)
    def test_skiptest(self):
        self.skipTest('dynamic')

class TestOther(unittest.TestCase):
    def test_ok(self):
        self.assertTrue(True)
    def test_long(self):
        self.assertEqual('a' * 100, 'a' * 99 + 'b')
    def test_set(self):
        self.assertEqual({1, 2}, {2, 3})
    def test_multiline(self):
        self.assertEqual('one\ntwo\nthree\n', 'one\nTWO\nthree\n')

def run(verbosity):
    stream = io.StringIO()
    suite = unittest.TestLoader().loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity).run(suite)
    out = re.sub(r'Ran (\d+) tests? in [\d.]+s', r'Ran \1 tests in X', stream.getvalue())
    print(out)
    print(result, result.wasSuccessful(), len(result.failures), len(result.errors), len(result.skipped))
run(1)
run(2)
