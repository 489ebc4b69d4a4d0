-- Issue 15's review (h-pgrev).
--
-- The entries that change a channel's register entry (its revision,
-- `store/channel_logic.rs`'s REVISION_ACTIONS), indexed by channel and
-- number: Kanaler's page reads every matching channel's revision, so that
-- a bulk change refuses a channel changed after the list was read (a
-- sequence number is handed out at insert, not at commit, so the log's
-- last number alone misses an edit that commits after a later one), without
-- reading the snapshots' entries.
CREATE INDEX audit_log_revision ON audit_log (channel_id, seq)
    WHERE action IN ('channel.add', 'channel.edit', 'closure.start', 'closure.complete', 'closure.undo');

-- The time the server recorded an entry, beside the time the client
-- claims (`at`, from the app's clock, which any client chooses): set by
-- the trigger of 0008, as `db_role` is, so no group role may set it (0008
-- grants INSERT of the client's columns only, and this column is not among
-- them). `clock_timestamp()`, the moment of the insert, not the
-- transaction's start. Entries written before this migration, and those
-- `ogonblick migrate` copies from SQLite, have none.
ALTER TABLE audit_log ADD COLUMN recorded_at TIMESTAMPTZ;

CREATE OR REPLACE FUNCTION audit_log_db_role() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.db_role := session_user;
    NEW.recorded_at := clock_timestamp();
    RETURN NEW;
END;
$$;
