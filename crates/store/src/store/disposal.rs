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
//! holds `locks/dispose.lock`, and an open leaves the log alone while another
//! program holds it.

use ogonblick_model::Message;
use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use ogonblick_model::{
    AuditEvent, ChannelId, DisposalLogEntry, DisposalLogLine, DisposedFile, DisposedKind,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::reindex::ReindexReport;
use super::{retry_busy, ts, Store};
use crate::fsutil::{list_files, sync_dir, LockFile};
use crate::{Result, StoreError};
use ogonblick_model::fixity::sha256_file;

/// The prefix of a folder being disposed of, under `staging/`.
pub(crate) const STAGING_PREFIX: &str = "dispose-";

impl Store {
    fn log_path(&self) -> PathBuf {
        self.data_dir.join(DisposalLogLine::FILE_NAME)
    }

    /// Takes the lock of a disposal run (`None`: another program holds it).
    pub fn disposal_lock(&self) -> Result<Option<LockFile>> {
        let dir = self.data_dir.join("locks");
        fs::create_dir_all(&dir).map_err(|e| StoreError::io("create", &dir, e))?;
        LockFile::try_acquire(&dir.join("dispose.lock"))
    }

    /// The folder of a document, from its kind, channel and id.
    fn item_dir(&self, e: &DisposalLogEntry) -> PathBuf {
        match e.item_kind {
            DisposedKind::Snapshot => self.snapshot_dir(e.channel_id, &e.item_id),
            DisposedKind::Removal => self.removal_dir(e.channel_id, &e.item_id),
        }
    }

    fn staged_dir(&self, disposal_id: &str) -> PathBuf {
        self.data_dir
            .join("staging")
            .join(format!("{STAGING_PREFIX}{disposal_id}"))
    }

    /// Disposes of one snapshot or removal record (see the module
    /// documentation for the order). `entry` says what and why; its `files`
    /// are filled in here from the folder (name, size, SHA-256 of each file
    /// as it is deleted). Hold the run's lock ([`Store::disposal_lock`]).
    pub fn dispose(&self, mut entry: DisposalLogEntry) -> Result<DisposalLogEntry> {
        check_name(&entry.disposal_id)?;
        let folder = match entry.item_kind {
            DisposedKind::Snapshot => {
                let (s, f) = self.snapshot(&entry.item_id)?;
                (s.channel_id == entry.channel_id).then_some(f)
            }
            DisposedKind::Removal => {
                let (v, f) = self.removal(&entry.item_id)?;
                (v.first().map(|r| r.channel_id) == Some(entry.channel_id)).then_some(f)
            }
        };
        let folder = folder.ok_or_else(|| {
            StoreError::Invalid(Message::StoreDisposalOtherChannel {
                kind: entry.item_kind.to_string(),
                id: entry.item_id.clone(),
                channel: entry.channel_id,
            })
        })?;
        if folder != self.item_dir(&entry) {
            return Err(StoreError::Integrity(Message::StoreDisposalWrongFolder {
                kind: entry.item_kind.to_string(),
                id: entry.item_id.clone(),
                folder: folder.display().to_string(),
            }));
        }
        entry.files = Vec::new();
        if folder.is_dir() {
            for name in list_files(&folder)? {
                let path = name.split('/').fold(folder.clone(), |acc, c| acc.join(c));
                let (sha256, size) =
                    sha256_file(&path).map_err(|e| StoreError::io("read", &path, e))?;
                entry.files.push(DisposedFile {
                    name: format!("{}/{name}", self.relative(&folder)),
                    size,
                    sha256,
                });
            }
        }
        // 1. The intent.
        self.append_log(&DisposalLogLine::Begun {
            entry: entry.clone(),
        })?;
        // 2. Out of the store in one step.
        let staged = self.staged_dir(&entry.disposal_id);
        if folder.is_dir() {
            if let Err(e) = fs::rename(&folder, &staged) {
                self.append_log(&DisposalLogLine::RolledBack {
                    disposal_id: entry.disposal_id.clone(),
                })?;
                return Err(StoreError::io("move out of the store", &folder, e));
            }
            if let Some(p) = folder.parent() {
                sync_dir(p)?;
            }
            sync_dir(&self.data_dir.join("staging"))?;
        }
        // 3. The rows, the log row and the audit entry.
        if let Err(e) = retry_busy(|| self.commit_disposal(&entry)) {
            // Nothing in the register changed: put the folder back.
            if staged.is_dir() && fs::rename(&staged, &folder).is_ok() {
                let _ = self.append_log(&DisposalLogLine::RolledBack {
                    disposal_id: entry.disposal_id.clone(),
                });
            }
            return Err(e);
        }
        // 4. and 5.
        self.finish_files(&entry.disposal_id)?;
        Ok(entry)
    }

    fn commit_disposal(&self, entry: &DisposalLogEntry) -> Result<()> {
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
        match entry.item_kind {
            DisposedKind::Snapshot => {
                let channel: Option<ChannelId> = tx
                    .query_row(
                        "SELECT channel_id FROM snapshots WHERE id = ?1",
                        [&entry.item_id],
                        |r| r.get(0),
                    )
                    .optional()?;
                tx.execute("DELETE FROM snapshots WHERE id = ?1", [&entry.item_id])?;
                if let Some(channel) = channel {
                    super::summary_rows::refresh_channel(&tx, channel)?;
                }
            }
            DisposedKind::Removal => {
                tx.execute(
                    "DELETE FROM removal_versions WHERE removal_id = ?1",
                    [&entry.item_id],
                )?;
                tx.execute("DELETE FROM removals WHERE id = ?1", [&entry.item_id])?;
            }
        }
        insert_log_row(&tx, entry)?;
        self.audit_in(
            &tx,
            self.clock.now(),
            &entry.disposed_by,
            Some(entry.channel_id),
            AuditEvent::ItemDisposed {
                item_kind: entry.item_kind,
                item_id: entry.item_id.clone(),
                disposal_id: entry.disposal_id.clone(),
                decision: entry.decision.clone(),
                files: entry.files.len() as u32,
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes the staged folder and appends `done`.
    fn finish_files(&self, disposal_id: &str) -> Result<()> {
        let staged = self.staged_dir(disposal_id);
        match fs::remove_dir_all(&staged) {
            Ok(()) => sync_dir(&self.data_dir.join("staging"))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::io("delete", &staged, e)),
        }
        self.append_log(&DisposalLogLine::Done {
            disposal_id: disposal_id.to_string(),
        })
    }

    /// Appends one line to `disposal-log.jsonl` and syncs it; a line a crash
    /// left without its end is ended first, so it cannot swallow this one.
    fn append_log(&self, line: &DisposalLogLine) -> Result<()> {
        let path = self.log_path();
        let mut f = OpenOptions::new()
            .create(true)
            .read(true)
            .append(true)
            .open(&path)
            .map_err(|e| StoreError::io("open", &path, e))?;
        let len = f
            .metadata()
            .map_err(|e| StoreError::io("read", &path, e))?
            .len();
        let mut buf = Vec::new();
        if len > 0 {
            let mut last = [0u8; 1];
            f.seek(SeekFrom::Start(len - 1))
                .and_then(|_| f.read_exact(&mut last))
                .map_err(|e| StoreError::io("read", &path, e))?;
            if last[0] != b'\n' {
                buf.push(b'\n');
            }
        }
        buf.extend_from_slice(serde_json::to_string(line)?.as_bytes());
        buf.push(b'\n');
        f.write_all(&buf)
            .map_err(|e| StoreError::io("append to", &path, e))?;
        f.sync_all().map_err(|e| StoreError::io("sync", &path, e))?;
        if len == 0 {
            sync_dir(&self.data_dir)?;
        }
        Ok(())
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
        let path = self.log_path();
        if !path.exists() {
            return Ok(());
        }
        let open: Vec<DisposalLogEntry> = read_log(&path)?
            .0
            .into_iter()
            .filter(|(_, state)| state.is_none())
            .map(|(e, _)| e)
            .collect();
        if open.is_empty() {
            return Ok(());
        }
        let Some(_lock) = self.disposal_lock()? else {
            return Ok(());
        };
        for entry in open {
            let staged = self.staged_dir(&entry.disposal_id);
            let logged: bool = self.conn().query_row(
                "SELECT EXISTS(SELECT 1 FROM disposal_log WHERE disposal_id = ?1)",
                [&entry.disposal_id],
                |r| r.get(0),
            )?;
            if !logged && !staged.exists() && self.item_dir(&entry).is_dir() {
                // Killed before the folder moved: nothing changed.
                self.append_log(&DisposalLogLine::RolledBack {
                    disposal_id: entry.disposal_id.clone(),
                })?;
                continue;
            }
            self.commit_disposal(&entry)?;
            self.finish_files(&entry.disposal_id)?;
        }
        Ok(())
    }
}

/// The entries of the log file, in the order they began, each with its end
/// (`Some(true)` done, `Some(false)` rolled back, `None` open); and the
/// warnings of unreadable lines.
type LogState = Vec<(DisposalLogEntry, Option<bool>)>;

fn read_log(path: &Path) -> Result<(LogState, Vec<Message>)> {
    let text = fs::read(path).map_err(|e| StoreError::io("read", path, e))?;
    let text = String::from_utf8_lossy(&text);
    let mut order: Vec<DisposalLogEntry> = Vec::new();
    let mut end: HashMap<String, bool> = HashMap::new();
    let mut warnings = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<DisposalLogLine>(line) {
            Ok(DisposalLogLine::Begun { entry }) => {
                if !order.iter().any(|e| e.disposal_id == entry.disposal_id) {
                    order.push(entry);
                }
            }
            Ok(DisposalLogLine::Done { disposal_id }) => {
                end.insert(disposal_id, true);
            }
            Ok(DisposalLogLine::RolledBack { disposal_id }) => {
                end.entry(disposal_id).or_insert(false);
            }
            Err(e) => warnings.push(Message::ReindexAuditLine {
                path: path.display().to_string(),
                line: i as u64 + 1,
                detail: e.to_string(),
            }),
        }
    }
    let state = order
        .into_iter()
        .map(|e| {
            let s = end.get(&e.disposal_id).copied();
            (e, s)
        })
        .collect();
    Ok((state, warnings))
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

fn check_name(id: &str) -> Result<()> {
    let ok = !id.is_empty()
        && id.len() <= 100
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(StoreError::Invalid(Message::StoreBadDisposalId {
            id: id.to_string(),
        }))
    }
}
