-- The referral's form as the API wrote it when it was sent (issue 13, the feed's speed). A referral never changes
-- once sent, so the feed sends this text as it is, instead of parsing the jsonb copy and writing it again for every
-- item of every page. It is text, not jsonb: jsonb reorders keys and respaces, and the wire must stay byte for byte
-- what the contract writes. Null for rows sent before this migration, and for a form holding a character outside the
-- Basic Multilingual Plane (Jackson's writers differ on those): the feed writes those from content, as before. No
-- identity is in it: the child is kept apart, encrypted, in child_identity.
alter table referral add column form_json text;

-- A referral is sent as it was written; only its acknowledgement may be added, once (V11, now with form_json).
create or replace function referral_keep_original() returns trigger language plpgsql as $$
begin
    if new.incident_id is distinct from old.incident_id
        or new.school_urn is distinct from old.school_urn
        or new.la_code is distinct from old.la_code
        or new.kind is distinct from old.kind
        or new.child_ref is distinct from old.child_ref
        or new.urgency is distinct from old.urgency
        or new.content is distinct from old.content
        or new.form_json is distinct from old.form_json
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
