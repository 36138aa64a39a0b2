-- Metadata records of image viewing (UKCIS 2024): an accidental viewing, or a DSL's viewing under the exception.
-- Never the image, never a description of it.
create table viewing_record (
    id           uuid primary key,
    incident_id  uuid         not null references incident (id),
    kind         varchar(24)  not null check (kind in ('ACCIDENTAL', 'DSL_EXCEPTION')),
    recorded_by  varchar(320) not null,
    recorded_at  timestamptz  not null,
    viewed_at    timestamptz  not null,
    details      jsonb        not null
);
create index viewing_record_incident on viewing_record (incident_id, recorded_at);
create trigger viewing_record_no_change before update or delete on viewing_record
    for each row execute function refuse_change();
