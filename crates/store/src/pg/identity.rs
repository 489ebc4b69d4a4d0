//! The shared data directory's identity. A register on PostgreSQL gets an
//! id the first time it is given a data directory (a row of `settings`,
//! key [`ID_KEY`], written once), and the folder a marker file
//! ([`MARKER_FILE`]) holding that id. Opening checks the two before any
//! recovery, disposal or reindex runs, so that the empty mount point of an
//! unmounted share, or the folder of another register, is refused instead
//! of having its "missing" snapshot folders treated as gone:
//!
//! - a marker with this register's id: the folder is the register's;
//! - a marker with another id (or a register without an id meeting a
//!   marked folder): another register's folder, refused;
//! - no marker, and the register has had a folder before (it has an id):
//!   refused (the share is not mounted, or the folder is the wrong one);
//! - no marker, and the register has no id yet (a new register, or the
//!   first use after the upgrade that brought markers), or a marker naming
//!   this database while the register has no id (its own adoption, killed
//!   between writing the marker and committing the id): the folder is
//!   adopted, unless exactly one side holds snapshots (the register's rows
//!   without any snapshot folder: a share not mounted; snapshot folders
//!   without any row: another store's folder), which is refused.
//!
//! The SQLite store needs none of this: its database file lives in its data
//! directory, so the folder is its own identity.

use std::path::Path;

use ogonblick_model::Message;
use serde::{Deserialize, Serialize};

use super::PgRegister;
use crate::fsutil::write_json_atomic;
use crate::{Result, StoreError};

/// The marker file in the data directory.
pub const MARKER_FILE: &str = "ogonblick-register.json";
/// The `settings` row holding the register's id (not a settings document:
/// no [`ogonblick_model::SettingKey`] names it).
pub(super) const ID_KEY: &str = "register_id";
/// The advisory lock serialising desktops that adopt a folder at once.
const LOCK: i64 = 0x6f67_6f6e_6469_7231; // "ogondir1"

/// The marker file's content.
#[derive(Debug, Serialize, Deserialize)]
struct Marker {
    /// The id of the register the folder belongs to.
    register: String,
    /// The database holding it, without user or password
    /// (`postgres://host:port/database`), for the refusal of the folder
    /// opened without it ([`refuse_if_shared`]); absent in markers written
    /// before h-pgsec.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    database: Option<String>,
}

/// The database of a connection address (`user@host:port/database`, see
/// [`super::address`]) as the marker names it: without the user, each
/// person connects as themselves.
fn database_of(address: &str) -> String {
    // The last '@': a login may hold one (a Kerberos principal).
    let rest = address.rsplit_once('@').map_or(address, |(_, r)| r);
    format!("postgres://{rest}")
}

/// Refuses to open `dir` as a local (SQLite) register when its marker says
/// the folder belongs to a register on PostgreSQL (after `ogonblick
/// migrate`, or a folder a shared register adopted): the local register
/// would be written beside the shared one and fork it
/// (`store-moved-to-postgres`, naming the database and what to do).
pub fn refuse_if_shared(dir: &Path) -> Result<()> {
    let path = dir.join(MARKER_FILE);
    if !path.exists() {
        return Ok(());
    }
    let marker = read_folder(dir)?.marker;
    Err(StoreError::Conflict(Message::StoreMovedToPostgres {
        path: dir.display().to_string(),
        database: marker
            .and_then(|m| m.database)
            .unwrap_or_else(|| "?".to_string()),
        marker: MARKER_FILE.to_string(),
    }))
}

/// What opening the register with a folder does with it, when it is not
/// refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataDirIdentity {
    /// The folder holds this register's marker.
    Marked,
    /// The folder gets this register's marker (a new register, or the
    /// first use after the upgrade).
    Adopted,
}

/// What the folder holds, as read before deciding.
struct Folder {
    marker: Option<Marker>,
    /// Any channel folder under `channels/` (snapshots, removal records).
    has_snapshots: bool,
}

fn read_folder(dir: &Path) -> Result<Folder> {
    let path = dir.join(MARKER_FILE);
    let marker = match std::fs::read(&path) {
        Ok(bytes) => Some(serde_json::from_slice::<Marker>(&bytes).map_err(|e| {
            StoreError::Integrity(Message::StorePgMarkerUnreadable {
                path: path.display().to_string(),
                detail: e.to_string(),
            })
        })?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(StoreError::io(
                ogonblick_model::messages::IoAction::Read,
                &path,
                e,
            ))
        }
    };
    let has_snapshots = match std::fs::read_dir(dir.join("channels")) {
        Ok(mut entries) => entries.next().is_some(),
        Err(_) => false,
    };
    Ok(Folder {
        marker,
        has_snapshots,
    })
}

/// The rules of the module documentation.
fn decide(
    address: &str,
    dir: &Path,
    id: Option<&str>,
    folder: &Folder,
    rows: Rows,
) -> Result<DataDirIdentity> {
    let path = dir.display().to_string();
    let register_has_snapshots = rows.any;
    // A marker naming this database for a register that has no id yet is
    // this register's own adoption, killed between the marker and the
    // commit: the folder is judged as if unmarked, and marked again. The
    // address is only text (two servers may both be `localhost`), so a
    // register with rows must also find its own folders there.
    let unfinished = |m: &Marker| {
        id.is_none()
            && m.database == Some(database_of(address))
            && (!rows.any || rows.one_in_folder)
    };
    let marker = folder.marker.as_ref().filter(|m| !unfinished(m));
    match (marker, id) {
        (Some(m), Some(id)) if m.register == id => Ok(DataDirIdentity::Marked),
        (Some(_), _) => Err(StoreError::Conflict(Message::StorePgDataDirOther {
            address: address.to_string(),
            path,
            marker: MARKER_FILE.to_string(),
        })),
        (None, Some(_)) => Err(StoreError::Conflict(Message::StorePgDataDirUnmarked {
            address: address.to_string(),
            path,
            marker: MARKER_FILE.to_string(),
        })),
        (None, None) if register_has_snapshots && !folder.has_snapshots => {
            Err(StoreError::Conflict(Message::StorePgDataDirUnmarked {
                address: address.to_string(),
                path,
                marker: MARKER_FILE.to_string(),
            }))
        }
        (None, None) if folder.has_snapshots && !register_has_snapshots => {
            Err(StoreError::Conflict(Message::StorePgDataDirForeign {
                address: address.to_string(),
                path,
                marker: MARKER_FILE.to_string(),
            }))
        }
        (None, None) => Ok(DataDirIdentity::Adopted),
    }
}

/// Gives the register in `tx` a new id (its `settings` row), writes the
/// folder's marker naming it, then commits; the id. A failed commit takes
/// the marker back: an id the database never got would make the folder
/// another register's.
pub(super) fn mark_and_commit(
    mut tx: postgres::Transaction<'_>,
    dir: &Path,
    address: &str,
) -> Result<String> {
    let id: String = tx
        .query_one(
            "INSERT INTO settings (key, value) VALUES ($1, to_jsonb(gen_random_uuid()::TEXT))
             RETURNING value #>> '{}'",
            &[&ID_KEY],
        )?
        .get(0);
    let marker = dir.join(MARKER_FILE);
    write_json_atomic(
        &marker,
        &Marker {
            register: id.clone(),
            database: Some(database_of(address)),
        },
    )?;
    if let Err(e) = tx.commit() {
        let _ = std::fs::remove_file(&marker);
        return Err(e.into());
    }
    Ok(id)
}

fn register_id(tx: &mut impl postgres::GenericClient) -> Result<Option<String>> {
    Ok(tx
        .query_opt(
            "SELECT value #>> '{}' FROM settings WHERE key = $1",
            &[&ID_KEY],
        )?
        .map(|r| r.get(0)))
}

/// What the register's rows say of a folder.
#[derive(Debug, Clone, Copy)]
struct Rows {
    /// The register has snapshots or removal records.
    any: bool,
    /// One of the first few of their folders is in the folder.
    one_in_folder: bool,
}

fn rows(tx: &mut impl postgres::GenericClient, dir: &Path) -> Result<Rows> {
    let folders = tx.query(
        "(SELECT folder FROM snapshots ORDER BY folder LIMIT 5)
         UNION ALL (SELECT folder FROM removals ORDER BY folder LIMIT 5)",
        &[],
    )?;
    Ok(Rows {
        any: !folders.is_empty(),
        one_in_folder: folders
            .iter()
            .any(|r| dir.join(r.get::<_, &str>(0)).is_dir()),
    })
}

impl PgRegister {
    /// The register's id, once it has been given a data directory.
    pub fn register_id(&self) -> Result<Option<String>> {
        register_id(&mut *self.client())
    }

    /// What [`PgRegister::with_data_dir`] would do with `dir`, or its
    /// refusal; writes nothing (for a check of the connection).
    pub fn check_data_dir(&self, dir: &Path) -> Result<DataDirIdentity> {
        let folder = read_folder(dir)?;
        let mut client = self.client();
        let id = register_id(&mut *client)?;
        let rows = rows(&mut *client, dir)?;
        decide(&self.address, dir, id.as_deref(), &folder, rows)
    }

    /// Checks `dir` and, for a folder it adopts, writes the register's id
    /// (once) and the marker, under a lock that other desktops opening the
    /// register take too.
    pub(super) fn claim_data_dir(&self, dir: &Path) -> Result<DataDirIdentity> {
        let mut client = self.client();
        let mut tx = client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK])?;
        let folder = read_folder(dir)?;
        let id = register_id(&mut tx)?;
        let rows = rows(&mut tx, dir)?;
        let found = decide(&self.address, dir, id.as_deref(), &folder, rows)?;
        if found == DataDirIdentity::Marked {
            return Ok(found);
        }
        mark_and_commit(tx, dir, &self.address)?;
        Ok(found)
    }
}
