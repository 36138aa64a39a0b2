#!/bin/bash
# Runs once, when the postgres container initialises an EMPTY data volume
# (/docker-entrypoint-initdb.d). Creates two non-superuser roles, each owning its database:
#   dsl_triage / dsl_triage   the service (Flyway migrates as this role)
#   keycloak   / keycloak     Keycloak's own database
# Passwords come from the container environment (see deploy/docker-compose.yml).
set -euo pipefail

: "${DSL_TRIAGE_DB_PASSWORD:?DSL_TRIAGE_DB_PASSWORD must be set}"
: "${KEYCLOAK_DB_PASSWORD:?KEYCLOAK_DB_PASSWORD must be set}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v app_pw="$DSL_TRIAGE_DB_PASSWORD" -v kc_pw="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE dsl_triage LOGIN PASSWORD :'app_pw' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE dsl_triage OWNER dsl_triage ENCODING 'UTF8';
REVOKE ALL ON DATABASE dsl_triage FROM PUBLIC;

CREATE ROLE keycloak LOGIN PASSWORD :'kc_pw' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE keycloak OWNER keycloak ENCODING 'UTF8';
REVOKE ALL ON DATABASE keycloak FROM PUBLIC;
SQL

# PostgreSQL 15+ no longer lets PUBLIC create in schema public; give each owner its schema.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname dsl_triage -c 'ALTER SCHEMA public OWNER TO dsl_triage;'
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname keycloak -c 'ALTER SCHEMA public OWNER TO keycloak;'
