-- Issue 15: a handläggare's units compared in the database exactly as the
-- application compares them (`unit_matches` in crates/app/src/roles.rs:
-- Rust's `trim` and `to_lowercase`).
--
-- 0007 compared `lower(btrim(…))`. `btrim` removes only spaces, and `lower`
-- follows the collation of its argument: `role_units.unit` is `COLLATE "C"`
-- (0003), whose `lower` changes A-Z only, and so is every column of a
-- database made with the C locale (a common choice of IT departments). A
-- handläggare given "Äldreomsorgen" (or "äldreomsorgen") was therefore
-- refused by row-level security on the channels of "Äldreomsorgen" that the
-- application had let her capture: the capture ran and its rows were then
-- refused.
--
-- `ogonblick_unit_key` trims every character of Unicode's White_Space (the
-- set Rust's `trim` removes; only its ASCII ones in a database that is not
-- UTF-8) and lowers with ICU's root collation where the server can use it
-- (Debian's PostgreSQL can, in a UTF-8 database), which follows Unicode's
-- rules whatever the database's locale; elsewhere with the database's own
-- collation, never a column's.
DO $do$
DECLARE
    utf8 BOOLEAN := (SELECT pg_encoding_to_char(encoding) = 'UTF8'
                     FROM pg_database WHERE datname = current_database());
    ws TEXT;
    fold TEXT := ' COLLATE "und-x-icu"';
BEGIN
    -- The collation may be missing, or unusable in this database's encoding
    -- (SQL_ASCII, say).
    BEGIN
        PERFORM lower('A' COLLATE "und-x-icu");
    EXCEPTION WHEN OTHERS THEN
        fold := ' COLLATE "default"';
    END;
    SELECT string_agg(chr(c), '') INTO ws
    FROM unnest(ARRAY[9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197,
                      8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288]) AS w(c)
    WHERE c < 128 OR utf8;
    EXECUTE format($f$
        CREATE FUNCTION ogonblick_unit_key(u TEXT) RETURNS TEXT
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $b$SELECT lower(btrim(u, %L)%s)$b$$f$, ws, fold);
END $do$;

CREATE OR REPLACE FUNCTION ogonblick_own_channel(ch BIGINT, who TEXT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT EXISTS (
        SELECT 1 FROM channels c
        JOIN units u ON u.id = c.unit_id
        JOIN role_units r ON ogonblick_unit_key(r.unit) = ogonblick_unit_key(u.name)
        JOIN roles p ON p.login = r.login AND p.role = 'handlaggare'
        WHERE c.id = ch AND r.login = who)
$$;

-- CREATE OR REPLACE keeps the function's owner and grants (0007) but not
-- its settings: search the catalogue and the function's own schema only,
-- pg_temp last, as 0007 set it.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION ogonblick_own_channel(BIGINT, TEXT) SET search_path = pg_catalog, %I, pg_temp',
                   (SELECT n.nspname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE p.oid = 'ogonblick_own_channel(BIGINT, TEXT)'::regprocedure));
END $$;
