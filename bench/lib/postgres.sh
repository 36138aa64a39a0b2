# Sourced by the bench scripts: a fresh PostgreSQL 15 (fsync and synchronous commit on, loopback only, run as the
# postgres user) in $WORK/pg with its log in $OUT/postgres.log, from PG_BIN (set here). Needs PG_PORT, WORK and OUT set.
#   fresh_postgres MAX_CONNECTIONS SHARED_BUFFERS
PG_BIN=/usr/lib/postgresql/15/bin

fresh_postgres() {
    local max_connections=$1 shared_buffers=$2
    if runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" status >/dev/null 2>&1; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null
    fi
    rm -rf "$WORK/pg"; mkdir -p "$WORK/pg"; chown postgres: "$WORK/pg"; chmod 700 "$WORK/pg"
    echo bench >"$WORK/pwfile"; chmod 644 "$WORK/pwfile"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -U bench --pwfile="$WORK/pwfile" -A scram-sha-256 -E UTF8 \
        --locale=C.UTF-8 >"$OUT/initdb.log" 2>&1
    cat >>"$WORK/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
fsync = on
synchronous_commit = on
max_connections = $max_connections
shared_buffers = $shared_buffers
CONF
    : >"$OUT/postgres.log"; chown postgres: "$OUT/postgres.log"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$OUT/postgres.log" -w start >/dev/null
}
