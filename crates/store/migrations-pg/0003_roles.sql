-- Roles on PostgreSQL: the meaning of SQLite's migration 0009_roles.sql.
-- Each person's roles (one row per role) and, for a handläggare, their
-- units. No rows: no roles configured (everyone may do everything); with
-- rows the register always has an administrator (the client refuses a
-- change that would leave none, under a lock of `roles`). Times are TEXT as
-- in 0001. Logins are COLLATE "C" so that people list in SQLite's byte order.

CREATE TABLE roles (
    login  TEXT COLLATE "C" NOT NULL,
    role   TEXT COLLATE "C" NOT NULL,
    set_at TEXT NOT NULL,
    set_by TEXT NOT NULL,
    PRIMARY KEY (login, role)
);

CREATE TABLE role_units (
    login TEXT COLLATE "C" NOT NULL,
    unit  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (login, unit)
);
