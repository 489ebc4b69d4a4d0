-- The due list and the overview with one summary row per channel (issue
-- 15, "Load"): each channel's `channel_summary` row also holds its latest
-- good snapshots as the schedule tells them apart (`report_rows.rs`,
-- `GoodTimes`): the latest final one (`pre-closure`), the latest
-- `major-change`, and the latest of any other reason with its reason (of
-- two that finished at once, the reason first in "C" order). They are
-- taken from `channel_good`, which the refresh writes first. So the
-- reports read 2,000 rows of the summary (`pg/report_rows.rs`) instead of
-- `channel_good`'s 6,000 and `history_steps`' 2,000. NULL where there is
-- none.
ALTER TABLE channel_summary
    ADD COLUMN good_pre_closure_at  TEXT COLLATE "C",
    ADD COLUMN good_major_change_at TEXT COLLATE "C",
    ADD COLUMN good_other_reason    TEXT COLLATE "C",
    ADD COLUMN good_other_at        TEXT COLLATE "C";

-- Channel `ch`'s latest good snapshots in those three, from its
-- `channel_good` rows: always one row.
CREATE FUNCTION ogonblick_good_times(ch BIGINT)
RETURNS TABLE (pre_closure_at TEXT, major_change_at TEXT, other_reason TEXT, other_at TEXT)
LANGUAGE sql STABLE AS $$
    SELECT (SELECT finished_at FROM channel_good
            WHERE channel_id = ch AND reason = 'pre-closure'),
           (SELECT finished_at FROM channel_good
            WHERE channel_id = ch AND reason = 'major-change'),
           o.reason, o.finished_at
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (
        SELECT reason, finished_at FROM channel_good
        WHERE channel_id = ch AND reason NOT IN ('pre-closure', 'major-change')
        ORDER BY finished_at DESC, reason LIMIT 1) o ON TRUE
$$;

-- 0009's refresh, which also copies the channel's latest good snapshots
-- into its summary row (written after `channel_good`, as 0009 writes the
-- step after `history_steps`).
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
         step_good_reason, step_good_started_at, step_good_finished_at,
         good_pre_closure_at, good_major_change_at, good_other_reason, good_other_at)
    SELECT ch, a.n, a.last_started_at, a.last_status, a.last_complete_started_at,
           h.finished_at, h.snapshots, h.failures, h.last_id, h.last_reason,
           h.last_status, h.last_started_at, h.last_finished_at, h.good_id,
           h.good_reason, h.good_started_at, h.good_finished_at,
           g.pre_closure_at, g.major_change_at, g.other_reason, g.other_at
    FROM ogonblick_good_times(ch) g, (SELECT COUNT(*) AS n,
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

-- The summary rows an earlier client wrote get their channel's.
UPDATE channel_summary c
SET (good_pre_closure_at, good_major_change_at, good_other_reason, good_other_at) = (
    SELECT g.pre_closure_at, g.major_change_at, g.other_reason, g.other_at
    FROM ogonblick_good_times(c.channel_id) g);
