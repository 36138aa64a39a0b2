#!/usr/bin/env bash
# Runs the feed bench in N fresh JVMs and databases (forks), one after another, and judges the target by the median
# of the forks' ratios: within one JVM the raw read's runs agree to a few ms, between JVMs its median moved from
# ~62 to ~98 ms (RESULTS.md, stop 30), so one fork's ratio is as much that JVM's compilation as the feed.
#   bench/referral-feed/forks.sh N [run.sh's -D options]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
forks=${1:?how many forks}
shift
reports=()
for k in $(seq 1 "$forks"); do
  bench/referral-feed/run.sh "$@" > "target/bench-referral-feed-fork-$k.log" 2>&1 \
    || { echo "fork $k failed: target/bench-referral-feed-fork-$k.log" >&2; exit 1; }
  cp target/bench-referral-feed.txt "target/bench-referral-feed-fork-$k.txt"
  reports+=("target/bench-referral-feed-fork-$k.txt")
done
python3 bench/referral-feed/forks.py "${reports[@]}" | tee target/bench-referral-feed-forks.txt
