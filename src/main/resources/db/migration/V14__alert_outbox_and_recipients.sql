-- Alerts that bring a school's DSLs to the console (issue 17). An email carries no narrative and no child detail:
-- only the kind of alert, the urgency, the time and a link, so nothing here holds any either.

-- 1. The outbox: one row per alert, queued in the transaction of the event (or by the overdue scan). The unique key
--    makes every replica that sees the same event queue the same row once; a dispatcher claims due rows (a lease, so a
--    replica that dies mid-send releases them), sends outside any transaction and records the outcome.
create table alert_outbox (
    id               uuid primary key,
    kind             varchar(32)  not null check (kind in ('URGENT_CONCERN', 'DOWNGRADE', 'TASK_OVERDUE')),
    school_urn       varchar(7)   not null,
    incident_id      uuid         not null references incident (id),
    -- The recommendation (URGENT_CONCERN, DOWNGRADE) or the task (TASK_OVERDUE) the alert is about.
    reference_id     uuid         not null,
    urgency          varchar(32)  not null
        check (urgency in ('EMERGENCY_NOW', 'IMMEDIATE', 'SAME_DAY', 'WITHIN_1_WORKING_DAY',
                           'BY_CLOSE_NEXT_WORKING_DAY', 'WITHIN_5_DAYS', 'REVIEW')),
    created_at       timestamptz  not null,
    status           varchar(16)  not null default 'PENDING'
        check (status in ('PENDING', 'SENT', 'FAILED', 'NO_RECIPIENTS')),
    attempts         integer      not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz  not null,
    claim_id         uuid,
    claimed_until    timestamptz,
    sent_at          timestamptz,
    -- The addresses the email went to (the school's own DSLs), comma-separated; null until sent.
    recipients       text check (char_length(recipients) <= 20000),
    recipient_count  integer      not null default 0 check (recipient_count >= 0),
    constraint alert_outbox_once unique (kind, incident_id, reference_id),
    constraint alert_outbox_sent check ((status = 'SENT') = (sent_at is not null))
);
create index alert_outbox_due on alert_outbox (next_attempt_at) where status = 'PENDING';
create index alert_outbox_school on alert_outbox (school_urn, created_at desc, id desc);

-- 2. Who receives a school's alerts: the service has no directory, so DSLs are recorded from their own tokens (the
--    email claim of a token with role dsl and a school_urn), once a day per address at most.
create table alert_recipient (
    school_urn    varchar(7)   not null,
    email         varchar(254) not null,
    last_seen_on  date         not null,
    primary key (school_urn, email)
);
