-- Generated shape, kept by hand: the raw limit of one bench/run.sh scenario (pgbench -M prepared, database "raw",
-- the service's own schema with triggers and indexes). The chained audit event is written as ChainWriter writes it:
-- lock the chain head, insert the event with its SHA-256 over the previous hash, move the head.
-- LA feed: the first page of 20 referrals for LA 999 with the child identity (the service's own query), the
-- referral rows, the school's wrapped data key, and the audit event in the LA's chain. Decryption is the service's
-- work and has no raw counterpart.
BEGIN;
select r.feed_position, ci.updated_at, ci.school_urn, ci.child_ref, ci.given_name, ci.family_name, ci.date_of_birth, ci.details
    from referral r join child_identity ci on ci.school_urn = r.school_urn and ci.child_ref = r.child_ref
    where r.la_code = '999' and r.feed_position > 0 order by r.feed_position limit 20;
select r.* from referral r where r.la_code = '999' and r.feed_position > 0 order by r.feed_position limit 20;
select master_key_id, wrapped_keyset, version from school_data_key where school_urn = '100001';
select seq as h_seq, hash as h_hash from audit_chain_head where chain = 'la:999' for update \gset
insert into audit_event (at, actor, roles, school_urn, la_code, action, object_type, object_id, outcome, endpoint, correlation_id, chain, seq, prev_hash, hash)
    values (now(), 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000901', 'la-officer', null, '999', 'REFERRAL_FEED_READ', 'REFERRAL_FEED_PAGE', '1-20', 'SUCCESS', null, gen_random_uuid()::text, 'la:999', :h_seq::bigint + 1, :h_hash::char(64),
            encode(sha256(convert_to(concat_ws('|', :h_hash::text, now()::text, 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000901', 'la-officer', null, '999', 'REFERRAL_FEED_READ', 'REFERRAL_FEED_PAGE', '1-20', 'SUCCESS', 'la:999', (:h_seq::bigint + 1)::text), 'UTF8')), 'hex'))
    returning id as e_id, hash as e_hash \gset
update audit_chain_head set seq = :h_seq::bigint + 1, hash = :e_hash::char(64), last_event_id = :e_id::bigint where chain = 'la:999';
END;
