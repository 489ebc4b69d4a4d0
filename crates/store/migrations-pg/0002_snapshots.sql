-- The snapshot index on PostgreSQL: one row per committed snapshot (complete,
-- partial or failed), the meaning of SQLite's `snapshots` (migrations 0002,
-- 0010 and 0011 of that dialect) in one step. The files stay in the
-- snapshot folder; the row points at it and summarises it.
-- Times are TEXT as in 0001 (RFC 3339, nanoseconds, `Z`: fixed width). The
-- columns that queries order or compare by are COLLATE "C", so that they sort
-- byte for byte as in SQLite, whatever the database's collation (a reason
-- such as `ad-hoc` or an id with `-` and `_` would sort otherwise).

CREATE TABLE snapshots (
    id            TEXT COLLATE "C" PRIMARY KEY,
    channel_id    BIGINT NOT NULL REFERENCES channels(id),
    reason        TEXT COLLATE "C" NOT NULL,
    status        TEXT COLLATE "C" NOT NULL
                  CHECK (status IN ('complete', 'partial', 'failed')),
    started_at    TEXT COLLATE "C" NOT NULL,
    finished_at   TEXT COLLATE "C" NOT NULL,
    operator      TEXT NOT NULL,
    -- Folder relative to the data directory, `/`-separated.
    folder        TEXT NOT NULL,
    -- The whole model::Snapshot as JSON text, exactly as SQLite keeps it.
    manifest      TEXT NOT NULL,
    -- Whether the snapshot captured the whole channel (false for a
    -- one-address capture, which never counts for the schedule).
    whole_channel BOOLEAN NOT NULL
);

-- A channel's history in order (start time, then id), and the channel list's
-- summary per channel.
CREATE INDEX snapshots_channel_started ON snapshots (channel_id, started_at, id);
-- The whole history in order.
CREATE INDEX snapshots_started ON snapshots (started_at, id);
-- The latest complete snapshot of each channel and reason (what `due` reads).
CREATE INDEX snapshots_good ON snapshots (channel_id, reason, finished_at)
    WHERE whole_channel AND status = 'complete';
