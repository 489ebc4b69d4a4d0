-- The schedule's summary of a snapshot, beside its row: what `due`,
-- `coverage` and the overview read, so that they never parse a manifest.
-- The row already holds channel_id, reason, status, started_at and
-- finished_at (fixed-width UTC text, which sorts as time); this adds whether
-- the snapshot captured the whole channel (0 for a one-address capture,
-- which never counts for the schedule), backfilled from the manifest.
-- Written by the same INSERT as the row (commit, recovery, reindex), so the
-- summary and the row it summarises can never disagree.

ALTER TABLE snapshots ADD COLUMN whole_channel INTEGER NOT NULL DEFAULT 1
    CHECK (whole_channel IN (0, 1));
UPDATE snapshots SET whole_channel = (json_extract(manifest, '$.single_address') IS NULL);

-- Covers every summary query: per channel, per status and reason, by time.
CREATE INDEX snapshots_summary
    ON snapshots(channel_id, whole_channel, status, reason, finished_at, started_at, id);
