#!/usr/bin/env python3
"""Compares two bench/run.sh runs (their results/<stamp>.jsonl): for each scenario and concurrency, the service's
throughput (the median of its rounds) and its ratio to the raw limit in both runs, and whether the difference is
within the noise the runs report: the largest of the two runs' spreads of intake at 8 clients (the run's noise, see
benchrows.py) and of this figure's own spread over its rounds in either run. Where both runs measured it, the
service's CPU time per request too. Standard library only.
    compare.py A.jsonl B.jsonl"""
import statistics
import sys

import benchrows

(a, ia), (b, ib) = benchrows.load(sys.argv[1]), benchrows.load(sys.argv[2])
rounds_a, rounds_b = benchrows.raw_rows(sys.argv[1]), benchrows.raw_rows(sys.argv[2])
na, nb = benchrows.noise(rounds_a), benchrows.noise(rounds_b)
tol = max(x for x in (na, nb, 0) if x is not None)
def tolerance(rounds_a, rounds_b):
    """The larger of the runs' noise and a figure's own spread over its rounds in either run."""
    return max(x for x in (tol, benchrows.spread(rounds_a), benchrows.spread(rounds_b)) if x is not None)


def apart(q):
    """How far apart two figures are, whichever run is A: B 20 % above A and A 20 % above B both count as 20 %."""
    return max(q, 1 / q) - 1 if q > 0 else float("inf")


pct = lambda x: "-" if x is None else f"{x:.0%}"
print(f"Run A {ia['stamp']} (build {ia['commit']}, {ia.get('rounds', 1)} round(s)), "
      f"run B {ib['stamp']} (build {ib['commit']}, {ib.get('rounds', 1)} round(s)).")
print(f"Noise (spread of intake at 8 clients within a run, no profiler): A {pct(na)}, B {pct(nb)}; each figure's "
      f"tolerance is the larger of {pct(tol)} and its own spread over its rounds in either run.")
speed_a, speed_b = benchrows.machine_speeds(rounds_a), benchrows.machine_speeds(rounds_b)
if speed_a and speed_b:
    ma, mb = statistics.median(speed_a), statistics.median(speed_b)
    print(f"The machine (one core hashing SHA-256, median of the rounds): A {ma:,.0f} MB/s, B {mb:,.0f} MB/s, B/A {mb / ma:.2f}.")
print()
print("| scenario | clients | A req/s | B req/s | B/A | A ratio to raw | B ratio to raw | A CPU ms/req | B CPU ms/req | tolerance | within noise |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
key = lambda rows: {(r["scenario"], r["side"], r["clients"]): r for r in rows}
ka, kb = key(a), key(b)
agree = total = 0
for sc in benchrows.MATRIX:
    for c in sorted({k[2] for k in ka if k[0] == sc and k[1] == "service"}):
        sa, sb = ka.get((sc, "service", c)), kb.get((sc, "service", c))
        ra, rb = ka.get((sc, "raw", c)), kb.get((sc, "raw", c))
        if not (sa and sb):
            continue
        q = sb["rps"] / sa["rps"] if sa["rps"] else float("nan")
        ratio = lambda s, r: f"{s['rps'] / r['rps']:.2f}" if r and r["rps"] else "-"
        cpu = lambda s: "-" if s.get("cpu_ms_per_req") is None else f"{s['cpu_ms_per_req']:.2f}"
        fig_tol = tolerance(sa["rounds_rps"], sb["rounds_rps"])
        within = apart(q) <= fig_tol
        agree, total = agree + within, total + 1
        print(f"| {sc} | {c} | {sa['rps']:.1f} | {sb['rps']:.1f} | {q:.2f} | {ratio(sa, ra)} | {ratio(sb, rb)} | "
              f"{cpu(sa)} | {cpu(sb)} | {pct(fig_tol)} | {'yes' if within else 'no'} |")
print()
print(f"{agree} of {total} figures agree within the noise.")

# The ratio to raw of each round (service and pgbench measured in the same minutes) cancels what moves the whole
# machine between runs; its agreement is judged the same way, against the larger of the runs' noise and the figure's
# own spread of per-round ratios in either run.
def round_ratios(rows):
    sides = {}
    for r in rows:
        if r["scenario"] in benchrows.MATRIX:
            sides.setdefault((r["scenario"], r["clients"], r.get("round")), {})[r["side"]] = r["rps"]
    out = {}
    for (sc, c, _), v in sides.items():
        if v.get("service") is not None and v.get("raw"):
            out.setdefault((sc, c), []).append(v["service"] / v["raw"])
    return out


qa, qb = round_ratios(rounds_a), round_ratios(rounds_b)
ratio_agree = ratio_total = 0
for k in sorted(set(qa) & set(qb), key=lambda k: (benchrows.MATRIX.index(k[0]), k[1])):
    fig_tol = tolerance(qa[k], qb[k])
    q = statistics.median(qb[k]) / statistics.median(qa[k])
    ratio_agree, ratio_total = ratio_agree + (apart(q) <= fig_tol), ratio_total + 1
print(f"{ratio_agree} of {ratio_total} ratios to raw (per round, median) agree within the noise.")
