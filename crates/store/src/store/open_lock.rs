//! The SQLite register's open lock (h-pgrev, issue 15's review): every
//! opened [`Store`](super::Store) holds a shared OS lock (`flock(LOCK_SH)`
//! on Unix, `LockFileEx` on Windows) on [`OPEN_LOCK_FILE`] beside the
//! database for as long as it is open; `ogonblick migrate` takes it
//! exclusively, without waiting, and is refused while any other process
//! (a desktop, a CLI command, the scheduler) has the register open, since
//! an open store would go on writing SQLite after the move. An open that
//! meets a move under way waits for it (at most [`OPEN_WAIT`], then it is
//! refused with `store-open-busy`), then finds the marker and is refused
//! (`store-moved-to-postgres`). A rebuild of the register from the
//! files (`reindex`, [`Store::rebuild`](super::Store::rebuild)) holds it
//! exclusively too, and is refused (`store-reindex-open`) while another
//! opener would go on writing the database it replaces. The file is never removed (a
//! removal would let a later opener lock a file the mover cannot see).
//!
//! Where the folder's file system passes no locks on (some network shares),
//! the lock holds only among the processes of one computer; where it
//! refuses them (an error other than "held"), the store opens without one
//! and the move goes on as before, with only its other checks
//! (`from_sqlite_busy.rs`; README, the shared register).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

use ogonblick_model::messages::IoAction;
use ogonblick_model::Message;

use crate::{Result, StoreError};

/// An opener's lock held exclusively ([`OpenLock::try_alone`]), shared
/// again when dropped.
#[derive(Debug)]
pub(crate) struct Alone<'a>(&'a OpenLock);

impl Drop for Alone<'_> {
    fn drop(&mut self) {
        if let Some(file) = &self.0._file {
            let _ = file.lock_shared();
        }
    }
}

/// The lock file of the SQLite register's openers, in its data folder.
pub const OPEN_LOCK_FILE: &str = "ogonblick.db.open";

/// How long an open waits for a move or a rebuild that holds the lock
/// alone: a move of a large register takes minutes; a holder that never
/// ends (a hung move) must not keep the desktop's start waiting for ever.
pub(crate) const OPEN_WAIT: Duration = Duration::from_secs(300);

/// How often a waiting open tries the lock again.
const OPEN_RETRY: Duration = Duration::from_millis(100);

/// A lock on [`OPEN_LOCK_FILE`], let go when dropped.
#[derive(Debug)]
pub(crate) struct OpenLock {
    _file: Option<File>,
}

fn open(data_dir: &Path) -> Result<File> {
    let path = data_dir.join(OPEN_LOCK_FILE);
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| StoreError::io(IoAction::Create, &path, e))
}

impl OpenLock {
    /// The shared lock of an opener; waits while a move or a rebuild
    /// holds it, at most `wait` ([`OPEN_WAIT`]), then refuses with
    /// `store-open-busy` (nothing opened, nothing changed).
    pub(crate) fn shared(data_dir: &Path, wait: Duration) -> Result<OpenLock> {
        let file = open(data_dir)?;
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock_shared() {
                Ok(()) => return Ok(OpenLock { _file: Some(file) }),
                // A file system that keeps no locks must not keep the
                // register shut.
                Err(TryLockError::Error(_)) => return Ok(OpenLock { _file: None }),
                Err(TryLockError::WouldBlock) if Instant::now() >= deadline => {
                    return Err(StoreError::Conflict(Message::StoreOpenBusy {
                        path: data_dir.display().to_string(),
                        minutes: (wait.as_millis().div_ceil(60_000) as u64).max(1),
                    }))
                }
                Err(TryLockError::WouldBlock) => std::thread::sleep(OPEN_RETRY),
            }
        }
    }

    /// This opener's lock made exclusive while the returned guard lives (a
    /// reindex of an open store), or `None` while another opener holds it
    /// (this one's shared lock is then taken again). Converting a flock is
    /// not atomic: a failed try has dropped the shared lock, hence the retake.
    pub(crate) fn try_alone(&self) -> Option<Alone<'_>> {
        let Some(file) = &self._file else {
            return Some(Alone(self));
        };
        match file.try_lock() {
            Ok(()) | Err(TryLockError::Error(_)) => Some(Alone(self)),
            Err(TryLockError::WouldBlock) => {
                let _ = file.lock_shared();
                None
            }
        }
    }

    /// The mover's exclusive lock, or `None` while another holds the lock.
    pub(crate) fn try_exclusive(data_dir: &Path) -> Result<Option<OpenLock>> {
        let file = open(data_dir)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(OpenLock { _file: Some(file) })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(_)) => Ok(Some(OpenLock { _file: None })),
        }
    }
}
