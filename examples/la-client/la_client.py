#!/usr/bin/env python3
"""A local authority's referral client for dsl-triage (Python 3 standard library only).

It authenticates with client credentials against Keycloak, pulls the referrals addressed to its authority from
GET /api/v1/la/referrals page by page (following a full page's Link: rel="next"), keeps its cursor in a local state file, acknowledges every referral it
receives and, if asked, posts a front-door decision for each.

    python3 la_client.py --service http://127.0.0.1:8080 --keycloak http://127.0.0.1:8180 \
        --client-id la-system-999 --client-secret la-system-999-demo-secret --state .la-client-999.json \
        [--contact-outcome INFORMATION_AND_ADVICE] [--save-dir received/] [--max-pages N]

Delivery is at least once: the cursor is saved only after a page's referrals are acknowledged (and saved), so a
crash repeats a page at worst; acknowledgement is idempotent, so repeating one is harmless. The state file also
keeps the last ETag, so an idle poll costs the service a 304. A page whose body ends early (the service sends a page's
headers before its body) stops the run with its correlation id and keeps nothing of it.

The referrals carry a child's identity. This client never prints it: stdout gets ids, kinds and urgency only, as one
JSON summary line at the end. --save-dir writes each referral to <id>.json with owner-only permissions; keep that
directory inside your case-management system's protection.
"""
import argparse
import http.client
import json
import os
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request


def token(keycloak, realm, client_id, secret):
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": client_id,
                                   "client_secret": secret}).encode()
    url = f"{keycloak}/realms/{realm}/protocol/openid-connect/token"
    with urllib.request.urlopen(urllib.request.Request(url, data=form, method="POST"), timeout=30) as response:
        return json.load(response)["access_token"]


def call(method, url, bearer, body=None, headers=None):
    """Returns (status, headers, parsed JSON or None). A 304 is a status, not an error."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", f"Bearer {bearer}")
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            try:
                raw = response.read()
                return response.status, response.headers, json.loads(raw) if raw else None
            except (http.client.IncompleteRead, ConnectionError, TimeoutError, ValueError):
                # A feed page's headers leave before its body is written: a body that ends early (a damaged record on
                # the service's side, the connection reset or silent) is no page. Nothing of it is kept and the cursor
                # stays where it was.
                raise SystemExit(f"{method} {urllib.parse.urlsplit(url).path}: the response ended before its end; nothing "
                                 f"was kept, run again (X-Correlation-Id {response.headers.get('X-Correlation-Id')})")
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return 304, error.headers, None
        problem = error.read().decode(errors="replace")
        raise SystemExit(f"{method} {urllib.parse.urlsplit(url).path}: HTTP {error.code} {problem}")
    except (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError) as error:
        # No answer, or none to the end of its headers: nothing was received, so nothing was kept.
        raise SystemExit(f"{method} {urllib.parse.urlsplit(url).path}: no answer ({type(error).__name__}: {error}); "
                         f"nothing was kept, run again")


def load_state(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return {"cursor": "", "etag": None}


def save_state(path, state):
    """Atomically: a crash leaves the old state or the new one, never half of it."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, mode=0o700, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".la-client-state-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(state, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def save_referral(directory, referral):
    os.makedirs(directory, mode=0o700, exist_ok=True)
    path = os.path.join(directory, f"{referral['id']}.json")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(referral, f, indent=2)


def next_link(url, headers):
    """The target of the response's Link: <...>; rel="next" (RFC 8288), resolved against the page's URL, or None.
    Only a target on the page's own origin is followed: the bearer token goes with the request."""
    for value in headers.get_all("Link") or []:
        for link in value.split(","):
            target, _, params = link.strip().partition(";")
            rels = [p.strip() for p in params.split(";") if p.strip().lower().startswith("rel=")]
            if target.startswith("<") and target.endswith(">") and any(
                    "next" in r.partition("=")[2].strip('"').lower().split() for r in rels):
                resolved = urllib.parse.urljoin(url, target[1:-1])
                return resolved if same_origin(resolved, url) else None
    return None


def same_origin(a, b):
    pa, pb = urllib.parse.urlsplit(a), urllib.parse.urlsplit(b)
    return (pa.scheme, pa.netloc) == (pb.scheme, pb.netloc)


def run(args):
    bearer = token(args.keycloak, args.realm, args.client_id, args.client_secret)
    state = load_state(args.state)
    summary = {"received": [], "acknowledged": [], "outcomes": [], "notModified": False}
    url = None
    for _ in range(args.max_pages):
        if url is None:
            query = urllib.parse.urlencode({"after": state["cursor"], "limit": args.limit})
            url = f"{args.service}/api/v1/la/referrals?{query}"
        headers = {"If-None-Match": state["etag"]} if state.get("etag") else {}
        status, response_headers, page = call("GET", url, bearer, headers=headers)
        if status == 304:
            summary["notModified"] = True
            break
        for referral in page["items"]:
            summary["received"].append({"id": referral["id"], "kind": referral["kind"], "urgency": referral["urgency"]})
            if args.save_dir:
                save_referral(args.save_dir, referral)
            base = f"{args.service}/api/v1/la/referrals/{referral['id']}"
            call("POST", f"{base}/acknowledgement", bearer, body={})
            summary["acknowledged"].append(referral["id"])
            if args.contact_outcome:
                _, _, outcome = call("POST", f"{base}/outcomes", bearer, body={"contactOutcome": args.contact_outcome})
                summary["outcomes"].append({"id": referral["id"], "sequence": outcome["sequence"]})
        state = {"cursor": page["nextCursor"], "etag": response_headers.get("ETag") if not page["items"] else None}
        save_state(args.state, state)
        if not page["items"]:
            break
        # A full page links to the next one (the same cursor as nextCursor); a shorter page does not: the next request
        # is then built from the cursor, and is the poll that ends this run with the empty page's ETag.
        url = next_link(url, response_headers)
    summary["cursor"] = state["cursor"]
    print(json.dumps(summary))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--service", default="http://127.0.0.1:8080")
    parser.add_argument("--keycloak", default="http://127.0.0.1:8180")
    parser.add_argument("--realm", default="dsl-triage")
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", default=os.environ.get("LA_CLIENT_SECRET"),
                        help="or LA_CLIENT_SECRET in the environment (better: it stays out of the process list)")
    parser.add_argument("--state", default=".la-client-state.json", help="where the cursor is kept")
    parser.add_argument("--limit", type=int, default=1000,
                        help="page size, 1-1000; the largest (the default) catches up on a backlog in the fewest requests")
    parser.add_argument("--max-pages", type=int, default=1000)
    parser.add_argument("--contact-outcome", choices=["NFA", "INFORMATION_AND_ADVICE", "EARLY_HELP_REFERRAL", "CIN_REFERRAL"])
    parser.add_argument("--save-dir")
    args = parser.parse_args(argv)
    if not args.client_secret:
        parser.error("--client-secret or LA_CLIENT_SECRET is required")
    run(args)


if __name__ == "__main__":
    sys.exit(main())
