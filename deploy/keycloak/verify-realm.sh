#!/usr/bin/env bash
# Checks, against a real running Keycloak, that the realms in deploy/keycloak/ issue the tokens
# dsl-triage relies on (issuer, audience, roles, school_urn / la_code claims, test clients).
#
#   deploy/keycloak/verify-realm.sh            uses the Keycloak on KC_PORT (default 8180); if none
#                                              answers, starts one with keycloak.sh and stops it at the end
#   KC_VERIFY_SKIP_EXPIRY=1 ...                skip the ~6 s wait that proves short-lived tokens expire
#
# Prints one line per check and a closing "N passed, N failed"; exits non-zero on any failure.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KC_PORT="${KC_PORT:-8180}"
export KC_PORT
BASE_URL="http://127.0.0.1:$KC_PORT"

started_here=0
cleanup() {
    if (( started_here )); then
        "$SCRIPT_DIR/keycloak.sh" stop || true
    fi
}
trap cleanup EXIT

if ! curl -fsS -o /dev/null --max-time 3 "$BASE_URL/realms/dsl-triage/.well-known/openid-configuration" 2>/dev/null; then
    echo "[verify-realm] no Keycloak at $BASE_URL; starting one (stopped again at the end)"
    started_here=1
    "$SCRIPT_DIR/keycloak.sh" start
fi

python3 - "$BASE_URL" "${KC_VERIFY_SKIP_EXPIRY:-}" \
    "${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" "${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" <<'PY'
import base64, json, sys, time, urllib.error, urllib.parse, urllib.request

BASE, SKIP_EXPIRY, ADMIN_USER, ADMIN_PASSWORD = sys.argv[1], sys.argv[2] == "1", sys.argv[3], sys.argv[4]
PASSWORD = "Demo-Passw0rd!"
API = "dsl-triage-api"
ISS = f"{BASE}/realms/dsl-triage"
OTHER_ISS = f"{BASE}/realms/other-realm"
passed, failed = 0, 0


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print(f"PASS  {name}")
    else:
        failed += 1
        print(f"FAIL  {name}  {detail}")


def http(url, data=None, headers=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=15) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, raw.decode(errors="replace")


def token(realm, form, base=BASE):
    return http(f"{base}/realms/{realm}/protocol/openid-connect/token", form)


def password_token(user, client="dsl-triage-cli", realm="dsl-triage", scope=None, base=BASE):
    form = {"grant_type": "password", "client_id": client, "username": user, "password": PASSWORD}
    if scope:
        form["scope"] = scope
    return token(realm, form, base)


def b64json(part):
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def decode(tok):
    h, p, _ = tok.split(".")
    return b64json(h), b64json(p)


def auds(claims):
    a = claims.get("aud")
    return [] if a is None else ([a] if isinstance(a, str) else list(a))


# ----------------------------------------------------------------------------- discovery
for realm, iss in (("dsl-triage", ISS), ("other-realm", OTHER_ISS)):
    st, wk = http(f"{BASE}/realms/{realm}/.well-known/openid-configuration")
    check(f"discovery {realm}: issuer {iss}", st == 200 and wk.get("issuer") == iss, f"{st} {wk if st != 200 else wk.get('issuer')}")

st, jwks_main = http(f"{BASE}/realms/dsl-triage/protocol/openid-connect/certs")
st2, jwks_other = http(f"{BASE}/realms/other-realm/protocol/openid-connect/certs")
kids_main = {k["kid"] for k in jwks_main.get("keys", []) if k.get("use") == "sig"}
kids_other = {k["kid"] for k in jwks_other.get("keys", []) if k.get("use") == "sig"}
check("JWKS of the two realms publish different signing keys", kids_main and kids_other and not (kids_main & kids_other))

# ----------------------------------------------------------------------------- users
# username: (roles, school_urn or None, la_code or None, fixed sub)
USERS = {
    "staff.a": (["staff"], "100001", None, 101),
    "staff.a2": (["staff"], "100001", None, 102),
    "dsl.a": (["dsl"], "100001", None, 103),
    "head.a": (["headteacher"], "100001", None, 104),
    "auditor.a": (["auditor"], "100001", None, 105),
    "norole.a": ([], "100001", None, 106),
    "staff.b": (["staff"], "100002", None, 201),
    "dsl.b": (["dsl"], "100002", None, 202),
    "head.b": (["headteacher"], "100002", None, 203),
    "officer.la1": (["la-officer"], None, "999", 301),
    "officer.la2": (["la-officer"], None, "998", 302),
    "rules.admin": (["rules-admin"], None, None, 401),
    "dsl.noclaim": (["dsl"], None, None, 501),
    "officer.noclaim": (["la-officer"], None, None, 502),
    "staff.noclaim": (["staff"], None, None, 503),
}
first_main_token = None
for user, (roles, urn, la, n) in USERS.items():
    st, body = password_token(user)
    if st != 200:
        check(f"{user}: password grant", False, f"HTTP {st} {body}")
        continue
    hdr, c = decode(body["access_token"])
    first_main_token = first_main_token or body["access_token"]
    got_roles = sorted(c.get("realm_access", {}).get("roles", []))
    problems = []
    if c.get("iss") != ISS: problems.append(f"iss={c.get('iss')}")
    if auds(c) != [API]: problems.append(f"aud={c.get('aud')}")
    if got_roles != sorted(roles): problems.append(f"roles={got_roles}")
    if c.get("school_urn") != urn: problems.append(f"school_urn={c.get('school_urn')!r}")
    if c.get("la_code") != la: problems.append(f"la_code={c.get('la_code')!r}")
    if c.get("sub") != f"00000000-0000-4000-8000-{n:012d}": problems.append(f"sub={c.get('sub')}")
    if c.get("azp") != "dsl-triage-cli": problems.append(f"azp={c.get('azp')}")
    if c.get("typ") != "Bearer": problems.append(f"typ={c.get('typ')}")
    if c.get("exp", 0) - c.get("iat", 0) != 300: problems.append(f"lifetime={c.get('exp', 0) - c.get('iat', 0)}")
    if hdr.get("alg") != "RS256" or hdr.get("kid") not in kids_main: problems.append(f"header={hdr}")
    if "resource_access" in c: problems.append("unexpected resource_access")
    check(f"{user}: iss, aud=[{API}], roles={roles}, school_urn={urn!r}, la_code={la!r}, sub, 300 s",
          not problems, "; ".join(problems))

# ----------------------------------------------------------------------------- LA systems
for code in ("999", "998"):
    cid = f"la-system-{code}"
    st, body = token("dsl-triage", {"grant_type": "client_credentials", "client_id": cid,
                                    "client_secret": f"{cid}-demo-secret"})
    if st != 200:
        check(f"{cid}: client credentials grant", False, f"HTTP {st} {body}")
        continue
    _, c = decode(body["access_token"])
    problems = []
    if c.get("iss") != ISS: problems.append(f"iss={c.get('iss')}")
    if auds(c) != [API]: problems.append(f"aud={c.get('aud')}")
    if c.get("realm_access", {}).get("roles") != ["la-officer"]: problems.append(f"roles={c.get('realm_access')}")
    if c.get("la_code") != code: problems.append(f"la_code={c.get('la_code')!r}")
    if "school_urn" in c: problems.append("unexpected school_urn")
    if c.get("azp") != cid: problems.append(f"azp={c.get('azp')}")
    if "refresh_token" in body: problems.append("refresh token issued")
    check(f"{cid}: client credentials -> aud, roles=[la-officer], la_code={code!r}", not problems, "; ".join(problems))
    st, body = token("dsl-triage", {"grant_type": "client_credentials", "client_id": cid, "client_secret": "wrong"})
    check(f"{cid}: wrong secret rejected (401)", st == 401, f"HTTP {st} {body}")

# ----------------------------------------------------------------------------- negative / test clients
st, body = password_token("nobody.here")
check("unknown user rejected (401 invalid_grant)", st == 401 and isinstance(body, dict) and body.get("error") == "invalid_grant", f"HTTP {st} {body}")

st, body = password_token("dsl.a", client=API)
check("dsl-triage-api (resource server) cannot obtain tokens", st in (400, 401), f"HTTP {st} {body}")

st, body = token("dsl-triage", {"grant_type": "client_credentials", "client_id": "dsl-triage-cli"})
check("public client dsl-triage-cli cannot use client credentials", st in (400, 401), f"HTTP {st} {body}")

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


try:
    r = urllib.request.build_opener(NoRedirect).open(
        f"{BASE}/realms/dsl-triage/protocol/openid-connect/auth?" + urllib.parse.urlencode(
            {"client_id": "dsl-triage-cli", "response_type": "token", "redirect_uri": "http://127.0.0.1:8080/cb",
             "scope": "openid", "nonce": "n"}), timeout=15)
    st, loc = r.status, r.headers.get("Location", "")
except urllib.error.HTTPError as e:
    st, loc = e.code, e.headers.get("Location", "") or ""
check("implicit flow (response_type=token) refused: unauthorized_client",
      (st == 302 and "error=unauthorized_client" in loc) or st == 400, f"HTTP {st} {loc}")


def auth_request(**params):
    url = f"{BASE}/realms/dsl-triage/protocol/openid-connect/auth?" + urllib.parse.urlencode(
        {"client_id": "dsl-triage-cli", "response_type": "code", "scope": "openid", **params})
    try:
        r = urllib.request.build_opener(NoRedirect).open(url, timeout=15)
        return r.status, r.headers.get("Location", "") or ""
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Location", "") or ""


CHALLENGE = {"code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method": "S256"}
st, loc = auth_request(redirect_uri="http://127.0.0.1:8080/cb")
check("auth code without PKCE refused (missing code_challenge_method)", st == 302 and "error=invalid_request" in loc, f"HTTP {st} {loc}")
st, loc = auth_request(redirect_uri="http://127.0.0.1:8080/cb", **CHALLENGE)
check("auth code with PKCE S256 on a loopback redirect shows the login page (200)", st == 200, f"HTTP {st} {loc}")
st, loc = auth_request(redirect_uri="http://evil.example/cb", **CHALLENGE)
check("auth code with an unregistered redirect_uri refused (400)", st == 400, f"HTTP {st} {loc}")

st, body = password_token("dsl.a", client="dsl-triage-cli-no-audience")
if st == 200:
    _, c = decode(body["access_token"])
    check("dsl-triage-cli-no-audience: token has NO dsl-triage-api audience, same roles/claims",
          API not in auds(c) and c.get("realm_access", {}).get("roles") == ["dsl"] and c.get("school_urn") == "100001"
          and c.get("iss") == ISS, json.dumps({k: c.get(k) for k in ("aud", "realm_access", "school_urn", "iss")}))
else:
    check("dsl-triage-cli-no-audience: password grant", False, f"HTTP {st} {body}")

st, body = password_token("dsl.a", client="dsl-triage-cli-short-lived", scope="openid")
if st == 200:
    tok = body["access_token"]
    _, c = decode(tok)
    life = c["exp"] - c["iat"]
    check(f"dsl-triage-cli-short-lived: lifetime {life} s (3-5), aud + claims as normal",
          3 <= life <= 5 and auds(c) == [API] and c.get("school_urn") == "100001" and body.get("expires_in") == life,
          json.dumps({"life": life, "aud": c.get("aud"), "expires_in": body.get("expires_in")}))
    userinfo = f"{BASE}/realms/dsl-triage/protocol/openid-connect/userinfo"
    st, _ = http(userinfo, headers={"Authorization": f"Bearer {tok}"})
    check("short-lived token accepted by Keycloak userinfo while fresh", st == 200, f"HTTP {st}")
    if not SKIP_EXPIRY:
        time.sleep(max(0, c["exp"] - time.time()) + 1.5)
        st, _ = http(userinfo, headers={"Authorization": f"Bearer {tok}"})
        check("short-lived token rejected by Keycloak userinfo after exp", st == 401, f"HTTP {st}")
else:
    check("dsl-triage-cli-short-lived: password grant", False, f"HTTP {st} {body}")

# Issuer is pinned (--hostname): asking via "localhost" still yields iss=http://127.0.0.1:PORT/...
st, body = password_token("staff.a", base=BASE.replace("127.0.0.1", "localhost"))
if st == 200:
    check("issuer pinned: token fetched via localhost still has iss " + ISS, decode(body["access_token"])[1].get("iss") == ISS)
else:
    print(f"SKIP  issuer pinning via localhost (HTTP {st}: localhost may resolve to ::1 only)")

# ----------------------------------------------------------------------------- other-realm (wrong issuer)
st, body = password_token("dsl.a", realm="other-realm")
if st == 200:
    hdr, c = decode(body["access_token"])
    _, main_c = decode(password_token("dsl.a")[1]["access_token"])
    check("other-realm: dsl.a gets a token with iss other-realm, aud dsl-triage-api, roles [dsl], school_urn 100001",
          c.get("iss") == OTHER_ISS and auds(c) == [API] and c.get("realm_access", {}).get("roles") == ["dsl"]
          and c.get("school_urn") == "100001" and c.get("azp") == "dsl-triage-cli",
          json.dumps({k: c.get(k) for k in ("iss", "aud", "realm_access", "school_urn", "azp")}))
    check("other-realm token is signed by an other-realm key (not in dsl-triage JWKS)",
          hdr.get("kid") in kids_other and hdr.get("kid") not in kids_main, str(hdr))
    check("other-realm dsl.a has a different sub than dsl-triage dsl.a", c.get("sub") != main_c.get("sub"))
else:
    check("other-realm: password grant for dsl.a", False, f"HTTP {st} {body}")

# ----------------------------------------------------------------------------- user profile
# school_urn / la_code survive import only because the realm's user profile declares them.
# (Checked indirectly above: the claims are present.) Here: an admin view of the declared attributes.
st, adm = token("master", {"grant_type": "password", "client_id": "admin-cli", "username": ADMIN_USER, "password": ADMIN_PASSWORD})
if st == 200:
    h = {"Authorization": f"Bearer {adm['access_token']}"}
    st, prof = http(f"{BASE}/admin/realms/dsl-triage/users/profile", headers=h)
    names = {a["name"]: a for a in prof.get("attributes", [])} if st == 200 else {}
    ok = all(n in names and names[n]["permissions"]["edit"] == ["admin"] for n in ("school_urn", "la_code"))
    check("user profile declares school_urn and la_code, editable by admin only", ok,
          json.dumps({n: names.get(n, {}).get("permissions") for n in ("school_urn", "la_code")}))
    check("user profile: unmanaged attributes stay disabled", st == 200 and prof.get("unmanagedAttributePolicy") in (None, ""),
          str(prof.get("unmanagedAttributePolicy")))
    st, realm = http(f"{BASE}/admin/realms/dsl-triage", headers=h)
    check("realm: brute-force protection on, access token 300 s, registration off",
          st == 200 and realm.get("bruteForceProtected") is True and realm.get("accessTokenLifespan") == 300
          and realm.get("registrationAllowed") is False, f"HTTP {st}")
    st, clients = http(f"{BASE}/admin/realms/dsl-triage/clients", headers=h)
    ours = [c for c in clients if c["clientId"].startswith(("dsl-triage", "la-system"))] if st == 200 else []
    check("no client of ours enables the implicit flow", ours and not any(c.get("implicitFlowEnabled") for c in ours))
    pub = [c for c in ours if c.get("publicClient")]
    check("public clients require PKCE S256", pub and all(c.get("attributes", {}).get("pkce.code.challenge.method") == "S256" for c in pub))
else:
    print(f"SKIP  admin checks (master admin login HTTP {st}; custom KC_BOOTSTRAP_ADMIN_* in use?)")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
