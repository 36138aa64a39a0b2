#!/usr/bin/env bash
# Intake under two sets of JVM options, side by side in one run: the same packaged service started twice on one fresh
# PostgreSQL 15 (fsync on), each warmed, then measured in alternating rounds of wrk at 8 clients, so that a change in
# the machine's load falls on both. Per round: requests/s, p99 and the service's own CPU time per request (user +
# system of its JVM from /proc, which other load hardly moves). Writes bench/results/jit-ab-<stamp>.md.
#   bench/jit-ab.sh
# Environment: A_OPTS, B_OPTS (the two option sets; default C1 only against C1+C2), ROUNDS (4), SECONDS_EACH (10),
# WARM_SECONDS (45), CLIENTS (8), BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BENCH=bench
WORK="$PWD/target/bench-jit"
BASE_OPTS="-XX:+UseSerialGC -Xms64m -Xmx192m -XX:MetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k"
A_OPTS=${A_OPTS:-"$BASE_OPTS -XX:TieredStopAtLevel=1"}
B_OPTS=${B_OPTS:-"$BASE_OPTS"}
ROUNDS=${ROUNDS:-4}; SECONDS_EACH=${SECONDS_EACH:-10}; WARM_SECONDS=${WARM_SECONDS:-45}; CLIENTS=${CLIENTS:-8}
PG_PORT=15452
A_PORT=18090
B_PORT=18091
STAMP=$(date -u +%Y-%m-%dT%H%M)
OUT="$WORK/run-$STAMP"
RESULT="$BENCH/results/jit-ab-$STAMP.md"
PG_STARTED=0
# shellcheck source=lib/postgres.sh
. "$BENCH/lib/postgres.sh"
# shellcheck source=lib/keycloak.sh
. "$BENCH/lib/keycloak.sh"

log() { printf '[jit-ab %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
cleanup() {
    trap - EXIT INT TERM
    # start() runs in a command substitution (a subshell): the services' pids are kept in files, not in a variable.
    for f in "$OUT"/service-*.pid; do [ -f "$f" ] && { kill "$(cat "$f")" 2>/dev/null || true; }; done
    if [ "$PG_STARTED" = 1 ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1 || true; fi
    stop_keycloak_if_started
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$OUT" "$BENCH/results"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    log "building the service (mvn -o package -DskipTests)"
    mvn -B -o -q package -DskipTests >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
fi
fresh_postgres 60 128MB
PG_STARTED=1
PGPASSWORD=bench psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U bench -d postgres -c "create database app"
use_keycloak "$OUT/keycloak-start.log"
token() {
    curl -fsS -d grant_type=password -d client_id=dsl-triage-cli -d username=staff.a --data-urlencode "password=Demo-Passw0rd!" \
        "$TOKEN_URL" | jq -r .access_token
}

MASTER_KEY="bench:$(head -c 32 /dev/urandom | base64)"
start() {  # port options...; prints the pid once ready
    local port=$1; shift
    if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/q/health/live" 2>/dev/null; then
        log "something already answers on :$port"; exit 1
    fi
    DSLTRIAGE_RATE_LIMIT_ENABLED=false ALERTS_ENABLED=false MALLOC_ARENA_MAX=2 PORT=$port DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/app" \
        DB_USER=bench DB_PASSWORD=bench IDENTITY_MASTER_KEYS="$MASTER_KEY" CONSOLE_CLIENT_SECRET="unused-$(date +%s%N)" \
        java "$@" -Dquarkus.http.host=127.0.0.1 -jar target/quarkus-app/quarkus-run.jar >"$OUT/service-$port.log" 2>&1 &
    local pid=$!
    echo "$pid" >"$OUT/service-$port.pid"
    for _ in $(seq 1 1200); do
        curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/q/health/ready" 2>/dev/null && { echo "$pid"; return; }
        kill -0 "$pid" 2>/dev/null || { log "service on :$port died"; tail -20 "$OUT/service-$port.log" >&2; exit 1; }
        sleep 0.1
    done
    log "service on :$port not ready"; exit 1
}
cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / t}' "/proc/$1/stat"; }
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
intake() {  # port clients seconds summary-file
    BENCH_METHOD=POST BENCH_PATH=/api/v1/incidents BENCH_TOKEN=$(token) BENCH_BODY="$BENCH/payloads/incident.json" BENCH_IDS= \
        BENCH_IDEMPOTENT=1 BENCH_OUT=$4 wrk -t2 -c"$2" -d"$3s" --timeout 10s -s "$BENCH/wrk/scenario.lua" \
        "http://127.0.0.1:$1" >>"$OUT/wrk.log" 2>&1 || true
}

log "starting A ($A_OPTS) on :$A_PORT"
A_PID=$(start "$A_PORT" $A_OPTS)
log "starting B ($B_OPTS) on :$B_PORT"
B_PID=$(start "$B_PORT" $B_OPTS)
log "warming each for ${WARM_SECONDS}s at 4 clients"
intake "$A_PORT" 4 "$WARM_SECONDS" "$OUT/warm.json"
intake "$B_PORT" 4 "$WARM_SECONDS" "$OUT/warm.json"

: >"$OUT/rounds.tsv"
for r in $(seq 1 "$ROUNDS"); do
    for side in A B; do
        if [ "$side" = A ]; then port=$A_PORT; pid=$A_PID; else port=$B_PORT; pid=$B_PID; fi
        summary="$OUT/$side-$r.json"; : >"$summary"
        c0=$(cpu_ms "$pid"); la=$(cut -d' ' -f1 /proc/loadavg)
        intake "$port" "$CLIENTS" "$SECONDS_EACH" "$summary"
        c1=$(cpu_ms "$pid")
        read -r req rps p99 err <<<"$(jq -r '"\(.requests) \(.rps) \(.p99_ms) \(.http_errors + .socket_errors)"' "$summary")"
        per=$(awk -v a="$c0" -v b="$c1" -v n="$req" 'BEGIN {printf "%.2f", (b - a) / (n > 0 ? n : 1)}')
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$side" "$r" "$rps" "$p99" "$per" "$err" "$la" >>"$OUT/rounds.tsv"
        log "round $r $side: $(printf '%.0f' "$rps")/s p99 $p99 ms, ${per} ms CPU a request, errors $err, load $la"
    done
done

{
    echo "# Intake under two JVM option sets, alternating rounds ($STAMP)"
    echo
    echo "\`bench/jit-ab.sh\` at commit \`$(git rev-parse --short HEAD)\`; $(nproc) cores; $(java -version 2>&1 | head -1);"
    echo "PostgreSQL $(PGPASSWORD=bench psql -X -h 127.0.0.1 -p "$PG_PORT" -U bench -d app -Atc 'show server_version') (fsync on)."
    echo "Both services on one database, each warmed ${WARM_SECONDS} s at 4 clients, then $ROUNDS rounds of ${SECONDS_EACH} s of"
    echo "POST /api/v1/incidents at $CLIENTS clients (wrk, real RS256 tokens), A then B in each round. CPU = the service JVM's"
    echo "user + system time during the round divided by the requests it answered."
    echo
    echo "* A: \`$A_OPTS\`"
    echo "* B: \`$B_OPTS\`"
    echo
    echo "| round | A req/s | A p99 ms | A CPU ms/req | B req/s | B p99 ms | B CPU ms/req | load (1 min) |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---|"
    awk -F'\t' '{k=$2; if ($1=="A") {a[k]=sprintf("%.1f | %.1f | %.2f", $3, $4, $5); la[k]=$7} else {b[k]=sprintf("%.1f | %.1f | %.2f", $3, $4, $5); lb[k]=$7}}
        END {for (k=1; k in a; k++) printf "| %d | %s | %s | %s / %s |\n", k, a[k], b[k], la[k], lb[k]}' "$OUT/rounds.tsv"
    awk -F'\t' '{n[$1]++; rps[$1]+=$3; cpu[$1]+=$5} END {printf "\nMeans: A %.1f req/s, %.2f ms CPU a request; B %.1f req/s, %.2f ms CPU a request; B/A throughput %.2f, CPU a request %.2f.\n", rps["A"]/n["A"], cpu["A"]/n["A"], rps["B"]/n["B"], cpu["B"]/n["B"], (rps["B"]/n["B"])/(rps["A"]/n["A"]), (cpu["B"]/n["B"])/(cpu["A"]/n["A"])}' "$OUT/rounds.tsv"
    echo
    echo "RSS at the end: A $(rss_mb "$A_PID") MB, B $(rss_mb "$B_PID") MB."
} >"$RESULT"
cat "$RESULT"
log "written $RESULT"
