# Sourced by the bench scripts: the shared Keycloak on 127.0.0.1:8180 (deploy/keycloak/keycloak.sh, run from the
# repository root). One already running is reused and left running; otherwise it is started here, and only then does
# stop_keycloak_if_started stop it. Needs log() set.
#   use_keycloak START_LOG [WHY]    START_LOG: where keycloak.sh start writes (shown if it fails); WHY: for the log
#   stop_keycloak_if_started        for the caller's cleanup
KC_STARTED=0
KC_URL=http://127.0.0.1:8180
TOKEN_URL=$KC_URL/realms/dsl-triage/protocol/openid-connect/token

use_keycloak() {
    local start_log=$1 why=${2:+ ($2)}
    if deploy/keycloak/keycloak.sh status >/dev/null 2>&1; then
        log "reusing the Keycloak already running on 127.0.0.1:8180$why"
    else
        log "starting Keycloak on 127.0.0.1:8180$why"
        deploy/keycloak/keycloak.sh start >"$start_log" 2>&1 || { cat "$start_log"; exit 1; }
        KC_STARTED=1
    fi
}

stop_keycloak_if_started() {
    if [ "$KC_STARTED" = 1 ]; then deploy/keycloak/keycloak.sh stop || true; fi
}
