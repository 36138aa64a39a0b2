-- Support for both children (issue 14): a risk and needs assessment and a safety plan per child and incident.
-- Versioned and never overwritten: a new version supersedes the one before it for the same child and incident.
-- The child is named by the pseudonymous reference of the incident's participants only; no identity is stored.
create table child_support_record (
    id             uuid primary key,
    kind           varchar(16)  not null check (kind in ('ASSESSMENT', 'SAFETY_PLAN')),
    school_urn     varchar(7)   not null,
    child_ref      varchar(16)  not null,
    incident_id    uuid         not null references incident (id),
    version        integer      not null check (version > 0),
    supersedes_id  uuid references child_support_record (id),
    review_by      date,
    -- A versioned storage record (schemaVersion inside), read strictly.
    content        jsonb        not null,
    recorded_by    varchar(512) not null,
    recorded_at    timestamptz  not null,
    constraint child_support_record_version_unique unique (kind, school_urn, child_ref, incident_id, version),
    constraint child_support_record_review_by check ((kind = 'SAFETY_PLAN') = (review_by is not null)),
    constraint child_support_record_first_supersedes_nothing check ((version = 1) = (supersedes_id is null))
);
create index child_support_record_child on child_support_record (school_urn, child_ref, recorded_at);
create index child_support_record_incident on child_support_record (school_urn, incident_id, child_ref, kind, version);
create trigger child_support_record_no_change before update or delete on child_support_record
    for each row execute function refuse_change();
create trigger child_support_record_no_truncate before truncate on child_support_record
    for each statement execute function refuse_change();
revoke update, delete, truncate on child_support_record from public;

-- A safety plan's review date is a deadline task like any other; it belongs to the plan, not to a decision.
alter table review_task alter column decision_id drop not null;
alter table review_task add column subject_id uuid;
alter table review_task alter column kind type varchar(32);
alter table review_task drop constraint review_task_kind_check;
alter table review_task add constraint review_task_kind_check
    check (kind in ('ROUTE', 'REQUIRED_ACTION', 'DECISION_REVIEW', 'SAFETY_PLAN_REVIEW'));
alter table review_task add constraint review_task_has_source check (decision_id is not null or subject_id is not null);
alter table review_task add constraint review_task_plan_review_subject
    check (kind <> 'SAFETY_PLAN_REVIEW' or subject_id is not null);
create index review_task_subject on review_task (subject_id) where subject_id is not null;

create or replace function review_task_complete_once() returns trigger language plpgsql as $$
begin
    if old.completed_at is not null
        or new.id is distinct from old.id
        or new.incident_id is distinct from old.incident_id
        or new.school_urn is distinct from old.school_urn
        or new.decision_id is distinct from old.decision_id
        or new.subject_id is distinct from old.subject_id
        or new.kind is distinct from old.kind
        or new.code is distinct from old.code
        or new.urgency is distinct from old.urgency
        or new.due_at is distinct from old.due_at
        or new.created_at is distinct from old.created_at then
        raise exception 'a task can only be completed, once' using errcode = 'P0001';
    end if;
    return new;
end;
$$;
