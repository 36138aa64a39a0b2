-- The raw limit of one bench/run.sh scenario (pgbench -M prepared, database "raw", the service's own schema with its
-- triggers and indexes): the statements the service runs for one request, as PostgreSQL logged them in a bench run
-- (bench/results/<stamp>-statements.txt), with the same texts and values. Where the service passes the page's ids
-- from one statement to the next, pgbench cannot: it takes them with one extra index read (\gset), a little more
-- work than the service does. The chained audit event is written as ChainWriter writes it: lock the chain head,
-- then insert the event (SHA-256 over the previous hash) and move the head in one statement.
-- List, first page of 20 of the school's incidents, newest first: the page, its types and routes, the total, the
-- page's latest recommendations, and the audit event.
BEGIN;
select i.id, i.account, i.awaiting_since, i.child_voice, i.current_decision_id, i.current_recommendation_id, i.current_urgency,
    i.downgrade_previous_urgency, i.downgrade_removed_routes, i.downgraded_at, i.facts, i.idempotency_key, i.image_metadata,
    i.location, i.occurred_at, i.recorded_at, i.recorded_by, i.request_sha256, i.school_urn, i.status, i.version
    from incident i where i.school_urn = '100001' order by i.recorded_at desc, i.id desc offset 0 limit 20;
select array_agg(p.id) as ids from (select i.id from incident i where i.school_urn = '100001' order by i.recorded_at desc, i.id desc offset 0 limit 20) p \gset
select t.incident_id, t.type from incident_type t where t.incident_id = any(:ids::uuid[]);
select cr.incident_id, cr.route from incident_current_route cr where cr.incident_id = any(:ids::uuid[]);
select count(*) from incident i where i.school_urn = '100001';
select tr.id, tr.created_at, tr.created_by, tr.facts_snapshot, tr.incident_id, tr.result, tr.rule_set_id, tr.rule_set_sha256,
    tr.rule_set_version, tr.sequence, tr.trigger, tr.urgency from triage_recommendation tr
    where tr.incident_id = any(:ids::uuid[]) and tr.sequence = (select max(t2.sequence) from triage_recommendation t2 where t2.incident_id = tr.incident_id);
select seq as h_seq, hash as h_hash from audit_chain_head where chain = 'school:100001' for update \gset
with inserted as (insert into audit_event (at, actor, roles, school_urn, la_code, action, object_type, object_id, outcome, endpoint, correlation_id, chain, seq, prev_hash, hash)
    values (now(), 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000103', 'dsl', '100001', null, 'INCIDENT_LISTED', 'INCIDENT', null, 'SUCCESS', null, gen_random_uuid()::text, 'school:100001', :h_seq::bigint + 1, :h_hash::char(64),
            encode(sha256(convert_to(concat_ws('|', :h_hash::text, now()::text, 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000103', 'dsl', '100001', null, 'INCIDENT_LISTED', 'INCIDENT', null, 'SUCCESS', 'school:100001', (:h_seq::bigint + 1)::text), 'UTF8')), 'hex'))
    returning id, hash)
update audit_chain_head set seq = :h_seq::bigint + 1, hash = (select hash from inserted), last_event_id = (select max(id) from inserted) where chain = 'school:100001';
END;
