"""Tests of the statistics compare.py and report.py judge runs with (python3 -m unittest discover -s bench)."""
import math
import random
import unittest

import benchrows


def run(scale, noise, rng, rounds=3, clients=(1, 4, 8, 16)):
    """Rows of a synthetic run: every figure scaled by `scale`, each round scattered by `noise` (log sd)."""
    rows = []
    for r in range(1, rounds + 1):
        for sc in benchrows.MATRIX:
            for c in clients:
                base = 100 * (1 + benchrows.MATRIX.index(sc)) * c
                rows.append({"scenario": sc, "side": "service", "clients": c, "round": r,
                             "rps": base * scale * math.exp(rng.gauss(0, noise))})
                rows.append({"scenario": sc, "side": "raw", "clients": c, "round": r,
                             "rps": 2 * base * math.exp(rng.gauss(0, noise))})
    return rows


class StudentT(unittest.TestCase):
    def test_quantiles_match_the_printed_tables(self):
        for p, df, expected in ((0.975, 10, 2.228), (0.995, 5, 4.032), (0.95, 24, 1.711), (0.975, 1, 12.706)):
            self.assertAlmostEqual(benchrows.t_quantile(p, df), expected, places=2)


class PooledNoise(unittest.TestCase):
    def test_pools_the_squares_of_every_figure_at_one_concurrency(self):
        logs = {("intake", 8): [0.0, 0.2], ("read", 8): [1.0, 1.0, 1.3], ("read", 1): [5.0, 9.0]}
        variance, df = benchrows.pooled_noise(logs, 8)
        self.assertEqual(df, 3)
        self.assertAlmostEqual(variance, (0.02 + 0.06) / 3)

    def test_one_round_has_no_noise_to_report(self):
        self.assertEqual(benchrows.pooled_noise({("intake", 8): [0.3]}, 8), (None, 0))


class Agreement(unittest.TestCase):
    def test_two_runs_of_one_build_nearly_always_agree_on_every_figure(self):
        rng = random.Random(15)
        whole = sum(all(v[2] for v in benchrows.agreement(*(benchrows.round_logs(run(1.0, 0.15, rng))[0]
                                                              for _ in range(2))).values())
                    for _ in range(200))
        self.assertGreater(whole, 180)  # 95 in 100 by construction

    def test_a_figure_that_halved_is_told_apart_from_the_noise(self):
        rng = random.Random(9)
        a, b = run(1.0, 0.10, rng), run(1.0, 0.10, rng)
        b = [dict(r, rps=r["rps"] / 2) if (r["scenario"], r["side"], r["clients"]) == ("read", "service", 4) else r
             for r in b]
        verdicts = benchrows.agreement(benchrows.round_logs(a)[0], benchrows.round_logs(b)[0])
        self.assertFalse(verdicts[("read", 4)][2])
        self.assertAlmostEqual(verdicts[("read", 4)][0], 0.5, delta=0.15)
        self.assertEqual(sum(v[2] for v in verdicts.values()), len(verdicts) - 1)

    def test_the_ratio_to_raw_cancels_a_machine_that_ran_slower_throughout(self):
        rng = random.Random(4)
        a = run(1.0, 0.05, rng)
        b = [dict(r, rps=r["rps"] * 0.6) for r in run(1.0, 0.05, rng)]
        service, ratio = (benchrows.agreement(x, y) for x, y in zip(benchrows.round_logs(a), benchrows.round_logs(b)))
        self.assertFalse(all(v[2] for v in service.values()))
        self.assertTrue(all(v[2] for v in ratio.values()))


class Shift(unittest.TestCase):
    def test_a_run_slower_as_a_whole_puts_most_figures_on_one_side(self):
        rng = random.Random(7)
        a, b = benchrows.round_logs(run(1.0, 0.05, rng))[0], benchrows.round_logs(run(1.2, 0.05, rng))[0]
        ratio, above, n, p = benchrows.shift(a, b)
        self.assertEqual(n, 24)
        self.assertAlmostEqual(ratio, 1.2, delta=0.03)
        self.assertEqual(above, 24)
        self.assertLess(p, 1e-6)

    def test_two_runs_of_one_build_split_about_evenly(self):
        rng = random.Random(11)
        a, b = benchrows.round_logs(run(1.0, 0.2, rng))[0], benchrows.round_logs(run(1.0, 0.2, rng))[0]
        ratio, above, n, p = benchrows.shift(a, b)
        self.assertAlmostEqual(ratio, 1.0, delta=0.1)
        self.assertTrue(6 <= above <= 18, above)
        self.assertGreater(p, 0.01)


if __name__ == "__main__":
    unittest.main()
