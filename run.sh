#!/usr/bin/env bash
# Runs dsl-triage on this machine with its real dependencies: PostgreSQL (an embedded server from a jar, fsync on,
# data kept in .local/postgres, binaries in .local/postgres-binaries) and Keycloak (from Maven Central, realm imported). Needs only a JDK 17+ and Maven.
#   DB_URL / DB_USER / DB_PASSWORD          use an existing PostgreSQL instead of the embedded one
#   OIDC_AUTH_SERVER_URL                    use an existing Keycloak realm instead of starting one
#   PORT                                    HTTP port of the service (default 8080; the console's sign-in is
#                                           registered in Keycloak for 8080 only)
#   CONSOLE_CLIENT_SECRET / CONSOLE_BASE_URL the console's Keycloak client secret (default: the demo realm's) and the
#                                           URL alert emails link to (default http://127.0.0.1:$PORT)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
mkdir -p .local
PG_PID=""
APP_PID=""

cleanup() {
    trap - EXIT INT TERM
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    [ -n "$PG_PID" ] && kill "$PG_PID" 2>/dev/null && wait "$PG_PID" 2>/dev/null || true
    if [ -z "${OIDC_AUTH_SERVER_URL:-}" ]; then
        deploy/keycloak/keycloak.sh stop || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "==> Building the service (tests skipped; run 'mvn -B verify' for them)"
mvn -B -q package -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/local-classpath.txt >/dev/null

if [ -z "${OIDC_AUTH_SERVER_URL:-}" ]; then
    echo "==> Starting Keycloak on 127.0.0.1:8180 (first start can take a minute or two)"
    deploy/keycloak/keycloak.sh start
fi

if [ -z "${DB_URL:-}" ]; then
    echo "==> Starting PostgreSQL on 127.0.0.1:5433 (data in .local/postgres)"
    java -cp "target/test-classes:$(cat target/local-classpath.txt)" uk.dsltriage.devtools.LocalPostgres \
        "$ROOT/.local/postgres" 5433 "$ROOT/.local/postgres-binaries" > .local/postgres.log 2>&1 &
    PG_PID=$!
    for _ in $(seq 1 120); do
        grep -q "PostgreSQL ready" .local/postgres.log 2>/dev/null && break
        kill -0 "$PG_PID" 2>/dev/null || { cat .local/postgres.log; exit 1; }
        sleep 1
    done
    export DB_URL="jdbc:postgresql://127.0.0.1:5433/postgres" DB_USER=postgres DB_PASSWORD=postgres
fi

# The DSL console (/console) signs in through Keycloak's client dsl-triage-console: its demo secret from the realm file
# (deploy/keycloak/dsl-triage-realm.json; redirect URIs registered for port 8080), and the base URL that alert emails
# link to.
export CONSOLE_CLIENT_SECRET="${CONSOLE_CLIENT_SECRET:-dsl-triage-console-demo-secret-not-for-production}"
export CONSOLE_BASE_URL="${CONSOLE_BASE_URL:-http://127.0.0.1:${PORT:-8080}}"

echo "==> dsl-triage on http://127.0.0.1:${PORT:-8080} (Ctrl-C stops everything)"
echo "    console: http://127.0.0.1:${PORT:-8080}/console (sign in as dsl.a, staff.a, head.a ... password Demo-Passw0rd!)"
# In the background + wait, so that Ctrl-C or a TERM reaches this script at once and everything is stopped in order.
# JVM options: measured in bench/PROFILE-2026-12-01.md and bench/results/jit-ab-2026-12-01T1310.md (C2 kept: it halves
# the CPU per request once warm, at about twice the CPU to start; a metaspace threshold above what the service loads
# avoids full collections while it warms up; a small fixed-ceiling heap: records live in PostgreSQL).
# shellcheck disable=SC2086
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} java ${JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx192m -XX:MetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k} -Dquarkus.profile=local -jar target/quarkus-app/quarkus-run.jar &
APP_PID=$!
wait "$APP_PID"
