"""The rows of one bench/run.sh run (results.jsonl) as report.py and compare.py read them. Standard library only.

The scenario x concurrency matrix is measured in rounds: each figure is the median of its rounds (throughput,
latencies, CPU per request), with the rounds' throughputs kept beside it. The run's noise is how far one round's
figure scatters around the figure's mean, pooled over the scenarios at each concurrency (see "round-to-round noise"
below); compare.py judges two runs against it."""
import functools
import json
import math
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


# ---------------------------------------------------------------------------------------------- round-to-round noise
# A figure's rounds are each a fresh JVM on the same copy of the data; how far they scatter is the run's noise. It is
# estimated on a logarithmic scale (a slower machine scales a throughput, it does not subtract from it) and pooled over
# the six scenarios at one concurrency: three rounds alone say little about their own scatter, eighteen say more, and
# one client scatters more than sixteen do.

def round_logs(raw_rows):
    """({(scenario, clients): [log service req/s per round]}, {(scenario, clients): [log service/raw per round]})."""
    sides = {}
    for r in raw_rows:
        if r["scenario"] in MATRIX and r.get("rps"):
            sides.setdefault((r["scenario"], r["clients"], r.get("round")), {})[r["side"]] = r["rps"]
    service, ratio = {}, {}
    for (scenario, clients, _), s in sorted(sides.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or 0)):
        if s.get("service"):
            service.setdefault((scenario, clients), []).append(math.log(s["service"]))
            if s.get("raw"):
                ratio.setdefault((scenario, clients), []).append(math.log(s["service"] / s["raw"]))
    return service, ratio


def pooled_noise(logs, clients):
    """(variance of one round's log, degrees of freedom), pooled over every figure at this concurrency; (None, 0)
    with fewer than two rounds."""
    squares = df = 0
    for (_, c), xs in logs.items():
        if c == clients and len(xs) > 1:
            m = statistics.mean(xs)
            squares += sum((x - m) ** 2 for x in xs)
            df += len(xs) - 1
    return (squares / df if df else None), df


def noise_percent(logs, clients):
    """The pooled noise at this concurrency as the percentage a reader expects (one standard deviation up), or None."""
    variance, _ = pooled_noise(logs, clients)
    return None if variance is None else math.exp(math.sqrt(variance)) - 1


@functools.lru_cache(maxsize=None)
def t_quantile(p, df):
    """The p-quantile (p > 0.5) of Student's t with df degrees of freedom: bisection on its distribution function,
    integrated by Simpson's rule (the standard library has no t distribution)."""
    c = math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi)
    density = lambda u: c * (1 + u * u / df) ** (-(df + 1) / 2)

    def cdf(x, n=2000):
        h = x / n
        s = density(0) + density(x) + sum((4 if i % 2 else 2) * density(i * h) for i in range(1, n))
        return 0.5 + s * h / 3

    lo, hi = 0.0, 100.0
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if cdf(mid) < p else (lo, mid)
    return (lo + hi) / 2


def agreement(logs_a, logs_b, family_error=0.05):
    """Per figure measured in both runs: (B/A of the rounds' geometric means, the largest B/A or A/B the two runs' noise
    explains, whether the figure agrees). A figure agrees unless the two means differ by more than Welch's t allows,
    with the runs' pooled noise at its concurrency, at a family-wise error of 5 % over all the figures compared
    (Bonferroni): two runs of the same build then agree on every figure 95 times in 100."""
    keys = [k for k in logs_a if k in logs_b]
    out = {}
    for k in keys:
        (va, dfa), (vb, dfb) = pooled_noise(logs_a, k[1]), pooled_noise(logs_b, k[1])
        if va is None or vb is None:
            continue
        se = math.sqrt(va / len(logs_a[k]) + vb / len(logs_b[k]))
        allowed = t_quantile(1 - family_error / (2 * len(keys)), dfa + dfb) * se
        d = statistics.mean(logs_b[k]) - statistics.mean(logs_a[k])
        out[k] = (math.exp(d), math.exp(allowed) - 1, abs(d) <= allowed)
    return out


def shift(logs_a, logs_b):
    """How the two runs differ as a whole, which the figure-by-figure check does not judge: (geometric mean of B/A
    over the figures measured in both, how many of them are above 1, how many there are, the two-sided sign test's
    p for that count). Noise alone puts about half of the figures either side; a run that was slower as a whole (the
    machine, not the build) puts most of them on one side, each still within its noise."""
    keys = [k for k in logs_a if k in logs_b and logs_a[k] and logs_b[k]]
    if not keys:
        return None
    d = [statistics.mean(logs_b[k]) - statistics.mean(logs_a[k]) for k in keys]
    n, above = len(d), sum(x > 0 for x in d)
    tail = sum(math.comb(n, i) for i in range(min(above, n - above) + 1)) / 2 ** n
    return math.exp(statistics.mean(d)), above, n, min(1.0, 2 * tail)
