-- Removal records (borttaget innehåll), append-only: a record and its
-- versions (each version the whole record as JSON, as in removal.json),
-- and the organisation's list of removal grounds (seeded with the
-- guidelines' categories; editable).

CREATE TABLE removal_grounds (
    code       TEXT PRIMARY KEY,
    position   INTEGER NOT NULL,
    label_sv   TEXT NOT NULL,
    label_en   TEXT NOT NULL,
    needs_text INTEGER NOT NULL DEFAULT 0
);
INSERT INTO removal_grounds (code, position, label_sv, label_en, needs_text) VALUES
    ('personangrepp', 1, 'Personangrepp eller förtal', 'Personal attack or defamation', 0),
    ('hets', 2, 'Hets mot folkgrupp', 'Agitation against a population group', 0),
    ('sexism', 3, 'Sexism eller trakasserier', 'Sexism or harassment', 0),
    ('vald', 4, 'Våldsskildring eller pornografi', 'Depiction of violence or pornography', 0),
    ('brott', 5, 'Uppmaning till brott', 'Incitement to crime', 0),
    ('hot', 6, 'Hot', 'Threat', 0),
    ('upphovsratt', 7, 'Upphovsrättsintrång', 'Copyright infringement', 0),
    ('reklam', 8, 'Kommersiellt budskap eller reklam', 'Commercial message or advertising', 0),
    ('svordomar', 9, 'Svordomar eller obscena ord', 'Swearing or obscene words', 0),
    ('sekretess', 10, 'Sekretessbelagda uppgifter', 'Confidential information', 0),
    ('personuppgifter', 11, 'Kränkande personuppgifter', 'Offensive personal data', 0),
    ('irrelevant', 12, 'Irrelevant för kanalen', 'Irrelevant to the channel', 0),
    ('annat', 13, 'Annat', 'Other', 1);

CREATE TABLE removals (
    id         TEXT PRIMARY KEY,
    channel_id INTEGER NOT NULL REFERENCES channels(id),
    -- Folder relative to the data directory, `/`-separated.
    folder     TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX removals_channel ON removals(channel_id, created_at);

CREATE TABLE removal_versions (
    removal_id   TEXT NOT NULL REFERENCES removals(id),
    version      INTEGER NOT NULL,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    removed_at   TEXT NOT NULL,
    ground       TEXT NOT NULL,
    diary_number TEXT,
    -- The whole model::RemovalRecord of this version as JSON.
    record       TEXT NOT NULL CHECK (json_valid(record)),
    PRIMARY KEY (removal_id, version)
);

CREATE TRIGGER removal_versions_no_update BEFORE UPDATE ON removal_versions
BEGIN
    SELECT RAISE(ABORT, 'removal records are append-only: add a version');
END;
