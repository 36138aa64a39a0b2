#!/usr/bin/env bash
# Builds the service as it was just before the audit hash chain landed (the parent of the commit that added V8), in a
# temporary git worktree, for the side-by-side intake cost of issue 11 (bench/run.sh). Never committed; reused when it
# is already built at that commit.
#   bench/audit/prechain-jar.sh DIR      -> DIR/target/quarkus-app/quarkus-run.jar
set -euo pipefail
DIR=$1
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
CHAIN=$(git log --diff-filter=A --format=%H -- 'src/main/resources/db/migration/V8__*.sql' | tail -1)
BEFORE=$(git rev-parse "$CHAIN^")
echo "chain landed in $(git log -1 --format='%h %s' "$CHAIN" | cut -c1-100)"
echo "building $(git log -1 --format='%h %s' "$BEFORE" | cut -c1-100)"
if [ -f "$DIR/target/quarkus-app/quarkus-run.jar" ] && [ "$(git -C "$DIR" rev-parse HEAD 2>/dev/null)" = "$BEFORE" ]; then
    echo "already built"; exit 0
fi
if [ -e "$DIR" ]; then git worktree remove --force "$DIR" 2>/dev/null || rm -rf "$DIR"; git worktree prune; fi
git worktree add --detach "$DIR" "$BEFORE"
(cd "$DIR" && mvn -B -o -q package -DskipTests)
echo "built $DIR/target/quarkus-app/quarkus-run.jar"
