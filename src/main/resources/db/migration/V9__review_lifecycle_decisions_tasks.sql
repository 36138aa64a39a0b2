-- The incident's lifecycle and its current recommendation, queryable in SQL (not only inside a JSON blob).
alter table incident add column current_recommendation_id uuid references triage_recommendation (id);
alter table incident add column current_urgency varchar(32)
    check (current_urgency in ('EMERGENCY_NOW', 'IMMEDIATE', 'SAME_DAY', 'WITHIN_1_WORKING_DAY',
                               'BY_CLOSE_NEXT_WORKING_DAY', 'WITHIN_5_DAYS', 'REVIEW'));
alter table incident add column awaiting_since timestamptz;
alter table incident add column current_decision_id uuid;
-- A downgrade not yet seen by a DSL: what the newer recommendation removed (comma-separated routes) and the urgency
-- before it. Cleared by the next decision; the recommendations themselves keep the full history.
alter table incident add column downgrade_removed_routes varchar(2000);
alter table incident add column downgrade_previous_urgency varchar(32);
alter table incident add column downgraded_at timestamptz;

update incident i
   set current_recommendation_id = r.id, current_urgency = r.urgency
  from triage_recommendation r
 where r.incident_id = i.id
   and r.sequence = (select max(o.sequence) from triage_recommendation o where o.incident_id = i.id);
update incident set awaiting_since = recorded_at;
alter table incident alter column awaiting_since set not null;

create table incident_current_route (
    incident_id uuid        not null references incident (id),
    route       varchar(64) not null,
    primary key (incident_id, route)
);
create index incident_current_route_by_route on incident_current_route (route, incident_id);
insert into incident_current_route (incident_id, route)
select distinct i.id, jsonb_array_elements_text(r.result -> 'routes')
  from incident i join triage_recommendation r on r.id = i.current_recommendation_id;

create index incident_review_queue on incident (school_urn, status, awaiting_since, id);

-- Addenda may be retried safely: one addendum per (incident, author, key).
alter table incident_addendum add column idempotency_key varchar(128);
alter table incident_addendum add column request_sha256 varchar(64);
alter table incident_addendum add constraint incident_addendum_idempotency_unique
    unique (incident_id, recorded_by, idempotency_key);
alter table incident_addendum add constraint incident_addendum_idempotency_pair
    check ((idempotency_key is null) = (request_sha256 is null));

-- Participants indexed for a child's chronology (pseudonymous references, upper-cased, per school).
create table incident_participant (
    incident_id uuid        not null references incident (id),
    school_urn  varchar(7)  not null,
    ref         varchar(16) not null,
    primary key (incident_id, ref)
);
create index incident_participant_child on incident_participant (school_urn, ref, incident_id);
insert into incident_participant (incident_id, school_urn, ref)
select i.id, i.school_urn, upper(p ->> 'ref')
  from incident i, jsonb_array_elements(coalesce(i.facts -> 'participants', '[]'::jsonb)) p
 where p ->> 'ref' is not null
on conflict do nothing;
insert into incident_participant (incident_id, school_urn, ref)
select i.id, i.school_urn, upper(p ->> 'ref')
  from incident_addendum a
  join incident i on i.id = a.incident_id,
       jsonb_array_elements(coalesce(a.revised_facts -> 'participants', '[]'::jsonb)) p
 where a.revised_facts is not null and p ->> 'ref' is not null
on conflict do nothing;
create trigger incident_participant_no_change before update or delete on incident_participant
    for each row execute function refuse_change();

-- DSL decisions: never edited; a newer one supersedes (the highest sequence is current).
create table review_decision (
    id                           uuid primary key,
    incident_id                  uuid         not null references incident (id),
    school_urn                   varchar(7)   not null,
    sequence                     integer      not null check (sequence > 0),
    recommendation_id            uuid references triage_recommendation (id),
    outcome                      varchar(32)  not null
        check (outcome in ('REFERRED', 'EARLY_HELP', 'FAMILY_HELP', 'MANAGED_INTERNALLY', 'NO_FURTHER_ACTION')),
    accept_recommendation        boolean      not null,
    rationale                    text check (char_length(rationale) <= 10000),
    parents_informed             boolean      not null,
    parents_not_informed_reason  varchar(48)
        check (parents_not_informed_reason in ('WOULD_INCREASE_RISK', 'WOULD_PUT_OTHERS_AT_RISK',
                                               'WOULD_OBSTRUCT_POLICE_INVESTIGATION', 'WOULD_CAUSE_UNDUE_DELAY')),
    child_views                  text         not null check (char_length(child_views) <= 5000),
    child_views_weighed          text         not null check (char_length(child_views_weighed) <= 5000),
    review_by                    date,
    sufficient_information       boolean,
    risks_manageable_in_setting  boolean,
    headteacher_consulted        boolean,
    decided_by                   varchar(512) not null,
    decided_at                   timestamptz  not null,
    constraint review_decision_sequence_unique unique (incident_id, sequence),
    constraint review_decision_parents_reason
        check (parents_informed = (parents_not_informed_reason is null))
);
create index review_decision_school on review_decision (school_urn, incident_id, sequence);

create table review_decision_route (
    decision_id uuid        not null references review_decision (id),
    route       varchar(64) not null,
    primary key (decision_id, route)
);
create index review_decision_route_by_route on review_decision_route (route, decision_id);

create table review_decision_action (
    decision_id uuid        not null references review_decision (id),
    action      varchar(64) not null,
    primary key (decision_id, action)
);

alter table incident add constraint incident_current_decision_fk
    foreign key (current_decision_id) references review_decision (id);

create trigger review_decision_no_change before update or delete on review_decision
    for each row execute function refuse_change();
create trigger review_decision_route_no_change before update or delete on review_decision_route
    for each row execute function refuse_change();
create trigger review_decision_action_no_change before update or delete on review_decision_action
    for each row execute function refuse_change();

-- Deadlines: each route and required action of a decision is a task, due by its urgency.
create table review_task (
    id               uuid primary key,
    version          bigint       not null default 0,
    incident_id      uuid         not null references incident (id),
    school_urn       varchar(7)   not null,
    decision_id      uuid         not null references review_decision (id),
    kind             varchar(16)  not null check (kind in ('ROUTE', 'REQUIRED_ACTION', 'DECISION_REVIEW')),
    code             varchar(64)  not null,
    urgency          varchar(32)  not null
        check (urgency in ('EMERGENCY_NOW', 'IMMEDIATE', 'SAME_DAY', 'WITHIN_1_WORKING_DAY',
                           'BY_CLOSE_NEXT_WORKING_DAY', 'WITHIN_5_DAYS', 'REVIEW')),
    due_at           timestamptz  not null,
    created_at       timestamptz  not null,
    completed_at     timestamptz,
    completed_by     varchar(512),
    completion_note  text check (char_length(completion_note) <= 5000),
    constraint review_task_completion check ((completed_at is null) = (completed_by is null))
);
create index review_task_incident on review_task (incident_id, created_at);
create index review_task_school_open on review_task (school_urn, due_at, id) where completed_at is null;
create index review_task_school_done on review_task (school_urn, completed_at, id) where completed_at is not null;

-- A task is never deleted; only its completion may be written, once.
create function review_task_complete_once() returns trigger language plpgsql as $$
begin
    if old.completed_at is not null
        or new.id is distinct from old.id
        or new.incident_id is distinct from old.incident_id
        or new.school_urn is distinct from old.school_urn
        or new.decision_id is distinct from old.decision_id
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
create trigger review_task_complete_only before update on review_task
    for each row execute function review_task_complete_once();
create trigger review_task_no_delete before delete on review_task
    for each row execute function refuse_change();
