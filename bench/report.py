#!/usr/bin/env python3
"""Writes the results file (Markdown) and the chart (PNG, gnuplot) of one bench/run.sh run. Standard library only.
    report.py RUN_DIR RESULT_STEM      -> RESULT_STEM.md, RESULT_STEM.png"""
import json
import os
import statistics
import subprocess
import sys

import benchrows

run, stem = sys.argv[1], sys.argv[2]
measured = benchrows.raw_rows(os.path.join(run, "results.jsonl"))
rows = benchrows.collapse(measured)
meta = json.load(open(os.path.join(run, "meta.json")))
start = json.load(open(os.path.join(run, "start.json")))
after = json.load(open(os.path.join(run, "rss-after.json")))
SCENARIOS = [
    ("intake", "POST /api/v1/incidents (1.6 KB, Idempotency-Key): validated, image-guarded, triaged, audited, stored",
     "one transaction: the idempotency key looked up, the same rows intake writes (incident, its type and participants, "
     "the recommendation, the incident's current recommendation and its routes, the urgent concern's alert in the "
     "outbox, the chained audit event and its chain head)"),
    ("evaluate", "POST /api/v1/triage/evaluate: triage only, stores the audit event", "one transaction: the chained audit event and its head"),
    ("read", "GET /api/v1/incidents/{id} as the DSL (random of 2,000)",
     "the incident in scope, its types, routes, addenda and latest recommendation + the audit event"),
    ("list", "GET /api/v1/incidents?size=20 as the DSL",
     "the first page of the school's incidents, their types and routes, the total, their latest recommendations + the audit event"),
    ("queue", "GET /api/v1/review-queue?size=20 as the DSL",
     "the ranked page, its incidents, types, routes and rule-set words, the safety-plan flags + the audit event"),
    ("feed", "GET /api/v1/la/referrals?limit=20 as LA 999's system",
     "the feed's page query (referrals, their sealed identity and their school's key wrapping) + the audit event"),
]
by = {(r["scenario"], r["side"], r["clients"]): r for r in rows}
clients = sorted({r["clients"] for r in rows if r["scenario"] in dict((s, 1) for s, _, _ in SCENARIOS)})


def f(x, d=0):
    return "-" if x is None else f"{x:,.{d}f}"


out = []
w = out.append
w(f"# Benchmark {meta['stamp']} ({'quick smoke run' if meta['quick'] else 'full run'})")
w("")
w(f"`bench/run.sh{' --quick' if meta['quick'] else ''}` at commit `{meta['commit']}`. Machine: {meta['cores']} cores "
  f"({meta['cpu']}), {meta['mem']}; {meta['java']}; PostgreSQL {meta['pg']} (Debian, fsync on, synchronous_commit on) "
  f"on the same machine; wrk and pgbench on the same machine too. Each HTTP phase {meta['bench_seconds']} s, each "
  f"pgbench phase {meta['pg_seconds']} s; the whole matrix measured {meta.get('rounds', 1)} times (rounds), each figure "
  f"below the median of its rounds"
  f"{' (each round from the same copy of the databases, on a freshly started, warmed service JVM)' if meta.get('fresh_jvm_each_round') else ''}. "
  f"Tokens: real RS256 tokens from Keycloak (fetched before each phase). The statements the service ran for one "
  f"request of each scenario: `{meta['stamp']}-statements.txt`.")
w("")
loads = [r.get("load", "") for r in measured]
w(f"**Load average (1/5/15 min) during the run:** first phase {loads[0] if loads else '-'}, last phase "
  f"{loads[-1] if loads else '-'}, at the end {meta['load_end']}. This machine is shared with other engineers' "
  "builds and test suites: a load average above the core count means the service, PostgreSQL and the load generator "
  "were competing with other work, so these figures are **not the service's limits**; the ratios, taken in the same "
  "minutes, are the meaningful part.")
w("")
w("## Start-up and memory")
w("")
ready_s = start["ready_ms"] / 1000
rss_mb = after["rss_kb"] / 1024
w("| | measured | goal | met |")
w("|---|---|---|---|")
w(f"| start to ready (`java -jar` to `/q/health/ready` 200, incl. Flyway on an empty database) | {ready_s:.2f} s "
  f"(Quarkus: started in {start['quarkus_started_s'] or '?'} s) | < 3 s | {'yes' if ready_s < 3 else 'no'} |")
if "cpu_ms" in start:
    w(f"| CPU time to ready (user + system, all JVM threads; little moved by other load) | {start['cpu_ms'] / 1000:.2f} s | | |")
w(f"| RSS after start | {start['rss_kb'] / 1024:.0f} MB | | |")
w(f"| RSS after {after['incidents']:,} incidents | {rss_mb:.0f} MB | < 300 MB after 10,000 | "
  f"{('yes' if rss_mb < 300 else 'no') if after['incidents'] >= 10000 else ('no (already over)' if rss_mb >= 300 else 'not reached (the fill is capped in time)')} |")
w("")
w(f"JVM options: `{meta.get('jvm', '-XX:+UseSerialGC -Xmx256m')}`.")
w("")
w("## Throughput and latency against the raw database")
w("")
w("Service = wrk through the real API; raw = pgbench (`-M prepared`) doing the same database work per transaction "
  "at the same concurrency; ratio = service / raw throughput. Latency in ms. Errors = HTTP status >= 400 plus socket "
  "errors (service) or failed transactions (raw), summed over the rounds. Rounds = the service's throughput in each "
  "round. CPU = the service JVM's CPU time (user + system) per request, which other load hardly moves.")
w("")
for name, what, raw in SCENARIOS:
    if not any(k[0] == name for k in by):
        continue
    w(f"### {name}")
    w(f"Service: {what}. Raw: {raw}.")
    w("")
    w("| clients | service req/s | rounds | CPU ms/req | p50 | p95 | p99 | errors | raw tx/s | raw p50 | raw p99 | ratio |")
    w("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for c in clients:
        s, r = by.get((name, "service", c)), by.get((name, "raw", c))
        if not s:
            continue
        ratio = s["rps"] / r["rps"] if r and r["rps"] else None
        rounds = " / ".join(f(x) for x in s.get("rounds_rps", [s["rps"]]))
        w(f"| {c} | {f(s['rps'], 1)} | {rounds} | {f(s.get('cpu_ms_per_req'), 2)} | {f(s['p50_ms'], 1)} | {f(s['p95_ms'], 1)} | {f(s['p99_ms'], 1)} | "
          f"{s['http_errors'] + s['socket_errors']} | {f(r['rps'], 1) if r else '-'} | {f(r['p50_ms'], 1) if r else '-'} | "
          f"{f(r['p99_ms'], 1) if r else '-'} | {f(ratio, 2) if ratio else '-'} |")
    w("")

s8, r8 = by.get(("intake", "service", 8)), by.get(("intake", "raw", 8))
w("## Goals at 8 clients")
w("")
if s8 and r8:
    ratio = s8["rps"] / r8["rps"]
    w(f"* intake / raw = **{ratio:.2f}** (goal >= 0.5: {'met' if ratio >= 0.5 else 'not met'} in this run)")
    w(f"* intake p99 = **{s8['p99_ms']:.1f} ms** (goal < 50 ms: {'met' if s8['p99_ms'] < 50 else 'not met'} in this run)")
w("")

# Noise: each figure is measured once per round, each round a fresh JVM on the same copy of the data; how far one
# round's figure scatters, pooled over the scenarios at each concurrency, is the noise this run reports (compare.py
# judges two runs against it). Intake at 8 clients is also measured in each round of the cost comparison.
service_logs, ratio_logs = benchrows.round_logs(measured)
noise_rows = []
for c in clients:
    service, ratio = benchrows.noise_percent(service_logs, c), benchrows.noise_percent(ratio_logs, c)
    if service is not None:
        noise_rows.append(f"| {c} | {service:.0%} | {'-' if ratio is None else f'{ratio:.0%}'} | "
                          f"{benchrows.pooled_noise(service_logs, c)[1]} |")
same = [r for r in measured if r["side"] == "service" and r["clients"] == 8
        and (r["scenario"] == "intake" or r["scenario"].startswith("cost-chain-"))]
def phase_name(r):
    return r["scenario"] + (" r" + str(r["round"]) if r.get("round") else "")


if noise_rows or len(same) >= 2:
    w("## Noise in this run")
    w("")
if noise_rows:
    w("How far one round's figure scatters around the mean of its rounds (one standard deviation, on a log scale, "
      "pooled over the six scenarios at each concurrency; each round is a fresh JVM on the same copy of the data). "
      "`bench/compare.py` judges another run against it: a difference this noise explains is not a difference.")
    w("")
    w("| clients | service req/s | ratio to raw | degrees of freedom |")
    w("|---:|---:|---:|---:|")
    for line in noise_rows:
        w(line)
    w("")
if len(same) >= 2:
    rates = [r["rps"] for r in same]
    m = statistics.mean(rates)
    w(f"Intake at 8 clients, same build, measured {len(rates)} times in this run ({', '.join(phase_name(r) for r in same)}): "
      f"{', '.join(f'{x:,.1f}' for x in rates)} req/s; mean {m:,.1f}, spread {min(rates) / m - 1:+.0%} to "
      f"{max(rates) / m - 1:+.0%} (coefficient of variation {statistics.pstdev(rates) / m:.0%}).")
    w("")

speeds = benchrows.machine_speeds(measured)
if speeds:
    w("## The machine's speed in each round")
    w("")
    w(f"One core hashing SHA-256 (`openssl speed`, 16 KB blocks) before each round's first phase, work that neither the "
      f"service nor PostgreSQL does: {', '.join(f'{x:,.0f}' for x in speeds)} MB/s"
      + (f" (spread {benchrows.spread(speeds):.0%})" if len(speeds) > 1 else "") +
      ". Another run of the same build whose figures all differ by about as much as this does was measured on a "
      "machine that itself ran faster or slower.")
    w("")

cost = [r for r in rows if r["scenario"].startswith("cost-")]
if cost:
    w("## Issue 11: intake at 8 clients with the audit chain vs the build before it (same run, same PostgreSQL)")
    w("")
    w("Rounds alternate (pre-chain, then chain) so that a change in the machine's load hits both; each build has its "
      "own database on the same server.")
    w("")
    w("| round | before the chain req/s | p99 | with the chain req/s | p99 | ratio |")
    w("|---:|---:|---:|---:|---:|---:|")
    rounds = sorted({r["scenario"].rsplit("-r", 1)[1] for r in cost}, key=int)
    ratios = []
    for rd in rounds:
        a = next((r for r in cost if r["scenario"] == f"cost-prechain-r{rd}"), None)
        b = next((r for r in cost if r["scenario"] == f"cost-chain-r{rd}"), None)
        if a and b:
            ratios.append(b["rps"] / a["rps"])
            w(f"| {rd} | {f(a['rps'])} | {f(a['p99_ms'], 1)} | {f(b['rps'])} | {f(b['p99_ms'], 1)} | {ratios[-1]:.2f} |")
    if ratios:
        pre = statistics.mean(r["rps"] for r in cost if "prechain" in r["scenario"])
        ch = statistics.mean(r["rps"] for r in cost if "-chain-" in r["scenario"])
        w("")
        w(f"Mean: before {pre:,.0f}/s, with the chain {ch:,.0f}/s, ratio **{ch / pre:.2f}** (goal >= 0.90); "
          f"round ratios {min(ratios):.2f}-{max(ratios):.2f}.")
    w("")

prof = os.path.join(run, "profile.txt")
if os.path.exists(prof):
    w("## Profile of intake at 8 clients (JFR, settings=profile)")
    w("")
    w("```")
    w(open(prof).read().rstrip())
    w("```")
    w("")

# Issue 15 asks each results file for the profiler's finding, its fix and the ratio before and after: the finding came
# from the profiles of two runs before the fix; "after" is this run's own measurement.
w("## The profiler's finding and its fix")
w("")
w("The JFR profile of intake in the two runs before the fix ([2026-12-01T0856](2026-12-01T0856.md) and "
  "[2026-12-01T0904](2026-12-01T0904.md), main at de96584) put the OIDC token check at about a third of intake's CPU "
  "(`io.quarkus.oidc` 18 %, `org.jose4j` 15 % inclusive, `BigInteger.implMulAdd` the top frame): production ran the "
  "JIT's first tier only (`-XX:TieredStopAtLevel=1`, chosen for start-up), without C2's BigInteger intrinsics, so the "
  "RSA check of every token cost about 230 µs of CPU instead of 36 µs. **The fix: production keeps C2** (`run.sh`, "
  "`deploy/k8s/configmap.yaml`, this bench's JVM options). Intake's ratio to raw at 8 clients: **0.38 and 0.41 before** "
  "(those two runs)" + (f", **{s8['rps'] / r8['rps']:.2f} in this run** (after)." if s8 and r8 else "; this run did not measure intake at 8 clients."))
w("")

w("## Load average per phase")
w("")
w("| phase | round | side | clients | load average before -> after |")
w("|---|---:|---|---:|---|")
for r in measured:
    w(f"| {r['scenario']} | {r.get('round') or '-'} | {r['side']} | {r['clients']} | {r.get('load', '')} |")
w("")
w(f"Chart: `{os.path.basename(stem)}.png` (throughput and p99 against concurrency, service solid, raw dashed).")
open(stem + ".md", "w").write("\n".join(out) + "\n")
# The measured figures (every round) beside the report, for bench/compare.py.
with open(stem + ".jsonl", "w") as raw_out:
    for r in measured:
        raw_out.write(json.dumps(r) + "\n")
    raw_out.write(json.dumps({"meta": meta, "start": start, "after": after}) + "\n")

# ---- chart
dat = stem + ".dat.tmp"
with open(dat, "w") as d:
    for name, _, _ in SCENARIOS:
        for side in ("service", "raw"):
            pts = [by[(name, side, c)] for c in clients if (name, side, c) in by]
            if not pts:
                continue
            d.write(f"# {name} {side}\n")
            for p in pts:
                d.write(f"{p['clients']} {p['rps']:.2f} {p['p99_ms']:.3f}\n")
            d.write("\n\n")
blocks = [(n, s) for n, _, _ in SCENARIOS for s in ("service", "raw")
          if any((n, s, c) in by for c in clients)]
colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
names = [n for n, _, _ in SCENARIOS]


def plot(col):
    parts = []
    for i, (n, s) in enumerate(blocks):
        style = "lw 2 dt 1" if s == "service" else "lw 1 dt 2"
        parts.append(f"'{dat}' index {i} using 1:{col} with linespoints {style} lc rgb '{colors[names.index(n)]}' "
                     f"title '{n} {s}'")
    return ", ".join(parts)


gp = f"""set terminal pngcairo size 1400,600 font ',10'
set output '{stem}.png'
set multiplot layout 1,2 title 'dsl-triage {meta['stamp']}: service (solid) vs raw PostgreSQL (dashed); load {meta['load_end']}'
set logscale y; set xlabel 'concurrent clients'; set xtics ({', '.join(str(c) for c in clients)}); set key outside right top
set grid
set title 'throughput (req/s or tx/s, log)'
plot {plot(2)}
set title 'p99 latency (ms, log)'
plot {plot(3)}
unset multiplot
"""
try:
    subprocess.run(["gnuplot"], input=gp, text=True, check=True)
except Exception:
    gp = gp.replace("pngcairo size 1400,600 font ',10'", "png size 1400,600")
    subprocess.run(["gnuplot"], input=gp, text=True, check=True)
os.remove(dat)
