-- Referrals to local authorities (issue 13), and the child identity they carry, kept apart and encrypted.

-- One data key per school (a Tink keyset), stored only wrapped by a master key that comes from configuration, never
-- from the database. master_key_id says which configured master key unwraps it; version guards concurrent re-wraps.
create table school_data_key (
    school_urn      varchar(7)   primary key,
    master_key_id   varchar(64)  not null,
    wrapped_keyset  bytea        not null,
    version         bigint       not null default 0,
    created_at      timestamptz  not null,
    rewrapped_at    timestamptz
);

-- Identifying details of a child, keyed by the school and the pseudonymous reference the school uses for the child.
-- Every column but the key is AEAD ciphertext under the school's data key; the associated data binds each value to
-- school, reference and field, so a value copied to another row or column does not decrypt.
create table child_identity (
    school_urn      varchar(7)   not null,
    child_ref       varchar(64)  not null,
    given_name      bytea        not null,
    family_name     bytea        not null,
    date_of_birth   bytea        not null,
    details         bytea        not null,
    updated_at      timestamptz  not null,
    primary key (school_urn, child_ref)
);

-- The next feed position of each local authority. Taken last in the creating transaction (the row lock is held to
-- commit), so positions become visible in the order they were assigned: see ReferralFeedPositions.
create table la_feed_counter (
    la_code        varchar(9)  primary key,
    last_position  bigint      not null
);

create table referral (
    id                      uuid primary key,
    incident_id             uuid         not null references incident (id),
    school_urn              varchar(7)   not null,
    la_code                 varchar(9)   not null,
    kind                    varchar(16)  not null
        check (kind in ('CSC_S47', 'CSC_S17', 'LADO', 'EARLY_HELP', 'FAMILY_HELP')),
    child_ref               varchar(64)  not null,
    urgency                 varchar(32)  not null,
    content                 jsonb        not null,
    created_by              varchar(512) not null,
    created_at              timestamptz  not null,
    acknowledgement_due_at  timestamptz  not null,
    acknowledged_at         timestamptz,
    acknowledged_by         varchar(512),
    la_reference            varchar(64),
    feed_position           bigint       not null,
    constraint referral_feed_position_unique unique (la_code, feed_position),
    constraint referral_child_identity foreign key (school_urn, child_ref) references child_identity (school_urn, child_ref),
    constraint referral_acknowledgement_pair check ((acknowledged_at is null) = (acknowledged_by is null))
);
create index referral_incident on referral (incident_id, created_at);
create index referral_unacknowledged on referral (school_urn, acknowledgement_due_at) where acknowledged_at is null;

-- The local authority's decisions, in stages, append-only: the history is the record.
create table referral_outcome (
    id                uuid primary key,
    referral_id       uuid         not null references referral (id),
    sequence          integer      not null check (sequence > 0),
    contact_outcome   varchar(32),
    referral_outcome  varchar(32),
    s47_outcome       varchar(32),
    decided_at        timestamptz  not null,
    recorded_by       varchar(512) not null,
    recorded_at       timestamptz  not null,
    constraint referral_outcome_sequence_unique unique (referral_id, sequence),
    constraint referral_outcome_some_stage check (num_nonnulls(contact_outcome, referral_outcome, s47_outcome) > 0)
);

create trigger referral_outcome_no_change before update or delete on referral_outcome
    for each row execute function refuse_change();
create trigger referral_no_delete before delete on referral
    for each row execute function refuse_change();

-- A referral is sent as it was written; only its acknowledgement may be added, once.
create function referral_keep_original() returns trigger language plpgsql as $$
begin
    if new.incident_id is distinct from old.incident_id
        or new.school_urn is distinct from old.school_urn
        or new.la_code is distinct from old.la_code
        or new.kind is distinct from old.kind
        or new.child_ref is distinct from old.child_ref
        or new.urgency is distinct from old.urgency
        or new.content is distinct from old.content
        or new.created_by is distinct from old.created_by
        or new.created_at is distinct from old.created_at
        or new.acknowledgement_due_at is distinct from old.acknowledgement_due_at
        or new.feed_position is distinct from old.feed_position
        or (old.acknowledged_at is not null and (new.acknowledged_at is distinct from old.acknowledged_at
            or new.acknowledged_by is distinct from old.acknowledged_by
            or new.la_reference is distinct from old.la_reference)) then
        raise exception 'a referral cannot be changed once sent; only its acknowledgement is added' using errcode = 'P0001';
    end if;
    return new;
end;
$$;
create trigger referral_original_immutable before update on referral
    for each row execute function referral_keep_original();
