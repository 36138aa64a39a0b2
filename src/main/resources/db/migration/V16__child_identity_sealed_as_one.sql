-- The child's identity sealed as ONE AEAD value (issue 13, the feed's speed): the feed decrypted four values and
-- parsed the details' JSON for every item of every page. The new column holds the child exactly as the API writes it
-- (the JSON of the feed's "child"), encrypted under the school's data key with associated data naming layout v2,
-- school and reference; the feed sends the plaintext as it is.
--
-- Expand, then contract later: replicas of the previous version keep running during a rolling upgrade and read and
-- write only the four columns, so this version writes both layouts and reads the one value when there is one. Rows
-- written before (or by an old replica) have no one value until the scheduled upgrade seals them
-- (ChildIdentityVault.upgradeLayout). Dropping the four columns is a later migration, once no replica of the
-- previous version runs.
alter table child_identity add column sealed bytea;

-- A replica of the previous version updates the four columns only: the one value it leaves would be the child as
-- it was before. Cleared here, the row is read from the four columns (and sealed again by the upgrade).
create function child_identity_drop_stale_sealed() returns trigger language plpgsql as $$
begin
    if new.sealed is not distinct from old.sealed
        and (new.given_name is distinct from old.given_name
            or new.family_name is distinct from old.family_name
            or new.date_of_birth is distinct from old.date_of_birth
            or new.details is distinct from old.details) then
        new.sealed := null;
    end if;
    return new;
end;
$$;
create trigger child_identity_sealed_follows_columns before update on child_identity
    for each row execute function child_identity_drop_stale_sealed();

-- The rows the upgrade still has to seal.
create index child_identity_unsealed on child_identity (school_urn, child_ref) where sealed is null;
