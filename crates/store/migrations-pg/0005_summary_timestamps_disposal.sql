-- The reports' summary, trusted timestamps and disposal on PostgreSQL: the
-- meaning of SQLite's migrations 0012 (summary tables), 0008 (timestamps)
-- and 0005 (disposal log), in one step. Times are TEXT as in 0001; the
-- columns compared or ordered by are COLLATE "C", as in 0002.

-- The reports' summary of the history (issue 18), kept in the transaction
-- of every write of a channel's snapshot rows (a snapshot's record, a
-- disposal) by `ogonblick_refresh_summary` below. The tables have SQLite's
-- meaning (see its 0012_report_summary.sql):
-- the channel list's count, latest and latest complete start per channel;
CREATE TABLE channel_summary (
    channel_id               BIGINT PRIMARY KEY,
    snapshots                BIGINT NOT NULL,
    last_started_at          TEXT COLLATE "C" NOT NULL,
    last_status              TEXT COLLATE "C" NOT NULL,
    last_complete_started_at TEXT COLLATE "C"
);
-- `due`: per channel and reason, the latest good snapshot's finish;
CREATE TABLE channel_good (
    channel_id  BIGINT NOT NULL,
    reason      TEXT COLLATE "C" NOT NULL,
    finished_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (channel_id, reason)
);
-- `coverage`: per snapshot of the whole channel, the channel's history as
-- of its finish (the history at a moment is the last step finished by
-- then: one backward search of the primary key per channel).
CREATE TABLE history_steps (
    channel_id       BIGINT NOT NULL,
    finished_at      TEXT COLLATE "C" NOT NULL,
    started_at       TEXT COLLATE "C" NOT NULL,
    id               TEXT COLLATE "C" NOT NULL,
    snapshots        BIGINT NOT NULL,
    failures         BIGINT NOT NULL,
    last_id          TEXT NOT NULL,
    last_reason      TEXT NOT NULL,
    last_status      TEXT NOT NULL,
    last_started_at  TEXT NOT NULL,
    last_finished_at TEXT NOT NULL,
    good_id          TEXT,
    good_reason      TEXT,
    good_started_at  TEXT,
    good_finished_at TEXT,
    PRIMARY KEY (channel_id, finished_at, started_at, id)
);

-- Recomputes one channel's summary rows from its snapshot rows (none when
-- it has no snapshot), with the rules of SQLite's `store/summary_rows.rs`:
-- "latest" by start time then id, "latest good" by finish time, then start
-- time, then id; the failures are the failed and partial snapshots started
-- at or after the latest good one finished (all of them when there is
-- none). The caller holds the channel's row (FOR NO KEY UPDATE), so that
-- two writers of one channel's rows refresh one after the other.
CREATE FUNCTION ogonblick_refresh_summary(ch BIGINT) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM channel_summary WHERE channel_id = ch;
    DELETE FROM channel_good WHERE channel_id = ch;
    DELETE FROM history_steps WHERE channel_id = ch;
    INSERT INTO channel_summary
        (channel_id, snapshots, last_started_at, last_status, last_complete_started_at)
    SELECT ch, COUNT(*),
           (ARRAY_AGG(started_at ORDER BY started_at DESC, id DESC))[1],
           (ARRAY_AGG(status ORDER BY started_at DESC, id DESC))[1],
           MAX(started_at) FILTER (WHERE status = 'complete')
    FROM snapshots WHERE channel_id = ch
    HAVING COUNT(*) > 0;
    INSERT INTO channel_good (channel_id, reason, finished_at)
    SELECT ch, reason, MAX(finished_at) FROM snapshots
    WHERE channel_id = ch AND whole_channel AND status = 'complete'
    GROUP BY reason;
    INSERT INTO history_steps (channel_id, finished_at, started_at, id, snapshots, failures,
        last_id, last_reason, last_status, last_started_at, last_finished_at,
        good_id, good_reason, good_started_at, good_finished_at)
    WITH w AS (
        SELECT id, reason, status, started_at, finished_at,
               ROW_NUMBER() OVER (ORDER BY finished_at, started_at, id) AS k
        FROM snapshots WHERE channel_id = ch AND whole_channel)
    SELECT ch, s.finished_at, s.started_at, s.id, s.k,
           (SELECT COUNT(*) FROM w f
            WHERE f.k <= s.k AND f.status <> 'complete'
              AND (g.finished_at IS NULL OR f.started_at >= g.finished_at)),
           l.id, l.reason, l.status, l.started_at, l.finished_at,
           g.id, g.reason, g.started_at, g.finished_at
    FROM w s
    CROSS JOIN LATERAL (
        SELECT * FROM w WHERE w.k <= s.k ORDER BY w.started_at DESC, w.id DESC LIMIT 1) l
    LEFT JOIN LATERAL (
        SELECT * FROM w WHERE w.k <= s.k AND w.status = 'complete' ORDER BY w.k DESC LIMIT 1) g
        ON TRUE;
END;
$$;

SELECT ogonblick_refresh_summary(channel_id)
FROM (SELECT DISTINCT channel_id FROM snapshots) c;

-- The lines a view draws of a channel's history (start time, then id) from
-- the index alone; it replaces 0002's index of the same key.
CREATE INDEX snapshots_lines ON snapshots (channel_id, started_at, id)
    INCLUDE (reason, status, finished_at, whole_channel);
DROP INDEX snapshots_channel_started;

-- The stamping state of a snapshot (SQLite's `snapshot_timestamps`): the
-- state as JSON text, as `timestamp.json` in the snapshot's folder holds
-- it; the token files stay in that folder.
CREATE TABLE snapshot_timestamps (
    snapshot_id TEXT COLLATE "C" PRIMARY KEY REFERENCES snapshots(id),
    pending     BOOLEAN NOT NULL,
    state       TEXT NOT NULL
);
CREATE INDEX snapshot_timestamps_pending ON snapshot_timestamps (snapshot_id) WHERE pending;

-- The disposal log (*gallringsprotokoll*, SQLite's `disposal_log`): kept
-- for ever, append-only.
CREATE TABLE disposal_log (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    disposal_id TEXT NOT NULL UNIQUE,
    item_id     TEXT NOT NULL,
    disposed_at TEXT NOT NULL,
    entry       TEXT NOT NULL
);
CREATE FUNCTION disposal_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the disposal log is append-only';
END;
$$;
CREATE TRIGGER disposal_log_no_change BEFORE UPDATE OR DELETE ON disposal_log
    FOR EACH ROW EXECUTE FUNCTION disposal_log_append_only();
CREATE TRIGGER disposal_log_no_truncate BEFORE TRUNCATE ON disposal_log
    FOR EACH STATEMENT EXECUTE FUNCTION disposal_log_append_only();
