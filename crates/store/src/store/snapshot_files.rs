//! The files' side of a snapshot's commit, the same on SQLite and
//! PostgreSQL: a staging folder of the capture's own ([`begin_in`]), the
//! verified move into the final folder ([`place_in`]: every file's size and
//! SHA-256, `snapshot.json`, the timestamp manifest and state, fsync,
//! rename), throwing it away ([`Staging::discard`]), and what an open
//! removes of the staging folders a killed capture left ([`clean_staging_in`]).
//! The row, the last step, is each backend's; [`commit_unrecorded`] says what to do
//! when it fails (the folder is complete: the next open or `reindex`
//! records it).
//!
//! Several desktops may share the data directory (issue 15), and an OS lock
//! taken on one machine is not always seen on another through a network
//! share. So a staging folder's name carries its writer,
//! `staging/<snapshot-id>@<host>.<pid>.<nonce>` ([`owner`]), two desktops
//! never write the same staging name, and an open removes only staging
//! folders of its own machine whose lock nobody holds; another machine's
//! are left to that machine's next open.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ogonblick_model::{
    Channel, ChannelId, FileRecord, Message, Snapshot, SnapshotManifest, SnapshotTimestamp,
    TimestampSettings,
};

use super::disposal::STAGING_PREFIX;
use super::snapshots::{check_relative_path, check_snapshot_consistency, check_snapshot_id};
use super::{channel_dir, relative_to, BUSY_RETRY_FOR};
use crate::fsutil::{self, sync_dir, sync_tree, write_json_atomic, LockFile};
use crate::{Result, StoreError};
use ogonblick_model::fixity::sha256_file;
use ogonblick_model::messages::IoAction;

/// A snapshot being captured: a fresh directory under `staging/` that only
/// this capture writes to, named for this process ([`owner`]). Hand it to
/// the register's `commit_snapshot` or `discard`. While it lives, an OS
/// lock on its `.lock` file keeps other processes from removing it.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    lock: Option<LockFile>,
    channel_id: ChannelId,
    snapshot_id: String,
}

impl Staging {
    /// The directory the capture writes its files into.
    pub fn path(&self) -> &Path {
        &self.dir
    }
    pub fn channel_id(&self) -> ChannelId {
        self.channel_id
    }
    pub fn snapshot_id(&self) -> &str {
        &self.snapshot_id
    }
    pub(crate) fn release(&mut self) {
        self.lock.take();
    }

    /// Throws the staging folder away.
    pub(crate) fn discard(mut self) -> Result<()> {
        let r = fs::remove_dir_all(&self.dir);
        self.release();
        match r {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StoreError::io(IoAction::Remove, &self.dir, e)),
        }
    }
}

/// Who writes a staging folder: `<host>.<pid>.<nonce>`, the host's name
/// with anything but letters, digits and `-` made `-`, the process id and
/// a number of this process's start (two machines of one name, or a pid
/// used again, still differ).
pub fn owner() -> &'static str {
    static OWNER: OnceLock<String> = OnceLock::new();
    OWNER.get_or_init(|| {
        let nonce = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        format!("{}.{}.{nonce:x}", host(), std::process::id())
    })
}

/// This machine's name, as a staging name may hold it.
fn host() -> String {
    let name = fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_default();
    let clean: String = name
        .trim()
        .chars()
        .take(40)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if clean.is_empty() {
        "host".into()
    } else {
        clean
    }
}

/// The staging folder's name of `snapshot_id` written by `owner`.
fn staging_name(snapshot_id: &str, owner: &str) -> String {
    format!("{snapshot_id}@{owner}")
}

/// Starts a snapshot in `data_dir`: refused when its final folder exists
/// (`StoreSnapshotExists`) or another capture of this process holds its
/// staging lock; the caller has checked the channel and the row.
pub(crate) fn begin_in(
    data_dir: &Path,
    channel_id: ChannelId,
    snapshot_id: &str,
) -> Result<Staging> {
    check_snapshot_id(snapshot_id)?;
    if final_dir(data_dir, channel_id, snapshot_id).exists() {
        return Err(StoreError::Conflict(Message::StoreSnapshotExists {
            id: snapshot_id.to_string(),
        }));
    }
    let staging = data_dir.join("staging");
    let name = staging_name(snapshot_id, owner());
    let lock_path = staging.join(format!("{name}.lock"));
    let Some(lock) = LockFile::try_acquire(&lock_path)? else {
        return Err(StoreError::Conflict(Message::StoreSnapshotBusy {
            id: snapshot_id.to_string(),
        }));
    };
    let dir = staging.join(name);
    if dir.exists() {
        // Ours (this process's name), left by a capture of it that failed.
        fs::remove_dir_all(&dir).map_err(|e| StoreError::io(IoAction::Remove, &dir, e))?;
    }
    fs::create_dir(&dir).map_err(|e| StoreError::io(IoAction::Create, &dir, e))?;
    Ok(Staging {
        dir,
        lock: Some(lock),
        channel_id,
        snapshot_id: snapshot_id.to_string(),
    })
}

/// The final folder of a snapshot.
pub(crate) fn final_dir(data_dir: &Path, channel_id: ChannelId, snapshot_id: &str) -> PathBuf {
    channel_dir(data_dir, channel_id)
        .join("snapshots")
        .join(snapshot_id)
}

/// A snapshot folder in place, its row still to write.
pub(crate) struct Placed {
    /// Relative to the data directory, `/`-separated.
    pub folder: String,
    /// The stamping state written into it, when authorities are configured.
    pub stamping: Option<SnapshotTimestamp>,
}

/// Verifies and moves a snapshot into its final folder: every recorded
/// file must be in the staging folder with its recorded size and SHA-256,
/// and no other file; writes `snapshot.json` (with `channel`, the entry as
/// the register holds it), the timestamp manifest and, when `stamps` names
/// authorities, `timestamp.json`; fsyncs; renames. The staging lock is
/// kept until the caller has written the row (an open elsewhere that
/// records folders without a row leaves this one to it).
pub(crate) fn place_in(
    data_dir: &Path,
    staging: &Staging,
    snapshot: &Snapshot,
    channel: Channel,
    stamps: &TimestampSettings,
) -> Result<Placed> {
    if snapshot.id != staging.snapshot_id || snapshot.channel_id != staging.channel_id {
        return Err(StoreError::Invalid(Message::StoreStagingMismatch {
            id: snapshot.id.clone(),
            channel: snapshot.channel_id,
            staging_id: staging.snapshot_id.clone(),
            staging_channel: staging.channel_id,
        }));
    }
    check_snapshot_consistency(snapshot)?;
    let recorded = check_files(&staging.dir, snapshot)?;
    let manifest = SnapshotManifest {
        format: SnapshotManifest::FORMAT.to_string(),
        snapshot: snapshot.clone(),
        channel,
    };
    write_json_atomic(&staging.dir.join(SnapshotManifest::FILE_NAME), &manifest)?;
    // The manifest lists every recorded file (not snapshot.json); when
    // authorities are configured the snapshot is stored pending its
    // timestamp (the app asks for the tokens once it is in place).
    let manifest_sha = super::timestamps::write_manifest(&staging.dir, &recorded)?;
    let stamping = super::timestamps::new_state(stamps, &snapshot.id, &manifest_sha);
    if let Some(state) = &stamping {
        write_json_atomic(&staging.dir.join(SnapshotTimestamp::FILE_NAME), state)?;
    }
    sync_tree(&staging.dir)?;
    let final_dir = final_dir(data_dir, snapshot.channel_id, &snapshot.id);
    let parent = fsutil::create_parent(&final_dir)?;
    if final_dir.exists() {
        return Err(StoreError::Conflict(Message::StoreSnapshotFolderExists {
            path: final_dir.display().to_string(),
        }));
    }
    fs::rename(&staging.dir, &final_dir)
        .map_err(|e| StoreError::io(IoAction::MoveIntoStore, &final_dir, e))?;
    sync_dir(&parent)?;
    if let Some(ch) = parent.parent() {
        sync_dir(ch)?;
    }
    sync_dir(&data_dir.join("staging"))?;
    Ok(Placed {
        folder: relative_to(data_dir, &final_dir),
        stamping,
    })
}

/// The recorded files, each once, each in `dir` with its size and SHA-256,
/// and nothing else there.
fn check_files<'a>(dir: &Path, snapshot: &'a Snapshot) -> Result<Vec<&'a FileRecord>> {
    let recorded = hash_recorded(dir, snapshot)?;
    let on_disk = fsutil::list_files(dir)?;
    let extra: Vec<&str> = on_disk
        .iter()
        .filter(|p| !recorded.iter().any(|r| &r.path == *p))
        .map(|s| s.as_str())
        .collect();
    if !extra.is_empty() {
        return Err(StoreError::Integrity(Message::StoreStagingExtra {
            files: extra.join(", "),
        }));
    }
    Ok(recorded)
}

/// The recorded files, each once, each in `dir` with its size and SHA-256
/// (the commit's check, and `ogonblick migrate`'s of a stored folder).
pub(crate) fn hash_recorded<'a>(dir: &Path, snapshot: &'a Snapshot) -> Result<Vec<&'a FileRecord>> {
    let mut recorded: Vec<&FileRecord> = Vec::new();
    for f in snapshot.all_files() {
        check_relative_path(&f.path)?;
        if recorded.iter().any(|r| r.path == f.path) {
            return Err(StoreError::Integrity(Message::StoreFileTwice {
                path: f.path.clone(),
            }));
        }
        recorded.push(f);
    }
    for f in &recorded {
        let path = dir.join(&f.path);
        if !path.is_file() {
            return Err(StoreError::Integrity(Message::StoreFileNotStaged {
                path: f.path.clone(),
                dir: dir.display().to_string(),
            }));
        }
        let (sha, size) =
            sha256_file(&path).map_err(|e| StoreError::io(IoAction::Read, &path, e))?;
        if size != f.size || !sha.eq_ignore_ascii_case(&f.sha256) {
            return Err(StoreError::Integrity(Message::StoreFileMismatch {
                path: f.path.clone(),
                size,
                sha256: sha,
                recorded_size: f.size,
                recorded_sha256: f.sha256.clone(),
            }));
        }
    }
    Ok(recorded)
}

/// The error of a commit whose folder is in place but whose row could not
/// be written: what happened, and that the folder is stored and complete
/// (the next open, or `ogonblick reindex`, records it).
pub(crate) fn commit_unrecorded(e: StoreError, folder: &str) -> StoreError {
    match e {
        StoreError::Busy => StoreError::Conflict(Message::StoreCommitBusy {
            minutes: BUSY_RETRY_FOR.as_secs() / 60,
            folder: folder.to_string(),
        }),
        StoreError::Conflict(m) => StoreError::Conflict(Message::StoreCommitConflict {
            cause: Box::new(m),
            folder: folder.to_string(),
        }),
        // A full disk or an unwritable database is the machine's
        // problem, not Ögonblick's: say what to do (exit 1, not 2).
        StoreError::DiskFull(what) => StoreError::DiskFull(format!(
            "{what} (the snapshot folder {folder} is stored and complete: once there is room, the next start of Ögonblick records it, or run `ogonblick reindex`)"
        )),
        StoreError::Io { action, path, source } => StoreError::Io {
            action,
            path,
            source: std::io::Error::new(
                source.kind(),
                format!(
                    "{source}; the snapshot folder {folder} is stored and complete: once there is room, run `ogonblick reindex` to record it"
                ),
            ),
        },
        other => StoreError::Integrity(Message::StoreCommitUnrecorded {
            folder: folder.to_string(),
            cause: Box::new(other.message()),
        }),
    }
}

/// Whether a capture may still be writing snapshot `snapshot_id`'s row:
/// a staging lock of it is held here, or another machine's lock file of
/// it is there (its lock may not be seen through the share; that machine's
/// next open removes the file if its capture died).
pub(crate) fn capture_in_progress(data_dir: &Path, snapshot_id: &str) -> bool {
    let staging = data_dir.join("staging");
    // Written before the writer's name was part of it.
    if LockFile::is_held(&staging.join(format!("{snapshot_id}.lock"))) {
        return true;
    }
    let prefix = format!("{snapshot_id}@");
    let Ok(entries) = fs::read_dir(&staging) else {
        return false;
    };
    entries.flatten().any(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(owner) = name
            .strip_prefix(&prefix)
            .and_then(|n| n.strip_suffix(".lock"))
        else {
            return false;
        };
        !same_host(owner) || LockFile::is_held(&e.path())
    })
}

/// Whether a staging name's writer is on this machine.
fn same_host(writer: &str) -> bool {
    let host_of = |o: &str| o.split('.').next().unwrap_or_default().to_string();
    host_of(writer) == host_of(owner())
}

/// How long another machine's staging folder may lie untouched before it
/// is taken for the leftover of a machine that never came back: a week.
/// A running capture writes its files into the folder all along, and no
/// capture runs for days.
pub(crate) const STALE_STAGING: std::time::Duration = std::time::Duration::from_secs(7 * 24 * 3600);

/// Whether neither `dir`, nor anything directly in it, nor `lock` (where
/// they exist) was modified within [`STALE_STAGING`] of `now`, the file
/// server's time ([`share_now`]).
fn untouched_since(dir: &Path, lock: &Path, now: std::time::SystemTime) -> bool {
    let modified = |p: &Path| fs::symlink_metadata(p).and_then(|m| m.modified()).ok();
    let inside = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.metadata().and_then(|m| m.modified()).ok());
    let latest = [modified(dir), modified(lock)]
        .into_iter()
        .flatten()
        .chain(inside)
        .max();
    latest.is_some_and(|t| now.duration_since(t).is_ok_and(|age| age > STALE_STAGING))
}

/// The time of the file server holding `staging`: the modification time of
/// a file written there now (then removed). File times are the server's,
/// and a server whose clock was reset would otherwise make every live
/// folder look years old. `None` when no file can be written there.
fn share_now(staging: &Path) -> Option<std::time::SystemTime> {
    let probe = staging.join(format!(".clock-{}", owner()));
    let written = fs::write(&probe, b"").and_then(|()| fs::metadata(&probe)?.modified());
    let _ = fs::remove_file(&probe);
    written.ok()
}

/// Removes the staging folders (and lock files) that a killed capture or
/// removal record of this machine left: those whose lock nobody holds.
/// Another machine's (`<id>@<writer>` of another host) are left alone while
/// they may be in use: its capture may be running, its lock unseen through
/// the share. Only when neither the folder nor its lock file was touched for
/// [`STALE_STAGING`] is it taken for the leftover of a machine that never
/// came back, and removed. A disposal's folder is finished by the open
/// (`disposal.rs`).
pub(crate) fn clean_staging_in(data_dir: &Path) -> Result<()> {
    let staging = data_dir.join("staging");
    let entries =
        fs::read_dir(&staging).map_err(|e| StoreError::io(IoAction::Read, &staging, e))?;
    let mut names: Vec<String> = Vec::new();
    for e in entries.flatten() {
        names.push(e.file_name().to_string_lossy().into_owned());
    }
    let mut now = None;
    for name in &names {
        let id = name.strip_suffix(".lock").unwrap_or(name);
        if id.starts_with(STAGING_PREFIX) || id.starts_with(".clock-") {
            continue;
        }
        let lock_path = staging.join(format!("{id}.lock"));
        if let Some((_, writer)) = id.split_once('@') {
            if !same_host(writer) {
                let now = *now.get_or_insert_with(|| share_now(&staging));
                if !now.is_some_and(|now| untouched_since(&staging.join(id), &lock_path, now)) {
                    continue;
                }
            }
        }
        if !LockFile::is_held(&lock_path) {
            let dir = staging.join(id);
            if dir.is_dir() {
                let _ = fs::remove_dir_all(&dir);
            } else if dir.exists() {
                let _ = fs::remove_file(&dir);
            }
            let _ = fs::remove_file(&lock_path);
        }
    }
    Ok(())
}

/// Reads snapshot folder `name` of channel `channel` for the register
/// (reindex, an open's recovery): its `snapshot.json` must describe this
/// folder and every file it names must be there with its size; otherwise
/// the `reindex-*` sentence that says why.
pub(crate) fn read_snapshot_folder(
    folder: &Path,
    channel: ChannelId,
) -> std::result::Result<SnapshotManifest, Message> {
    let mpath = folder.join(SnapshotManifest::FILE_NAME);
    let m = super::read_manifest(&mpath).map_err(|e| {
        e.message(&mpath, |detail| Message::ReindexManifestUnreadable {
            path: mpath.display().to_string(),
            detail,
        })
    })?;
    let name = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if m.snapshot.id != name || m.snapshot.channel_id != channel {
        return Err(Message::ReindexSnapshotElsewhere {
            path: mpath.display().to_string(),
            snapshot: m.snapshot.id.clone(),
            channel: m.snapshot.channel_id,
        });
    }
    match missing_file(folder, &m.snapshot) {
        Some(file) => Err(Message::ReindexSnapshotFileMissing {
            folder: folder.display().to_string(),
            file,
        }),
        None => Ok(m),
    }
}

/// The first file a snapshot names that is not in its folder with its
/// size.
pub(crate) fn missing_file(folder: &Path, s: &Snapshot) -> Option<String> {
    s.all_files().find_map(|f| {
        let p = f
            .path
            .split('/')
            .fold(folder.to_path_buf(), |acc, c| acc.join(c));
        match fs::metadata(&p) {
            Ok(md) if md.is_file() && md.len() == f.size => None,
            _ => Some(f.path.clone()),
        }
    })
}
