//! The [`Store`]: the register database plus the file tree beside it. The
//! submodules add its methods by seam: `channels.rs` (with the rows in
//! `channel_rows.rs`), `audit.rs`, `settings.rs`, `snapshots.rs` (the index alone in
//! `snapshot_index.rs`) and `reindex.rs`.

mod audit;
mod channel_logic;
mod channel_page;
mod channel_revision;
mod channel_rows;
mod channels;
mod channels_bulk;
mod claims;
mod diary;
mod disposal;
mod disposal_files;
mod marks;
mod open_lock;
mod org_units;
mod reindex;
mod removal_files;
mod removal_folders;
mod removal_grounds;
mod removals;
mod roles;
mod settings;
mod snapshot_files;
mod snapshot_index;
mod snapshots;
mod summary;
mod summary_rows;
mod timestamps;

use ogonblick_model::messages::IoAction;
use ogonblick_model::Message;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::SecondsFormat;
use ogonblick_model::{ChannelId, Clock, Timestamp};
use rusqlite::Connection;

use crate::{migrations, Result, StoreError};

pub(crate) use channel_logic::{apply_patch, check_revision, status_change, REVISION_ACTIONS};
pub(crate) use channel_rows::{
    changed_fields, channel_from_new, insert_channel_row, load_channels, next_channel_id,
    BRIEF_COLUMNS,
};
pub use channels::ChannelFilter;
pub(crate) use channels_bulk::ResponsibleChange;
pub use channels_bulk::ResponsibleEdit;
pub use claims::Claim;
pub(crate) use claims::{lease_end, CLAIM, LIST, RELEASE, RENEW};
pub(crate) use diary::{set_diary_number_with, DiaryRows};
pub(crate) use disposal::{disposed_event, gone};
pub(crate) use disposal_files::{dispose_in, finish_open, DisposalRows};
pub(crate) use marks::mark_change;
pub(crate) use open_lock::OpenLock;
pub use open_lock::OPEN_LOCK_FILE;
pub use org_units::OrgChange;
pub(crate) use org_units::{stored_org_units, PRUNE_ORG_ROWS};
pub use reindex::ReindexReport;
pub(crate) use removal_folders::read_removal_folder;
pub(crate) use removal_folders::unrecorded_removal_folders;
pub(crate) use removal_grounds::check_grounds;
pub(crate) use removals::{
    check_id, check_snapshot_evidence, follow_versions, own_folder, removal_being_written,
    removal_dir, removal_lock, removal_recorded, unrecorded, write_removal_folder, write_versions,
};
pub use removals::{sniff_screenshot, SuppliedSource, MAX_SUPPLIED_FILE};
pub use roles::ROLES_FILE;
pub(crate) use roles::{check_administrator, role_writes};
pub use snapshot_files::owner as staging_owner;
pub use snapshot_files::Staging;
pub(crate) use snapshot_files::{
    begin_in, capture_in_progress, clean_staging_in, commit_unrecorded, hash_recorded,
    missing_file, place_in, read_snapshot_folder,
};
pub(crate) use snapshot_index::stored_event;
pub(crate) use snapshots::{
    check_snapshot_consistency, check_snapshot_folder, check_snapshot_id, insert_snapshot_row,
    read_manifest, relative_to, snapshot_folder,
};
pub use summary::{ChannelHistorySummary, LatestGood, SnapshotBrief, SnapshotLine};
pub(crate) use summary_rows::{refresh_all, refresh_channel};
pub use timestamps::TSA_CA_DIR;
pub(crate) use timestamps::{
    add_token, read_state, record_failure, restore_state_row, Changed, StampRows, Token,
};

/// The database file name inside the data directory.
pub const DB_FILE_NAME: &str = "ogonblick.sqlite";
pub(crate) const AUDIT_FILE: &str = "audit.jsonl";
const SETTINGS_FILE: &str = "settings.json";
const CHANNEL_FILE: &str = "channel.json";
const REINDEX_TMP: &str = "ogonblick.sqlite.reindex-tmp";

/// The register and the file store of one data directory. `Send + Sync`:
/// the connection sits behind a mutex.
pub struct Store {
    data_dir: PathBuf,
    conn: Mutex<Connection>,
    clock: Arc<dyn Clock>,
    /// The shared lock of an opener (`open_lock.rs`), held while open;
    /// exclusive during a reindex.
    open: OpenLock,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("data_dir", &self.data_dir)
            .finish_non_exhaustive()
    }
}

pub(crate) fn ts(t: &Timestamp) -> String {
    t.to_rfc3339_opts(SecondsFormat::Nanos, true)
}

fn parse_ts(s: &str) -> rusqlite::Result<Timestamp> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&chrono::Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
}

fn parse_word<T: std::str::FromStr>(s: &str) -> rusqlite::Result<T>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    s.parse::<T>().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn open_connection(path: &Path, wal: bool) -> Result<Connection> {
    let conn = Connection::open(path).map_err(|e| match StoreError::from(e) {
        StoreError::Sqlite(e) => {
            StoreError::io(IoAction::Open, path, std::io::Error::other(e.to_string()))
        }
        other => other,
    })?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if wal {
        let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Environment(Message::StoreWalRefused {
                path: path.display().to_string(),
                mode,
            }));
        }
    } else {
        let _: String = conn.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0))?;
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// How long a statement waits for another program's write lock.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a write that must not be lost (the row of a stored snapshot)
/// keeps trying while another program holds the register's write lock.
pub(crate) const BUSY_RETRY_FOR: Duration = Duration::from_secs(120);

/// Runs `f` again, with growing pauses, while it fails because the register
/// is busy, for up to [`BUSY_RETRY_FOR`]. Each attempt already waits up to
/// the connection's busy timeout.
pub(crate) fn retry_busy<T>(mut f: impl FnMut() -> Result<T>) -> Result<T> {
    let start = std::time::Instant::now();
    let mut pause = Duration::from_millis(50);
    loop {
        match f() {
            Err(StoreError::Busy) if start.elapsed() < BUSY_RETRY_FOR => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_secs(2));
            }
            other => return other,
        }
    }
}

fn channel_dir(data_dir: &Path, id: ChannelId) -> PathBuf {
    data_dir.join("channels").join(id.to_string())
}

fn not_found(id: ChannelId) -> StoreError {
    StoreError::NotFound(Message::StoreNoChannel { id })
}

impl Store {
    /// Opens (creating if needed) the store in `data_dir`: creates the
    /// folders, applies migrations and removes stale staging folders left by
    /// crashed captures.
    /// A folder whose register moved to PostgreSQL is refused
    /// ([`crate::pg::refuse_if_shared`]). The store holds the register's
    /// shared open lock while open (`open_lock.rs`), which a move waits
    /// for; an open meeting a move or a rebuild under way waits for it to
    /// end, at most five minutes (then `store-open-busy`).
    pub fn open(data_dir: &Path, clock: Arc<dyn Clock>) -> Result<Store> {
        Store::open_waiting(data_dir, clock, open_lock::OPEN_WAIT)
    }

    /// [`Store::open`] waiting at most `wait` for a move or a rebuild under
    /// way (for tests; the programs wait five minutes).
    #[doc(hidden)]
    pub fn open_waiting(data_dir: &Path, clock: Arc<dyn Clock>, wait: Duration) -> Result<Store> {
        crate::pg::refuse_if_shared(data_dir)?;
        for d in [
            data_dir.to_path_buf(),
            data_dir.join("channels"),
            data_dir.join("staging"),
        ] {
            fs::create_dir_all(&d).map_err(|e| StoreError::io(IoAction::CreateFolder, &d, e))?;
        }
        // Then the marker again: a move that held the lock has written it.
        let open = OpenLock::shared(data_dir, wait)?;
        crate::pg::refuse_if_shared(data_dir)?;
        let mut conn = open_connection(&data_dir.join(DB_FILE_NAME), true)?;
        migrations::migrate(&mut conn)?;
        let store = Store {
            data_dir: data_dir.to_path_buf(),
            conn: Mutex::new(conn),
            clock,
            open,
        };
        store.clean_staging()?;
        let _ = fs::remove_file(data_dir.join(REINDEX_TMP));
        // Best effort: what is left undone now is tried again at the next
        // open, and `reindex` does the same from the files.
        let _ = store.recover();
        Ok(store)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave the connection in a
        // half state SQLite does not roll back, so a poisoned lock is usable.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` with the raw database connection (for crates that add their
    /// own queries; they must not write the tables this crate owns).
    pub fn with_connection<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        f(&self.conn())
    }

    /// Frees SQLite's page cache of the connection ([`Register::release_memory`]);
    /// does nothing while another thread holds the connection.
    ///
    /// [`Register::release_memory`]: crate::Register::release_memory
    pub fn release_memory(&self) {
        let conn = match self.conn.try_lock() {
            Ok(conn) => conn,
            // Usable after a panic, as in `conn`.
            Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return,
        };
        // Only unused pages are freed; a failure leaves the cache as it was.
        let _ = conn.release_memory();
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        migrations::version(&self.conn())
    }

    fn clean_staging(&self) -> Result<()> {
        clean_staging_in(&self.data_dir)
    }
}

#[allow(dead_code)]
fn _assert_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<Store>();
}
