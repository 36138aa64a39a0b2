-- Incidents: the original record is immutable; later information is appended as addenda.
create table incident (
    id               uuid primary key,
    version          bigint       not null default 0,
    school_urn       varchar(7)   not null,
    status           varchar(32)  not null
        check (status in ('AWAITING_DSL_REVIEW', 'IN_REVIEW', 'DECIDED', 'CLOSED')),
    recorded_by      varchar(320) not null,
    recorded_at      timestamptz  not null,
    occurred_at      timestamptz  not null,
    location         varchar(16)  not null check (location in ('ON_SITE', 'OFF_SITE', 'ONLINE', 'UNKNOWN')),
    account          text         not null check (char_length(account) between 1 and 10000),
    child_voice      text check (char_length(child_voice) <= 5000),
    facts            jsonb        not null,
    image_metadata   jsonb,
    idempotency_key  varchar(128),
    request_sha256   varchar(64),
    constraint incident_idempotency_key_unique unique (school_urn, recorded_by, idempotency_key),
    constraint incident_idempotency_pair check ((idempotency_key is null) = (request_sha256 is null))
);

create index incident_school_newest on incident (school_urn, recorded_at desc, id desc);
create index incident_school_author_newest on incident (school_urn, recorded_by, recorded_at desc, id desc);

create table incident_type (
    incident_id uuid        not null references incident (id),
    type        varchar(40) not null,
    primary key (incident_id, type)
);
create index incident_type_by_type on incident_type (type, incident_id);

create table incident_addendum (
    id             uuid primary key,
    incident_id    uuid         not null references incident (id),
    sequence       integer      not null check (sequence > 0),
    recorded_by    varchar(320) not null,
    recorded_at    timestamptz  not null,
    account        text         not null check (char_length(account) between 1 and 10000),
    revised_facts  jsonb,
    constraint incident_addendum_sequence_unique unique (incident_id, sequence)
);

-- Every recommendation ever made for an incident, with what is needed to replay it.
create table triage_recommendation (
    id                uuid primary key,
    incident_id       uuid         not null references incident (id),
    sequence          integer      not null check (sequence > 0),
    trigger           varchar(16)  not null check (trigger in ('INTAKE', 'ADDENDUM', 'RETRIAGE')),
    rule_set_id       varchar(64)  not null,
    rule_set_version  varchar(32)  not null,
    rule_set_sha256   varchar(64)     not null,
    facts_snapshot    jsonb        not null,
    result            jsonb        not null,
    urgency           varchar(32)  not null,
    created_by        varchar(320) not null,
    created_at        timestamptz  not null,
    constraint triage_recommendation_sequence_unique unique (incident_id, sequence)
);

-- Audit: append-only, metadata only (who, what, which record, outcome), never content.
create table audit_event (
    id              bigint generated always as identity primary key,
    at              timestamptz  not null,
    actor           varchar(320) not null,
    school_urn      varchar(7),
    la_code         varchar(9),
    action          varchar(48)  not null,
    object_type     varchar(32),
    object_id       varchar(64),
    outcome         varchar(16)  not null,
    endpoint        varchar(200),
    correlation_id  varchar(64)
);
create index audit_event_object on audit_event (object_type, object_id, at);
create index audit_event_school on audit_event (school_urn, at);

-- The database, not only the service, keeps records append-only.
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% on % is not allowed: records are append-only', tg_op, tg_table_name
        using errcode = 'P0001';
end;
$$;

create trigger incident_no_delete before delete on incident
    for each row execute function refuse_change();
create trigger incident_type_no_change before update or delete on incident_type
    for each row execute function refuse_change();
create trigger incident_addendum_no_change before update or delete on incident_addendum
    for each row execute function refuse_change();
create trigger triage_recommendation_no_change before update or delete on triage_recommendation
    for each row execute function refuse_change();
create trigger audit_event_no_change before update or delete on audit_event
    for each row execute function refuse_change();

create function incident_keep_original() returns trigger language plpgsql as $$
begin
    if new.school_urn is distinct from old.school_urn
        or new.recorded_by is distinct from old.recorded_by
        or new.recorded_at is distinct from old.recorded_at
        or new.occurred_at is distinct from old.occurred_at
        or new.location is distinct from old.location
        or new.account is distinct from old.account
        or new.child_voice is distinct from old.child_voice
        or new.facts is distinct from old.facts
        or new.image_metadata is distinct from old.image_metadata
        or new.idempotency_key is distinct from old.idempotency_key then
        raise exception 'the original incident record cannot be changed; add an addendum' using errcode = 'P0001';
    end if;
    return new;
end;
$$;
create trigger incident_original_immutable before update on incident
    for each row execute function incident_keep_original();
