-- One row per rule-set version whose re-triage of open incidents has been claimed. The primary key makes the claim
-- happen once across replicas; a claim not finished within its lease (a replica died) may be taken over.
create table retriage_run (
    rule_set_id       varchar(64)  not null,
    rule_set_version  varchar(32)  not null,
    rule_set_sha256   varchar(64)  not null,
    claimed_by        varchar(128) not null,
    claimed_at        timestamptz  not null,
    finished_at       timestamptz,
    incidents_retriaged integer    not null default 0,
    primary key (rule_set_id, rule_set_version, rule_set_sha256)
);
