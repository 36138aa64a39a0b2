#!/usr/bin/env bash
# Start-up to ready of the packaged service, runtime against runtime, on a shared machine (issue 15).
#
#   bench/startup.sh                       build once, then RUNS starts of every variant, alternating
#   RUNS=7 VARIANTS="jdk17 jdk25-aot" bench/startup.sh
#   BENCH_SKIP_BUILD=1 bench/startup.sh    reuse target/startup/{fast-jar,aot-jar} from an earlier run
#   Also: PROFILE=0 (no profiled start at the end), EXTRA_OPTS (JVM options added to every start; default a 30 s wait
#   for a database connection), PG_PORT, APP_PORT, JDK17, JDK25. Results: target/startup/run-<UTC time>/starts.jsonl.
#
# A start is `java ... -jar quarkus-run.jar` (profile prod, JSON logs) until the first 200 of /q/health/ready, which
# needs the database and the identity provider's signing keys (uk.dsltriage.ops.IdentityProviderReadiness). For each
# start it records the wall time to ready, the JVM's CPU time to ready (user + system of all its threads, from
# /proc/<pid>/stat: what other load on the machine moves least), the CPU of its busiest thread (the serial part:
# class loading, static init and Quarkus' recorders on the main thread), the RSS, and the 1-minute load average.
# Variants are interleaved (run 1 of every variant, then run 2, ...) so that a change in the machine's load falls on
# all of them alike. It prints per variant the median and the range (min-max) of each figure.
#
# Variants (all with production's JVM options from run.sh unless the name says otherwise):
#   jdk17          the fast-jar on JDK 17, as ./run.sh, the Dockerfile and Kubernetes start it
#   jdk17-c1       the same with the JIT's first tier only (-XX:TieredStopAtLevel=1: production's choice until the
#                  benchmark showed C2's intrinsics halve the CPU of each token check, README "Performance")
#   jdk17-aotjar   the aot-jar layout (quarkus.package.jar.type=aot-jar: every class from the JDK's app class loader)
#   jdk17-appcds   aot-jar + a dynamic AppCDS archive from a training run (-XX:ArchiveClassesAtExit)
#   jdk25          the fast-jar on Temurin 25
#   jdk25-aot      aot-jar on Temurin 25 + an AOT cache from a training run (JEP 483/514/515, -XX:AOTCacheOutput)
#   jdk17-before   as jdk17, from target/startup/before-fast-jar: an earlier build kept to compare a change against
#                  (cp -a target/startup/fast-jar target/startup/before-fast-jar, then change, then run this script)
#
# What it starts and stops: PostgreSQL 15 on 127.0.0.1:$PG_PORT (15442) with a fresh data directory under
# target/startup/pg; the service on 127.0.0.1:$APP_PORT (18092), one JVM at a time. The Keycloak on 127.0.0.1:8180 is
# reused when `deploy/keycloak/keycloak.sh status` says it runs (and left running); otherwise it is started and stopped
# at the end. The first start migrates the empty database (Flyway applies every migration) and is reported apart;
# the measured starts find it migrated, as a restarted replica does. Training runs (AppCDS, AOT cache) are not measured.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib/postgres.sh
source bench/lib/keycloak.sh
ROOT=$(pwd)
WORK="$ROOT/target/startup"
RUNS=${RUNS:-5}
VARIANTS=${VARIANTS:-"jdk17 jdk17-c1 jdk17-aotjar jdk17-appcds jdk25 jdk25-aot"}
PG_PORT=${PG_PORT:-15442}
APP_PORT=${APP_PORT:-18092}
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
# Production's JVM options (run.sh, deploy/k8s/configmap.yaml), measured in bench/PROFILE-2026-12-01.md.
PROD_OPTS=${PROD_OPTS:-"-XX:+UseSerialGC -Xms64m -Xmx192m -XX:MetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k"}
C1_OPTS="$PROD_OPTS -XX:TieredStopAtLevel=1"
# As bench/run.sh: a 30 s wait for a database connection (production's 3 s made starts fail on a saturated machine).
EXTRA_OPTS=${EXTRA_OPTS:-"-Dquarkus.datasource.jdbc.acquisition-timeout=PT30S"}
STAMP=$(date -u +%Y-%m-%dT%H%M)
OUT="$WORK/run-$STAMP"
RESULTS="$OUT/starts.jsonl"
SVC_PID=""; PG_STARTED=0

log() { printf '[startup %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
load1() { cut -d' ' -f1 /proc/loadavg; }

cleanup() {
    trap - EXIT INT TERM
    if [ -n "$SVC_PID" ]; then kill "$SVC_PID" 2>/dev/null && wait "$SVC_PID" 2>/dev/null || true; fi
    if [ "$PG_STARTED" = 1 ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1 || true; fi
    stop_keycloak_if_started
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$WORK" "$OUT"
[ -x "$PG_BIN/postgres" ] || { log "PostgreSQL 15 is not installed in $PG_BIN"; exit 1; }
needs_jdk25=0
for v in $VARIANTS; do case "$v" in jdk25*) needs_jdk25=1 ;; esac; done
[ "$needs_jdk25" = 0 ] || [ -x "$JDK25/bin/java" ] || { log "no JDK 25 in $JDK25 (set JDK25)"; exit 1; }

# ------------------------------------------------------------------------------------------------ build (once)
# Two layouts of the same build: the fast-jar (production's) and the aot-jar, whose classes all come from the JDK's
# own class loaders, which is what an AppCDS archive or an AOT cache can hold. target/quarkus-app is left as the
# fast-jar, as `mvn package` leaves it.
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    log "building the aot-jar layout (mvn -o package -DskipTests -Dquarkus.package.jar.type=aot-jar)"
    rm -rf target/quarkus-app
    mvn -B -o -q package -DskipTests -Dquarkus.package.jar.type=aot-jar >"$OUT/build-aot-jar.log" 2>&1 \
        || { tail -40 "$OUT/build-aot-jar.log"; exit 1; }
    rm -rf "$WORK/aot-jar"; cp -a target/quarkus-app "$WORK/aot-jar"
    log "building the fast-jar (mvn -o package -DskipTests)"
    rm -rf target/quarkus-app
    mvn -B -o -q package -DskipTests >"$OUT/build-fast-jar.log" 2>&1 || { tail -40 "$OUT/build-fast-jar.log"; exit 1; }
    rm -rf "$WORK/fast-jar"; cp -a target/quarkus-app "$WORK/fast-jar"
fi
for d in fast-jar aot-jar; do [ -f "$WORK/$d/quarkus-run.jar" ] || { log "no $WORK/$d/quarkus-run.jar (build first)"; exit 1; }; done
BUILT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo "+uncommitted")

# ------------------------------------------------------------------------------------------------ PostgreSQL 15
log "PostgreSQL 15 on 127.0.0.1:$PG_PORT (fresh data dir $WORK/pg)"
fresh_postgres 50 128MB
PG_STARTED=1
PGPASSWORD=bench psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U bench -d postgres -v ON_ERROR_STOP=1 -c "create database app"

# ------------------------------------------------------------------------------------------------ Keycloak
use_keycloak "$OUT/keycloak-start.log" "readiness checks its signing keys"

# ------------------------------------------------------------------------------------------------ one start
# As bench/run.sh: MALLOC_ARENA_MAX as ./run.sh sets it; the console's client secret is required but unused here.
SERVICE_ENV=(MALLOC_ARENA_MAX=2 PORT=$APP_PORT DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/app" DB_USER=bench DB_PASSWORD=bench
    IDENTITY_MASTER_KEYS="bench:$(head -c 32 /dev/urandom | base64)" CONSOLE_CLIENT_SECRET="startup-bench-console-secret-unused-0123")
launch() {  # java-home app-dir logfile [JVM options...]: starts the service in the background, sets SVC_PID
    local jdk=$1 dir=$2 logfile=$3; shift 3
    ( cd "$dir" && exec env "${SERVICE_ENV[@]}" "$jdk/bin/java" "$@" $EXTRA_OPTS -Dquarkus.http.host=127.0.0.1 -jar quarkus-run.jar ) \
        >"$logfile" 2>&1 &
    SVC_PID=$!
}
wait_ready() {  # seconds-limit: polls /q/health/ready every 50 ms; returns 1 if the JVM died or the limit passed
    local deadline=$(( $(date +%s) + $1 ))
    until curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$APP_PORT/q/health/ready" 2>/dev/null; do
        kill -0 "$SVC_PID" 2>/dev/null || return 1
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.05
    done
}
stop_service() {
    [ -n "$SVC_PID" ] || return 0
    kill "$SVC_PID" 2>/dev/null || true
    wait "$SVC_PID" 2>/dev/null || true
    SVC_PID=""
}
ticks_ms() { echo $(( $1 * 1000 / $(getconf CLK_TCK) )); }
measure() {  # variant run jdk dir [JVM options...]: one start to ready, appends a JSON line to $RESULTS
    local variant=$1 run=$2 jdk=$3 dir=$4; shift 4
    local logfile="$OUT/$variant-$run.log" la; la=$(load1)
    local t0; t0=$(date +%s%N)
    launch "$jdk" "$dir" "$logfile" "$@"
    if ! wait_ready 300; then log "$variant run $run: not ready (log $logfile)"; tail -20 "$logfile" >&2; stop_service; return 1; fi
    local t1; t1=$(date +%s%N)
    local pid=$SVC_PID cpu main rss quarkus
    cpu=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    # The busiest thread at ready: the main thread (Java's "main", not the launcher's primordial thread).
    main=$(for t in /proc/"$pid"/task/*; do awk '{print $14 + $15}' "$t/stat"; done | sort -n | tail -1)
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
    stop_service
    quarkus=$(grep -o 'started in [0-9.]*s' "$logfile" | head -1 | grep -o '[0-9.]*' || echo "")
    printf '{"variant":"%s","run":%d,"ready_ms":%d,"cpu_ms":%d,"busiest_thread_ms":%d,"rss_mb":%d,"quarkus_started_s":"%s","load1":%s}\n' \
        "$variant" "$run" $(( (t1 - t0) / 1000000 )) "$(ticks_ms "$cpu")" "$(ticks_ms "$main")" $(( rss / 1024 )) "$quarkus" "$la" \
        | tee -a "$RESULTS" >&2
}
train() {  # jdk logfile: the archive for that JDK, built the documented way (deploy/startup-archive.sh)
    env "${SERVICE_ENV[@]}" deploy/startup-archive.sh "$WORK/aot-jar" "$1" $PROD_OPTS $EXTRA_OPTS >"$2" 2>&1 \
        || { log "training run failed (log $2)"; tail -20 "$2" >&2; exit 1; }
    log "$(tail -1 "$2")"
}

# Variant name -> JDK, layout and JVM options.
variant_args() {  # variant: prints "jdk dir options..."
    case "$1" in
        jdk17) echo "$JDK17 $WORK/fast-jar $PROD_OPTS" ;;
        jdk17-c1) echo "$JDK17 $WORK/fast-jar $C1_OPTS" ;;
        jdk17-aotjar) echo "$JDK17 $WORK/aot-jar $PROD_OPTS" ;;
        jdk17-appcds) echo "$JDK17 $WORK/aot-jar $PROD_OPTS -XX:SharedArchiveFile=app-cds.jsa" ;;
        jdk25) echo "$JDK25 $WORK/fast-jar $PROD_OPTS" ;;
        jdk25-aot) echo "$JDK25 $WORK/aot-jar $PROD_OPTS -XX:AOTCache=app.aot" ;;
        jdk17-before) echo "$JDK17 $WORK/before-fast-jar $PROD_OPTS" ;;
        *) log "unknown variant $1"; exit 2 ;;
    esac
}

# ------------------------------------------------------------------------------------------------ first start, training
log "first start: JDK 17, fast-jar, empty database (Flyway applies every migration)"
measure first-start-migrates 1 $(variant_args jdk17)
for v in $VARIANTS; do
    case "$v" in
        jdk17-appcds) log "training run: AppCDS archive for JDK 17 (aot-jar)"; train "$JDK17" "$OUT/train-appcds.log" ;;
        jdk25-aot) log "training run: AOT cache for Temurin 25 (aot-jar)"; train "$JDK25" "$OUT/train-aot.log" ;;
    esac
done

# ------------------------------------------------------------------------------------------------ measured starts
for run in $(seq 1 "$RUNS"); do
    for v in $VARIANTS; do
        sleep 1
        measure "$v" "$run" $(variant_args "$v") || true
    done
done

# ------------------------------------------------------------------------------------------------ profile (one start)
# One more JDK 17 start with JFR sampling every 1 ms (JDK 17's profile settings sample every 10 ms) and a class-load
# log; at ready, the VM's own counters (class loading, verification, static init, JIT time) from `jcmd`.
if [ "${PROFILE:-1}" = 1 ]; then
    log "profiled start (JDK 17, fast-jar, JFR at 1 ms, class+load log, VM counters)"
    sed 's|<setting name="period" control="method-sampling-java-interval">10 ms</setting>|<setting name="period" control="method-sampling-java-interval">1 ms</setting>|' \
        "$JDK17/lib/jfr/profile.jfc" >"$OUT/startup.jfc"
    launch "$JDK17" "$WORK/fast-jar" "$OUT/profiled.log" $PROD_OPTS \
        "-XX:StartFlightRecording=filename=$OUT/start.jfr,settings=$OUT/startup.jfc,dumponexit=true" \
        "-Xlog:class+load=info:file=$OUT/classload.txt"
    if wait_ready 300; then
        "$JDK17/bin/jcmd" "$SVC_PID" PerfCounter.print >"$OUT/perfcounters.txt" 2>&1 || true
        stop_service
        { grep -E '^(sun\.cls\.(time|classInitTime|classVerifyTime|classLinkedTime|parseClassTime|defineAppClassTime|appClassLoadTime|sharedClassLoadTime)|sun\.ci\.totalTime|sun\.os\.hrt\.frequency|java\.cls\.loadedClasses|sun\.cls\.sharedLoadedClasses)=' "$OUT/perfcounters.txt" || true
          "$JDK17/bin/jfr" summary "$OUT/start.jfr" | grep -E 'ExecutionSample' || true
          python3 bench/startup_profile.py jfr "$OUT/start.jfr" main
          python3 bench/startup_profile.py classes "$OUT/classload.txt"; } >"$OUT/profile.txt" 2>&1
        log "profile of the main thread and the classes loaded: $OUT/profile.txt"
    else
        log "profiled start did not get ready (log $OUT/profiled.log)"; stop_service
    fi
fi

# ------------------------------------------------------------------------------------------------ summary
python3 - "$RESULTS" "$BUILT" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
order = []
for r in rows:
    if r["variant"] not in order:
        order.append(r["variant"])
def cell(values, unit_div=1000.0, fmt="{:.2f}"):
    v = sorted(x / unit_div for x in values)
    return f"{fmt.format(statistics.median(v))} ({fmt.format(v[0])}-{fmt.format(v[-1])})"
print(f"\nbuild {sys.argv[2]}; median (min-max) over n starts; load = 1-minute load average at each start\n")
print("| variant | n | wall s to ready | CPU s to ready | busiest thread CPU s | RSS MB at ready | load |")
print("|---|---:|---:|---:|---:|---:|---|")
for v in order:
    rs = [r for r in rows if r["variant"] == v]
    loads = sorted(r["load1"] for r in rs)
    print(f"| {v} | {len(rs)} | {cell([r['ready_ms'] for r in rs])} | {cell([r['cpu_ms'] for r in rs])} | "
          f"{cell([r['busiest_thread_ms'] for r in rs])} | {cell([r['rss_mb'] for r in rs], 1, '{:.0f}')} | "
          f"{loads[0]:.2f}-{loads[-1]:.2f} |")
PY
log "raw figures: $RESULTS; service logs: $OUT"
