//! What differs between operating systems when Chromium is run as a child
//! process: handing it the DevTools pipe, keeping everything it starts
//! together so it can be killed as one, and whether a process still runs.
//!
//! Unix (Linux, macOS): the pipe's ends become Chromium's file descriptors 3
//! and 4 (`--remote-debugging-pipe`), and Chromium leads a process group of
//! its own, killed with `SIGKILL`. Windows: the ends are inherited handles
//! named by `--remote-debugging-io-pipes=<read>,<write>`, and Chromium runs
//! in a Job Object that kills every process in it when it is terminated or
//! when its last handle closes (so also when this process dies).

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub use unix::process_gone;
#[cfg(unix)]
pub(crate) use unix::{is_superuser, spawn_with_pipe, ProcessTree};

#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub use windows::process_gone;
#[cfg(windows)]
pub(crate) use windows::{is_superuser, spawn_with_pipe, ProcessTree};
