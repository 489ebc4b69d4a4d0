//! Disposal (*gallring*) of one document at a time, crash-safe, and the
//! disposal log (*gallringsprotokoll*) that keeps what was disposed of for
//! ever: `disposal-log.jsonl` (append-only) mirrored in the `disposal_log`
//! table.
//!
//! The order, so that a document is gone with all its files or kept whole:
//! 1. the intent (`begun`, with every file's name, size and SHA-256) is
//!    appended to the log file and synced;
//! 2. the document's folder is renamed into `staging/dispose-<disposal-id>/`
//!    (atomic: it leaves the store in one step);
//! 3. one transaction deletes its rows, inserts the log row and the audit
//!    entry;
//! 4. the staged folder is deleted;
//! 5. `done` is appended.
//!
//! The next open ([`Store::finish_disposals`]) reads the intents without an
//! end: one whose folder never moved is rolled back (`rolled-back`; nothing
//! had changed), any other is finished (steps 3–5, each idempotent). A run
//! holds `locks/dispose.lock` (on PostgreSQL an advisory lock of the
//! register, `pg/disposal.rs`), and an open leaves the log alone while
//! another program holds it. A removal record's disposal also holds the
//! record's lock (the one a new version takes) from the hashing through
//! step 3; a write into an existing folder (a version, a token) refuses
//! when the folder has gone, so it never brings a moved folder back. The
//! files' side (`disposal_files.rs`) is the same on both backends; step 3
//! is the register's ([`DisposalRows`]).

use std::path::Path;

use ogonblick_model::{AuditEvent, DisposalLogEntry, DisposalLogLine, DisposedKind, Message};
use rusqlite::{params, Connection, Transaction, TransactionBehavior};

use super::disposal_files::{
    check_name, dispose_in, finish_open, lock_file, read_log, DisposalRows,
};
use super::reindex::ReindexReport;
use super::{retry_busy, ts, Store};
use crate::fsutil::LockFile;
use crate::{Result, StoreError};

/// The prefix of a folder being disposed of, under `staging/`.
pub(crate) const STAGING_PREFIX: &str = "dispose-";

impl Store {
    /// Takes the lock of a disposal run (`None`: another program holds it).
    pub fn disposal_lock(&self) -> Result<Option<LockFile>> {
        lock_file(&self.data_dir)
    }

    /// Disposes of one snapshot or removal record (see the module
    /// documentation for the order). `entry` says what and why; its `files`
    /// are filled in here from the folder (name, size, SHA-256 of each file
    /// as it is deleted). Hold the run's lock ([`Store::disposal_lock`]).
    pub fn dispose(&self, entry: DisposalLogEntry) -> Result<DisposalLogEntry> {
        check_name(&entry.disposal_id)?;
        let folder = match entry.item_kind {
            DisposedKind::Snapshot => {
                let (s, f) = self.snapshot(&entry.item_id)?;
                (s.channel_id == entry.channel_id).then_some(f)
            }
            DisposedKind::Removal => {
                let (v, f) = self.removal(&entry.item_id)?;
                (v.first().map(|r| r.channel_id) == Some(entry.channel_id))
                    .then(|| self.folder_path(&f))
                    .transpose()?
            }
        };
        dispose_in(&self.data_dir, self, entry, folder)
    }

    /// The disposal log, oldest first.
    pub fn disposal_log(&self) -> Result<Vec<DisposalLogEntry>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT entry FROM disposal_log ORDER BY seq")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for json in rows {
            out.push(serde_json::from_str(&json?)?);
        }
        Ok(out)
    }

    /// Finishes or rolls back the disposals a killed process left (see the
    /// module documentation). Cheap when there are none: one read of the
    /// log file. Left alone while another program's run holds the lock.
    pub(crate) fn finish_disposals(&self) -> Result<()> {
        finish_open(&self.data_dir, self, || lock_file(&self.data_dir))
    }
}

impl DisposalRows for Store {
    fn commit_disposal(&self, entry: &DisposalLogEntry) -> Result<()> {
        retry_busy(|| self.commit_disposal_once(entry))
    }

    fn is_logged(&self, disposal_id: &str) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS(SELECT 1 FROM disposal_log WHERE disposal_id = ?1)",
            [disposal_id],
            |r| r.get(0),
        )?)
    }
}

impl Store {
    fn commit_disposal_once(&self, entry: &DisposalLogEntry) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let logged: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM disposal_log WHERE disposal_id = ?1)",
            [&entry.disposal_id],
            |r| r.get(0),
        )?;
        if logged {
            return Ok(());
        }
        let deleted = match entry.item_kind {
            DisposedKind::Snapshot => {
                tx.execute(
                    "DELETE FROM snapshot_timestamps WHERE snapshot_id = ?1",
                    [&entry.item_id],
                )?;
                let n = tx.execute(
                    "DELETE FROM snapshots WHERE id = ?1 AND channel_id = ?2",
                    params![entry.item_id, entry.channel_id],
                )?;
                super::summary_rows::refresh_channel(&tx, entry.channel_id)?;
                n
            }
            DisposedKind::Removal => {
                tx.execute(
                    "DELETE FROM removal_versions WHERE removal_id = ?1",
                    [&entry.item_id],
                )?;
                tx.execute(
                    "DELETE FROM removals WHERE id = ?1 AND channel_id = ?2",
                    params![entry.item_id, entry.channel_id],
                )?
            }
        };
        if deleted == 0 {
            return Err(gone(entry));
        }
        insert_log_row(&tx, entry)?;
        self.audit_in(
            &tx,
            self.clock.now(),
            &entry.disposed_by,
            Some(entry.channel_id),
            disposed_event(entry),
        )?;
        tx.commit()?;
        Ok(())
    }
}

/// The audit event of a disposal (`dispose.item`).
pub(crate) fn disposed_event(entry: &DisposalLogEntry) -> AuditEvent {
    AuditEvent::ItemDisposed {
        item_kind: entry.item_kind,
        item_id: entry.item_id.clone(),
        disposal_id: entry.disposal_id.clone(),
        decision: entry.decision.clone(),
        files: entry.files.len() as u32,
    }
}

/// The refusal of a disposal whose item is no longer in the register
/// (another run disposed of it first).
pub(crate) fn gone(entry: &DisposalLogEntry) -> StoreError {
    let id = entry.item_id.clone();
    StoreError::NotFound(match entry.item_kind {
        DisposedKind::Snapshot => Message::StoreNoSnapshot { id },
        DisposedKind::Removal => Message::StoreNoRemoval { id },
    })
}

fn insert_log_row(conn: &Connection, e: &DisposalLogEntry) -> Result<()> {
    conn.execute(
        "INSERT INTO disposal_log (disposal_id, item_id, disposed_at, entry) VALUES (?1, ?2, ?3, ?4)",
        params![
            e.disposal_id,
            e.item_id,
            ts(&e.disposed_at),
            serde_json::to_string(e)?
        ],
    )?;
    Ok(())
}

/// The disposal log table from `disposal-log.jsonl`, for `reindex`: every
/// disposal that was done (an open one is finished by the next open).
pub(crate) fn restore_disposal_log(
    tx: &Transaction<'_>,
    data_dir: &Path,
    report: &mut ReindexReport,
) -> Result<()> {
    let path = data_dir.join(DisposalLogLine::FILE_NAME);
    if !path.exists() {
        return Ok(());
    }
    let (state, warnings) = read_log(&path)?;
    report.warnings.extend(warnings);
    for (e, s) in state {
        if s == Some(true) {
            insert_log_row(tx, &e)?;
        }
    }
    Ok(())
}
