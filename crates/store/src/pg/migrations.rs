//! The PostgreSQL dialect's schema migrations, embedded and applied on
//! connect. The one row of `ogonblick_schema` holds the number of
//! migrations applied. The missing migrations and the version bump run in
//! one transaction (PostgreSQL's DDL is transactional: all or none) under
//! an advisory lock, so that desktops connecting at the same time apply
//! each migration once.

use ogonblick_model::Message;
use postgres::{Client, Transaction};

use crate::{Result, StoreError};

/// The migrations in order; `MIGRATIONS[k]` takes the schema from version
/// `k` to `k + 1`. Never edit a released migration: add a new one.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_register",
        include_str!("../../migrations-pg/0001_register.sql"),
    ),
    (
        "0002_snapshots",
        include_str!("../../migrations-pg/0002_snapshots.sql"),
    ),
    (
        "0003_roles",
        include_str!("../../migrations-pg/0003_roles.sql"),
    ),
    (
        "0004_removals_marks",
        include_str!("../../migrations-pg/0004_removals_marks.sql"),
    ),
    (
        "0005_summary_timestamps_disposal",
        include_str!("../../migrations-pg/0005_summary_timestamps_disposal.sql"),
    ),
    (
        "0006_claims",
        include_str!("../../migrations-pg/0006_claims.sql"),
    ),
    (
        "0007_role_grants",
        include_str!("../../migrations-pg/0007_role_grants.sql"),
    ),
    (
        "0008_audit_role",
        include_str!("../../migrations-pg/0008_audit_role.sql"),
    ),
    (
        "0009_summary_step",
        include_str!("../../migrations-pg/0009_summary_step.sql"),
    ),
    (
        "0010_revisions_recorded_at",
        include_str!("../../migrations-pg/0010_revisions_recorded_at.sql"),
    ),
    (
        "0011_unit_key",
        include_str!("../../migrations-pg/0011_unit_key.sql"),
    ),
    (
        "0012_summary_good",
        include_str!("../../migrations-pg/0012_summary_good.sql"),
    ),
];

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// The key of the advisory lock that serialises migrations.
const LOCK: i64 = 0x6f67_6f6e_626c_6963; // "ogonblic"

/// The schema version of the database (0 for a new one).
pub fn version(client: &mut Client) -> Result<u32> {
    let row = client.query_opt(
        "SELECT version FROM ogonblick_schema WHERE to_regclass('ogonblick_schema') IS NOT NULL",
        &[],
    );
    match row {
        Ok(row) => Ok(row.map(|r| r.get::<_, i32>(0) as u32).unwrap_or(0)),
        // No table yet: a new database.
        Err(e) if e.code() == Some(&postgres::error::SqlState::UNDEFINED_TABLE) => Ok(0),
        Err(e) => Err(e.into()),
    }
}

/// Applies every migration the database lacks.
pub fn migrate(client: &mut Client) -> Result<u32> {
    migrate_to(client, LATEST)
}

/// Applies the migrations up to version `target`; refuses a database whose
/// schema is newer than this build knows.
/// A schema already up to date is only read: a person who connects as
/// their own PostgreSQL role (migration 0007) may not create tables.
/// A role the grants do not let read the schema (a PostgreSQL login given no
/// role in this register) is refused with `store-pg-no-role`; one that may
/// not upgrade an older schema (only the schema's owner may) with
/// `store-pg-upgrade-owner`, and one that may not create it in a new
/// database (tables, or group roles without CREATEROLE) with
/// `store-pg-create-owner`.
pub fn migrate_to(client: &mut Client, target: u32) -> Result<u32> {
    let before = match version(client) {
        Err(e) if super::denied(&e) => {
            return Err(StoreError::Conflict(Message::StorePgNoRole {
                user: current_user(client),
            }))
        }
        r => r?,
    };
    if before > LATEST {
        return Err(StoreError::Conflict(Message::StoreSchemaNewer {
            current: before as u64,
            known: LATEST as u64,
        }));
    }
    if before >= target.min(LATEST) && before > 0 {
        return Ok(before);
    }
    let mut tx = client.transaction()?;
    match migrate_in(&mut tx, target) {
        Err(e) if super::denied(&e) => {
            drop(tx);
            let user = current_user(client);
            return Err(StoreError::Conflict(if before > 0 {
                Message::StorePgUpgradeOwner {
                    user,
                    current: before as u64,
                    known: LATEST as u64,
                }
            } else {
                Message::StorePgCreateOwner { user }
            }));
        }
        r => r?,
    };
    tx.commit()?;
    version(client)
}

/// The connection's role, for a refusal's sentence.
fn current_user(client: &mut Client) -> String {
    client
        .query_one("SELECT current_user::TEXT", &[])
        .map(|r| r.get(0))
        .unwrap_or_default()
}

/// [`migrate_to`] inside the caller's transaction (`ogonblick migrate`
/// creates the schema in the transaction that fills it, so that a refusal
/// or a failure leaves the database as it was); the version reached.
pub fn migrate_in(tx: &mut Transaction<'_>, target: u32) -> Result<u32> {
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK])?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS ogonblick_schema (
             one     BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
             version INTEGER NOT NULL
         );
         INSERT INTO ogonblick_schema (one, version) VALUES (TRUE, 0) ON CONFLICT DO NOTHING;",
    )?;
    let current: i32 = tx
        .query_one("SELECT version FROM ogonblick_schema", &[])?
        .get(0);
    let current = current as u32;
    if current > LATEST {
        return Err(StoreError::Conflict(Message::StoreSchemaNewer {
            current: current as u64,
            known: LATEST as u64,
        }));
    }
    let target = target.min(LATEST);
    let database: String = tx.query_one("SELECT current_database()::TEXT", &[])?.get(0);
    for v in current..target {
        let (_, sql) = MIGRATIONS[v as usize];
        tx.batch_execute(sql)
            .map_err(|e| group_taken(&database, e))?;
        tx.execute(
            "UPDATE ogonblick_schema SET version = $1",
            &[&((v + 1) as i32)],
        )?;
    }
    Ok(current.max(target))
}

/// The refusal of migration 0007 when a group role of this register's name
/// exists and is another's (SQLSTATE 42710, its sentence naming the role)
/// in the user's words (`store-pg-group-taken`); any other error as it is.
fn group_taken(database: &str, e: postgres::Error) -> StoreError {
    let taken = e
        .as_db_error()
        .filter(|db| db.code() == &postgres::error::SqlState::DUPLICATE_OBJECT)
        .and_then(|db| {
            let rest = db.message().strip_prefix("Ögonblick: the role ")?;
            Some(rest.split_once(" exists")?.0.to_string())
        });
    let Some(role) = taken else {
        return e.into();
    };
    StoreError::Conflict(Message::StorePgGroupTaken {
        role,
        database: database.to_string(),
    })
}
