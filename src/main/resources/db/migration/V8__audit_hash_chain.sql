-- Audit trail, hash-chained (issue 11). One chain per school ('school:<urn>'), per local authority ('la:<code>') and
-- one for system events ('system'). Each row carries its position in its chain (seq), the hash of the previous row
-- (prev_hash) and the SHA-256 of its own canonical content (hash), so an edit, a deletion or a gap is detected at
-- the exact row. The canonical form is documented in uk.dsltriage.audit.CanonicalEvent.
--
-- Rows written before this migration are kept as they were and belong to no chain (chain is null); verify covers
-- chained rows only.
alter table audit_event alter column actor type varchar(600);
alter table audit_event add column roles      varchar(200);
alter table audit_event add column chain      varchar(24);
alter table audit_event add column seq        bigint;
alter table audit_event add column prev_hash  char(64);
alter table audit_event add column hash       char(64);
alter table audit_event add constraint audit_event_chained
    check ((chain is null) = (seq is null) and (chain is null) = (hash is null) and (chain is null) = (prev_hash is null));
alter table audit_event add constraint audit_event_chain_position unique (chain, seq);
create index audit_event_chain_object on audit_event (chain, object_type, object_id, id);
create index audit_event_chain_at on audit_event (chain, at);

-- The last link of each chain. A writer locks its chain's row (select ... for update) only at the end of its
-- transaction, links its events after the head and moves the head: chain order is commit order, and the lock is
-- per chain, never global, so several replicas on one database produce chains that verify.
create table audit_chain_head (
    chain          varchar(24) primary key,
    seq            bigint      not null check (seq >= 0),
    hash           char(64)    not null,
    last_event_id  bigint
);

create function audit_chain_head_forward_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or new.chain is distinct from old.chain or new.seq <= old.seq then
        raise exception 'an audit chain head only moves forward' using errcode = 'P0001';
    end if;
    return new;
end;
$$;
create trigger audit_chain_head_forward before update or delete on audit_chain_head
    for each row execute function audit_chain_head_forward_only();

-- V1 already refuses UPDATE and DELETE of audit rows for every role; TRUNCATE bypasses row triggers, so refuse it too.
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function refuse_change();
create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
    for each statement execute function refuse_change();
revoke update, delete, truncate on audit_event from public;
