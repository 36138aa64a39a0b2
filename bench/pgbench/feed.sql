-- The raw limit of one bench/run.sh scenario (pgbench -M prepared, database "raw", the service's own schema with its
-- triggers and indexes): the statements the service runs for one request, as PostgreSQL logged them in a bench run
-- (bench/results/<stamp>-statements.txt), with the same texts and values. Where the service passes the page's ids
-- from one statement to the next, pgbench cannot: it takes them with one extra index read (\gset), a little more
-- work than the service does. The chained audit event is written as ChainWriter writes it: lock the chain head,
-- then insert the event (SHA-256 over the previous hash) and move the head in one statement.
-- LA feed, first page of 20 referrals for LA 999: the service's one page query (referral, sealed child identity, and
-- which wrapping of the school's data key opens it), and the audit event in the LA's chain. Opening the sealed
-- identities is the service's work and has no raw counterpart here (bench/referral-feed compares it with decryption).
BEGIN;
select r.feed_position, ci.updated_at, r.id, r.kind, r.child_ref, r.urgency, r.created_at, r.acknowledgement_due_at, r.form_json, r.school_urn,
    case when r.form_json is null then cast(r.content as text) end, ci.sealed, case when ci.sealed is null then ci.given_name end,
    case when ci.sealed is null then ci.family_name end, case when ci.sealed is null then ci.date_of_birth end,
    case when ci.sealed is null then ci.details end, k.master_key_id, k.version
    from referral r join child_identity ci on ci.school_urn = r.school_urn and ci.child_ref = r.child_ref
    left join school_data_key k on k.school_urn = r.school_urn
    where r.la_code = '999' and r.feed_position > 0 order by r.feed_position limit 20;
select seq as h_seq, hash as h_hash from audit_chain_head where chain = 'la:999' for update \gset
with inserted as (insert into audit_event (at, actor, roles, school_urn, la_code, action, object_type, object_id, outcome, endpoint, correlation_id, chain, seq, prev_hash, hash)
    values (now(), 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000901', 'la-officer', null, '999', 'REFERRAL_FEED_READ', 'REFERRAL_FEED_PAGE', '1-20', 'SUCCESS', null, gen_random_uuid()::text, 'la:999', :h_seq::bigint + 1, :h_hash::char(64),
            encode(sha256(convert_to(concat_ws('|', :h_hash::text, now()::text, 'http://127.0.0.1:8180/realms/dsl-triage 00000000-0000-4000-8000-000000000901', 'la-officer', null, '999', 'REFERRAL_FEED_READ', 'REFERRAL_FEED_PAGE', '1-20', 'SUCCESS', 'la:999', (:h_seq::bigint + 1)::text), 'UTF8')), 'hex'))
    returning id, hash)
update audit_chain_head set seq = :h_seq::bigint + 1, hash = (select hash from inserted), last_event_id = (select max(id) from inserted) where chain = 'la:999';
END;
