#!/usr/bin/env python3
"""Splits the JFR execution samples of a feed bench run (-Dbench.jfr=FILE: the measured runs only, after the warm-up)
by activity, per side of the bench. Each sample goes to the first activity found walking its stack from the top
frame down (application steps first, then the framework a sample is in), so a driver frame under the audit writer
counts as the audit, and one under the page query as the query.

    bench/referral-feed/profile.py target/feed.jfr [--top 25]
"""
import collections
import re
import subprocess
import sys

# (category, frame pattern): the application's own steps, most specific first.
STEPS = [
    ("client: JSON parse of each page", r"ReferralFeedBench\.(readStreaming|readTree)"),
    ("client: request and response (HTTP on the bench thread, or ahead of it)", r"ReferralFeedBench\.(drainFeed|drainPipelined|open|readBlocking|readHttpClient)"),
    ("raw side (JDBC read and decryption)", r"ReferralFeedBench\.rawSql"),
    ("bench: CPU accounting (/proc, pg_stat_activity)", r"ReferralFeedBench\.(cpuNanos|jitNanos|backendTicks|cpuByThreadGroup|schedNanos)"),
    ("service: writing the page (FeedPageWriter)", r"FeedPageWriter\."),
    ("service: opening the identities (AEAD)", r"ChildIdentityVault\.openAllAsJson"),
    ("service: the school's data key", r"SchoolDataKeys\."),
    ("service: the page query (JDBC)", r"ReferralRepository\.feedPage"),
    ("service: ETag", r"LocalAuthorityReferrals\.etag"),
    ("service: audit event and chain (at commit)", r"uk\.dsltriage\.audit\."),
    ("service: before-V15 forms parsed and written", r"ReferralDocuments\.form|ReferralForm\.of"),
    ("service: transaction (begin, commit)", r"com\.arjuna|io\.quarkus\.narayana|TransactionalInterceptor"),
    ("service: token verification", r"io\.quarkus\.oidc|org\.jose4j|io\.smallrye\.jwt"),
    ("service: security (identity, roles, augmentors)", r"io\.quarkus\.security|io\.quarkus\.vertx\.http\.runtime\.security"),
    ("service: request and response filters of the app", r"uk\.dsltriage\.(security|common|alerts|audit|imageguard)\."),
    ("service: the resource (other)", r"uk\.dsltriage\."),
    ("service: Hibernate session", r"org\.hibernate"),
    ("service: connection pool", r"io\.agroal"),
    ("service: PostgreSQL driver (other)", r"org\.postgresql"),
    ("service: REST layer (Quarkus REST)", r"org\.jboss\.resteasy|io\.quarkus\.resteasy"),
    ("client: JDK HttpClient", r"jdk\.internal\.net\.http|java\.net\.http"),
    ("service: Vert.x and Netty (HTTP)", r"io\.vertx|io\.netty"),
    ("CDI, context propagation, thread pools", r"io\.quarkus\.arc|io\.smallrye\.context|org\.jboss\.threads"),
    ("JSON (Jackson, other)", r"com\.fasterxml"),
]


def samples(path):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", path],
                          check=True, capture_output=True, text=True).stdout
    for block in text.split("jdk.ExecutionSample")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        frames = [f.strip() for f in re.findall(r"^\s{4,}([\w$.<>]+\(.*?\).*)$", block, re.M)]
        yield (thread.group(1) if thread else "?"), frames


def category(frames):
    for name, pattern in STEPS:
        regex = re.compile(pattern)
        for frame in frames:
            if regex.search(frame):
                return name
    return "other (JDK, GC-side, unattributed)"


def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    by_category = collections.Counter()
    by_thread = collections.Counter()
    top_frames = collections.Counter()
    total = 0
    for thread, frames in samples(path):
        if not frames:
            continue
        total += 1
        by_category[category(frames)] += 1
        by_thread[re.sub(r"[-#]?\d+$", "", thread)] += 1
        top_frames[re.sub(r"\s+line:.*", "", frames[0])] += 1
    print(f"{total} execution samples")
    print("\n| where | samples | share |\n|---|---:|---:|")
    for name, n in by_category.most_common():
        print(f"| {name} | {n} | {100 * n / total:.0f} % |")
    print("\nby thread:")
    for name, n in by_thread.most_common(12):
        print(f"  {n:6d}  {name}")
    print(f"\ntop frames ({top}):")
    for name, n in top_frames.most_common(top):
        print(f"  {n:6d}  {name}")


if __name__ == "__main__":
    main()
