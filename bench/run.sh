#!/usr/bin/env bash
# dsl-triage benchmark: the packaged service through its real API (wrk, real Keycloak tokens) beside the limit of the
# same machine (pgbench writing the same rows / raw SQL doing the same reads), in one run. Writes
# bench/results/<UTC date-time>.md and a PNG chart beside it.
#
#   bench/run.sh            full run (about 20 min on the project's 2-core machine)
#   bench/run.sh --quick    smoke run (short phases, 1 and 8 clients only; about 4 min)
#
# What it starts (and stops at the end):
#   PostgreSQL 15 (Debian, /usr/lib/postgresql/15/bin) on 127.0.0.1:15432, fsync on, data in target/bench/pg (fresh
#     each run);
#   Keycloak on 127.0.0.1:8180 through deploy/keycloak/keycloak.sh, unless one already runs (then it is reused and
#     left running);
#   the service, packaged (mvn package), java -jar on 127.0.0.1:18080, profile prod, JSON logs to target/bench/;
#   with --compare-prechain (on by default in a full run, see bench/audit/COST.md): the same service built at the commit
#     before the audit hash chain, on 127.0.0.1:18081, against its own database on the same PostgreSQL.
# The settings that differ from production: a 30 s connection acquisition timeout (default 5 s), because on a
# saturated machine opening a connection (fork + SCRAM) took longer than 5 s and the service failed to start; the
# per-user rate limit and the alert dispatcher off (see start_service).
# Environment: BENCH_SECONDS (per HTTP phase), PG_SECONDS (per pgbench phase), CONCURRENCY ("1 4 8 16"), ROUNDS (times
#   the whole matrix is measured, 3; each figure is the median), FRESH_JVM_EACH_ROUND (1: every round on a freshly
#   started and warmed service JVM, over the databases as they were before the first round; 0: one JVM and one
#   database for every round), WARM_EACH_SECONDS (warm-up of each scenario),
#   SCHOOL_INCIDENTS (school A's incidents, which list, queue and read run over: 3000, a quick run 2500; read needs
#   2,000), FILL_TO (incidents before the RSS reading, 10000), FILL_MAX_SECONDS (time cap on that fill, 300: on a busy machine
#   the count reached is reported), JVM_OPTS (the service's JVM options), BENCH_SKIP_BUILD=1 (no build), APP_JAR (the
#   service's jar, default target/quarkus-app/quarkus-run.jar), BENCH_BUILD_NOTE (what the results file says was built).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
BENCH="$ROOT/bench"
source "$BENCH/lib/postgres.sh"
source "$BENCH/lib/keycloak.sh"
WORK="$ROOT/target/bench"
QUICK=0
COMPARE=1
for arg in "$@"; do
    case "$arg" in
        --quick) QUICK=1 ;;
        --no-compare-prechain) COMPARE=0 ;;
        --compare-prechain) COMPARE=2 ;;
        *) echo "unknown argument: $arg" >&2; exit 2 ;;
    esac
done
if [ "$QUICK" = 1 ]; then
    BENCH_SECONDS=${BENCH_SECONDS:-4}; PG_SECONDS=${PG_SECONDS:-3}; CONCURRENCY=${CONCURRENCY:-"1 8"}; ROUNDS=${ROUNDS:-1}; SCHOOL_INCIDENTS=${SCHOOL_INCIDENTS:-2500}
    FILL_TO=${FILL_TO:-1000}; FILL_MAX_SECONDS=${FILL_MAX_SECONDS:-60}; SEED_REFERRALS=${SEED_REFERRALS:-10}; WARM_SECONDS=${WARM_SECONDS:-5}; WARM_EACH_SECONDS=${WARM_EACH_SECONDS:-2}; PROFILE_SECONDS=${PROFILE_SECONDS:-5}
    [ "$COMPARE" = 2 ] || COMPARE=0
    COST_ROUNDS=${COST_ROUNDS:-1}
else
    BENCH_SECONDS=${BENCH_SECONDS:-6}; PG_SECONDS=${PG_SECONDS:-5}; CONCURRENCY=${CONCURRENCY:-"1 4 8 16"}; ROUNDS=${ROUNDS:-3}; SCHOOL_INCIDENTS=${SCHOOL_INCIDENTS:-3000}
    FILL_TO=${FILL_TO:-10000}; FILL_MAX_SECONDS=${FILL_MAX_SECONDS:-180}; SEED_REFERRALS=${SEED_REFERRALS:-10}; WARM_SECONDS=${WARM_SECONDS:-15}; WARM_EACH_SECONDS=${WARM_EACH_SECONDS:-10}; PROFILE_SECONDS=${PROFILE_SECONDS:-15}
    COST_ROUNDS=${COST_ROUNDS:-3}
fi
FRESH_JVM_EACH_ROUND=${FRESH_JVM_EACH_ROUND:-1}

# A small, fixed heap: the service keeps no records in memory (they live in PostgreSQL), so RSS should stay flat.
# The production options (run.sh, deploy/k8s/configmap.yaml), measured in bench/PROFILE-2026-12-01.md.
JVM_OPTS=${JVM_OPTS:-"-XX:+UseSerialGC -Xms64m -Xmx192m -XX:MetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k"}
PG_PORT=15432
APP_PORT=18080
OLD_PORT=18081
PASSWORD='Demo-Passw0rd!'
STAMP=$(date -u +%Y-%m-%dT%H%M)
RESULTS="$BENCH/results"
OUT="$WORK/run-$STAMP"
APP_PID=""; OLD_PID=""; PG_STARTED=0

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

cleanup() {
    trap - EXIT INT TERM
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    [ -n "$OLD_PID" ] && kill "$OLD_PID" 2>/dev/null && wait "$OLD_PID" 2>/dev/null || true
    for f in "$WORK"/service-*.pid; do [ -f "$f" ] && { kill "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; }; done
    if [ "$PG_STARTED" = 1 ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1 || true; fi
    stop_keycloak_if_started
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------------------------------------------ tools
need_pkg() {  # command package
    command -v "$1" >/dev/null 2>&1 && return 0
    log "installing $2 (apt-get)"
    apt-get install -y "$2" >"$WORK/apt-$2.log" 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y "$2" >"$WORK/apt-$2.log" 2>&1; }
}
mkdir -p "$WORK" "$OUT" "$RESULTS"
need_pkg wrk wrk
need_pkg gnuplot gnuplot-nox
need_pkg jq jq
[ -x "$PG_BIN/postgres" ] || { log "PostgreSQL 15 is not installed in $PG_BIN (apt-get install postgresql-15)"; exit 1; }

# ------------------------------------------------------------------------------------------------ build
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    log "building the service (mvn -o package -DskipTests)"
    mvn -B -o -q package -DskipTests >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
fi
APP_JAR=${APP_JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$APP_JAR" ] || { log "no $APP_JAR"; exit 1; }

# ------------------------------------------------------------------------------------------------ PostgreSQL 15
psql_() { PGPASSWORD=bench psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U bench -v ON_ERROR_STOP=1 "$@"; }
log "PostgreSQL 15 on 127.0.0.1:$PG_PORT (fresh data dir $WORK/pg, fsync on)"
fresh_postgres 100 256MB
PG_STARTED=1
for db in app prechain raw; do psql_ -d postgres -c "create database $db" ; done
PG_VERSION=$(psql_ -d postgres -Atc 'show server_version')

# ------------------------------------------------------------------------------------------------ Keycloak
use_keycloak "$WORK/keycloak-start.log"
# Access tokens live 300 s in this realm: a fresh one is fetched before each phase, so none expires mid-phase.
user_token() {
    curl -fsS -d grant_type=password -d client_id=dsl-triage-cli -d username="$1" --data-urlencode "password=$PASSWORD" "$TOKEN_URL" | jq -r .access_token
}
la_token() {
    curl -fsS -d grant_type=client_credentials -d client_id=la-system-999 -d client_secret=la-system-999-demo-secret "$TOKEN_URL" | jq -r .access_token
}
token_for() { if [ "$1" = la-system-999 ]; then la_token; else user_token "$1"; fi; }

# ------------------------------------------------------------------------------------------------ the service
MASTER_KEY="bench:$(head -c 32 /dev/urandom | base64)"
start_service() {  # jar port database logfile [extra JVM options...]; prints the pid; records start-up in $WORK/start-<port>
    local jar=$1 port=$2 db=$3 logfile=$4; shift 4
    local t0; t0=$(date +%s%N)
    # MALLOC_ARENA_MAX: glibc's per-thread malloc arenas otherwise add tens of MB of RSS that the JVM never uses.
    # The per-user rate limit is off: each scenario is one user at thousands of requests a second, which the limit
    # exists to refuse (429s would be counted as errors and measure the limiter, not the service).
    # The alert dispatcher is off: there is no SMTP server here, and its retries of every urgent concern's alert
    # (intake writes one per concern, as the raw side does) would be background work that no scenario measures.
    DSLTRIAGE_RATE_LIMIT_ENABLED=false ALERTS_ENABLED=false MALLOC_ARENA_MAX=2 PORT=$port DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" DB_USER=bench DB_PASSWORD=bench \
        IDENTITY_MASTER_KEYS="$MASTER_KEY" CONSOLE_CLIENT_SECRET="bench-console-secret-unused-$(date +%s%N)" \
        java "$@" -Dquarkus.http.host=127.0.0.1 -Dquarkus.datasource.jdbc.acquisition-timeout=PT30S -jar "$jar" >"$logfile" 2>&1 &
    local pid=$!
    echo "$pid" >"$WORK/service-$port.pid"  # so that cleanup stops it even when interrupted before it is ready
    for _ in $(seq 1 6000); do
        if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then break; fi
        kill -0 "$pid" 2>/dev/null || { log "service on :$port died; log $logfile"; tail -30 "$logfile" >&2; exit 1; }
        sleep 0.05
    done
    local t1; t1=$(date +%s%N)
    local quarkus; quarkus=$(grep -o 'started in [0-9.]*s' "$logfile" | head -1 | grep -o '[0-9.]*' || echo "")
    # CPU time (user + system, all threads) the JVM used to get ready: unlike wall time, hardly moved by other load.
    local ticks; ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    echo "{\"ready_ms\":$(( (t1 - t0) / 1000000 )),\"cpu_ms\":$(( ticks * 1000 / $(getconf CLK_TCK) )),\"quarkus_started_s\":\"$quarkus\",\"rss_kb\":$(rss "$pid")}" >"$WORK/start-$port.json"
    echo "$pid"
}
rss() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
# CPU time (user + system, all threads, in ms) a process has used so far: per request, a figure other load hardly moves.
cpu_ms() { [ -n "$1" ] && [ -r "/proc/$1/stat" ] && awk -v t="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / t}' "/proc/$1/stat" || echo 0; }

log "starting the packaged service on :$APP_PORT"
APP_PID=$(start_service "$APP_JAR" "$APP_PORT" app "$OUT/service.log" $JVM_OPTS)
cp "$WORK/start-$APP_PORT.json" "$OUT/start.json"
log "ready: $(cat "$OUT/start.json")"

# ------------------------------------------------------------------------------------------------ phases
RESULT_LINES="$OUT/results.jsonl"
: >"$RESULT_LINES"
wrk_phase() {  # name kind(service|...) clients seconds user method path [body] [ids] [idempotent] [port]
    local name=$1 clients=$2 seconds=$3 user=$4 method=$5 path=$6 body=${7:-} ids=${8:-} idem=${9:-0} port=${10:-$APP_PORT}
    local token; token=$(token_for "$user")
    local threads=$(( clients < 2 ? clients : 2 ))
    local tmp="$OUT/wrk-$name-$clients.json"; : >"$tmp"
    local la0; la0=$(loadavg)
    local pid=$APP_PID; [ "$port" = "$OLD_PORT" ] && pid=$OLD_PID
    local cpu0; cpu0=$(cpu_ms "$pid")
    BENCH_METHOD=$method BENCH_PATH=$path BENCH_TOKEN=$token BENCH_BODY=$body BENCH_IDS=$ids BENCH_IDEMPOTENT=$idem BENCH_OUT=$tmp \
        BENCH_MAX_REQUESTS=${MAX_REQUESTS:-} BENCH_THREADS=$threads wrk -t"$threads" -c"$clients" -d"${seconds}s" --timeout 10s -s "$BENCH/wrk/scenario.lua" "http://127.0.0.1:$port" \
        >"$OUT/wrk-$name-$clients.log" 2>&1 || true
    local cpu1; cpu1=$(cpu_ms "$pid")
    if [ ! -s "$tmp" ]; then log "wrk produced no summary for $name/$clients"; cat "$OUT/wrk-$name-$clients.log" >&2; return 0; fi
    jq -c --arg n "$name" --argjson c "$clients" --arg la "$la0 -> $(loadavg)" --argjson r "${ROUND:-0}" --argjson cpu "$(( cpu1 - cpu0 ))" \
        '. + {scenario:$n, side:"service", clients:$c, load:$la, round:$r,
              cpu_ms_per_req:(if .requests > 0 then ($cpu / .requests) else null end)}' "$tmp" >>"$RESULT_LINES"
    log "$name c=$clients: $(jq -r '"\(.rps|floor)/s p50 \(.p50_ms) p99 \(.p99_ms) ms errors \(.http_errors + .socket_errors)"' "$tmp")"
}
pgbench_phase() {  # name clients seconds script [-D vars...]
    local name=$1 clients=$2 seconds=$3 script=$4; shift 4
    local threads=$(( clients < 2 ? clients : 2 ))
    local la0; la0=$(loadavg)
    local logf="$OUT/pgbench-$name-$clients.log"
    PGPASSWORD=bench pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U bench -c "$clients" -j "$threads" -T "$seconds" -M prepared \
        --log --log-prefix="$OUT/txlog-$name-$clients" -f "$script" "$@" raw >"$logf" 2>&1 || { cat "$logf" >&2; return 0; }
    # Per-transaction latencies (column 3, microseconds) from the transaction log, for the same percentiles as wrk.
    local stats; stats=$(cat "$OUT"/txlog-"$name"-"$clients".* 2>/dev/null | awk '{print $3}' | sort -n | awk '
        {a[NR]=$1} END {n=NR; if (n==0) {print "0 0 0"; exit}
        p50=a[int(n*0.50)+ (n*0.50>int(n*0.50))]; p95=a[int(n*0.95)+(n*0.95>int(n*0.95))]; p99=a[int(n*0.99)+(n*0.99>int(n*0.99))];
        printf "%.3f %.3f %.3f", p50/1000, p95/1000, p99/1000}')
    rm -f "$OUT"/txlog-"$name"-"$clients".*
    local tps; tps=$(grep -o 'tps = [0-9.]*' "$logf" | head -1 | grep -o '[0-9.]*$')
    local failed; failed=$(grep -o 'number of failed transactions: [0-9]*' "$logf" | grep -o '[0-9]*$' || echo 0)
    read -r p50 p95 p99 <<<"$stats"
    jq -nc --arg n "$name" --argjson c "$clients" --argjson tps "${tps:-0}" --argjson p50 "$p50" --argjson p95 "$p95" \
        --argjson p99 "$p99" --argjson f "${failed:-0}" --arg la "$la0 -> $(loadavg)" --argjson r "${ROUND:-0}" \
        '{scenario:$n, side:"raw", clients:$c, rps:$tps, p50_ms:$p50, p95_ms:$p95, p99_ms:$p99, http_errors:$f, socket_errors:0, load:$la, round:$r}' >>"$RESULT_LINES"
    log "raw $name c=$clients: ${tps%.*}/s p50 $p50 p99 $p99 ms"
}

# ---------------------------------------------------------------- seed: referrals for the LA feed, decisions for reads
log "seeding: incidents, decisions and referrals to LA 999 (the feed), raw tables"
bash "$BENCH/seed.sh" "http://127.0.0.1:$APP_PORT" "$TOKEN_URL" "$SEED_REFERRALS" >"$OUT/seed.log" 2>&1 \
    || { log "seeding failed"; tail -20 "$OUT/seed.log" >&2; exit 1; }
# ---------------------------------------------------------------- the school's incidents, then warm-up (JIT)
# The reads (list, queue, read) run over school A's incidents: always the same number of them (SCHOOL_INCIDENTS, sent
# through the API, wrk stopping at the count still missing), so that every run reads the same data. A timed phase
# writes however many the machine manages at that moment (1,100 and 1,400 in two runs of one build): a difference
# between runs that no round of a run samples. What else writes incidents outside the measured intake (the JIT
# warm-ups) writes them for school B (staff.b), which no read scenario reads.
school_a_incidents() { psql_ -d app -Atc "select count(*) from incident where school_urn = '100001'"; }
log "school A: $SCHOOL_INCIDENTS incidents through the API"
for _ in $(seq 1 100); do
    have=$(school_a_incidents)
    [ "$have" -lt "$SCHOOL_INCIDENTS" ] || break
    MAX_REQUESTS=$(( SCHOOL_INCIDENTS - have )) wrk_phase school-a 4 3 staff.a POST /api/v1/incidents "$BENCH/payloads/incident.json" "" 1 >/dev/null
done
have=$(school_a_incidents)
[ "$have" -ge "$SCHOOL_INCIDENTS" ] || { log "school A holds $have incidents, not $SCHOOL_INCIDENTS: the service refused or failed intake (see $OUT/wrk-school-a-4.log)"; exit 1; }
log "school A holds $have incidents"
log "warm-up ${WARM_SECONDS}s"
wrk_phase warmup 4 "$WARM_SECONDS" staff.b POST /api/v1/incidents "$BENCH/payloads/incident.json" "" 1 >/dev/null
grep -v '"scenario":"\(warmup\|school-a\)"' "$RESULT_LINES" >"$RESULT_LINES.tmp" || true; mv "$RESULT_LINES.tmp" "$RESULT_LINES"

ids_file() {  # file sql: ids for read scenarios
    psql_ -d app -Atc "$2" >"$1"
}
ids_file "$OUT/incident-ids.txt" "select id from incident where school_urn = '100001' order by random() limit 2000"
# The raw side: a copy of the service's database as it is now (schema with its triggers and indexes, and data), plus
# the real intake's incident and recommendation as templates for the raw intake, and the same 2,000 ids wrk reads.
PGPASSWORD=bench pg_dump -h 127.0.0.1 -p "$PG_PORT" -U bench --no-owner app | psql_ -d raw >"$OUT/raw-copy.log" 2>&1
psql_ -d raw >>"$OUT/raw-copy.log" <<SQL
create table bench_incident as select * from incident where account like 'At 08:40 before registration%' limit 1;
create table bench_recommendation as
    select r.* from triage_recommendation r join bench_incident i on r.incident_id = i.id order by r.sequence limit 1;
create table bench_ids (n serial primary key, id uuid not null);
insert into audit_chain_head (chain, seq, hash) values ('school:100001', 0, repeat('0', 64)), ('la:999', 0, repeat('0', 64))
    on conflict do nothing;
SQL
psql_ -d raw -c "\\copy bench_ids (id) from '$OUT/incident-ids.txt'" >>"$OUT/raw-copy.log"
[ "$(psql_ -d raw -Atc 'select count(*) from bench_incident') $(psql_ -d raw -Atc 'select count(*) from bench_recommendation')" = "1 1" ] \
    || { log "raw templates missing (see $OUT/raw-copy.log)"; exit 1; }

RAW_INTAKE="$BENCH/pgbench/intake.sql"
# Every other scenario's own path warmed too (not measured): otherwise the JIT compiles it during its first measured
# phase (1 client), and that phase measures the compiler rather than the service.
warm_each_scenario() {
    log "warm-up of each scenario ${WARM_EACH_SECONDS}s"
    wrk_phase warmup 4 "$WARM_EACH_SECONDS" staff.a POST /api/v1/triage/evaluate "$BENCH/payloads/evaluate.json" >/dev/null
    wrk_phase warmup 4 "$WARM_EACH_SECONDS" dsl.a GET '/api/v1/incidents/{id}' "" "$OUT/incident-ids.txt" >/dev/null
    wrk_phase warmup 4 "$WARM_EACH_SECONDS" dsl.a GET '/api/v1/incidents?size=20' >/dev/null
    wrk_phase warmup 4 "$WARM_EACH_SECONDS" dsl.a GET '/api/v1/review-queue?size=20' >/dev/null
    wrk_phase warmup 4 "$WARM_EACH_SECONDS" la-system-999 GET '/api/v1/la/referrals?limit=20' >/dev/null
    grep -v '"scenario":"warmup"' "$RESULT_LINES" >"$RESULT_LINES.tmp" || true; mv "$RESULT_LINES.tmp" "$RESULT_LINES"
    settle_jit
}
# CPU time (ms) the service JVM's JIT compiler threads have used so far.
jit_cpu_ms() {
    local t ms=0
    for t in /proc/"$APP_PID"/task/*; do
        case "$(cat "$t/comm" 2>/dev/null)" in
            "C1 Compiler"*|"C2 Compiler"*) ms=$(( ms + $(awk '{printf "%d", $1 / 1000000}' "$t/schedstat" 2>/dev/null || echo 0) )) ;;
        esac
    done
    echo "$ms"
}
# The JIT's queue drained before measuring: a warm-up leaves C2 compiling for a while after it, and the first phases
# measured after it (1 client) paid for that in one run and not in the next (list and queue at 1 client with 1.5-2x
# the CPU per request, in every round of 2026-12-01T1915 against T1854). Waits until the compiler threads used under
# 20 ms of CPU in each of two consecutive seconds, at most 60 s.
settle_jit() {
    local quiet=0 waited=0 before after
    before=$(jit_cpu_ms)
    while [ "$quiet" -lt 2 ] && [ "$waited" -lt 60 ]; do
        sleep 1; waited=$((waited + 1)); after=$(jit_cpu_ms)
        if [ $((after - before)) -lt 20 ]; then quiet=$((quiet + 1)); else quiet=0; fi
        before=$after
    done
    log "JIT settled after ${waited}s (compiler threads: ${after} ms of CPU so far)"
}
warm_each_scenario
# Every round on a fresh JVM, warmed the same way: what one JVM happens to compile (and so its CPU per request) differs
# from one start to the next by more than phases of one JVM differ, so a run whose rounds all share one JVM reports
# less noise than two runs show between them.
# And every round on the same data: each round's intake (service and pgbench) adds thousands of incidents, so without
# this the reads of round 3 ran over far more rows than those of round 1 (the raw list fell from 255 to 68/s within one
# run) and the rounds' spread measured the data's growth, not noise. The databases are copied once, before round 1
# (templates), and each round starts from that copy, vacuumed and analysed, after a checkpoint.
snapshot_databases() {
    stop_service
    psql_ -d postgres -c "create database app_seed template app" -c "create database raw_seed template raw" >/dev/null
}
restore_databases() {
    local db
    for db in app raw; do
        psql_ -d postgres -c "drop database $db with (force)" -c "create database $db template ${db}_seed" >/dev/null
        psql_ -d "$db" -c "vacuum analyze" >/dev/null
    done
    psql_ -d postgres -c "checkpoint" >/dev/null
}
stop_service() {
    [ -n "$APP_PID" ] || return 0
    kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}
fresh_round() {
    log "round $ROUND: the databases as before round 1, a fresh service JVM"
    stop_service
    restore_databases
    APP_PID=$(start_service "$APP_JAR" "$APP_PORT" app "$OUT/service-round$ROUND.log" $JVM_OPTS)
    wrk_phase warmup 4 "$WARM_SECONDS" staff.b POST /api/v1/incidents "$BENCH/payloads/incident.json" "" 1 >/dev/null
    warm_each_scenario
}
# The machine's own speed in each round: one core hashing (openssl speed, SHA-256 over 16 KB blocks), work that neither
# the service nor the database does. Two runs of the same build that differ in every figure by as much as this figure
# differs were measured on a machine that itself ran faster or slower (compare.py reports it).
machine_probe() {
    local kbs la0; la0=$(loadavg)
    kbs=$(openssl speed -seconds 2 -bytes 16384 sha256 2>/dev/null | awk '$1 == "sha256" {sub(/k$/, "", $2); print $2}')
    [ -n "$kbs" ] || { log "machine probe: openssl speed gave nothing"; return 0; }
    jq -nc --argjson v "$kbs" --arg la "$la0 -> $(loadavg)" --argjson r "${ROUND:-0}" \
        '{scenario:"machine", side:"probe", clients:1, rps:($v / 1024), p50_ms:null, p95_ms:null, p99_ms:null, http_errors:0, socket_errors:0, load:$la, round:$r}' >>"$RESULT_LINES"
    log "machine probe: $(( ${kbs%.*} / 1024 )) MB/s of SHA-256 on one core"
}
# ---------------------------------------------------------------- what the service runs per request
# One warm request of each scenario with PostgreSQL logging every statement: the statements the service ran, in order,
# go to results/<stamp>-statements.txt, the reference for the raw side's scripts (bench/pgbench/*.sql, which must make
# the same reads and writes).
capture_statements() {  # name user method path [body]
    local name=$1 user=$2 method=$3 path=$4 body=${5:-} token from
    local send=()
    [ -n "$body" ] && send=(-H 'Content-Type: application/json' -H "Idempotency-Key: capture-$STAMP-$name" --data-binary "@$body")
    token=$(token_for "$user")
    from=$(( $(stat -c %s "$OUT/postgres.log") + 1 ))
    curl -fsS -o /dev/null -X "$method" -H "Authorization: Bearer $token" -H 'Accept: application/json' "${send[@]}" \
        "http://127.0.0.1:$APP_PORT$path" || log "capture: $name failed"
    sleep 0.3  # the log is written by another process
    { echo "== $name: $method $path"; tail -c +"$from" "$OUT/postgres.log" | grep -v 'pg_reload_conf\|log_statement'; echo; } >>"$OUT/statements.txt"
}
psql_ -d postgres -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()" >/dev/null
sleep 0.3
: >"$OUT/statements.txt"
capture_statements intake staff.a POST /api/v1/incidents "$BENCH/payloads/incident.json"
capture_statements evaluate staff.a POST /api/v1/triage/evaluate "$BENCH/payloads/evaluate.json"
capture_statements read dsl.a GET "/api/v1/incidents/$(head -1 "$OUT/incident-ids.txt")"
capture_statements list dsl.a GET '/api/v1/incidents?size=20'
capture_statements queue dsl.a GET '/api/v1/review-queue?size=20'
capture_statements feed la-system-999 GET '/api/v1/la/referrals?limit=20'
psql_ -d postgres -c "alter system reset log_statement" -c "select pg_reload_conf()" >/dev/null
cp "$OUT/statements.txt" "$RESULTS/$STAMP-statements.txt"
log "statements per request: $(grep -c 'LOG:  \(statement\|execute\)' "$OUT/statements.txt") in $RESULTS/$STAMP-statements.txt"

# ---------------------------------------------------------------- scenarios x concurrency, in rounds
# The whole matrix is measured ROUNDS times; the report takes each figure's median and shows its range, so that one
# stalled phase does not make the figure.
[ "$FRESH_JVM_EACH_ROUND" != 1 ] || snapshot_databases
for ROUND in $(seq 1 "$ROUNDS"); do
log "round $ROUND of $ROUNDS"
[ "$FRESH_JVM_EACH_ROUND" != 1 ] || fresh_round
machine_probe
# The reads first, at every concurrency, then intake: intake adds incidents to school A (the service's to its database,
# pgbench's, about twice as many, to the raw one), so reads after it ran over more rows on the raw side than on the
# service's, and over more in one round than in another. In this order both sides read the same rows in every round.
for c in $CONCURRENCY; do
    wrk_phase evaluate "$c" "$BENCH_SECONDS" staff.a POST /api/v1/triage/evaluate "$BENCH/payloads/evaluate.json"
    pgbench_phase evaluate "$c" "$PG_SECONDS" "$BENCH/pgbench/evaluate.sql"
    wrk_phase read "$c" "$BENCH_SECONDS" dsl.a GET '/api/v1/incidents/{id}' "" "$OUT/incident-ids.txt"
    pgbench_phase read "$c" "$PG_SECONDS" "$BENCH/pgbench/read.sql" -D nids="$(grep -c . "$OUT/incident-ids.txt")"
    wrk_phase list "$c" "$BENCH_SECONDS" dsl.a GET '/api/v1/incidents?size=20'
    pgbench_phase list "$c" "$PG_SECONDS" "$BENCH/pgbench/list.sql"
    wrk_phase queue "$c" "$BENCH_SECONDS" dsl.a GET '/api/v1/review-queue?size=20'
    pgbench_phase queue "$c" "$PG_SECONDS" "$BENCH/pgbench/queue.sql"
    wrk_phase feed "$c" "$BENCH_SECONDS" la-system-999 GET '/api/v1/la/referrals?limit=20'
    pgbench_phase feed "$c" "$PG_SECONDS" "$BENCH/pgbench/feed.sql"
done
for c in $CONCURRENCY; do
    wrk_phase intake "$c" "$BENCH_SECONDS" staff.a POST /api/v1/incidents "$BENCH/payloads/incident.json" "" 1
    pgbench_phase intake "$c" "$PG_SECONDS" "$RAW_INTAKE"
done
done
ROUND=0

# ---------------------------------------------------------------- profile intake at 8 clients (JFR), then fill up
log "profiling intake at 8 clients for ${PROFILE_SECONDS}s (JFR)"
jcmd "$APP_PID" JFR.start name=bench settings=profile filename="$OUT/intake.jfr" >/dev/null
wrk_phase profiled-intake 8 "$PROFILE_SECONDS" staff.a POST /api/v1/incidents "$BENCH/payloads/incident.json" "" 1
jcmd "$APP_PID" JFR.stop name=bench >/dev/null
python3 "$BENCH/jfr_top.py" "$OUT/intake.jfr" >"$OUT/profile.txt" 2>"$OUT/profile.err" || true

count_incidents() { psql_ -d app -Atc 'select count(*) from incident'; }
log "filling to $FILL_TO incidents (now $(count_incidents))"
FILL_UNTIL=$(( $(date +%s) + FILL_MAX_SECONDS ))
while [ "$(count_incidents)" -lt "$FILL_TO" ] && [ "$(date +%s)" -lt "$FILL_UNTIL" ]; do
    wrk_phase fill 8 10 staff.a POST /api/v1/incidents "$BENCH/payloads/incident.json" "" 1 2>/dev/null
done
grep -v '"scenario":"fill"' "$RESULT_LINES" >"$RESULT_LINES.tmp" || true; mv "$RESULT_LINES.tmp" "$RESULT_LINES"
echo "{\"incidents\":$(count_incidents),\"rss_kb\":$(rss "$APP_PID")}" >"$OUT/rss-after.json"
log "after fill: $(cat "$OUT/rss-after.json")"

# ---------------------------------------------------------------- issue 11: intake with and without the audit chain
if [ "$COMPARE" != 0 ]; then
    bash "$BENCH/audit/prechain-jar.sh" "$WORK/prechain" >"$OUT/prechain-build.log" 2>&1 || { log "pre-chain build failed"; tail "$OUT/prechain-build.log" >&2; COMPARE=0; }
fi
if [ "$COMPARE" != 0 ]; then
    log "pre-chain build on :$OLD_PORT (database prechain)"
    OLD_PID=$(start_service "$WORK/prechain/target/quarkus-app/quarkus-run.jar" "$OLD_PORT" prechain "$OUT/prechain-service.log" $JVM_OPTS)
    wrk_phase warmup-prechain 4 "$WARM_SECONDS" staff.a POST /api/v1/incidents "$BENCH/payloads/incident.json" "" 1 "$OLD_PORT" >/dev/null
    for r in $(seq 1 "$COST_ROUNDS"); do  # alternating, so that a change in the machine's load hits both
        wrk_phase "cost-prechain-r$r" 8 "$BENCH_SECONDS" staff.a POST /api/v1/incidents "$BENCH/payloads/incident.json" "" 1 "$OLD_PORT"
        wrk_phase "cost-chain-r$r" 8 "$BENCH_SECONDS" staff.a POST /api/v1/incidents "$BENCH/payloads/incident.json" "" 1
    done
    kill "$OLD_PID" 2>/dev/null || true; wait "$OLD_PID" 2>/dev/null || true; OLD_PID=""
fi

# ---------------------------------------------------------------- report
cp "$OUT/service.log" "$OUT/service.log.keep" 2>/dev/null || true
META="$OUT/meta.json"
COMMIT_NOTE=${BENCH_BUILD_NOTE:-"$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo '+uncommitted changes')"}
jq -n --arg stamp "$STAMP" --arg commit "$COMMIT_NOTE" \
    --arg quick "$QUICK" --arg cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" \
    --arg cores "$(nproc)" --arg mem "$(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo)" \
    --arg java "$(java -version 2>&1 | head -1)" --arg pg "$PG_VERSION" --arg bs "$BENCH_SECONDS" --arg ps "$PG_SECONDS" --arg rounds "$ROUNDS" --arg fresh "$FRESH_JVM_EACH_ROUND" \
    --arg load_end "$(loadavg)" --arg jvm "$JVM_OPTS" --arg body "$(jq -c . "$BENCH/payloads/incident.json" | wc -c)" \
    '{stamp:$stamp, commit:$commit, quick:($quick=="1"), cpu:$cpu, cores:$cores, mem:$mem, java:$java, pg:$pg,
      bench_seconds:$bs, pg_seconds:$ps, rounds:($rounds|tonumber), fresh_jvm_each_round:($fresh=="1"), jvm:$jvm, load_end:$load_end, body_bytes:$body}' >"$META"
python3 "$BENCH/report.py" "$OUT" "$RESULTS/$STAMP"
log "written $RESULTS/$STAMP.md and $RESULTS/$STAMP.png"
