//! `ogonblick migrate --to postgres://…` (issue 15): the local SQLite
//! register of a data directory moved into an empty PostgreSQL database,
//! which then is the data directory's shared register. The engine is the
//! store's ([`ogonblick_store::pg::migrate_from_sqlite`]: one transaction,
//! every row checked, every snapshot's files hashed); this checks the
//! address. Unlike a saved address ([`crate::check_address`]), the address
//! of a move may hold a password: it is used once and never stored.

use std::path::Path;

use ogonblick_model::Clock;
use ogonblick_store::pg::{migrate_from_sqlite, MigrationReport};

use crate::shared_register::postgres_address;
use crate::Result;

/// Moves the SQLite register of `data_dir` into the database `to` names;
/// refused while another process is at work with it (a capture's claim
/// whose lease runs at `clock`'s now, a held lock file), and holding its
/// write lock while it moves.
pub fn migrate_to_postgres(
    data_dir: &Path,
    to: &str,
    clock: &dyn Clock,
) -> Result<MigrationReport> {
    let config = postgres_address(to.trim())?;
    Ok(migrate_from_sqlite(config, data_dir, clock.now())?)
}
