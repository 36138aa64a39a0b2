#!/usr/bin/env bash
# Drains 10,000 referrals from GET /api/v1/la/referrals page by page (HTTP, JSON, decryption of the child identity,
# audit) and reads the same rows with one raw SQL query, in the same JVM and database; prints medians and the ratio.
#   bench/referral-feed/run.sh [-Dbench.referrals=N] [-Dbench.page=N (default 1000, the API's largest)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -B -o test -Dtest=ReferralFeedBench -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench-referral-feed.txt
