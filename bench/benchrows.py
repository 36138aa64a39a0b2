"""The rows of one bench/run.sh run (results.jsonl) as report.py and compare.py read them. Standard library only.

The scenario x concurrency matrix is measured in rounds: each figure is the median of its rounds (throughput,
latencies, CPU per request), with the rounds' throughputs kept beside it. The run's noise is the spread of intake at
8 clients against this build over every time it was measured without a profiler attached (each round of the matrix
and each round of the audit-chain comparison)."""
import json
import statistics

MATRIX = ("intake", "evaluate", "read", "list", "queue", "feed")
MEDIAN_FIELDS = ("rps", "p50_ms", "p95_ms", "p99_ms", "cpu_ms_per_req")


def load(path):
    """(rows, meta): the run's rows with the matrix collapsed to medians, and its meta line when the file has one."""
    rows, meta = [], {}
    for line in open(path):
        if line.strip():
            d = json.loads(line)
            (meta.update(d["meta"]) if "meta" in d else rows.append(d))
    return collapse(rows), meta


def collapse(rows):
    groups, out = {}, []
    for r in rows:
        if r["scenario"] in MATRIX:
            groups.setdefault((r["scenario"], r["side"], r["clients"]), []).append(r)
        else:
            out.append(r)
    for rounds in groups.values():
        m = dict(rounds[0])
        for k in MEDIAN_FIELDS:
            values = [x[k] for x in rounds if x.get(k) is not None]
            m[k] = statistics.median(values) if values else None
        m["http_errors"] = sum(x["http_errors"] for x in rounds)
        m["socket_errors"] = sum(x["socket_errors"] for x in rounds)
        m["rounds_rps"] = [x["rps"] for x in rounds]
        out.append(m)
    return out


def noise_rates(raw_rows):
    """Intake at 8 clients, this build, every measurement without a profiler (from the rows before collapsing)."""
    return [r["rps"] for r in raw_rows if r["side"] == "service" and r["clients"] == 8
            and (r["scenario"] == "intake" or r["scenario"].startswith("cost-chain-"))]


def noise(raw_rows):
    """The largest deviation from the mean of those measurements, relative to it (None with fewer than two)."""
    return spread(noise_rates(raw_rows))


def spread(rates):
    """The largest deviation of the rates from their mean, relative to it (None with fewer than two)."""
    if len(rates) < 2:
        return None
    m = statistics.mean(rates)
    return max(m - min(rates), max(rates) - m) / m if m else None


def machine_speeds(raw_rows):
    """The machine probe of each round (MB/s of SHA-256 on one core, see run.sh's machine_probe), in round order."""
    return [r["rps"] for r in sorted((r for r in raw_rows if r["scenario"] == "machine"), key=lambda r: r.get("round", 0))]


def raw_rows(path):
    return [r for r in (json.loads(l) for l in open(path) if l.strip()) if "meta" not in r]
