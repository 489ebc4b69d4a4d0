-- The roles as PostgreSQL roles (issue 15): four group roles (NOLOGIN)
-- per register, named after the database, since role names are
-- cluster-wide and two registers may share a cluster: `<db>_handlaggare`,
-- `<db>_arkivarie`, `<db>_chef`, `<db>_administrator` (the database name
-- cut to 40 characters, each character outside A–Z, a–z, 0–9, _ as _; see
-- `ogonblick_group`). Their table grants follow
-- the application's table of grants (`app/src/roles.rs`), and row-level
-- security keeps a handläggare's writes to the channels of their units
-- (`role_units` of `current_user`); reading stays open to every group.
-- The schema owner (whoever ran the migrations, the first user) keeps
-- everything: an owner passes grants and row-level security. `role set`
-- grants a person's PostgreSQL role its groups through
-- `ogonblick_set_groups`. The owner needs CREATEROLE (or superuser).

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles
                   WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
        -- 42501: the client says it in the user's words (store-pg-create-owner).
        RAISE EXCEPTION 'Ögonblick: the schema owner % may not create roles; give it CREATEROLE (ALTER ROLE % CREATEROLE) and connect again', current_user, current_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

-- The name of a role's group role in this database: the database's name,
-- its first 40 characters with every one but A–Z, a–z, 0–9 and _ as _ (so
-- the name stays within PostgreSQL's 63 bytes and is never cut), then
-- `_<role>`. Two databases whose names map to the same are refused below.
CREATE FUNCTION ogonblick_group(role TEXT) RETURNS TEXT
LANGUAGE sql STABLE AS $$
    SELECT pg_catalog.regexp_replace(pg_catalog.left(pg_catalog.current_database()::text, 40),
                                     '[^A-Za-z0-9_]', '_', 'g') || '_' || role
$$;

-- The roles whose group role `who` is a member of (for IT: `SELECT
-- ogonblick_groups('anna')`), in the order handläggare, arkivarie, chef,
-- administratör.
CREATE FUNCTION ogonblick_groups(who TEXT) RETURNS TEXT[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(r ORDER BY k), '{}')
    FROM unnest(ARRAY['handlaggare', 'arkivarie', 'chef', 'administrator']) WITH ORDINALITY AS x(r, k)
    WHERE EXISTS (SELECT 1 FROM pg_auth_members m
                  JOIN pg_roles g ON g.oid = m.roleid
                  JOIN pg_roles u ON u.oid = m.member
                  WHERE g.rolname = ogonblick_group(r) AND u.rolname = who)
$$;

-- Whether `who` is a handläggare of channel `ch`'s unit (trimmed, any
-- case, as the application compares them). Runs as the owner, so that it
-- reads the rows whatever policies apply to the caller.
CREATE FUNCTION ogonblick_own_channel(ch BIGINT, who TEXT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT EXISTS (
        SELECT 1 FROM channels c
        JOIN units u ON u.id = c.unit_id
        JOIN role_units r ON lower(btrim(r.unit)) = lower(btrim(u.name))
        JOIN roles p ON p.login = r.login AND p.role = 'handlaggare'
        WHERE c.id = ch AND r.login = who)
$$;

-- Holds channel `ch`'s row until the commit (its id; NULL when there is
-- none): a writer of the channel's snapshot rows takes it without the
-- right to update the channel itself.
CREATE FUNCTION ogonblick_lock_channel(ch BIGINT) RETURNS BIGINT
LANGUAGE sql VOLATILE SECURITY DEFINER AS $$
    SELECT id FROM channels WHERE id = ch FOR NO KEY UPDATE
$$;

-- `role set` / `role remove` on the PostgreSQL side: creates the login
-- role `who` (LOGIN, no password: the IT department sets one) if missing,
-- grants it the groups of `wanted` and revokes the others.
CREATE FUNCTION ogonblick_set_groups(who TEXT, wanted TEXT[]) RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    r TEXT;
BEGIN
    IF octet_length(who) > 63 THEN
        RAISE EXCEPTION 'the login % is longer than the 63 bytes PostgreSQL allows a role name', who
            USING ERRCODE = 'name_too_long';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN
        BEGIN
            EXECUTE format('CREATE ROLE %I LOGIN', who);
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
    FOREACH r IN ARRAY ARRAY['handlaggare', 'arkivarie', 'chef', 'administrator'] LOOP
        IF r = ANY(wanted) THEN
            EXECUTE format('GRANT %I TO %I', ogonblick_group(r), who);
        ELSIF r = ANY(ogonblick_groups(who)) THEN
            EXECUTE format('REVOKE %I FROM %I', ogonblick_group(r), who);
        END IF;
    END LOOP;
END
$$;

DO $$
DECLARE
    g TEXT;
    h TEXT := ogonblick_group('handlaggare');
    a TEXT := ogonblick_group('arkivarie');
    c TEXT := ogonblick_group('chef');
    d TEXT := ogonblick_group('administrator');
    t TEXT;
BEGIN
    -- The functions that run as the owner search only the catalogue and
    -- this schema, pg_temp last: a temporary table named like ours must
    -- not stand in for it (a handläggare could otherwise list every unit
    -- as theirs).
    EXECUTE format('ALTER FUNCTION ogonblick_own_channel(BIGINT, TEXT) SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION ogonblick_lock_channel(BIGINT) SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION ogonblick_set_groups(TEXT, TEXT[]) SET search_path = pg_catalog, %I, pg_temp', current_schema());
    FOREACH g IN ARRAY ARRAY[h, a, c, d] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', g);
            -- Whose group it is: another register's is never taken over.
            EXECUTE format('COMMENT ON ROLE %I IS %L', g, 'ogonblick: ' || current_database());
        ELSIF pg_catalog.shobj_description((SELECT oid FROM pg_roles WHERE rolname = g), 'pg_authid')
              IS DISTINCT FROM 'ogonblick: ' || current_database() THEN
            RAISE EXCEPTION 'Ögonblick: the role % exists and is not this register''s group role (another database of a similar name, or a role of its own); give this register a database of another name', g
                USING ERRCODE = 'duplicate_object';
        END IF;
        -- Everyone reads; everyone appends to the audit log (a refusal is
        -- recorded by whoever was refused; the log is append-only).
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), g);
        EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), g);
        EXECUTE format('GRANT INSERT ON audit_log TO %I', g);
        EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), g);
    END LOOP;
    EXECUTE 'REVOKE ALL ON FUNCTION ogonblick_set_groups(TEXT, TEXT[]) FROM PUBLIC';
    EXECUTE format('GRANT EXECUTE ON FUNCTION ogonblick_set_groups(TEXT, TEXT[]) TO %I', d);
    EXECUTE 'REVOKE ALL ON FUNCTION ogonblick_own_channel(BIGINT, TEXT) FROM PUBLIC';
    EXECUTE format('GRANT EXECUTE ON FUNCTION ogonblick_own_channel(BIGINT, TEXT) TO %I, %I, %I, %I', h, a, c, d);
    EXECUTE 'REVOKE ALL ON FUNCTION ogonblick_lock_channel(BIGINT) FROM PUBLIC';
    EXECUTE format('GRANT EXECUTE ON FUNCTION ogonblick_lock_channel(BIGINT) TO %I, %I, %I', h, a, d);

    -- handläggare: capture, major change, removal records (and their
    -- certification) on their units' channels: the snapshot rows, their
    -- summary rows, timestamps, claims, removal records.
    EXECUTE format('GRANT INSERT ON snapshots, removal_versions TO %I', h);
    EXECUTE format('GRANT INSERT, UPDATE ON snapshot_timestamps, removals TO %I', h);
    EXECUTE format('GRANT INSERT, DELETE ON channel_summary, channel_good, history_steps TO %I', h);
    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON channel_claims TO %I', h);

    -- arkivarie: the register, export, closure, retention, disposal,
    -- marks, diary numbers, removal grounds, and capture of any channel:
    -- every table but the roles and the schema version.
    FOR t IN SELECT tablename FROM pg_tables
             WHERE schemaname = current_schema()
               AND tablename NOT IN ('roles', 'role_units', 'ogonblick_schema') LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I TO %I', t, a);
    END LOOP;

    -- administratör: everything, the roles and settings included (a
    -- rebuild of the register writes every table).
    FOR t IN SELECT tablename FROM pg_tables
             WHERE schemaname = current_schema() AND tablename <> 'ogonblick_schema' LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I TO %I', t, d);
    END LOOP;

    -- Row-level security on the channel-keyed tables a handläggare writes:
    -- every group reads every row; arkivarie and administratör write every
    -- row; a handläggare writes the rows of their units' channels.
    FOREACH t IN ARRAY ARRAY['snapshots', 'channel_summary', 'channel_good',
                             'history_steps', 'channel_claims', 'removals'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY ogonblick_read ON %I FOR SELECT USING (TRUE)', t);
        EXECUTE format('CREATE POLICY ogonblick_write_all ON %I TO %I, %I USING (TRUE) WITH CHECK (TRUE)', t, a, d);
        EXECUTE format('CREATE POLICY ogonblick_write_unit ON %I TO %I
                        USING (ogonblick_own_channel(channel_id, current_user))
                        WITH CHECK (ogonblick_own_channel(channel_id, current_user))', t, h);
    END LOOP;
    -- The settings: an arkivarie writes the keys of their work (retention
    -- rules, holds, the boards list), an administratör every key.
    EXECUTE 'ALTER TABLE settings ENABLE ROW LEVEL SECURITY';
    EXECUTE 'CREATE POLICY ogonblick_read ON settings FOR SELECT USING (TRUE)';
    EXECUTE format('CREATE POLICY ogonblick_write_all ON settings TO %I USING (TRUE) WITH CHECK (TRUE)', d);
    EXECUTE format('CREATE POLICY ogonblick_write_archive ON settings TO %I
        USING (key IN (''retention'', ''disposal-holds'', ''boards''))
        WITH CHECK (key IN (''retention'', ''disposal-holds'', ''boards''))', a);
    EXECUTE 'ALTER TABLE snapshot_timestamps ENABLE ROW LEVEL SECURITY';
    EXECUTE 'CREATE POLICY ogonblick_read ON snapshot_timestamps FOR SELECT USING (TRUE)';
    EXECUTE format('CREATE POLICY ogonblick_write_all ON snapshot_timestamps TO %I, %I USING (TRUE) WITH CHECK (TRUE)', a, d);
    EXECUTE format('CREATE POLICY ogonblick_write_unit ON snapshot_timestamps TO %I
        USING (ogonblick_own_channel((SELECT s.channel_id FROM snapshots s WHERE s.id = snapshot_id), current_user))
        WITH CHECK (ogonblick_own_channel((SELECT s.channel_id FROM snapshots s WHERE s.id = snapshot_id), current_user))', h);
    EXECUTE 'ALTER TABLE removal_versions ENABLE ROW LEVEL SECURITY';
    EXECUTE 'CREATE POLICY ogonblick_read ON removal_versions FOR SELECT USING (TRUE)';
    EXECUTE format('CREATE POLICY ogonblick_write_all ON removal_versions TO %I, %I USING (TRUE) WITH CHECK (TRUE)', a, d);
    EXECUTE format('CREATE POLICY ogonblick_write_unit ON removal_versions TO %I
        USING (ogonblick_own_channel((SELECT r.channel_id FROM removals r WHERE r.id = removal_id), current_user))
        WITH CHECK (ogonblick_own_channel((SELECT r.channel_id FROM removals r WHERE r.id = removal_id), current_user))', h);

    -- The people the register already has roles for get their groups (and
    -- a login role each, when missing).
    PERFORM ogonblick_set_groups(login, array_agg(role)) FROM roles GROUP BY login;
END $$;
