#!/usr/bin/env bash
# Seeds what the read scenarios need through the real API: N incidents that a DSL refers to LA 999 (decision, then
# referral), so that the review queue, the LA feed and the reads have rows. Used by bench/run.sh.
#   seed.sh BASE_URL TOKEN_URL N
# Tokens are fetched for each incident: they live 300 s, and seeding on a busy machine can take longer than that.
set -euo pipefail
BASE=$1; TOKEN_URL=$2; N=$3
token() {
    curl -fsS -d grant_type=password -d client_id=dsl-triage-cli -d username="$1" --data-urlencode 'password=Demo-Passw0rd!' "$TOKEN_URL" | jq -r .access_token
}
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXAMPLES="$HERE/../src/main/resources/openapi-examples"
INCIDENT=$(jq -c --slurpfile e "$HERE/payloads/evaluate.json" \
    '. + {incidentTypes: $e[0].incidentTypes, participants: $e[0].participants, facts: $e[0].facts}
       | del(.sexualViolenceType) | .account = "P1 said an online contact is threatening to share her pictures unless she pays."' \
    "$HERE/payloads/incident.json")
DECISION='{"outcome":"REFERRED","acceptRecommendation":true,"parentsInformed":false,"parentsNotInformedReason":"WOULD_OBSTRUCT_POLICE_INVESTIGATION","childViews":"P1 wants the pictures taken down.","childViewsWeighed":"Report Remove offered alongside the referral."}'
for i in $(seq 1 "$N"); do
    STAFF=$(token staff.a); DSL=$(token dsl.a)
    id=$(curl -fsS -X POST "$BASE/api/v1/incidents" -H "Authorization: Bearer $STAFF" -H 'Content-Type: application/json' -d "$INCIDENT" | jq -r .id)
    etag=$(curl -fsS "$BASE/api/v1/incidents/$id/review" -H "Authorization: Bearer $DSL" | jq -r .etag)
    curl -fsS -o /dev/null -X POST "$BASE/api/v1/incidents/$id/review/start" -H "Authorization: Bearer $DSL" -H "If-Match: $etag"
    etag=$(curl -fsS "$BASE/api/v1/incidents/$id/review" -H "Authorization: Bearer $DSL" | jq -r .etag)
    curl -fsS -o /dev/null -X POST "$BASE/api/v1/incidents/$id/decision" -H "Authorization: Bearer $DSL" -H "If-Match: $etag" \
        -H 'Content-Type: application/json' -d "$DECISION"
    curl -fsS -o /dev/null -X POST "$BASE/api/v1/incidents/$id/referrals" -H "Authorization: Bearer $DSL" \
        -H 'Content-Type: application/json' -d @"$EXAMPLES/createReferral.json"
done
echo "seeded $N referred incidents"
