-- Issue 13 leftovers: idempotent referral creation, the overdue acknowledgement as a task, the scheduled re-wrap.

-- 1. Idempotency-Key on referral creation, kept the way intake keeps it: the key and the request's fingerprint beside
--    the row, unique per author, so that two concurrent retries make one referral.
alter table referral add column idempotency_key varchar(128);
alter table referral add column request_sha256 varchar(64);
alter table referral add constraint referral_idempotency_key_unique unique (school_urn, created_by, idempotency_key);
alter table referral add constraint referral_idempotency_pair check ((idempotency_key is null) = (request_sha256 is null));
create trigger referral_idempotency_immutable before update on referral for each row
    when (new.idempotency_key is distinct from old.idempotency_key or new.request_sha256 is distinct from old.request_sha256)
    execute function refuse_change();

-- 2. A referral's acknowledgement is a task of the school's DSL, due one working day after sending: overdue when the
--    authority has not acknowledged by then, completed when it does. One task per referral.
alter table review_task alter column kind type varchar(32);
alter table review_task add column referral_id uuid references referral (id);

-- Adds this kind to the allowed kinds as they stand (another migration may have added kinds of its own).
do $$
declare
    c record;
    kinds text;
begin
    for c in select conname, pg_get_constraintdef(oid) as def from pg_constraint
             where conrelid = 'review_task'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%kind%ROUTE%'
    loop
        select string_agg(distinct quote_literal(m[1]), ', ') into kinds
        from (select regexp_matches(c.def, '''([A-Z_]+)''', 'g') as m
              union all select array['REFERRAL_ACKNOWLEDGEMENT']) found;
        execute format('alter table review_task drop constraint %I', c.conname);
        execute format('alter table review_task add constraint %I check (kind in (%s))', c.conname, kinds);
    end loop;
end;
$$;

alter table review_task add constraint review_task_referral_acknowledgement
    check ((kind = 'REFERRAL_ACKNOWLEDGEMENT') = (referral_id is not null));
create unique index review_task_one_per_referral on review_task (referral_id) where referral_id is not null;
create trigger review_task_referral_immutable before update on review_task for each row
    when (new.referral_id is distinct from old.referral_id)
    execute function refuse_change();

-- Referrals sent before this migration get their task too, under the decision they followed.
insert into review_task (id, version, incident_id, school_urn, decision_id, kind, code, urgency, due_at, created_at,
                         completed_at, completed_by, completion_note, referral_id)
select gen_random_uuid(), 0, r.incident_id, r.school_urn, d.id, 'REFERRAL_ACKNOWLEDGEMENT', r.kind, 'WITHIN_1_WORKING_DAY',
       r.acknowledgement_due_at, r.created_at, r.acknowledged_at, r.acknowledged_by,
       case when r.acknowledged_at is not null then 'Acknowledged by local authority ' || r.la_code || '.' end, r.id
from referral r
join lateral (select rd.id from review_decision rd where rd.incident_id = r.incident_id
              order by (rd.decided_at <= r.created_at) desc, rd.sequence desc limit 1) d on true;

-- 3. A re-wrap of the schools' data keys under the newest master key, claimed once across replicas as retriage_run
--    is: inserting the row lets one replica win; a finished run, or a claim older than its lease (its replica died),
--    may be claimed again, by one replica (the update re-checks the row it waited for).
create table identity_rewrap_run (
    master_key_id  varchar(64)  primary key,
    claimed_by     varchar(128) not null,
    claimed_at     timestamptz  not null,
    finished_at    timestamptz,
    rewrapped      integer      not null default 0
);
