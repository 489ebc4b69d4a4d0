//! The register on PostgreSQL (issue 15): [`PgRegister`], the second
//! implementation of [`Register`](crate::Register), for an organisation
//! whose desktops share one register. Its schema has migrations of its own
//! (`migrations-pg/`, see [`migrations`]); `channels.rs` holds the channel
//! rows, `channels_bulk.rs` the responsible person of many at once,
//! `channel_page.rs` Kanaler's page (the rules of `channel_query.rs`,
//! shared with SQLite), `import.rs` a CSV import's rows in one transaction,
//! `audit.rs` the audit log and the settings, `snapshots.rs` the
//! snapshot index and its reports' summary, `timestamps.rs` the stamping
//! states of trusted timestamps, `disposal.rs` disposal and its log,
//! `roles.rs` the roles, `org_units.rs` the organisation's list of boards
//! and units, `removals.rs` the removal records and their grounds,
//! `marks.rs` the personal-data and secrecy marks, `diary.rs` diary numbers,
//! `identity.rs` the data directory's identity (its marker file),
//! `clock.rs` this machine's clock checked against the server's,
//! `from_sqlite.rs` (with `from_sqlite_check.rs`) `ogonblick migrate`: a
//! SQLite register copied into an empty database, verified,
//! `snapshot_files.rs` a
//! snapshot's commit into the shared data directory (the files' side shared
//! with SQLite) and `reindex.rs` the register checked against that folder.
//!
//! It keeps only the database: the files that the SQLite store mirrors into
//! its data directory (`channel.json`, `audit.jsonl`, `settings.json`,
//! `roles.json`, `removal-grounds.json`, `marks.jsonl`) are not written,
//! since no folder is shared yet (a later step of issue 15). A snapshot's
//! row points at a folder that the capture has put in place, and a removal
//! record's row at the folder it writes, as the SQLite store does (both
//! relative to the data directory). The files that live in the data
//! directory given by [`PgRegister::with_data_dir`] (a removal record's
//! folder, timestamp tokens, `timestamp.json`, the disposal log file
//! `disposal-log.jsonl`) are written there as the SQLite store writes them.

mod audit;
mod audit_log;
mod channel_page;
mod channels;
mod channels_bulk;
mod claims;
mod clock;
mod diary;
mod disposal;
mod from_sqlite;
mod from_sqlite_busy;
mod from_sqlite_check;
mod identity;
mod import;
mod marks;
pub mod migrations;
mod org_units;
mod pgpass;
mod reindex;
mod removals;
mod report_rows;
mod roles;
mod snapshot_files;
mod snapshots;
mod timestamps;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use ogonblick_model::messages::IoAction;
use ogonblick_model::{Clock, Message};
use postgres::error::SqlState;
use postgres::{Client, Config, IsolationLevel, NoTls, Transaction};

use crate::{Result, StoreError};

pub use clock::MAX_CLOCK_SKEW;
pub use from_sqlite::{migrate_from_sqlite, MigrationReport, TableCount};
pub use identity::{refuse_if_shared, DataDirIdentity, MARKER_FILE};

/// How long a connection attempt waits for the server (a laptop off the
/// network must not hold the window for the system's two minutes).
pub const CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// A connection to a register on PostgreSQL. `Send + Sync`: the client sits
/// behind a mutex (one connection per process for now).
pub struct PgRegister {
    client: Mutex<Client>,
    clock: Arc<dyn Clock>,
    address: String,
    /// The connection's role (`current_user`): the person working.
    user: String,
    /// For the connections a disposal run's lock holds ([`disposal`]).
    config: Config,
    /// The (shared) data directory the snapshot folders and removal
    /// records' folders are in ([`PgRegister::with_data_dir`]).
    data_dir: Option<PathBuf>,
}

impl std::fmt::Debug for PgRegister {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgRegister")
            .field("address", &self.address)
            .finish_non_exhaustive()
    }
}

/// `user@host:port/database` of a connection, without its password.
pub fn address(config: &Config) -> String {
    let host = config
        .get_hosts()
        .iter()
        .map(|h| match h {
            postgres::config::Host::Tcp(name) => name.clone(),
            #[cfg(unix)]
            postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .collect::<Vec<_>>()
        .join(",");
    let port = config
        .get_ports()
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join(",");
    format!(
        "{}@{}:{}/{}",
        config.get_user().unwrap_or(""),
        host,
        if port.is_empty() { "5432".into() } else { port },
        config.get_dbname().unwrap_or("")
    )
}

impl PgRegister {
    /// Connects to `url` (`postgres://user[:password]@host[:port]/database`)
    /// and brings its schema up to date; refuses a schema newer than this
    /// build knows.
    pub fn connect(url: &str, clock: Arc<dyn Clock>) -> Result<PgRegister> {
        let config: Config = url.parse().map_err(|e: postgres::Error| {
            StoreError::Invalid(Message::StorePgAddress {
                detail: e.to_string(),
            })
        })?;
        Self::connect_with(config, clock)
    }

    /// [`PgRegister::connect`] with a parsed configuration.
    /// A password missing from the address comes from the password file
    /// ([`pgpass`]); an unreachable server is given up after
    /// [`CONNECT_TIMEOUT`] unless the address says otherwise.
    pub fn connect_with(config: Config, clock: Arc<dyn Clock>) -> Result<PgRegister> {
        let (mut client, config, address) = open_client(config)?;
        clock::check_clock_now(&mut client, &address)?;
        migrations::migrate(&mut client)?;
        let user: String = client.query_one("SELECT current_user::TEXT", &[])?.get(0);
        Ok(PgRegister {
            client: Mutex::new(client),
            clock,
            address,
            user,
            config,
            data_dir: None,
        })
    }

    /// The register with the data directory its files are in (the folder
    /// every desktop reaches): the snapshot folders with the token files of
    /// trusted timestamps, which disposal removes, and a removal record's
    /// folder (`channels/<id>/removals/<record-id>/`, as the SQLite store
    /// writes it) with the staging area it is built in. Creates `channels`
    /// and `staging`, removes this machine's staging folders a killed
    /// capture left, finishes or rolls back the disposals a killed process
    /// left there, and records the snapshot folders and removal folders a
    /// killed process left without rows, as [`crate::Store::open`] does.
    /// First of all the folder's identity is checked ([`identity`]): a
    /// folder that is not this register's (an unmounted share's empty mount
    /// point, another register's folder) is refused before anything in it
    /// is touched.
    pub fn with_data_dir(mut self, dir: impl Into<PathBuf>) -> Result<PgRegister> {
        let dir = dir.into();
        self.claim_data_dir(&dir)?;
        for d in [dir.join("channels"), dir.join("staging")] {
            std::fs::create_dir_all(&d)
                .map_err(|e| StoreError::io(IoAction::CreateFolder, &d, e))?;
        }
        crate::store::clean_staging_in(&dir)?;
        self.data_dir = Some(dir);
        // What a killed process left is finished by whoever may write it
        // (migration 0007's grants): a role that may not leaves it for them.
        allowed_or_skipped(self.pg_finish_disposals())?;
        allowed_or_skipped(self.pg_record_snapshot_folders())?;
        allowed_or_skipped(self.pg_record_removal_folders())?;
        Ok(self)
    }

    /// The data directory, or why a register without one cannot do this.
    pub(crate) fn data_dir(&self) -> Result<&Path> {
        self.data_dir.as_deref().ok_or_else(|| {
            StoreError::Invalid(Message::StorePgNoDataDir {
                address: self.address.clone(),
            })
        })
    }

    /// `user@host:port/database` of this register.
    pub fn address(&self) -> &str {
        &self.address
    }

    pub(crate) fn client(&self) -> MutexGuard<'_, Client> {
        // The server rolls back whatever a panicking holder left open.
        self.client.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `read` in one read-only REPEATABLE READ transaction: every
    /// statement it runs sees the same snapshot of the database, so that
    /// a change committed by another desktop between two of them cannot
    /// make them disagree.
    pub(crate) fn read<T>(
        &self,
        read: impl FnOnce(&mut Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let mut client = self.client();
        let mut tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let out = read(&mut tx)?;
        tx.commit()?;
        Ok(out)
    }
}

/// A connection by `config` (a password missing from it from the password
/// file, [`CONNECT_TIMEOUT`] unless it says otherwise), without touching
/// the schema: the client, the completed configuration and the address.
pub(crate) fn open_client(mut config: Config) -> Result<(Client, Config, String)> {
    pgpass::fill_password(&mut config);
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    let address = address(&config);
    let client = config.connect(NoTls).map_err(|e| {
        StoreError::Unreachable(Message::StorePgUnreachable {
            address: address.clone(),
            detail: detail(&e),
        })
    })?;
    Ok((client, config, address))
}

/// Whether the server refused a statement for lack of a grant or by a
/// row-level security policy (SQLSTATE 42501).
pub(crate) fn denied(e: &StoreError) -> bool {
    matches!(e, StoreError::Postgres(d) if d.ends_with("(SQLSTATE 42501)"))
}

/// `Ok` for a refusal by the grants ([`denied`]): the step is left to a
/// role that may take it.
fn allowed_or_skipped(r: Result<()>) -> Result<()> {
    match r {
        Err(e) if denied(&e) => Ok(()),
        r => r,
    }
}

/// The server's sentence (with its SQLSTATE) or the client's.
fn detail(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{} (SQLSTATE {})", db.message(), db.code().code()),
        None => e.to_string(),
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        match e.code() {
            Some(c)
                if *c == SqlState::T_R_SERIALIZATION_FAILURE
                    || *c == SqlState::T_R_DEADLOCK_DETECTED
                    || *c == SqlState::LOCK_NOT_AVAILABLE =>
            {
                StoreError::Busy
            }
            Some(_) => StoreError::Postgres(detail(&e)),
            None if e.is_closed()
                || std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>()) =>
            {
                StoreError::Unreachable(Message::StorePgLost { detail: detail(&e) })
            }
            None => StoreError::Postgres(detail(&e)),
        }
    }
}

#[allow(dead_code)]
fn _assert_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<PgRegister>();
}
