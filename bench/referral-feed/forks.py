#!/usr/bin/env python3
"""The target of issue 13 (feed <= 2 x raw SQL with decryption) judged over several forks' reports of run.sh:
each fork's wall ratio and medians, and the median of the ratios.

    bench/referral-feed/forks.py target/bench-referral-feed-fork-*.txt
"""
import re
import statistics
import sys

TARGET = 2.0
RATIO = re.compile(r"^ratio feed / raw SQL with decryption \(the target, <= 2\): wall ([0-9.]+), CPU ([0-9.]+)$", re.M)
FEED = re.compile(r"^feed over HTTP, page by page: median ([0-9]+) ms wall", re.M)
RAW = re.compile(r"^raw SQL, the feed's columns, identity decrypted[^:]*: median ([0-9]+) ms wall", re.M)


def fork(text):
    """(wall ratio, CPU ratio, feed ms, raw ms) of one report; a report without them is an error."""
    ratio, feed, raw = RATIO.search(text), FEED.search(text), RAW.search(text)
    if not (ratio and feed and raw):
        raise ValueError("not a report of bench/referral-feed/run.sh")
    return float(ratio.group(1)), float(ratio.group(2)), int(feed.group(1)), int(raw.group(1))


def judge(forks):
    walls = [f[0] for f in forks]
    median = statistics.median(walls)
    lines = [f"fork {i}: feed {f[2]} ms, raw with decryption {f[3]} ms, ratio wall {f[0]:.2f} (CPU {f[1]:.2f})"
             for i, f in enumerate(forks, 1)]
    lines.append(f"{len(forks)} forks: wall ratio median {median:.2f} (min {min(walls):.2f}, max {max(walls):.2f}), "
                 f"{sum(w <= TARGET for w in walls)} of {len(forks)} at or under {TARGET:g}")
    lines.append(f"target (median <= {TARGET:g}): {'met' if median <= TARGET else 'not met'}")
    return "\n".join(lines)


def main(paths):
    if not paths:
        sys.exit(__doc__)
    forks = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            forks.append(fork(f.read()))
    print(judge(forks))


if __name__ == "__main__":
    main(sys.argv[1:])
