-- Snapshots (the history), the append-only audit log and the organisation
-- settings.

CREATE TABLE snapshots (
    id          TEXT PRIMARY KEY,
    channel_id  INTEGER NOT NULL REFERENCES channels(id),
    reason      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('complete', 'partial', 'failed')),
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    operator    TEXT NOT NULL,
    -- Folder relative to the data directory, `/`-separated.
    folder      TEXT NOT NULL,
    -- The whole model::Snapshot as JSON (the same as in snapshot.json).
    manifest    TEXT NOT NULL
);
CREATE INDEX snapshots_channel_started ON snapshots(channel_id, started_at);

-- channel_id has no foreign key on purpose: the log must accept every line of
-- audit.jsonl on reindex, whatever else survived.
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    channel_id INTEGER,
    detail     TEXT NOT NULL
);
CREATE INDEX audit_log_channel ON audit_log(channel_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Key/value organisation settings; every value is JSON text.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value))
);
