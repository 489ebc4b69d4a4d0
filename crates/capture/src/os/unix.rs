//! Unix: the DevTools pipe on file descriptors 3 and 4, Chromium's own
//! process group, signals.

use std::io::{PipeReader, PipeWriter};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command};
use std::time::Duration;

use crate::process::wait_for_group_exit;

/// Chromium's process group (its main process leads it).
pub(crate) struct ProcessTree {
    pgid: i32,
}

/// Starts `cmd` as the leader of a new process group with the DevTools pipe
/// on its file descriptors 3 (commands in) and 4 (replies out); returns the
/// child, its group, and this side's ends (read replies, write commands).
pub(crate) fn spawn_with_pipe(
    cmd: &mut Command,
) -> std::io::Result<(Child, ProcessTree, PipeReader, PipeWriter)> {
    let (to_chrome_r, to_chrome_w) = std::io::pipe()?;
    let (from_chrome_r, from_chrome_w) = std::io::pipe()?;
    let in_fd: OwnedFd = to_chrome_r.into();
    let out_fd: OwnedFd = from_chrome_w.into();
    let (in_raw, out_raw) = (in_fd.as_raw_fd(), out_fd.as_raw_fd());
    cmd.process_group(0);
    // SAFETY: only async-signal-safe calls (fcntl, dup2) between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            // Move both ends above 4 first so dup2 cannot clobber one with the other.
            let a = libc::fcntl(in_raw, libc::F_DUPFD, 10);
            let b = libc::fcntl(out_raw, libc::F_DUPFD, 10);
            if a < 0 || b < 0 || libc::dup2(a, 3) < 0 || libc::dup2(b, 4) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            libc::close(a);
            libc::close(b);
            Ok(())
        });
    }
    let child = cmd.spawn()?;
    drop(in_fd);
    drop(out_fd);
    let pgid = child.id() as i32;
    Ok((child, ProcessTree { pgid }, from_chrome_r, to_chrome_w))
}

impl ProcessTree {
    /// Kills every process of the group, reaps `child`, and waits (at most
    /// 5 s) until none of the group is left.
    pub(crate) fn kill(&self, child: &mut Child) {
        // SAFETY: kill touches no memory.
        unsafe {
            libc::kill(-self.pgid, libc::SIGKILL);
            libc::kill(self.pgid, libc::SIGKILL);
        }
        let _ = child.wait();
        // SIGKILL is delivered asynchronously: wait (briefly) until no process
        // of the group is left, so none outlives its owner even on a busy
        // machine.
        wait_for_group_exit(self.pgid, Duration::from_secs(5));
    }
}

/// Whether this process runs as root (Chromium then refuses its sandbox).
pub(crate) fn is_superuser() -> bool {
    // SAFETY: geteuid cannot fail and touches no memory.
    unsafe { libc::geteuid() == 0 }
}

/// Whether no process `pid` exists any more.
pub fn process_gone(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r != 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
}
