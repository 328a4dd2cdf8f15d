import os
import signal
import sys
import unittest


class TestKill(unittest.TestCase):
    def test_kill_my_worker(self):
        sys.stderr.write('killing worker %d\n' % os.getpid())
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGKILL)
