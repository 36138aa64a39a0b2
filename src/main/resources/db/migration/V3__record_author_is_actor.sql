-- The author of a record is the actor: the token's issuer and subject together ("<iss> <sub>"). Both claims are
-- bounded to 255 characters by the service, so the actor fits in 511.
-- Rows written before this migration hold the bare subject; they stay as written (the tables are append-only) and
-- are no longer matched by a staff member's own-records filter, which fails closed: DSLs and headteachers still see them.
alter table incident alter column recorded_by type varchar(512);
alter table incident_addendum alter column recorded_by type varchar(512);
alter table triage_recommendation alter column created_by type varchar(512);
alter table viewing_record alter column recorded_by type varchar(512);
