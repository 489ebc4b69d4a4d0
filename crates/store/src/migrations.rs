//! Schema migrations, embedded in the binary and applied on open. The
//! database's `PRAGMA user_version` is the number of migrations applied; each
//! migration runs in its own transaction together with the version bump.

use ogonblick_model::Message;
use rusqlite::{Connection, TransactionBehavior};

use crate::{Result, StoreError};

/// The migrations in order; `MIGRATIONS[k]` takes the schema from version `k`
/// to `k + 1`. Never edit a released migration: add a new one.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_register",
        include_str!("../migrations/0001_register.sql"),
    ),
    (
        "0002_snapshots_audit_settings",
        include_str!("../migrations/0002_snapshots_audit_settings.sql"),
    ),
    (
        "0003_audit_event",
        include_str!("../migrations/0003_audit_event.sql"),
    ),
    (
        "0004_removals",
        include_str!("../migrations/0004_removals.sql"),
    ),
    (
        "0005_disposal",
        include_str!("../migrations/0005_disposal.sql"),
    ),
    (
        "0006_removal_grounds_retired",
        include_str!("../migrations/0006_removal_grounds_retired.sql"),
    ),
    ("0007_marks", include_str!("../migrations/0007_marks.sql")),
    (
        "0008_timestamps",
        include_str!("../migrations/0008_timestamps.sql"),
    ),
    ("0009_roles", include_str!("../migrations/0009_roles.sql")),
    (
        "0010_snapshot_summary",
        include_str!("../migrations/0010_snapshot_summary.sql"),
    ),
    (
        "0011_good_snapshots",
        include_str!("../migrations/0011_good_snapshots.sql"),
    ),
    (
        "0012_report_summary",
        include_str!("../migrations/0012_report_summary.sql"),
    ),
    ("0013_claims", include_str!("../migrations/0013_claims.sql")),
    (
        "0014_revision_index",
        include_str!("../migrations/0014_revision_index.sql"),
    ),
];

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// The schema version of a database (0 for a new one).
pub fn version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, u32>(0))?)
}

/// Applies every migration the database lacks, then refills what the
/// migrations marked stale.
pub fn migrate(conn: &mut Connection) -> Result<u32> {
    migrate_to(conn, LATEST)
}

/// Applies the migrations up to version `target` (tests use this to build
/// databases of earlier versions).
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<u32> {
    let current = version(conn)?;
    if current > LATEST {
        return Err(StoreError::Conflict(Message::StoreSchemaNewer {
            current: current as u64,
            known: LATEST as u64,
        }));
    }
    for v in current..target.min(LATEST) {
        let (_, sql) = MIGRATIONS[v as usize];
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", v + 1)?;
        tx.commit()?;
    }
    let reached = version(conn)?;
    if reached == LATEST {
        refill_stale_summary(conn)?;
    }
    Ok(reached)
}

/// Refills the reports' summary tables from the snapshot rows when a
/// migration marked them stale (0012 does, for an existing store), with
/// today's code on today's schema: only after the last migration, so no
/// migration runs Rust that a later schema could break. One transaction;
/// the flag goes with it.
fn refill_stale_summary(conn: &mut Connection) -> Result<()> {
    const STALE: &str = "SELECT EXISTS(SELECT 1 FROM summary_stale)";
    if !conn.query_row(STALE, [], |r| r.get::<_, bool>(0))? {
        return Ok(());
    }
    // Asked again in a write transaction: another program may have refilled.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if tx.query_row(STALE, [], |r| r.get::<_, bool>(0))? {
        crate::store::refresh_all(&tx)?;
        tx.execute("DELETE FROM summary_stale", [])?;
    }
    tx.commit()?;
    Ok(())
}
