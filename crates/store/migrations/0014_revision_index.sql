-- The entries that change a channel's register entry (its revision,
-- `store/channel_logic.rs`'s REVISION_ACTIONS), indexed by channel and
-- number (h-pgrev, issue 15's review): Kanaler's page reads every matching
-- channel's revision, so that a bulk change refuses a channel changed after
-- the list was read, without reading the snapshots' entries.
CREATE INDEX IF NOT EXISTS audit_log_revision ON audit_log(channel_id, seq)
    WHERE action IN ('channel.add', 'channel.edit', 'closure.start', 'closure.complete', 'closure.undo');
