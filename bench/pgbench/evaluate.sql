-- Generated shape, kept by hand: the raw limit of one bench/run.sh scenario (pgbench -M prepared, database "raw",
-- the service's own schema with triggers and indexes). The chained audit event is written as ChainWriter writes it:
-- lock the chain head, then insert the event (SHA-256 over the previous hash) and move the head in one statement.
-- Evaluate: POST /api/v1/triage/evaluate stores nothing but its audit event.
BEGIN;
select seq as h_seq, hash as h_hash from audit_chain_head where chain = 'school:100001' for update \gset
with inserted as (insert into audit_event (at, actor, roles, school_urn, la_code, action, object_type, object_id, outcome, endpoint, correlation_id, chain, seq, prev_hash, hash)
    values (now(), 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000101', 'staff', '100001', null, 'TRIAGE_EVALUATED', null, null, 'SUCCESS', null, gen_random_uuid()::text, 'school:100001', :h_seq::bigint + 1, :h_hash::char(64),
            encode(sha256(convert_to(concat_ws('|', :h_hash::text, now()::text, 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000101', 'staff', '100001', null, 'TRIAGE_EVALUATED', null, null, 'SUCCESS', 'school:100001', (:h_seq::bigint + 1)::text), 'UTF8')), 'hex'))
    returning id, hash)
update audit_chain_head set seq = :h_seq::bigint + 1, hash = (select hash from inserted), last_event_id = (select max(id) from inserted) where chain = 'school:100001';
END;
