-- Claims of channels being captured (issue 15): a capture claims its
-- channel in the register with a lease that expires, instead of an OS lock
-- file in the data directory (which a network share may not pass on), so a
-- desktop that dies mid-capture frees its channels when the lease runs out,
-- and two desktops never capture the same channel at once. `holder` is the
-- capturing process (`<host>.<pid>.<nonce>`, the staging folders' writer);
-- times are the register's RFC 3339 text, which sorts as time. IF NOT EXISTS:
-- a database whose version was set back by hand keeps the table (as 0012).

CREATE TABLE IF NOT EXISTS channel_claims (
    channel_id INTEGER PRIMARY KEY REFERENCES channels(id) ON DELETE CASCADE,
    holder     TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
