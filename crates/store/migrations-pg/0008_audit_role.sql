-- The audit log's entries carry the PostgreSQL role that wrote them
-- (issue 15's review): every group role may append to the log, so one
-- could write an entry in another person's name with SQL of their own;
-- `db_role` is set by the server, never by the client, so such an entry
-- shows who wrote it. It is `session_user`, the role that logged in: a
-- SECURITY DEFINER function that appends runs with `current_user` the
-- schema owner, and `SET ROLE` to a group role changes `current_user`
-- too, but neither changes who logged in (only a superuser may change
-- `session_user`). Entries written before this migration, and the ones
-- `ogonblick migrate` copies from SQLite (it turns the trigger off inside
-- its transaction, as the owner), have none.
--
-- And the log is append-only for every group role, the administratör's
-- included: no UPDATE, DELETE or TRUNCATE (0007 gave arkivarie and
-- administratör UPDATE and DELETE on every table; the triggers of 0001
-- refused them anyway, but a refused grant is the server's rule, not a
-- trigger's); and a group role inserts only the entry's own columns, never
-- `seq` or `db_role`.

ALTER TABLE audit_log ADD COLUMN db_role TEXT;

CREATE FUNCTION audit_log_db_role() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.db_role := session_user;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_log_db_role BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_db_role();

DO $$
DECLARE
    g TEXT;
BEGIN
    FOREACH g IN ARRAY ARRAY[ogonblick_group('handlaggare'), ogonblick_group('arkivarie'),
                             ogonblick_group('chef'), ogonblick_group('administrator')] LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %I', g);
        -- INSERT of the columns a client may set, no more: with INSERT on
        -- the whole table, `OVERRIDING SYSTEM VALUE` lets any role choose
        -- `seq`, and one far ahead would freeze the change stamp every
        -- desktop polls and take the numbers the app's next entries need.
        EXECUTE format('REVOKE INSERT ON audit_log FROM %I', g);
        EXECUTE format('GRANT INSERT (at, actor, action, channel_id, detail, event) ON audit_log TO %I', g);
        -- The new column is read like the others.
        EXECUTE format('GRANT SELECT ON audit_log TO %I', g);
    END LOOP;
END $$;
