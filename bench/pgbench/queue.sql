-- The raw limit of one bench/run.sh scenario (pgbench -M prepared, database "raw", the service's own schema with its
-- triggers and indexes): the statements the service runs for one request, as PostgreSQL logged them in a bench run
-- (bench/results/<stamp>-statements.txt), with the same texts and values. Where the service passes the page's ids
-- from one statement to the next, pgbench cannot: it takes them with one extra index read (\gset), a little more
-- work than the service does. The chained audit event is written as ChainWriter writes it: lock the chain head,
-- then insert the event (SHA-256 over the previous hash) and move the head in one statement.
-- Review queue, first page of 20: the ranked page (the V17 index's order), the page's incidents, their types and
-- routes, the words of their rule sets, the safety-plan flags, and the audit event.
BEGIN;
select array_agg(p.id order by p.rank, p.awaiting_since, p.id) as ids, sum(p.overdue) as overdue, min(p.first_due) as first_due from (
    select i.id, case i.current_urgency when 'EMERGENCY_NOW' then 0 when 'IMMEDIATE' then 1 when 'SAME_DAY' then 2 when 'WITHIN_1_WORKING_DAY' then 3 when 'BY_CLOSE_NEXT_WORKING_DAY' then 4 when 'WITHIN_5_DAYS' then 5 when 'REVIEW' then 6 else 7 end as rank, i.awaiting_since,
        (select count(*) from review_task t where t.incident_id = i.id and t.completed_at is null and t.due_at < now()) as overdue,
        (select min(t.due_at) from review_task t where t.incident_id = i.id and t.completed_at is null and t.due_at < now()) as first_due
    from incident i where i.school_urn = '100001' and i.status in ('AWAITING_DSL_REVIEW', 'IN_REVIEW') order by 2, 3, 1 limit 21) p \gset
select i.id, i.account, i.awaiting_since, i.child_voice, i.current_decision_id, i.current_recommendation_id, i.current_urgency,
    i.downgrade_previous_urgency, i.downgrade_removed_routes, i.downgraded_at, i.facts, i.idempotency_key, i.image_metadata,
    i.location, i.occurred_at, i.recorded_at, i.recorded_by, i.request_sha256, i.school_urn, i.status, i.version
    from incident i where i.school_urn = '100001' and i.id = any(:ids::uuid[]);
select t.incident_id, t.type from incident_type t where t.incident_id = any(:ids::uuid[]);
select cr.incident_id, cr.route from incident_current_route cr where cr.incident_id = any(:ids::uuid[]);
select tr.id, tr.rule_set_sha256 from triage_recommendation tr
    where tr.id = any(array(select current_recommendation_id from incident where id = any(:ids::uuid[])));
with current_plan as (
    select distinct on (p.child_ref, p.incident_id) p.id, p.incident_id, p.child_ref, p.recorded_at
      from child_support_record p
     where p.school_urn = '100001' and p.kind = 'SAFETY_PLAN'
     order by p.child_ref, p.incident_id, p.version desc
), news as (
    select ip.ref, i.id as incident_id, i.recorded_at as at
      from incident_participant ip join incident i on i.id = ip.incident_id
     where ip.school_urn = '100001' and i.school_urn = '100001'
    union all
    select ip.ref, a.incident_id, a.recorded_at
      from incident_participant ip join incident_addendum a on a.incident_id = ip.incident_id
     where ip.school_urn = '100001'
)
select c.id, c.incident_id, c.child_ref, min(n.at) as flagged_at,
       (array_agg(n.incident_id order by n.at, n.incident_id))[1] as raised_by
  from current_plan c join news n on n.ref = c.child_ref and n.at > c.recorded_at
 group by c.id, c.incident_id, c.child_ref
 order by flagged_at, c.id
 limit 200;
select seq as h_seq, hash as h_hash from audit_chain_head where chain = 'school:100001' for update \gset
with inserted as (insert into audit_event (at, actor, roles, school_urn, la_code, action, object_type, object_id, outcome, endpoint, correlation_id, chain, seq, prev_hash, hash)
    values (now(), 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000103', 'dsl', '100001', null, 'REVIEW_QUEUE_READ', 'INCIDENT', null, 'SUCCESS', null, gen_random_uuid()::text, 'school:100001', :h_seq::bigint + 1, :h_hash::char(64),
            encode(sha256(convert_to(concat_ws('|', :h_hash::text, now()::text, 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000103', 'dsl', '100001', null, 'REVIEW_QUEUE_READ', 'INCIDENT', null, 'SUCCESS', 'school:100001', (:h_seq::bigint + 1)::text), 'UTF8')), 'hex'))
    returning id, hash)
update audit_chain_head set seq = :h_seq::bigint + 1, hash = (select hash from inserted), last_event_id = (select max(id) from inserted) where chain = 'school:100001';
END;
