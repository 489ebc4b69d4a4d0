//! Small file-system helpers: atomic writes, fsync of directories, hashing.

use ogonblick_model::messages::IoAction;
use ogonblick_model::Message;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Result, StoreError};

/// Writes `bytes` to `path` atomically: a temporary file in the same
/// directory, fsync, rename, fsync of the directory. The directory is
/// created when missing.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = parent(path)?;
    fs::create_dir_all(dir).map_err(|e| StoreError::io(IoAction::Create, dir, e))?;
    write_in(dir, path, bytes)
}

/// Writes `bytes` to `path` atomically in a folder that must exist (a
/// record's or snapshot's, which disposal may have moved away): refused
/// with `StoreFolderGone`, nothing written, when it is missing, so that a
/// late write never brings a disposed-of folder back.
pub fn write_atomic_existing(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = parent(path)?;
    let gone = || {
        StoreError::NotFound(Message::StoreFolderGone {
            folder: dir.display().to_string(),
        })
    };
    if !dir.is_dir() {
        return Err(gone());
    }
    match write_in(dir, path, bytes) {
        Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Err(gone())
        }
        r => r,
    }
}

fn parent(path: &Path) -> Result<&Path> {
    path.parent().ok_or_else(|| {
        StoreError::Invalid(Message::StoreNoParent {
            path: path.display().to_string(),
        })
    })
}

fn write_in(dir: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()));
    let result = (|| {
        let mut f = File::create(&tmp).map_err(|e| StoreError::io(IoAction::Create, &tmp, e))?;
        f.write_all(bytes)
            .map_err(|e| StoreError::io(IoAction::Write, &tmp, e))?;
        f.sync_all()
            .map_err(|e| StoreError::io(IoAction::Sync, &tmp, e))?;
        drop(f);
        fs::rename(&tmp, path).map_err(|e| StoreError::io(IoAction::RenameIntoPlace, path, e))?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Serialises `value` as pretty JSON (with a final newline) and writes it
/// atomically.
pub fn write_json_atomic<T: serde::Serialize>(path: &Path, value: &T) -> Result<()> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    write_atomic(path, &bytes)
}

/// [`write_json_atomic`] into a folder that must exist
/// ([`write_atomic_existing`]).
pub fn write_json_atomic_existing<T: serde::Serialize>(path: &Path, value: &T) -> Result<()> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    write_atomic_existing(path, &bytes)
}

/// fsync of a directory, so that a rename or create in it is durable. A no-op
/// where the platform cannot open directories (Windows).
pub fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let f = File::open(dir).map_err(|e| StoreError::io(IoAction::Open, dir, e))?;
        f.sync_all()
            .map_err(|e| StoreError::io(IoAction::Sync, dir, e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Appends one line (a `\n` is added) and fsyncs the file.
pub fn append_line(path: &Path, line: &str) -> Result<()> {
    let mut f = OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| StoreError::io(IoAction::Open, path, e))?;
    let mut buf = Vec::with_capacity(line.len() + 1);
    buf.extend_from_slice(line.as_bytes());
    buf.push(b'\n');
    f.write_all(&buf)
        .map_err(|e| StoreError::io(IoAction::AppendTo, path, e))?;
    f.sync_all()
        .map_err(|e| StoreError::io(IoAction::Sync, path, e))
}

/// fsyncs every file and directory under `dir` (depth first).
pub fn sync_tree(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir).map_err(|e| StoreError::io(IoAction::Read, dir, e))? {
        let entry = entry.map_err(|e| StoreError::io(IoAction::Read, dir, e))?;
        let path = entry.path();
        let ft = entry
            .file_type()
            .map_err(|e| StoreError::io(IoAction::Read, &path, e))?;
        if ft.is_dir() {
            sync_tree(&path)?;
        } else if ft.is_file() {
            let f = File::open(&path).map_err(|e| StoreError::io(IoAction::Open, &path, e))?;
            f.sync_all()
                .map_err(|e| StoreError::io(IoAction::Sync, &path, e))?;
        }
    }
    sync_dir(dir)
}

/// Every regular file under `dir`, as `/`-separated paths relative to it.
pub fn list_files(dir: &Path) -> Result<Vec<String>> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) -> Result<()> {
        for entry in fs::read_dir(dir).map_err(|e| StoreError::io(IoAction::Read, dir, e))? {
            let entry = entry.map_err(|e| StoreError::io(IoAction::Read, dir, e))?;
            let path = entry.path();
            let ft = entry
                .file_type()
                .map_err(|e| StoreError::io(IoAction::Read, &path, e))?;
            if ft.is_symlink() {
                return Err(StoreError::Integrity(Message::StoreSymlink {
                    path: path.display().to_string(),
                }));
            } else if ft.is_dir() {
                walk(base, &path, out)?;
            } else {
                let rel = path.strip_prefix(base).unwrap_or(&path);
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push(parts.join("/"));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort();
    Ok(out)
}

/// Flushes everything written under `dir` to the disk: on Linux one
/// `syncfs` of its filesystem (thousands of small files in one go), elsewhere
/// an fsync of every file and directory under it.
pub fn sync_all_under(dir: &Path) -> Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let f = File::open(dir).map_err(|e| StoreError::io(IoAction::Open, dir, e))?;
        // SAFETY: `f` is an open descriptor for the duration of the call.
        if unsafe { libc::syncfs(f.as_raw_fd()) } == 0 {
            return Ok(());
        }
        Err(StoreError::io(
            IoAction::Sync,
            dir,
            std::io::Error::last_os_error(),
        ))
    }
    #[cfg(not(target_os = "linux"))]
    sync_tree(dir)
}

/// An OS lock on a lock file that says "a process is working on this";
/// dropping it removes the file, then lets go of the lock. The lock dies
/// with its process, so a lock file nobody holds was left by a killed one.
#[derive(Debug)]
pub struct LockFile {
    path: std::path::PathBuf,
    file: Option<File>,
}

/// A lock file is held for as long as it is open.
impl crate::register::HeldLock for LockFile {
    fn check(&mut self) -> crate::Result<()> {
        Ok(())
    }
}

impl LockFile {
    /// Takes the lock, creating the file; `None` when another process holds
    /// it.
    pub fn try_acquire(path: &Path) -> Result<Option<LockFile>> {
        loop {
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(path)
                .map_err(|e| StoreError::io(IoAction::Create, path, e))?;
            if file.try_lock().is_err() {
                return Ok(None);
            }
            // The previous holder may have removed the file between our
            // open and our lock: then we hold a lock nobody else can see.
            if same_file(&file, path) {
                return Ok(Some(LockFile {
                    path: path.to_path_buf(),
                    file: Some(file),
                }));
            }
        }
    }

    /// Whether a process holds the lock on `path` (false when there is no
    /// such file).
    pub fn is_held(path: &Path) -> bool {
        match OpenOptions::new().write(true).open(path) {
            Ok(f) => f.try_lock().is_err(),
            Err(_) => false,
        }
    }
}

impl Drop for LockFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
        self.file.take();
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

/// Whether a directory listing's entry is a folder, as the listing gives
/// its type (no stat on most file systems: a stat a folder made 50,000 at
/// every open at 2,000/50,000, each a round trip on a network share) and
/// never through a link: a link in the data folder
/// (planted in a shared one, say) is never taken for a channel's, a
/// snapshot's or a removal record's folder.
pub(crate) fn is_folder(e: &fs::DirEntry) -> bool {
    e.file_type().is_ok_and(|t| t.is_dir())
}

/// Creates the folder `dir` is to be renamed into (its parent) and
/// returns it.
pub(crate) fn create_parent(dir: &Path) -> Result<std::path::PathBuf> {
    let parent = dir.parent().map(Path::to_path_buf).unwrap_or_default();
    fs::create_dir_all(&parent).map_err(|e| StoreError::io(IoAction::Create, &parent, e))?;
    Ok(parent)
}

/// The path of `rel` (relative to `base`, `/`-separated, as the register
/// records a folder) under `base`; refused (`StoreBadFolder`) when a part
/// is `..`, or the path is absolute or has a drive or root, so that a row
/// never names a folder outside `base`.
pub(crate) fn under(base: &Path, rel: &str) -> Result<PathBuf> {
    let bad = || {
        StoreError::Integrity(Message::StoreBadFolder {
            folder: rel.to_string(),
        })
    };
    let mut out = base.to_path_buf();
    for part in rel.split('/') {
        let mut comps = Path::new(part).components();
        match (comps.next(), comps.next()) {
            (Some(std::path::Component::Normal(c)), None) => out.push(c),
            (Some(std::path::Component::CurDir) | None, None) => {}
            _ => return Err(bad()),
        }
    }
    if rel.starts_with('/') || rel.contains('\\') {
        return Err(bad());
    }
    Ok(out)
}
