-- Typed audit events: `event` holds the model::AuditEvent of the entry as
-- JSON (`{"v":1,"kind":…}`), `detail` its English text for people. Rows
-- written before have no event; they are read from `detail` by the legacy
-- reader (model::AuditEvent::from_legacy). The append-only triggers stay.
ALTER TABLE audit_log ADD COLUMN event TEXT CHECK (event IS NULL OR json_valid(event));
