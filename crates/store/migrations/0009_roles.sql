-- Roles (h-roles, issue 15): each person's roles (one row per role) and, for
-- a handläggare, their units. A register with no rows has no roles configured
-- (everyone may do everything); a register with rows always has an
-- administrator (the store refuses a change that would leave none).
-- Mirrored in roles.json (rebuilt from that file by reindex).

CREATE TABLE roles (
    login  TEXT NOT NULL,
    role   TEXT NOT NULL,
    set_at TEXT NOT NULL,
    set_by TEXT NOT NULL,
    PRIMARY KEY (login, role)
);

CREATE TABLE role_units (
    login TEXT NOT NULL,
    unit  TEXT NOT NULL,
    PRIMARY KEY (login, unit)
);
