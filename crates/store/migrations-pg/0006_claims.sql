-- Claims of channels being captured (issue 15), as SQLite's
-- 0013_claims.sql: one row per claimed channel, its holder
-- (`<host>.<pid>.<nonce>`) and its lease. Times are TEXT as in 0001,
-- COLLATE "C" since a claim's lease is compared as text.

CREATE TABLE IF NOT EXISTS channel_claims (
    channel_id BIGINT PRIMARY KEY REFERENCES channels(id) ON DELETE CASCADE,
    holder     TEXT NOT NULL,
    claimed_at TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C" NOT NULL
);
