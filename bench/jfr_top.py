#!/usr/bin/env python3
"""Summarises a JFR recording of intake under load: where the CPU samples are (top frames, self and inclusive) and
how much the request threads waited on the database. Standard library only. Used by bench/run.sh.
    jfr_top.py RECORDING.jfr"""
import collections
import re
import subprocess
import sys

rec = sys.argv[1]


def events(kind, depth=48):
    text = subprocess.run(["jfr", "print", "--events", kind, "--stack-depth", str(depth), rec],
                          capture_output=True, text=True, check=True).stdout
    for block in re.split(r"\n(?=jdk\.\w+ \{)", text):
        if not block.strip():
            continue
        frames = re.findall(r"^\s{4}([\w.$<>/]+\([^)]*\))", block, re.M)
        thread = re.search(r'(?:sampledThread|eventThread) = "([^"]*)"', block)
        dur = re.search(r"duration = ([\d.]+) (ms|s|us|ns)", block)
        ms = 0.0
        if dur:
            ms = float(dur.group(1)) * {"ms": 1, "s": 1000, "us": 0.001, "ns": 1e-6}[dur.group(2)]
        yield frames, (thread.group(1) if thread else "?"), ms


def short(frame):
    return re.sub(r"\(.*\)", "()", frame)


samples = list(events("jdk.ExecutionSample"))
n = len(samples)
print(f"CPU samples (jdk.ExecutionSample): {n}")
if n == 0:
    sys.exit(0)

by_thread = collections.Counter(re.sub(r"[-#]?\d+$", "", t) for _, t, _ in samples)
print("\nCPU samples by thread pool:")
for t, c in by_thread.most_common(8):
    print(f"  {100 * c / n:5.1f}%  {t}")

self_top = collections.Counter(short(f[0]) for f, _, _ in samples if f)
print("\nTop frames (self):")
for f, c in self_top.most_common(15):
    print(f"  {100 * c / n:5.1f}%  {f}")


def inclusive(pred):
    counts = collections.Counter()
    for frames, _, _ in samples:
        for f in {short(f) for f in frames if pred(f)}:
            counts[f] += 1
    return counts


print("\nOur code, inclusive (share of all CPU samples with this method on the stack):")
for f, c in inclusive(lambda f: f.startswith("uk.dsltriage.")).most_common(20):
    print(f"  {100 * c / n:5.1f}%  {f}")

print("\nLibraries, inclusive (selected):")
marks = ("io.quarkus.oidc", "io.smallrye.jwt", "org.jose4j", "org.hibernate", "org.postgresql", "com.fasterxml.jackson",
         "org.hibernate.validator", "io.agroal", "io.vertx", "org.jboss.resteasy", "io.quarkus.narayana", "com.arjuna",
         "java.security", "sun.security", "javax.crypto", "io.micrometer")
for m in marks:
    c = sum(1 for frames, _, _ in samples if any(f.startswith(m) for f in frames))
    if c:
        print(f"  {100 * c / n:5.1f}%  {m}.*")

# Wall time the request threads spent blocked on the database socket (JFR records reads over 20 ms by default in
# the 'profile' settings: 10 ms), grouped by the first frame of ours.
reads = list(events("jdk.SocketRead", 64))
if reads:
    total = sum(ms for _, _, ms in reads)
    ours = collections.Counter()
    for frames, _, ms in reads:
        mine = next((short(f) for f in frames if f.startswith("uk.dsltriage.")), "(no frame of ours)")
        ours[mine] += ms
    print(f"\nSocket reads over the JFR threshold: {len(reads)}, {total:.0f} ms in total; by first frame of ours:")
    for f, ms in ours.most_common(8):
        print(f"  {ms:8.0f} ms  {f}")
