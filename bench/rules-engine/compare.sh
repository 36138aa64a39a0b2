#!/usr/bin/env bash
# Before and after in one run: alternates main's engine (BEFORE_JAR) and this one (target/benchmarks.jar), ROUNDS
# times, each with CpuTimeHarness on the named benchmarks (HARNESS_OPTS, e.g. "-Drounds=3 -DcpuMillis=500");
# prints the load average before each run.
set -euo pipefail
before=$1; shift; rounds=${ROUNDS:-2}
for r in $(seq "$rounds"); do
  for side in before after; do
    jar=$([ "$side" = before ] && echo "$before" || echo target/benchmarks.jar)
    echo "== round $r $side, load $(cut -d' ' -f1-3 /proc/loadavg)"
    java ${HARNESS_OPTS:-} -cp "$jar" uk.dsltriage.bench.CpuTimeHarness "$@" 2>/dev/null
  done
done
