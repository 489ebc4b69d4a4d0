//! The temporary files of an export. A package is written under
//! `.<final name>.ogonblick-partial-<pid>` in the target folder and renamed
//! when complete, so a half-written package never carries the final name. An
//! export that is killed (power cut, SIGKILL) cannot remove its own partial
//! file; [`clean_stale_partials`] removes those whose writer process is gone,
//! and every export runs it on its folder first, so a folder never holds more
//! than one stale partial file. Files that are not ours, or whose writer still
//! runs, are never touched.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// What marks a partial file as ours: `.<name>` + this + `<pid>`.
pub const PARTIAL_MARK: &str = ".ogonblick-partial-";

/// A file being written; removed on drop unless persisted.
pub struct Partial {
    path: PathBuf,
    armed: bool,
}

impl Partial {
    /// Creates `.<final_name>.ogonblick-partial-<pid>` in `dir` (never an
    /// existing file).
    pub fn create(dir: &Path, final_name: &str) -> io::Result<(Partial, File)> {
        let path = dir.join(partial_name(final_name, std::process::id()));
        let mut o = OpenOptions::new();
        o.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // a package is an ordinary document
            o.mode(0o644);
        }
        let f = o.open(&path)?;
        Ok((Partial { path, armed: true }, f))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Gives the file its final name; fails (and keeps nothing) if `to`
    /// exists. A hard link is atomic and never overwrites; where the file
    /// system has no hard links (FAT, exFAT), a rename after a check.
    pub fn persist_noclobber(mut self, to: &Path) -> io::Result<()> {
        match std::fs::hard_link(&self.path, to) {
            Ok(()) => {
                let _ = std::fs::remove_file(&self.path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
            Err(_) => {
                if to.exists() {
                    return Err(io::Error::new(
                        io::ErrorKind::AlreadyExists,
                        format!("{} already exists", to.display()),
                    ));
                }
                std::fs::rename(&self.path, to)?;
            }
        }
        self.armed = false;
        Ok(())
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        if self.armed {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn partial_name(final_name: &str, pid: u32) -> String {
    format!(".{final_name}{PARTIAL_MARK}{pid}")
}

/// The writer's process id if `name` is one of our partial files.
fn writer_of(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let (base, pid) = rest.rsplit_once(PARTIAL_MARK)?;
    if base.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Whether process `pid` still runs (then its partial file may be in use).
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(p) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // Signal 0 checks existence only. EPERM: it exists (another user's).
        // SAFETY: kill with signal 0 sends nothing and touches no memory.
        let r = unsafe { libc::kill(p, 0) };
        r == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        // Without a cheap liveness check, never remove another's file.
        true
    }
}

/// Removes the partial files in `dir` left by export processes that no
/// longer run; returns what it removed. Only regular files named by
/// [`Partial`] are considered; errors (a read-only or missing folder) are
/// not reported, as this is housekeeping.
pub fn clean_stale_partials(dir: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return removed;
    };
    for e in rd.flatten() {
        let name = e.file_name();
        let Some(pid) = name.to_str().and_then(writer_of) else {
            continue;
        };
        if !e.file_type().map(|t| t.is_file()).unwrap_or(false) || process_alive(pid) {
            continue;
        }
        let p = e.path();
        if std::fs::remove_file(&p).is_ok() {
            removed.push(p);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_names_are_recognised() {
        assert_eq!(writer_of(".uuid-1.zip.ogonblick-partial-42"), Some(42));
        assert_eq!(writer_of(".uuid-1.zip.sha256.ogonblick-partial-7"), Some(7));
        assert_eq!(writer_of("uuid-1.zip.ogonblick-partial-42"), None);
        assert_eq!(writer_of(".uuid-1.zip.ogonblick-partial-"), None);
        assert_eq!(writer_of(".uuid-1.zip.ogonblick-partial-4x"), None);
        assert_eq!(writer_of(".ogonblick-partial-42"), None);
        assert_eq!(writer_of(".uuid-1.abcd.partial"), None);
    }
}
