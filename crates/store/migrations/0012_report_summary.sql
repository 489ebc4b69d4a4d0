-- The register's reports read a summary of the history kept beside the
-- snapshot rows, instead of aggregating every row per call (issue 18).
-- Written in the same transaction as the rows it summarises: a snapshot's
-- commit (complete, partial or failed), the recording of a folder without a
-- row at open, reindex and a disposal recompute the summary of the channel
-- from its snapshot rows (`store/summary_rows.rs`). The migration only
-- creates the tables and marks the summary stale (`summary_stale`); once the
-- last migration has run, the store refills a stale summary from the rows
-- with the code of that day (`migrations::refill_stale_summary`), so a later
-- schema change cannot break this step. Times are the rows' `ts()` text,
-- which sorts as time. IF NOT EXISTS: a database whose version was set back
-- by hand keeps the tables, and the refill replaces their rows.

-- One row while the summary tables must be refilled from the snapshot rows:
-- set here (and by any later migration that changes what they hold),
-- cleared by the refill in its transaction.
CREATE TABLE IF NOT EXISTS summary_stale (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);
INSERT OR IGNORE INTO summary_stale (id) VALUES (1);

-- The channel list: per channel with snapshots (one-address captures too),
-- the count, the latest by start time (then id), the start of the latest
-- complete one.
CREATE TABLE IF NOT EXISTS channel_summary (
    channel_id INTEGER PRIMARY KEY,
    snapshots INTEGER NOT NULL,
    last_started_at TEXT NOT NULL,
    last_status TEXT NOT NULL,
    last_complete_started_at TEXT
);

-- `due`: per channel and reason, when the latest complete snapshot of the
-- whole channel finished. For a moment before that, the report reads the
-- index `snapshots_good` for that channel and reason only.
CREATE TABLE IF NOT EXISTS channel_good (
    channel_id INTEGER NOT NULL,
    reason TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    PRIMARY KEY (channel_id, reason)
) WITHOUT ROWID;

-- `coverage`: per snapshot of the whole channel, the channel's history as
-- of its finish (every snapshot of the whole channel finished by then, in
-- the order finish, start, id): the count, the failures since the latest
-- good one, the latest by start time (then id) and the latest complete one
-- by finish time. The history at a moment is the last step finished at or
-- before it: one search per channel, whatever the moment.
CREATE TABLE IF NOT EXISTS history_steps (
    seq INTEGER PRIMARY KEY,
    channel_id INTEGER NOT NULL,
    finished_at TEXT NOT NULL,
    started_at TEXT NOT NULL,
    id TEXT NOT NULL,
    snapshots INTEGER NOT NULL,
    failures INTEGER NOT NULL,
    last_id TEXT NOT NULL,
    last_reason TEXT NOT NULL,
    last_status TEXT NOT NULL,
    last_started_at TEXT NOT NULL,
    last_finished_at TEXT NOT NULL,
    good_id TEXT,
    good_reason TEXT,
    good_started_at TEXT,
    good_finished_at TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS history_steps_order
    ON history_steps(channel_id, finished_at, started_at, id);
