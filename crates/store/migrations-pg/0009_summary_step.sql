-- The overview's history without a search per channel (issue 15, "Load"):
-- each channel's `channel_summary` row also holds its latest step of
-- `history_steps` (the last by finish time, then start time, then id: the
-- channel's history now). The history at a moment is that step whenever it
-- finished by then, which is every channel but those with a snapshot
-- finished after the moment (a report asked of the past, a backdated
-- clock); only those search `history_steps` (`pg/snapshots.rs`,
-- `HISTORY_SUMMARIES`). The step columns are NULL when the channel has no
-- snapshot of the whole channel (no step).
ALTER TABLE channel_summary
    ADD COLUMN step_finished_at      TEXT COLLATE "C",
    ADD COLUMN step_snapshots        BIGINT,
    ADD COLUMN step_failures         BIGINT,
    ADD COLUMN step_last_id          TEXT,
    ADD COLUMN step_last_reason      TEXT,
    ADD COLUMN step_last_status      TEXT,
    ADD COLUMN step_last_started_at  TEXT,
    ADD COLUMN step_last_finished_at TEXT,
    ADD COLUMN step_good_id          TEXT,
    ADD COLUMN step_good_reason      TEXT,
    ADD COLUMN step_good_started_at  TEXT,
    ADD COLUMN step_good_finished_at TEXT;

-- 0005's refresh with the step columns: the steps are written before the
-- channel's summary row, which copies the latest of them (a handläggare
-- may insert and delete the summary rows of their units' channels, never
-- update them: migration 0007).
CREATE OR REPLACE FUNCTION ogonblick_refresh_summary(ch BIGINT) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM channel_summary WHERE channel_id = ch;
    DELETE FROM channel_good WHERE channel_id = ch;
    DELETE FROM history_steps WHERE channel_id = ch;
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
    INSERT INTO channel_summary
        (channel_id, snapshots, last_started_at, last_status, last_complete_started_at,
         step_finished_at, step_snapshots, step_failures, step_last_id, step_last_reason,
         step_last_status, step_last_started_at, step_last_finished_at, step_good_id,
         step_good_reason, step_good_started_at, step_good_finished_at)
    SELECT ch, a.n, a.last_started_at, a.last_status, a.last_complete_started_at,
           h.finished_at, h.snapshots, h.failures, h.last_id, h.last_reason,
           h.last_status, h.last_started_at, h.last_finished_at, h.good_id,
           h.good_reason, h.good_started_at, h.good_finished_at
    FROM (SELECT COUNT(*) AS n,
                 (ARRAY_AGG(started_at ORDER BY started_at DESC, id DESC))[1] AS last_started_at,
                 (ARRAY_AGG(status ORDER BY started_at DESC, id DESC))[1] AS last_status,
                 MAX(started_at) FILTER (WHERE status = 'complete') AS last_complete_started_at
          FROM snapshots WHERE channel_id = ch
          HAVING COUNT(*) > 0) a
    LEFT JOIN LATERAL (
        SELECT * FROM history_steps
        WHERE channel_id = ch
        ORDER BY finished_at DESC, started_at DESC, id DESC LIMIT 1) h ON TRUE;
END;
$$;

-- The summary rows an earlier client wrote get their channel's latest step.
UPDATE channel_summary c
SET (step_finished_at, step_snapshots, step_failures, step_last_id, step_last_reason,
     step_last_status, step_last_started_at, step_last_finished_at, step_good_id,
     step_good_reason, step_good_started_at, step_good_finished_at) = (
    SELECT h.finished_at, h.snapshots, h.failures, h.last_id, h.last_reason,
           h.last_status, h.last_started_at, h.last_finished_at, h.good_id,
           h.good_reason, h.good_started_at, h.good_finished_at
    FROM history_steps h
    WHERE h.channel_id = c.channel_id
    ORDER BY h.finished_at DESC, h.started_at DESC, h.id DESC LIMIT 1);
