import unittest


class TestExtra(unittest.TestCase):
    def test_fails(self):
        self.assertEqual(1, 2)

    def test_skips(self):
        self.skipTest('not here')

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)
