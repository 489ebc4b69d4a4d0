-- Trusted timestamps (RFC 3161): a snapshot's stamping state, as its
-- timestamp.json holds it (rebuilt from that file by reindex). `pending`
-- while a configured authority has not given its token.

CREATE TABLE snapshot_timestamps (
    snapshot_id TEXT PRIMARY KEY REFERENCES snapshots(id),
    pending     INTEGER NOT NULL,
    state       TEXT NOT NULL
);
CREATE INDEX snapshot_timestamps_pending ON snapshot_timestamps(pending);
