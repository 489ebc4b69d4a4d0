-- Personal-data / secrecy marks (h-pkg) of snapshots and removal records:
-- the current mark of each item (the history is in marks.jsonl and the
-- audit log). `mark` is model::Mark as JSON.

CREATE TABLE marks (
    item_id TEXT PRIMARY KEY,
    kind    TEXT NOT NULL,
    mark    TEXT NOT NULL
);
