//! The files' side of disposal (`disposal.rs` has the order), the same on
//! SQLite and PostgreSQL: the intent log `disposal-log.jsonl`, the move into
//! `staging/dispose-<disposal-id>/`, the deletion and `done` ([`dispose_in`]),
//! and the recovery of the intents a killed run left ([`finish_open`]).
//! Step 3, the register's transaction, is each backend's [`DisposalRows`].

use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use ogonblick_model::messages::IoAction;
use ogonblick_model::{DisposalLogEntry, DisposalLogLine, DisposedFile, DisposedKind, Message};

use super::channel_dir;
use super::disposal::STAGING_PREFIX;
use super::removals::removal_lock;
use crate::fsutil::{list_files, sync_dir, under, LockFile};
use crate::{Result, StoreError};
use ogonblick_model::fixity::sha256_file;

/// What a register does in step 3 (its rows, the log row and the audit
/// entry, one transaction) and what the recovery asks of it; the files'
/// side is the same on SQLite and PostgreSQL ([`dispose_in`],
/// [`finish_open`]).
pub(crate) trait DisposalRows {
    /// Step 3, idempotent: nothing when the disposal is logged already;
    /// `NotFound` (nothing written) when the item's row is gone.
    fn commit_disposal(&self, entry: &DisposalLogEntry) -> Result<()>;
    /// Whether the disposal's log row is in the register.
    fn is_logged(&self, disposal_id: &str) -> Result<bool>;
}

/// The folder of a document in `data_dir`, from its kind, channel and id.
pub(crate) fn item_dir(data_dir: &Path, e: &DisposalLogEntry) -> PathBuf {
    let kind = match e.item_kind {
        DisposedKind::Snapshot => "snapshots",
        DisposedKind::Removal => "removals",
    };
    channel_dir(data_dir, e.channel_id)
        .join(kind)
        .join(&e.item_id)
}

fn staged_dir(data_dir: &Path, disposal_id: &str) -> PathBuf {
    data_dir
        .join("staging")
        .join(format!("{STAGING_PREFIX}{disposal_id}"))
}

/// Takes the lock file of a disposal run in `data_dir` (`None`: another
/// program holds it).
pub(super) fn lock_file(data_dir: &Path) -> Result<Option<LockFile>> {
    let dir = data_dir.join("locks");
    fs::create_dir_all(&dir).map_err(|e| StoreError::io(IoAction::Create, &dir, e))?;
    LockFile::try_acquire(&dir.join("dispose.lock"))
}

/// Disposes of the document whose recorded folder is `folder` (`None`: it
/// is another channel's) in `data_dir`, with `rows` for step 3: the order
/// of the module documentation, on any register.
pub(crate) fn dispose_in(
    data_dir: &Path,
    rows: &impl DisposalRows,
    mut entry: DisposalLogEntry,
    folder: Option<PathBuf>,
) -> Result<DisposalLogEntry> {
    check_name(&entry.disposal_id)?;
    let folder = folder.ok_or_else(|| {
        StoreError::Invalid(Message::StoreDisposalOtherChannel {
            kind: entry.item_kind.to_string(),
            id: entry.item_id.clone(),
            channel: entry.channel_id,
        })
    })?;
    if folder != item_dir(data_dir, &entry) {
        return Err(StoreError::Integrity(Message::StoreDisposalWrongFolder {
            kind: entry.item_kind.to_string(),
            id: entry.item_id.clone(),
            folder: folder.display().to_string(),
        }));
    }
    // A removal record's writer (a new version) holds the record's lock
    // while it rewrites `removal.json` and inserts its row: held here from
    // the hashing through the register's step, the two cannot interleave.
    let _record = match entry.item_kind {
        DisposedKind::Removal => Some(wait_for_removal_lock(data_dir, &entry.item_id)?),
        DisposedKind::Snapshot => None,
    };
    entry.files = Vec::new();
    let present = folder.is_dir();
    if !present && open_intent_of(data_dir, &entry)? {
        // Another run has moved the folder and not finished yet: this one
        // would log the document without its files.
        return Err(StoreError::Conflict(Message::DisposeBusy {}));
    }
    if present {
        entry.files = hash_files(data_dir, &folder)?;
    }
    // 1. The intent.
    append_log(
        data_dir,
        &DisposalLogLine::Begun {
            entry: entry.clone(),
        },
    )?;
    let rolled_back = || {
        append_log(
            data_dir,
            &DisposalLogLine::RolledBack {
                disposal_id: entry.disposal_id.clone(),
            },
        )
    };
    // 2. Out of the store in one step.
    let staged = staged_dir(data_dir, &entry.disposal_id);
    let moved = present;
    if moved {
        let staging = data_dir.join("staging");
        fs::create_dir_all(&staging).map_err(|e| StoreError::io(IoAction::Create, &staging, e))?;
        if let Err(e) = fs::rename(&folder, &staged) {
            rolled_back()?;
            return Err(StoreError::io(IoAction::MoveOutOfStore, &folder, e));
        }
        if let Some(p) = folder.parent() {
            sync_dir(p)?;
        }
        sync_dir(&data_dir.join("staging"))?;
    }
    // 3. The rows, the log row and the audit entry.
    if let Err(e) = rows.commit_disposal(&entry) {
        // Refused: nothing in the register changed, so the folder goes
        // back. Any other error (the database's, a broken connection) may
        // have come after the commit: the intent stays open with the
        // folder in staging, and the next open settles it by the log row
        // ([`finish_open`]).
        if refused(&e) && (!moved || (staged.is_dir() && fs::rename(&staged, &folder).is_ok())) {
            let _ = rolled_back();
        }
        return Err(e);
    }
    // 4. and 5.
    finish_files(data_dir, &entry.disposal_id)?;
    Ok(entry)
}

/// Whether step 3 surely changed nothing: the register refused the
/// disposal (the item is gone, the input is wrong, another writer was in
/// the way) rather than failing in a way that leaves its commit unknown.
fn refused(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::NotFound(_)
            | StoreError::Invalid(_)
            | StoreError::Conflict(_)
            | StoreError::Busy
    )
}

/// Every file in `folder` with its size and SHA-256, named relative to
/// `data_dir`. A file renamed away while it is read (a writer's temporary
/// file, e.g. a timestamp token going into place) makes the listing start
/// again, a few times, then the disposal is refused with nothing changed.
fn hash_files(data_dir: &Path, folder: &Path) -> Result<Vec<DisposedFile>> {
    let relative = folder.strip_prefix(data_dir).unwrap_or(folder);
    let relative: Vec<_> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let mut tries = 0;
    'list: loop {
        let mut files = Vec::new();
        for name in list_files(folder)? {
            let path = under(folder, &name)?;
            let (sha256, size) = match sha256_file(&path) {
                Ok(h) => h,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && tries < 20 => {
                    tries += 1;
                    continue 'list;
                }
                Err(e) => return Err(StoreError::io(IoAction::Read, &path, e)),
            };
            files.push(DisposedFile {
                name: format!("{}/{name}", relative.join("/")),
                size,
                sha256,
            });
        }
        return Ok(files);
    }
}

/// The lock of removal record `id` ([`removal_lock`]), waited for a few
/// seconds while a writer holds it (a new version takes a moment), then
/// refused.
fn wait_for_removal_lock(data_dir: &Path, id: &str) -> Result<LockFile> {
    let mut tries = 0;
    loop {
        match removal_lock(data_dir, id) {
            Err(StoreError::Conflict(_)) if tries < 500 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            r => return r,
        }
    }
}

/// Whether the log file holds an intent without its end for the same
/// document under another disposal id.
fn open_intent_of(data_dir: &Path, entry: &DisposalLogEntry) -> Result<bool> {
    let path = data_dir.join(DisposalLogLine::FILE_NAME);
    if !path.exists() {
        return Ok(false);
    }
    Ok(read_log(&path)?.0.iter().any(|(e, end)| {
        end.is_none()
            && e.disposal_id != entry.disposal_id
            && e.item_kind == entry.item_kind
            && e.item_id == entry.item_id
    }))
}

/// Finishes or rolls back the disposals a killed process left in
/// `data_dir`, holding the run's lock (`lock`: `None` when another run
/// holds it, and then nothing is done).
pub(crate) fn finish_open<L>(
    data_dir: &Path,
    rows: &impl DisposalRows,
    lock: impl FnOnce() -> Result<Option<L>>,
) -> Result<()> {
    let path = data_dir.join(DisposalLogLine::FILE_NAME);
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
    let Some(_lock) = lock()? else {
        return Ok(());
    };
    for entry in open {
        let staged = staged_dir(data_dir, &entry.disposal_id);
        let logged = rows.is_logged(&entry.disposal_id)?;
        if !logged && !staged.exists() && item_dir(data_dir, &entry).is_dir() {
            // Killed before the folder moved: nothing changed.
            append_log(
                data_dir,
                &DisposalLogLine::RolledBack {
                    disposal_id: entry.disposal_id.clone(),
                },
            )?;
            continue;
        }
        match rows.commit_disposal(&entry) {
            Ok(()) => finish_files(data_dir, &entry.disposal_id)?,
            // Another run disposed of the item first: this one did nothing.
            Err(StoreError::NotFound(_)) if !staged.exists() => append_log(
                data_dir,
                &DisposalLogLine::RolledBack {
                    disposal_id: entry.disposal_id.clone(),
                },
            )?,
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Deletes the staged folder and appends `done`.
fn finish_files(data_dir: &Path, disposal_id: &str) -> Result<()> {
    let staged = staged_dir(data_dir, disposal_id);
    match fs::remove_dir_all(&staged) {
        Ok(()) => sync_dir(&data_dir.join("staging"))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(StoreError::io(IoAction::Remove, &staged, e)),
    }
    append_log(
        data_dir,
        &DisposalLogLine::Done {
            disposal_id: disposal_id.to_string(),
        },
    )
}

/// Appends one line to `disposal-log.jsonl` and syncs it; a line a crash
/// left without its end is ended first, so it cannot swallow this one.
fn append_log(data_dir: &Path, line: &DisposalLogLine) -> Result<()> {
    let path = data_dir.join(DisposalLogLine::FILE_NAME);
    let mut f = OpenOptions::new()
        .create(true)
        .read(true)
        .append(true)
        .open(&path)
        .map_err(|e| StoreError::io(IoAction::Open, &path, e))?;
    let len = f
        .metadata()
        .map_err(|e| StoreError::io(IoAction::Read, &path, e))?
        .len();
    let mut buf = Vec::new();
    if len > 0 {
        let mut last = [0u8; 1];
        f.seek(SeekFrom::Start(len - 1))
            .and_then(|_| f.read_exact(&mut last))
            .map_err(|e| StoreError::io(IoAction::Read, &path, e))?;
        if last[0] != b'\n' {
            buf.push(b'\n');
        }
    }
    buf.extend_from_slice(serde_json::to_string(line)?.as_bytes());
    buf.push(b'\n');
    f.write_all(&buf)
        .map_err(|e| StoreError::io(IoAction::AppendTo, &path, e))?;
    f.sync_all()
        .map_err(|e| StoreError::io(IoAction::Sync, &path, e))?;
    if len == 0 {
        sync_dir(data_dir)?;
    }
    Ok(())
}

/// The entries of the log file, in the order they began, each with its end
/// (`Some(true)` done, `Some(false)` rolled back, `None` open); and the
/// warnings of unreadable lines.
pub(super) type LogState = Vec<(DisposalLogEntry, Option<bool>)>;

pub(super) fn read_log(path: &Path) -> Result<(LogState, Vec<Message>)> {
    let text = fs::read(path).map_err(|e| StoreError::io(IoAction::Read, path, e))?;
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

pub(super) fn check_name(id: &str) -> Result<()> {
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
