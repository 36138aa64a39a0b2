#!/usr/bin/env python3
"""Compares two bench/run.sh runs (their results/<stamp>.jsonl): for each scenario and concurrency, the service's
throughput and its ratio to the raw limit in both runs, and whether the difference is within the runs' own noise
(the larger of the two runs' spreads of repeated intake at 8 clients). Standard library only.
    compare.py A.jsonl B.jsonl"""
import json
import statistics
import sys


def load(path):
    rows, info = [], {}
    for line in open(path):
        d = json.loads(line)
        (info.update(d) if "meta" in d else rows.append(d))
    return rows, info


def noise(rows):
    rates = [r["rps"] for r in rows if r["side"] == "service" and r["clients"] == 8
             and (r["scenario"] in ("intake", "profiled-intake") or r["scenario"].startswith("cost-chain-"))]
    if len(rates) < 2:
        return None
    m = statistics.mean(rates)
    return max(m - min(rates), max(rates) - m) / m


(a, ia), (b, ib) = load(sys.argv[1]), load(sys.argv[2])
na, nb = noise(a), noise(b)
tol = max(x for x in (na, nb, 0) if x is not None)
print(f"Run A {ia['meta']['stamp']} (build {ia['meta']['commit']}), run B {ib['meta']['stamp']} (build {ib['meta']['commit']}).")
print(f"Noise (spread of repeated intake at 8 clients within a run): A {na:.0%}, B {nb:.0%}; tolerance {tol:.0%}.")
print()
print("| scenario | clients | A req/s | B req/s | B/A | A ratio to raw | B ratio to raw | within noise |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
key = lambda rows: {(r["scenario"], r["side"], r["clients"]): r for r in rows}
ka, kb = key(a), key(b)
for sc in ("intake", "evaluate", "read", "list", "queue", "feed"):
    for c in sorted({k[2] for k in ka if k[0] == sc and k[1] == "service"}):
        sa, sb = ka.get((sc, "service", c)), kb.get((sc, "service", c))
        ra, rb = ka.get((sc, "raw", c)), kb.get((sc, "raw", c))
        if not (sa and sb):
            continue
        q = sb["rps"] / sa["rps"] if sa["rps"] else float("nan")
        rat_a = sa["rps"] / ra["rps"] if ra and ra["rps"] else None
        rat_b = sb["rps"] / rb["rps"] if rb and rb["rps"] else None
        within = "yes" if abs(q - 1) <= tol else "no"
        fa = f"{rat_a:.2f}" if rat_a else "-"
        fb = f"{rat_b:.2f}" if rat_b else "-"
        print(f"| {sc} | {c} | {sa['rps']:.1f} | {sb['rps']:.1f} | {q:.2f} | {fa} | {fb} | {within} |")
