#!/usr/bin/env python3
"""Compares two bench/run.sh runs (their results/<stamp>.jsonl): for each scenario and concurrency, the service's
throughput and its ratio to the raw limit in both runs, and whether the two runs agree within the noise they report.

Each run reports its noise: how far one round's figure scatters (a fresh JVM on the same copy of the data), pooled
over the six scenarios at one concurrency (benchrows.py, "round-to-round noise"). Two runs agree on a figure unless
the means of its rounds (geometric) differ by more than that noise explains (Welch's t at a family-wise 5 % over
all the figures compared): two runs of one build on one machine then agree on every figure 95 times in 100, and a
difference flagged is one the noise does not explain. The tolerance column is the largest B/A (or A/B) the noise
explains for that figure: the smallest change the pair could have seen. Where both runs measured it, the service's
CPU time per request too. Last, how the runs differ as a whole (benchrows.shift: how many figures moved which way),
which no single figure's check sees. Standard library only.
    compare.py A.jsonl B.jsonl"""
import statistics
import sys

import benchrows

(a, ia), (b, ib) = benchrows.load(sys.argv[1]), benchrows.load(sys.argv[2])
rounds_a, rounds_b = benchrows.raw_rows(sys.argv[1]), benchrows.raw_rows(sys.argv[2])
(service_a, ratio_a), (service_b, ratio_b) = benchrows.round_logs(rounds_a), benchrows.round_logs(rounds_b)
pct = lambda x: "-" if x is None else f"{x:.0%}"

print(f"Run A {ia['stamp']} (build {ia['commit']}, {ia.get('rounds', 1)} round(s)), "
      f"run B {ib['stamp']} (build {ib['commit']}, {ib.get('rounds', 1)} round(s)).")
print()
print("The noise each run reports (one round's scatter, one standard deviation, pooled over the scenarios):")
print()
print("| clients | A throughput | B throughput | A ratio to raw | B ratio to raw |")
print("|---:|---:|---:|---:|---:|")
for c in sorted({k[1] for k in service_a} | {k[1] for k in service_b}):
    print(f"| {c} | " + " | ".join(pct(benchrows.noise_percent(logs, c)) for logs in (service_a, service_b, ratio_a, ratio_b)) + " |")
print()
speed_a, speed_b = benchrows.machine_speeds(rounds_a), benchrows.machine_speeds(rounds_b)
if speed_a and speed_b:
    ma, mb = statistics.median(speed_a), statistics.median(speed_b)
    print(f"The machine (one core hashing SHA-256, median of the rounds): A {ma:,.0f} MB/s, B {mb:,.0f} MB/s, B/A {mb / ma:.2f}.")
    print()

service_agree, ratio_agree = benchrows.agreement(service_a, service_b), benchrows.agreement(ratio_a, ratio_b)
if not service_agree:
    sys.exit("compare.py: these runs have fewer than two rounds each; there is no noise to compare against")
print("| scenario | clients | A req/s | B req/s | B/A | tolerance | within noise | A ratio to raw | B ratio to raw | B/A | tolerance | within noise | A CPU ms/req | B CPU ms/req |")
print("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---:|---:|")
key = lambda rows: {(r["scenario"], r["side"], r["clients"]): r for r in rows}
ka, kb = key(a), key(b)
verdict = lambda v: ("-", "-", "-") if v is None else (f"{v[0]:.2f}", pct(v[1]), "yes" if v[2] else "**no**")
for sc in benchrows.MATRIX:
    for c in sorted({k[2] for k in ka if k[0] == sc and k[1] == "service"}):
        sa, sb = ka.get((sc, "service", c)), kb.get((sc, "service", c))
        ra, rb = ka.get((sc, "raw", c)), kb.get((sc, "raw", c))
        if not (sa and sb):
            continue
        ratio = lambda s, r: f"{s['rps'] / r['rps']:.2f}" if r and r["rps"] else "-"
        cpu = lambda s: "-" if s.get("cpu_ms_per_req") is None else f"{s['cpu_ms_per_req']:.2f}"
        t, q = verdict(service_agree.get((sc, c))), verdict(ratio_agree.get((sc, c)))
        print(f"| {sc} | {c} | {sa['rps']:.1f} | {sb['rps']:.1f} | {t[0]} | {t[1]} | {t[2]} | {ratio(sa, ra)} | {ratio(sb, rb)} | "
              f"{q[0]} | {q[1]} | {q[2]} | {cpu(sa)} | {cpu(sb)} |")
print()
print("Req/s and ratios are the medians of the rounds; B/A is the quotient of the rounds' geometric means, which the "
      "agreement is judged on.")
print(f"{sum(v[2] for v in service_agree.values())} of {len(service_agree)} throughput figures agree within the noise.")
print(f"{sum(v[2] for v in ratio_agree.values())} of {len(ratio_agree)} ratios to raw agree within the noise.")
print()
for name, logs in (("throughput figures", (service_a, service_b)), ("ratios to raw", (ratio_a, ratio_b))):
    whole = benchrows.shift(*logs)
    if whole:
        ratio, above, n, p = whole
        judged = ("more to one side than noise puts them (p < 0.05): the runs differ as a whole (the machine, if the "
                  "build is one), though each figure is within its own noise" if p < 0.05 else "about as noise splits them")
        shown = "< 0.001" if p < 0.001 else f"= {p:.3f}"
        print(f"As a whole, the {name}: B/A {ratio:.2f} (geometric mean), {above} of {n} above 1 (sign test p {shown}), {judged}.")
