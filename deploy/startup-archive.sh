#!/usr/bin/env bash
# Builds the class archive that makes the service start about twice as fast (measured in bench/STARTUP-2026-12-01.md):
# a training run of the packaged service writes what it loaded into a file that later starts map instead of loading.
# Optional: ./run.sh, CI and the default image do not need it. See deploy/README.md, "Faster start: a class archive".
#
#   deploy/startup-archive.sh APP_DIR JAVA_HOME [extra JVM options...]
#
# APP_DIR    an aot-jar build: mvn -B package -DskipTests -Dquarkus.package.jar.type=aot-jar (target/quarkus-app);
#            with the fast-jar (the default layout) Quarkus loads the classes itself and an archive cannot hold them.
# JAVA_HOME  the JDK the service will run on, exactly (the archive is refused by any other build of the JDK):
#              JDK 17-23: a dynamic AppCDS archive, APP_DIR/app-cds.jsa; run with -XX:SharedArchiveFile=app-cds.jsa
#              JDK 24+:   an AOT cache (JEP 483/514/515), APP_DIR/app.aot;  run with -XX:AOTCache=app.aot
#            Run from APP_DIR with `-jar quarkus-run.jar` and the same JVM options, as here.
# Extra JVM options: the production ones (run.sh, deploy/k8s/configmap.yaml); a GC or heap option the archive was not
# built with may make the JVM ignore parts of it (it says so with -Xlog:cds / -Xlog:aot).
#
# The training run is a real start of the service: it needs what any start needs (DB_URL, DB_USER, DB_PASSWORD,
# IDENTITY_MASTER_KEYS, CONSOLE_CLIENT_SECRET, OIDC_AUTH_SERVER_URL, ... in the environment; see deploy/README.md) and
# it migrates that database. Point it at a scratch database in the build pipeline, never at production's.
# PORT (default 18093) is where it listens while training. Rebuild the archive with every build of the service: an
# archive of another build is refused (class path, jar sizes and times are checked) and the start is as slow as without.
set -euo pipefail
APP_DIR=$(cd "${1:?APP_DIR}" && pwd)
JDK=${2:?JAVA_HOME}
shift 2
PORT=${PORT:-18093}
[ -f "$APP_DIR/quarkus-run.jar" ] || { echo "no $APP_DIR/quarkus-run.jar" >&2; exit 2; }
# The aot-jar's manifest puts every library on the JDK's class path; the fast-jar's names only its own boot jars.
unzip -p "$APP_DIR/quarkus-run.jar" META-INF/MANIFEST.MF | tr -d '\r\n ' | grep -q 'lib/main/' \
    || { echo "$APP_DIR is not an aot-jar build (mvn package -Dquarkus.package.jar.type=aot-jar)" >&2; exit 2; }
feature=$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if [ "${feature%%.*}" -ge 24 ]; then
    archive=app.aot; record=(-XX:AOTCacheOutput=app.aot); use="-XX:AOTCache=app.aot"
else
    archive=app-cds.jsa; record=(-XX:ArchiveClassesAtExit=app-cds.jsa); use="-XX:SharedArchiveFile=app-cds.jsa"
fi
rm -f "$APP_DIR/$archive"
cd "$APP_DIR"
PORT=$PORT "$JDK/bin/java" "$@" "${record[@]}" -Dquarkus.http.host=127.0.0.1 -jar quarkus-run.jar &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 6000); do
    curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { echo "the training run exited before it was ready" >&2; exit 1; }
    sleep 0.1
done
# What a replica answers first: probes, metrics, the contract, and API and console calls refused without a token.
for p in /q/health/ready /q/health/live /q/health/started /q/metrics /q/openapi /api/v1/incidents /api/v1/review/queue /console; do
    curl -s -o /dev/null --max-time 10 "http://127.0.0.1:$PORT$p" || true
done
kill "$pid"
wait "$pid" 2>/dev/null || true   # the archive is written while the JVM exits (a JDK 25 cache by a child JVM: ~1 min)
trap - EXIT
[ -s "$APP_DIR/$archive" ] || { echo "no $archive was written" >&2; exit 1; }
echo "$APP_DIR/$archive ($(du -m "$APP_DIR/$archive" | cut -f1) MB): start with  cd $APP_DIR && $JDK/bin/java $use <the same options> -jar quarkus-run.jar" >&2
