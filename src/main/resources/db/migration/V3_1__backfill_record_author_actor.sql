-- Rows written before V3 hold the bare token subject as their author. Only one issuer was ever trusted (the configured
-- realm), so the actor of those rows is that issuer and the subject: rewrite them once, so that a staff member keeps
-- seeing what they recorded. The append-only triggers are lifted for this statement only, inside the migration's
-- transaction; a subject never contains a space, so rows already in "<iss> <sub>" form are left alone.
alter table incident disable trigger incident_original_immutable;
update incident set recorded_by = '${legacy_issuer}' || ' ' || recorded_by where position(' ' in recorded_by) = 0;
alter table incident enable trigger incident_original_immutable;

alter table incident_addendum disable trigger incident_addendum_no_change;
update incident_addendum set recorded_by = '${legacy_issuer}' || ' ' || recorded_by where position(' ' in recorded_by) = 0;
alter table incident_addendum enable trigger incident_addendum_no_change;

alter table triage_recommendation disable trigger triage_recommendation_no_change;
update triage_recommendation set created_by = '${legacy_issuer}' || ' ' || created_by where position(' ' in created_by) = 0;
alter table triage_recommendation enable trigger triage_recommendation_no_change;

alter table viewing_record disable trigger viewing_record_no_change;
update viewing_record set recorded_by = '${legacy_issuer}' || ' ' || recorded_by where position(' ' in recorded_by) = 0;
alter table viewing_record enable trigger viewing_record_no_change;
