//! The register on PostgreSQL (issue 15): [`PgRegister`], the second
//! implementation of [`Register`](crate::Register), for an organisation
//! whose desktops share one register. Its schema has migrations of its own
//! (`migrations-pg/`, see [`migrations`]); `channels.rs` holds the channel
//! rows, `audit.rs` the audit log and the settings, `snapshots.rs` the
//! snapshot index, `roles.rs` the roles, `org_units.rs` the
//! organisation's list of boards and units, `removals.rs` the removal
//! records and their grounds and `marks.rs` the personal-data and secrecy
//! marks.
//!
//! It keeps only the database: the files that the SQLite store mirrors into
//! its data directory (`channel.json`, `audit.jsonl`, `settings.json`,
//! `roles.json`, `removal-grounds.json`, `marks.jsonl`) are not written,
//! since no folder is shared yet (a later step of issue 15). A snapshot's
//! row points at a folder that the capture has put in place, and a removal
//! record's row at the folder it writes, as the SQLite store does, into the
//! data directory given with [`PgRegister::with_data_dir`] (both relative
//! to it).

mod audit;
mod channels;
mod marks;
pub mod migrations;
mod org_units;
mod removals;
mod roles;
mod snapshots;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use ogonblick_model::{Clock, Message};
use postgres::error::SqlState;
use postgres::{Client, Config, NoTls};

use crate::{Result, StoreError};

/// A connection to a register on PostgreSQL. `Send + Sync`: the client sits
/// behind a mutex (one connection per process for now).
pub struct PgRegister {
    client: Mutex<Client>,
    clock: Arc<dyn Clock>,
    address: String,
    /// Where removal records' folders are written
    /// ([`PgRegister::with_data_dir`]).
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
    pub fn connect_with(config: Config, clock: Arc<dyn Clock>) -> Result<PgRegister> {
        let address = address(&config);
        let mut client = config.connect(NoTls).map_err(|e| {
            StoreError::Unreachable(Message::StorePgUnreachable {
                address: address.clone(),
                detail: detail(&e),
            })
        })?;
        migrations::migrate(&mut client)?;
        Ok(PgRegister {
            client: Mutex::new(client),
            clock,
            address,
            data_dir: None,
        })
    }

    /// The data directory that holds the files: a removal record's folder
    /// (`channels/<id>/removals/<record-id>/`, as the SQLite store writes
    /// it) and the staging area it is built in. Creates both folders, and
    /// records the removal folders a killed process left without rows, as
    /// the SQLite store does on open.
    pub fn with_data_dir(mut self, data_dir: &Path) -> Result<PgRegister> {
        for d in [data_dir.join("channels"), data_dir.join("staging")] {
            std::fs::create_dir_all(&d).map_err(|e| StoreError::io("create the folder", &d, e))?;
        }
        self.data_dir = Some(data_dir.to_path_buf());
        self.pg_record_removal_folders()?;
        Ok(self)
    }

    /// The data directory, or the refusal to write files without one.
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
