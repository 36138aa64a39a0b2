-- Generated shape, kept by hand: the raw limit of one bench/run.sh scenario (pgbench -M prepared, database "raw",
-- the service's own schema with triggers and indexes). The chained audit event is written as ChainWriter writes it:
-- lock the chain head, insert the event with its SHA-256 over the previous hash, move the head.
-- Review queue: the service's own ranking query, then the page's incidents with types and routes, and the audit event.
BEGIN;
select i.id, case i.current_urgency when 'EMERGENCY_NOW' then 0 when 'IMMEDIATE' then 1 when 'SAME_DAY' then 2 when 'WITHIN_1_WORKING_DAY' then 3
        when 'BY_CLOSE_NEXT_WORKING_DAY' then 4 when 'WITHIN_5_DAYS' then 5 when 'REVIEW' then 6 else 7 end as rank, i.awaiting_since,
    (select count(*) from review_task t where t.incident_id = i.id and t.completed_at is null and t.due_at < now()),
    (select min(t.due_at) from review_task t where t.incident_id = i.id and t.completed_at is null and t.due_at < now())
    from incident i where i.school_urn = '100001' and i.status in ('AWAITING_DSL_REVIEW', 'IN_REVIEW') order by 2, 3, 1 limit 20;
select i.* from incident i where i.school_urn = '100001' and i.status in ('AWAITING_DSL_REVIEW', 'IN_REVIEW')
    order by case i.current_urgency when 'EMERGENCY_NOW' then 0 when 'IMMEDIATE' then 1 else 7 end, i.awaiting_since, i.id limit 20;
select t.incident_id, t.type from incident_type t where t.incident_id in
    (select id from incident where school_urn = '100001' and status in ('AWAITING_DSL_REVIEW', 'IN_REVIEW') order by awaiting_since limit 20);
select r.incident_id, r.route from incident_current_route r where r.incident_id in
    (select id from incident where school_urn = '100001' and status in ('AWAITING_DSL_REVIEW', 'IN_REVIEW') order by awaiting_since limit 20);
select seq as h_seq, hash as h_hash from audit_chain_head where chain = 'school:100001' for update \gset
insert into audit_event (at, actor, roles, school_urn, la_code, action, object_type, object_id, outcome, endpoint, correlation_id, chain, seq, prev_hash, hash)
    values (now(), 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000103', 'dsl', '100001', null, 'REVIEW_QUEUE_READ', 'INCIDENT', null, 'SUCCESS', null, gen_random_uuid()::text, 'school:100001', :h_seq::bigint + 1, :h_hash::char(64),
            encode(sha256(convert_to(concat_ws('|', :h_hash::text, now()::text, 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000103', 'dsl', '100001', null, 'REVIEW_QUEUE_READ', 'INCIDENT', null, 'SUCCESS', 'school:100001', (:h_seq::bigint + 1)::text), 'UTF8')), 'hex'))
    returning id as e_id, hash as e_hash \gset
update audit_chain_head set seq = :h_seq::bigint + 1, hash = :e_hash::char(64), last_event_id = :e_id::bigint where chain = 'school:100001';
END;
