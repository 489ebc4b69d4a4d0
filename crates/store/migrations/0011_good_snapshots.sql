-- The latest complete snapshot of each channel and reason (what `due` reads,
-- `LATEST_GOOD` in store/summary.rs) from an index that holds only complete
-- snapshots of whole channels, in the query's own group order: SQLite reads
-- it without sorting. With `snapshots_summary` alone it scanned every row and
-- sorted in a temporary B-tree (about half the query's time at 50,000
-- snapshots). The trailing columns make the index covering.
CREATE INDEX snapshots_good
    ON snapshots(channel_id, reason, finished_at, whole_channel, status)
    WHERE whole_channel = 1 AND status = 'complete';
