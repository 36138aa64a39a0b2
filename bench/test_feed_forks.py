"""Tests of bench/referral-feed/forks.py, the feed target judged over forks (python3 -m unittest discover -s bench)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "referral-feed"))
import forks  # noqa: E402


def report(feed, raw, wall, cpu):
    return (f"referrals=10000 page=1000 runs=5\n"
            f"feed over HTTP, page by page: median {feed} ms wall (min 1, max 2), CPU 3 ms\n"
            f"raw SQL, the feed's columns, identity still encrypted: median 1 ms wall (min 1, max 1), CPU 1 ms\n"
            f"raw SQL, the feed's columns, identity decrypted (one AEAD value a row, as the feed): median {raw} ms wall "
            f"(min 1, max 1), CPU 1 ms\n"
            f"ratio feed / raw SQL with decryption (the target, <= 2): wall {wall}, CPU {cpu}\n"
            f"ratio feed / raw SQL without decryption: wall 9.99, CPU 9.99\n")


class ForksTest(unittest.TestCase):
    def test_a_report_gives_the_target_ratio_not_the_one_without_decryption(self):
        self.assertEqual(forks.fork(report(140, 70, "2.00", "2.10")), (2.0, 2.1, 140, 70))

    def test_the_median_of_the_forks_judges(self):
        verdict = forks.judge([forks.fork(report(140, 70, w, "2.00")) for w in ("1.80", "2.10", "1.95")])
        self.assertIn("median 1.95 (min 1.80, max 2.10), 2 of 3 at or under 2", verdict)
        self.assertTrue(verdict.endswith("target (median <= 2): met"))
        verdict = forks.judge([forks.fork(report(140, 70, w, "2.00")) for w in ("1.80", "2.10", "2.05", "2.30")])
        self.assertIn("median 2.08", verdict)
        self.assertTrue(verdict.endswith("not met"))

    def test_anything_else_is_refused(self):
        with self.assertRaises(ValueError):
            forks.fork("feed over HTTP, page by page: median 140 ms wall\n")


if __name__ == "__main__":
    unittest.main()
