#!/usr/bin/env python3
"""Verify an exported dsl-triage audit chain (GET /api/v1/audit/export), with the standard library only.

Usage: python3 verify-audit-export.py EXPORT.jsonl [SEQ:HASH]

Each line is {"event": {...}, "hash": "...", "id": N}. For every line, in order:
  * event.seq is the previous line's seq + 1 (the first is 1),
  * event.prev is the previous line's hash (the first is 64 zeros),
  * hash is the SHA-256 of the canonical JSON of event: keys sorted, no whitespace, non-ASCII escaped,
    i.e. json.dumps(event, sort_keys=True, separators=(",", ":")).
Give SEQ:HASH, the position and hash of an event you kept from an earlier export (outside the database), to prove
that the chain was not rewritten up to that event by someone able to recompute every hash after an edit. Prints the result; exits 0 when valid, 1 at the first broken line (its id is printed).
"""
import hashlib
import json
import sys

GENESIS = "0" * 64


def canonical(event):
    return json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def verify(lines, checkpoint=None):
    prev, seq, checked, last_id = GENESIS, 0, 0, None
    kept_seq, kept_hash = (int(checkpoint.split(":")[0]), checkpoint.split(":")[1]) if checkpoint else (None, None)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        record = json.loads(line)
        event, stored, last_id = record["event"], record["hash"], record.get("id")
        checked += 1
        if event.get("seq") != seq + 1:
            return False, checked, last_id, f"line {number}: position {event.get('seq')} follows {seq} (a gap)"
        if event.get("prev") != prev:
            return False, checked, last_id, f"line {number}: does not link to the previous event"
        if hashlib.sha256(canonical(event)).hexdigest() != stored:
            return False, checked, last_id, f"line {number}: content does not match its hash"
        if kept_seq == event["seq"] and kept_hash != stored:
            return False, checked, last_id, f"line {number}: not the event kept at position {kept_seq}"
        prev, seq = stored, seq + 1
    if kept_seq is not None and kept_seq > seq:
        return False, checked, None, f"the export ends before position {kept_seq}"
    return True, checked, None, "valid"


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(argv[1], encoding="ascii") as export:
        valid, checked, broken_id, message = verify(export, argv[2] if len(argv) == 3 else None)
    print(json.dumps({"valid": valid, "checked": checked, "firstBrokenEventId": broken_id, "detail": message}))
    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
