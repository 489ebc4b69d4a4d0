-- The disposal log (gallringsprotokoll): one row per disposed document, with
-- what it was, when, by whom, under which decision and every deleted file's
-- name, size and SHA-256 (the whole model::DisposalLogEntry as JSON). A
-- mirror of `disposal-log.jsonl`; append-only, kept for ever.
CREATE TABLE disposal_log (
    seq         INTEGER PRIMARY KEY,
    disposal_id TEXT NOT NULL UNIQUE,
    item_id     TEXT NOT NULL,
    disposed_at TEXT NOT NULL,
    entry       TEXT NOT NULL CHECK (json_valid(entry))
);

CREATE TRIGGER disposal_log_no_update BEFORE UPDATE ON disposal_log
BEGIN
    SELECT RAISE(ABORT, 'the disposal log is append-only');
END;

CREATE TRIGGER disposal_log_no_delete BEFORE DELETE ON disposal_log
BEGIN
    SELECT RAISE(ABORT, 'the disposal log is append-only');
END;
