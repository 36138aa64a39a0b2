-- Generated shape, kept by hand: the raw limit of one bench/run.sh scenario (pgbench -M prepared, database "raw",
-- the service's own schema with triggers and indexes). The chained audit event is written as ChainWriter writes it:
-- lock the chain head, then insert the event (SHA-256 over the previous hash) and move the head in one statement.
-- Intake: what POST /api/v1/incidents does in its one transaction (from the statement log of a real intake,
-- bench/results/<stamp>-statements.txt): the idempotency key looked up, then the rows it writes: incident, incident_type, two incident_participant, the incident's last recommendation number looked up,
-- triage_recommendation, the incident's current recommendation
-- (update), two incident_current_route, the IMMEDIATE concern's alert in the outbox, the audit event and its chain head. The 1.6 KB incident and the
-- recommendation's JSON are copied from a real intake of the same body (bench_incident / bench_recommendation).
\set n random(1, 2000000000)
BEGIN;
select i.id, i.account, i.awaiting_since, i.child_voice, i.current_decision_id, i.current_recommendation_id, i.current_urgency,
    i.downgrade_previous_urgency, i.downgrade_removed_routes, i.downgraded_at, i.facts, i.idempotency_key, i.image_metadata,
    i.location, i.occurred_at, i.recorded_at, i.recorded_by, i.request_sha256, i.school_urn, i.status, i.version
    from incident i where i.school_urn = '100001' and i.recorded_by = 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000101'
    and i.idempotency_key = 'raw-' || :client_id || '-' || :n fetch first 1 rows only;
insert into incident (id, version, school_urn, status, recorded_by, recorded_at, awaiting_since, occurred_at, location, account, child_voice, facts, image_metadata, idempotency_key, request_sha256)
    select gen_random_uuid(), 0, school_urn, 'AWAITING_DSL_REVIEW', recorded_by, now(), now(), occurred_at, location, account, child_voice, facts, image_metadata,
           'raw-' || :client_id || '-' || :n || '-' || txid_current(), request_sha256
    from bench_incident
    returning id as i_id \gset
insert into incident_type (incident_id, type) values (:i_id, 'NUDE_IMAGE_SHARING');
insert into incident_participant (incident_id, school_urn, ref) values (:i_id, '100001', 'P1') on conflict do nothing;
insert into incident_participant (incident_id, school_urn, ref) values (:i_id, '100001', 'P2') on conflict do nothing;
select max(tr.sequence) from triage_recommendation tr where tr.incident_id = :i_id::uuid;
insert into triage_recommendation (id, incident_id, sequence, trigger, rule_set_id, rule_set_version, rule_set_sha256, facts_snapshot, result, urgency, created_by, created_at)
    select gen_random_uuid(), :i_id, 1, 'INTAKE', rule_set_id, rule_set_version, rule_set_sha256, facts_snapshot, result, urgency, created_by, now()
    from bench_recommendation
    returning id as r_id \gset
update incident set awaiting_since = now(), current_recommendation_id = :r_id::uuid, current_urgency = 'IMMEDIATE', status = 'AWAITING_DSL_REVIEW', version = 1
    where id = :i_id::uuid and version = 0;
insert into incident_current_route (incident_id, route) values (:i_id, 'DSL_REVIEW');
insert into incident_current_route (incident_id, route) values (:i_id, 'PARENTS_INFORM');
insert into alert_outbox (id, kind, school_urn, incident_id, reference_id, urgency, created_at, next_attempt_at)
    values (gen_random_uuid(), 'URGENT_CONCERN', '100001', :i_id::uuid, :r_id::uuid, 'IMMEDIATE', now(), now())
    on conflict on constraint alert_outbox_once do nothing;
select seq as h_seq, hash as h_hash from audit_chain_head where chain = 'school:100001' for update \gset
with inserted as (insert into audit_event (at, actor, roles, school_urn, la_code, action, object_type, object_id, outcome, endpoint, correlation_id, chain, seq, prev_hash, hash)
    values (now(), 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000101', 'staff', '100001', null, 'INCIDENT_RECORDED', 'INCIDENT', :i_id::text, 'SUCCESS', null, gen_random_uuid()::text, 'school:100001', :h_seq::bigint + 1, :h_hash::char(64),
            encode(sha256(convert_to(concat_ws('|', :h_hash::text, now()::text, 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000101', 'staff', '100001', null, 'INCIDENT_RECORDED', 'INCIDENT', :i_id::text, 'SUCCESS', 'school:100001', (:h_seq::bigint + 1)::text), 'UTF8')), 'hex'))
    returning id, hash)
update audit_chain_head set seq = :h_seq::bigint + 1, hash = (select hash from inserted), last_event_id = (select max(id) from inserted) where chain = 'school:100001';
END;
