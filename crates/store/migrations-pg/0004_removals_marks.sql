-- Removal records and marks on PostgreSQL: the meaning of SQLite's
-- migrations 0004_removals, 0006_removal_grounds_retired and 0007_marks in
-- one step. A record's files (removal.json, a screenshot supplied by hand)
-- stay in its folder under the data directory; the row points at it. Times
-- are TEXT as in 0001; ids and the columns lists are ordered by are
-- COLLATE "C", so they sort byte for byte as in SQLite.

-- The organisation's removal grounds, in their order (seeded with the
-- guidelines' categories, as SQLite's 0004; editable).
CREATE TABLE removal_grounds (
    code       TEXT COLLATE "C" PRIMARY KEY,
    position   INTEGER NOT NULL,
    label_sv   TEXT NOT NULL,
    label_en   TEXT NOT NULL,
    needs_text BOOLEAN NOT NULL DEFAULT FALSE,
    retired    BOOLEAN NOT NULL DEFAULT FALSE
);
INSERT INTO removal_grounds (code, position, label_sv, label_en, needs_text) VALUES
    ('personangrepp', 1, 'Personangrepp eller förtal', 'Personal attack or defamation', FALSE),
    ('hets', 2, 'Hets mot folkgrupp', 'Agitation against a population group', FALSE),
    ('sexism', 3, 'Sexism eller trakasserier', 'Sexism or harassment', FALSE),
    ('vald', 4, 'Våldsskildring eller pornografi', 'Depiction of violence or pornography', FALSE),
    ('brott', 5, 'Uppmaning till brott', 'Incitement to crime', FALSE),
    ('hot', 6, 'Hot', 'Threat', FALSE),
    ('upphovsratt', 7, 'Upphovsrättsintrång', 'Copyright infringement', FALSE),
    ('reklam', 8, 'Kommersiellt budskap eller reklam', 'Commercial message or advertising', FALSE),
    ('svordomar', 9, 'Svordomar eller obscena ord', 'Swearing or obscene words', FALSE),
    ('sekretess', 10, 'Sekretessbelagda uppgifter', 'Confidential information', FALSE),
    ('personuppgifter', 11, 'Kränkande personuppgifter', 'Offensive personal data', FALSE),
    ('irrelevant', 12, 'Irrelevant för kanalen', 'Irrelevant to the channel', FALSE),
    ('annat', 13, 'Annat', 'Other', TRUE);

CREATE TABLE removals (
    id         TEXT COLLATE "C" PRIMARY KEY,
    channel_id BIGINT NOT NULL REFERENCES channels(id),
    -- Folder relative to the data directory, `/`-separated.
    folder     TEXT NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX removals_channel ON removals (channel_id, created_at);

-- Append-only: a correction is a new version.
CREATE TABLE removal_versions (
    removal_id   TEXT COLLATE "C" NOT NULL REFERENCES removals(id),
    version      INTEGER NOT NULL,
    recorded_at  TEXT COLLATE "C" NOT NULL,
    recorded_by  TEXT NOT NULL,
    removed_at   TEXT COLLATE "C" NOT NULL,
    ground       TEXT NOT NULL,
    diary_number TEXT,
    -- The whole model::RemovalRecord of this version as JSON text, exactly
    -- as SQLite keeps it.
    record       TEXT NOT NULL CHECK (record::JSONB IS NOT NULL),
    PRIMARY KEY (removal_id, version)
);

CREATE FUNCTION removal_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'removal records are append-only: add a version';
END;
$$;
CREATE TRIGGER removal_versions_no_update BEFORE UPDATE ON removal_versions
    FOR EACH ROW EXECUTE FUNCTION removal_versions_append_only();

-- Personal-data / secrecy marks of snapshots and removal records: the
-- current mark of each item (its history is in the audit log). `mark` is
-- model::Mark as JSON text.
CREATE TABLE marks (
    item_id TEXT COLLATE "C" PRIMARY KEY,
    kind    TEXT NOT NULL CHECK (kind IN ('snapshot', 'removal')),
    mark    TEXT NOT NULL
);
