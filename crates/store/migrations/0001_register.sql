-- The channel register: organisation → boards (nämnder) → units; channels
-- with their page addresses.

CREATE TABLE boards (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE units (
    id       INTEGER PRIMARY KEY,
    board_id INTEGER REFERENCES boards(id),
    name     TEXT NOT NULL
);
-- A unit name is unique under its board (NULL board: a unit without a board).
CREATE UNIQUE INDEX units_board_name ON units(ifnull(board_id, 0), name);

CREATE TABLE channels (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL CHECK (length(trim(name)) > 0),
    platform           TEXT NOT NULL,
    board_id           INTEGER REFERENCES boards(id),
    unit_id            INTEGER REFERENCES units(id),
    responsible        TEXT,
    substitute         TEXT,
    purpose            TEXT,
    audience           TEXT,
    policy             TEXT,
    status             TEXT NOT NULL CHECK (status IN ('active', 'closing', 'closed')),
    created_at         TEXT NOT NULL,
    closing_started_at TEXT,
    closed_at          TEXT,
    notes              TEXT
);

-- The addresses to capture, in order. `normalised` is unique across the
-- whole register: one page address belongs to one channel.
CREATE TABLE channel_urls (
    channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    url        TEXT NOT NULL,
    normalised TEXT NOT NULL UNIQUE,
    PRIMARY KEY (channel_id, position)
);
