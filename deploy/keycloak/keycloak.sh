#!/usr/bin/env bash
# Local Keycloak for dsl-triage development and integration tests (no Docker needed).
#
#   deploy/keycloak/keycloak.sh fetch                  download + unpack the Keycloak dist (idempotent)
#   deploy/keycloak/keycloak.sh start                  fresh start with the realms imported; waits until ready
#   deploy/keycloak/keycloak.sh stop                   stop it and wait until it has exited
#   deploy/keycloak/keycloak.sh restart                stop + start
#   deploy/keycloak/keycloak.sh status                 exit 0 when running and ready, 1 otherwise
#   deploy/keycloak/keycloak.sh token USER [CLIENT]    access token, password grant (default client dsl-triage-cli)
#   deploy/keycloak/keycloak.sh client-token ID SECRET access token, client credentials grant
#   deploy/keycloak/keycloak.sh decode [TOKEN]         print a token's payload as JSON (TOKEN or stdin)
#   deploy/keycloak/keycloak.sh logs                   tail the server log
#
# Environment (all optional):
#   KEYCLOAK_VERSION  dist version from Maven Central               (26.5.6)
#   KC_HOME           where the dist is unpacked and run            (<repo>/.local/keycloak)
#   KC_PORT           HTTP port, bound to 127.0.0.1 only             (8180)
#   KC_START_TIMEOUT  seconds to wait for readiness                 (240)
#   KC_KEEP_DATA      1 = keep the H2 database between starts       (unset: wiped, realm JSON is the truth)
#   KC_REALM          realm for `token`                             (dsl-triage)
#   KC_PASSWORD       password for `token`                          (Demo-Passw0rd!)
#   KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD       master-realm admin (admin / admin)
#   JAVA_OPTS_APPEND  extra JVM options for Keycloak                (-XX:TieredStopAtLevel=1)
#   MVN               Maven command for `fetch`                     (mvn)
#   JAVA_HOME         JDK 17+ used by Keycloak                      (java on PATH)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.5.6}"
KC_HOME="${KC_HOME:-$REPO/.local/keycloak}"
KC_PORT="${KC_PORT:-8180}"
KC_START_TIMEOUT="${KC_START_TIMEOUT:-240}"
KC_REALM="${KC_REALM:-dsl-triage}"
KC_PASSWORD="${KC_PASSWORD:-Demo-Passw0rd!}"
MVN="${MVN:-mvn}"

KC_DIST="$KC_HOME/keycloak-$KEYCLOAK_VERSION"
PID_FILE="$KC_HOME/keycloak-$KC_PORT.pid"
LOG_FILE="$KC_HOME/keycloak-$KC_PORT.log"
BASE_URL="http://127.0.0.1:$KC_PORT"
READY_URL="$BASE_URL/realms/dsl-triage/.well-known/openid-configuration"

log() { printf '[keycloak.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is required but not on PATH"; }

# ---------------------------------------------------------------- helpers

ready() { curl -fsS -o /dev/null --max-time 2 "$READY_URL" 2>/dev/null; }

port_in_use() {
    # true when something accepts TCP connections on 127.0.0.1:$1
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

read_pid() { if [[ -f "$PID_FILE" ]]; then tr -dc '0-9' <"$PID_FILE"; fi; }

# Is PID alive and really our Keycloak (guards against a recycled pid)?
is_our_keycloak() {
    local pid="$1"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
    local args
    args="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || ps -o args= -p "$pid" 2>/dev/null || true)"
    [[ "$args" == *"$KC_DIST"* || "$args" == *kc.sh* || "$args" == *kc.home.dir* ]]
}

# Process group of PID still has members?
group_alive() { kill -0 -- "-$1" 2>/dev/null; }

java_ok() {
    local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
    command -v "$java" >/dev/null 2>&1 || die "no java found (set JAVA_HOME or put a JDK 17+ on PATH)"
    local v
    v="$("$java" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')"
    local major="${v%%.*}"
    [[ "$major" == 1 ]] && major="$(cut -d. -f2 <<<"$v")"
    if ! [[ "$major" =~ ^[0-9]+$ ]] || (( major < 17 )); then
        die "Keycloak $KEYCLOAK_VERSION needs JDK 17+, found '$v' ($java)"
    fi
}

# ---------------------------------------------------------------- fetch

cmd_fetch() {
    if [[ -x "$KC_DIST/bin/kc.sh" ]]; then
        log "Keycloak $KEYCLOAK_VERSION already unpacked in $KC_DIST"
        return 0
    fi
    need "$MVN"
    mkdir -p "$KC_HOME"
    # Keep the (large) unpacked dist out of git when KC_HOME is inside the repo.
    [[ -f "$KC_HOME/.gitignore" ]] || printf '*\n' >"$KC_HOME/.gitignore"

    local tmp
    tmp="$(mktemp -d "$KC_HOME/.fetch.XXXXXX")"
    # shellcheck disable=SC2064
    trap "rm -rf '$tmp'" RETURN
    log "downloading org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip via Maven (~165 MB, cached in ~/.m2) ..."
    # Run Maven from an empty directory so it never picks up the project's pom.xml.
    if ! (cd "$tmp" && "$MVN" -B -q -Dstyle.color=never dependency:copy \
            -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
            -DoutputDirectory="$tmp") >"$tmp/mvn.log" 2>&1; then
        cat "$tmp/mvn.log" >&2
        die "Maven could not download keycloak-quarkus-dist:$KEYCLOAK_VERSION"
    fi
    local zip="$tmp/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    [[ -f "$zip" ]] || die "download finished but $zip is missing"

    log "unpacking into $KC_DIST ..."
    mkdir -p "$tmp/unpacked"
    if command -v unzip >/dev/null 2>&1; then
        unzip -q "$zip" -d "$tmp/unpacked"
    else
        need python3
        python3 -m zipfile -e "$zip" "$tmp/unpacked"
        chmod +x "$tmp/unpacked/keycloak-$KEYCLOAK_VERSION/bin/"*.sh
    fi
    [[ -x "$tmp/unpacked/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ]] || die "unexpected zip layout (no keycloak-$KEYCLOAK_VERSION/bin/kc.sh)"
    mv "$tmp/unpacked/keycloak-$KEYCLOAK_VERSION" "$KC_DIST"   # atomic: a half-unpacked dist never looks "fetched"
    log "Keycloak $KEYCLOAK_VERSION ready in $KC_DIST"
}

# ---------------------------------------------------------------- start / stop

cmd_start() {
    need curl
    local pid
    pid="$(read_pid)"
    if is_our_keycloak "$pid"; then
        if ready; then
            log "already running (pid $pid) at $BASE_URL"
            return 0
        fi
        log "process $pid is up but not ready yet; waiting ..."
        wait_ready "$pid" "$(date +%s)"
        return 0
    fi
    rm -f "$PID_FILE"
    if ready; then
        log "WARNING: a Keycloak not started by this script (no pid file in $KC_HOME) already serves realm dsl-triage at $BASE_URL; using it as is."
        log "         Its realm data may be stale. Stop it, or use another KC_PORT, to get a fresh import."
        return 0
    fi
    if port_in_use "$KC_PORT"; then
        die "port $KC_PORT on 127.0.0.1 is taken by another program; free it or set KC_PORT"
    fi
    # Instances share the dist's data/ folder, so only one may run per KC_HOME.
    local other opid
    for other in "$KC_HOME"/keycloak-*.pid; do
        [[ -e "$other" && "$other" != "$PID_FILE" ]] || continue
        opid="$(tr -dc '0-9' <"$other")"
        if is_our_keycloak "$opid"; then
            die "another Keycloak from $KC_HOME runs (pid $opid, $(basename "$other")); stop it or use a different KC_HOME"
        fi
    done

    cmd_fetch
    java_ok

    # The realm JSON files are the single source of truth: unless KC_KEEP_DATA=1 the dev H2
    # database is wiped, so every start imports the realms afresh (--import-realm skips a
    # realm that already exists in the database; it never updates it).
    if [[ "${KC_KEEP_DATA:-}" != 1 ]]; then
        rm -rf "$KC_DIST/data/h2"
    fi
    rm -rf "$KC_DIST/data/import"
    mkdir -p "$KC_DIST/data/import"
    # Keycloak's directory import insists on the file name "<realm>-realm.json", so each
    # file is copied under the name of the realm it contains (other-realm.json -> other-realm-realm.json).
    need python3
    local f n=0 realm
    for f in "$SCRIPT_DIR"/*.json; do
        [[ -e "$f" ]] || continue
        realm="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["realm"])' "$f")" \
            || die "$f is not a realm JSON file"
        cp "$f" "$KC_DIST/data/import/$realm-realm.json"
        n=$((n + 1))
    done
    (( n > 0 )) || die "no realm JSON files found in $SCRIPT_DIR"

    # C1-only JIT: measured ~30 % less CPU to reach "ready" on a 2-core machine (43 s vs 60 s of
    # CPU). Keycloak is a test fixture here, not a hot path. Override with JAVA_OPTS_APPEND=" ".
    export JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:--XX:TieredStopAtLevel=1}"
    export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
    export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

    local args=(start-dev
        "--http-host=127.0.0.1" "--http-port=$KC_PORT"
        "--hostname=$BASE_URL"                      # fixed issuer, whatever host name a client uses
        "--import-realm")

    log "starting Keycloak $KEYCLOAK_VERSION on $BASE_URL ($n realm file(s) imported; log: $LOG_FILE)"
    local t0
    t0="$(date +%s)"
    : >"$LOG_FILE"
    # Own session / process group, so `stop` can signal kc.sh *and* its java child (kc.sh
    # re-executes java after an implicit re-augmentation, so the java pid is not stable).
    # The launcher records its own pid (= process-group id) before exec'ing kc.sh.
    # shellcheck disable=SC2016  # expanded by the launcher's own bash, not here
    local launcher='echo $$ >"$1"; shift; exec "$@"'
    if command -v setsid >/dev/null 2>&1; then
        setsid bash -c "$launcher" kc-launcher "$PID_FILE" "$KC_DIST/bin/kc.sh" "${args[@]}" \
            >>"$LOG_FILE" 2>&1 </dev/null &
    else
        bash -c "$launcher" kc-launcher "$PID_FILE" "$KC_DIST/bin/kc.sh" "${args[@]}" \
            >>"$LOG_FILE" 2>&1 </dev/null &
    fi
    disown 2>/dev/null || true
    local _
    for _ in $(seq 1 50); do [[ -s "$PID_FILE" ]] && break; sleep 0.1; done
    pid="$(read_pid)"
    [[ -n "$pid" ]] || die "could not start kc.sh (no pid written); see $LOG_FILE"
    wait_ready "$pid" "$t0"
}

wait_ready() {
    local pid="$1" t0="$2"
    local deadline=$(( $(date +%s) + KC_START_TIMEOUT ))
    while (( $(date +%s) < deadline )); do
        if ready; then
            log "ready after $(( $(date +%s) - t0 )) s: $BASE_URL/realms/dsl-triage (pid $pid)"
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            log "Keycloak exited during start-up. Last lines of $LOG_FILE:"
            tail -n 40 "$LOG_FILE" >&2 || true
            rm -f "$PID_FILE"
            exit 1
        fi
        sleep 0.5
    done
    log "Keycloak not ready after ${KC_START_TIMEOUT}s. Last lines of $LOG_FILE:"
    tail -n 40 "$LOG_FILE" >&2 || true
    log "stopping the unready server ..."
    stop_pid "$pid" || log "WARNING: could not stop process group $pid"
    rm -f "$PID_FILE"
    exit 1
}

stop_pid() {
    local pid="$1" _
    if [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]]; then
        kill -TERM -- "-$pid" 2>/dev/null || true          # kc.sh + java (whole process group)
        for _ in $(seq 1 60); do group_alive "$pid" || break; sleep 0.5; done
        if group_alive "$pid"; then
            log "still running after 30 s; sending SIGKILL"
            kill -KILL -- "-$pid" 2>/dev/null || true
            for _ in $(seq 1 20); do group_alive "$pid" || break; sleep 0.5; done
        fi
        if group_alive "$pid"; then return 1; fi
    else
        # No own process group (no setsid): signal the java children first, then kc.sh.
        local kids
        kids="$(pgrep -P "$pid" 2>/dev/null || true)"
        # shellcheck disable=SC2086
        [[ -z "$kids" ]] || kill -TERM $kids 2>/dev/null || true
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        # shellcheck disable=SC2086
        if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" $kids 2>/dev/null || true; sleep 1; fi
        if kill -0 "$pid" 2>/dev/null; then return 1; fi
    fi
}

cmd_stop() {
    local pid
    pid="$(read_pid)"
    if ! is_our_keycloak "$pid"; then
        rm -f "$PID_FILE"
        if port_in_use "$KC_PORT"; then
            die "no Keycloak started by this script (KC_HOME=$KC_HOME), but port $KC_PORT is in use by another process"
        fi
        log "not running"
        return 0
    fi
    log "stopping Keycloak (process group $pid) ..."
    stop_pid "$pid" || die "could not stop process group $pid"
    local _
    for _ in $(seq 1 20); do port_in_use "$KC_PORT" || break; sleep 0.25; done
    rm -f "$PID_FILE"
    port_in_use "$KC_PORT" && die "stopped, but port $KC_PORT is still in use"
    log "stopped"
}

cmd_status() {
    local pid
    pid="$(read_pid)"
    if is_our_keycloak "$pid" && ready; then
        echo "running (pid $pid) at $BASE_URL, realms: $BASE_URL/realms/dsl-triage $BASE_URL/realms/other-realm"
        return 0
    elif is_our_keycloak "$pid"; then
        echo "starting or unhealthy (pid $pid); log: $LOG_FILE"
    elif ready; then
        echo "a Keycloak not started by this script answers at $BASE_URL"
        return 0
    else
        echo "not running"
    fi
    return 1
}

# ---------------------------------------------------------------- tokens

# POST form data to the token endpoint of realm $1; print the access token.
token_request() {
    local realm="$1"; shift
    need curl; need python3
    local body status
    body="$(curl -sS --max-time 15 -w '\n%{http_code}' -X POST \
        "$BASE_URL/realms/$realm/protocol/openid-connect/token" "$@")" \
        || die "cannot reach Keycloak at $BASE_URL (is it started? deploy/keycloak/keycloak.sh start)"
    status="${body##*$'\n'}"
    body="${body%$'\n'*}"
    if [[ "$status" != 200 ]]; then
        log "token request failed (HTTP $status): $body"
        exit 1
    fi
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' <<<"$body"
}

cmd_token() {
    [[ $# -ge 1 && $# -le 2 ]] || die "usage: keycloak.sh token USER [CLIENT]   (env: KC_REALM, KC_PASSWORD)"
    token_request "$KC_REALM" \
        --data-urlencode "grant_type=password" \
        --data-urlencode "client_id=${2:-dsl-triage-cli}" \
        --data-urlencode "username=$1" \
        --data-urlencode "password=$KC_PASSWORD" \
        --data-urlencode "scope=openid"
}

cmd_client_token() {
    [[ $# -eq 2 ]] || die "usage: keycloak.sh client-token CLIENT_ID SECRET   (env: KC_REALM)"
    token_request "$KC_REALM" \
        --data-urlencode "grant_type=client_credentials" \
        --data-urlencode "client_id=$1" \
        --data-urlencode "client_secret=$2"
}

cmd_decode() {
    need python3
    local tok="${1:-}"
    [[ -n "$tok" ]] || tok="$(cat)"
    python3 - "$tok" <<'PY'
import base64, json, sys
parts = sys.argv[1].strip().split(".")
if len(parts) != 3:
    sys.exit("not a JWS compact token")
pad = lambda s: s + "=" * (-len(s) % 4)
print(json.dumps(json.loads(base64.urlsafe_b64decode(pad(parts[1]))), indent=2, sort_keys=True))
PY
}

# ---------------------------------------------------------------- main

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }

main() {
    local cmd="${1:-}"
    [[ $# -gt 0 ]] && shift
    case "$cmd" in
        fetch)        cmd_fetch "$@" ;;
        start)        cmd_start "$@" ;;
        stop)         cmd_stop "$@" ;;
        restart)      cmd_stop; cmd_start ;;
        status)       cmd_status ;;
        token)        cmd_token "$@" ;;
        client-token) cmd_client_token "$@" ;;
        decode)       cmd_decode "$@" ;;
        logs)         tail -n "${LINES_TO_SHOW:-100}" "$LOG_FILE" ;;
        -h|--help|help|"") usage ;;
        *) usage >&2; die "unknown command '$cmd'" ;;
    esac
}

main "$@"
