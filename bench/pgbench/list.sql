-- Generated shape, kept by hand: the raw limit of one bench/run.sh scenario (pgbench -M prepared, database "raw",
-- the service's own schema with triggers and indexes). The chained audit event is written as ChainWriter writes it:
-- lock the chain head, insert the event with its SHA-256 over the previous hash, move the head.
-- List: the first page of 20 of the school's incidents, newest first, with their types, routes and latest
-- recommendations in set-wise queries (what a page needs, not one query per row), the total, and the audit event.
BEGIN;
select i.* from incident i where i.school_urn = '100001' order by i.recorded_at desc, i.id desc limit 20;
select t.incident_id, t.type from incident_type t where t.incident_id in
    (select id from incident where school_urn = '100001' order by recorded_at desc, id desc limit 20);
select r.incident_id, r.route from incident_current_route r where r.incident_id in
    (select id from incident where school_urn = '100001' order by recorded_at desc, id desc limit 20);
select count(*) from incident where school_urn = '100001';
select tr.* from triage_recommendation tr where tr.id in
    (select current_recommendation_id from incident where school_urn = '100001' order by recorded_at desc, id desc limit 20);
select seq as h_seq, hash as h_hash from audit_chain_head where chain = 'school:100001' for update \gset
insert into audit_event (at, actor, roles, school_urn, la_code, action, object_type, object_id, outcome, endpoint, correlation_id, chain, seq, prev_hash, hash)
    values (now(), 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000103', 'dsl', '100001', null, 'INCIDENT_LISTED', 'INCIDENT', null, 'SUCCESS', null, gen_random_uuid()::text, 'school:100001', :h_seq::bigint + 1, :h_hash::char(64),
            encode(sha256(convert_to(concat_ws('|', :h_hash::text, now()::text, 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000103', 'dsl', '100001', null, 'INCIDENT_LISTED', 'INCIDENT', null, 'SUCCESS', 'school:100001', (:h_seq::bigint + 1)::text), 'UTF8')), 'hex'))
    returning id as e_id, hash as e_hash \gset
update audit_chain_head set seq = :h_seq::bigint + 1, hash = :e_hash::char(64), last_event_id = :e_id::bigint where chain = 'school:100001';
END;
