//! `ogonblick migrate` and the processes that write to the SQLite register
//! it moves (issue 15's review): the move takes SQLite's write lock (an
//! IMMEDIATE transaction, which every writer of the register takes too) and
//! holds it until the target has committed, so nothing written to the local
//! register meanwhile is left behind; and it is refused while another
//! process is at work with the register: a capture's claim of a channel
//! whose lease has not run out (`channel_claims`), or a lock file a running
//! process holds (a capture's staging folder, an import, a disposal, a
//! removal record's files); and while another process has the register
//! open at all (the opener's shared lock, `store/open_lock.rs`), which
//! would go on writing SQLite after the move.

use std::path::Path;

use ogonblick_model::{Message, Timestamp};
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::fsutil::LockFile;
use crate::store::{ts, OpenLock};
use crate::{Result, StoreError};

/// The folders whose `*.lock` files running processes hold.
const LOCK_FOLDERS: &[&str] = &["staging", "imports", "locks"];

/// The register's open lock, held exclusively for the move: refused
/// (`store-pg-migrate-open`) while any other process has it open.
pub(super) fn hold_alone(data_dir: &Path) -> Result<OpenLock> {
    OpenLock::try_exclusive(data_dir)?.ok_or_else(|| {
        StoreError::Conflict(Message::StorePgMigrateOpen {
            path: data_dir.display().to_string(),
        })
    })
}

/// The source's transaction holding the write lock, once no other process
/// is at work with it at `now`; `store-pg-migrate-busy` otherwise.
pub(super) fn hold_idle<'c>(
    source: &'c mut Connection,
    data_dir: &Path,
    now: Timestamp,
) -> Result<Transaction<'c>> {
    let busy = |what: String| {
        StoreError::Conflict(Message::StorePgMigrateBusy {
            path: data_dir.display().to_string(),
            what,
        })
    };
    let tx = match source.transaction_with_behavior(TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {
            return Err(busy(crate::DB_FILE_NAME.to_string()))
        }
        Err(e) => return Err(e.into()),
    };
    let mut held: Vec<String> = Vec::new();
    let mut claims = tx.prepare(
        "SELECT channel_id FROM channel_claims WHERE expires_at > ?1 ORDER BY channel_id",
    )?;
    for id in claims.query_map([ts(&now)], |r| r.get::<_, i64>(0))? {
        held.push(format!("channel_claims {}", id?));
    }
    drop(claims);
    for folder in LOCK_FOLDERS {
        let Ok(entries) = std::fs::read_dir(data_dir.join(folder)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".lock"))
            .filter(|e| LockFile::is_held(&e.path()))
            .map(|e| format!("{folder}/{}", e.file_name().to_string_lossy()))
            .collect();
        names.sort();
        held.extend(names);
    }
    if !held.is_empty() {
        return Err(busy(held.join(", ")));
    }
    Ok(tx)
}
