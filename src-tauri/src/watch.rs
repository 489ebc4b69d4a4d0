//! Changes made elsewhere (issue 15): another desktop on the same shared
//! register, or the CLI's scheduled run on the same SQLite file. A thread
//! polls the register's change stamp ([`App::change_stamp`], one query on
//! the audit log's primary key) every few seconds
//! (`OGONBLICK_WATCH_SECS`, default 3; 0 turns it off) and, when it moved,
//! emits [`REGISTER_CHANGED_EVENT`] to the window, whose current view then
//! reads its data again in place. Our own changes move it too: the views
//! read again, which costs one read and shows the same.
//!
//! The stamp counts the entries after a floor some way below the newest
//! ([`WINDOW`] entries), so that an entry committed late with an earlier
//! number (two PostgreSQL transactions committing out of order) is still
//! seen; the floor follows the newest entry, and is re-read, when it falls
//! more than twice that behind.

use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use ogonblick_app::store::ChangeStamp;
use ogonblick_app::App;
use serde::Serialize;
use ts_rs::TS;

/// The Tauri event emitted when the register changed.
pub const REGISTER_CHANGED_EVENT: &str = "register-changed";
/// Test hook and setting: the poll's period in seconds.
pub const WATCH_SECS_ENV: &str = "OGONBLICK_WATCH_SECS";
const DEFAULT_WATCH_SECS: u64 = 3;
/// How far below the newest entry the count starts.
const WINDOW: i64 = 1000;

/// The payload of [`REGISTER_CHANGED_EVENT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RegisterChanged {
    /// The newest audit entry's sequence number.
    #[ts(type = "number")]
    pub last: i64,
}

/// The period from the environment: `None` when off (`0`), the default
/// when unset or unreadable.
pub fn period_from_env() -> Option<Duration> {
    match std::env::var(WATCH_SECS_ENV)
        .ok()
        .map(|s| s.trim().parse::<u64>())
    {
        Some(Ok(0)) => None,
        Some(Ok(n)) => Some(Duration::from_secs(n)),
        Some(Err(_)) | None => Some(Duration::from_secs(DEFAULT_WATCH_SECS)),
    }
}

/// Polls one app's register; see the module.
struct Poll {
    floor: i64,
    last: Option<ChangeStamp>,
}

impl Poll {
    fn start(app: &App) -> Poll {
        let mut p = Poll {
            floor: 0,
            last: None,
        };
        p.refloor(app);
        p
    }

    /// Moves the floor below the newest entry and reads the stamp there;
    /// on a failed read the floor and the stamp stay as they were.
    fn refloor(&mut self, app: &App) {
        if let Ok(s) = app.change_stamp(i64::MAX) {
            let floor = (s.last - WINDOW).max(0);
            if let Ok(at) = app.change_stamp(floor) {
                self.floor = floor;
                self.last = Some(at);
            }
        }
    }

    /// One tick: whether the register changed since the last.
    fn tick(&mut self, app: &App) -> Option<RegisterChanged> {
        let now = match app.change_stamp(self.floor) {
            Ok(now) => now,
            Err(e) => {
                eprintln!("ogonblick-desktop: could not read the register's change stamp: {e}");
                return None;
            }
        };
        let mut changed = self.last.is_some_and(|last| last != now);
        self.last = Some(now);
        if now.last - self.floor > 2 * WINDOW {
            self.refloor(app);
            // An entry committed between the two reads is in the new
            // baseline: tell the window once more rather than miss it.
            changed = true;
        }
        changed.then(|| RegisterChanged {
            last: self.last.map_or(now.last, |s| s.last),
        })
    }
}

/// The running poll; stopped by [`RegisterWatch::shutdown`] (or dropped).
pub struct RegisterWatch {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl RegisterWatch {
    /// Starts polling `app` every `period`, calling `out` when the register
    /// changed.
    pub fn spawn(
        app: Arc<App>,
        period: Duration,
        out: Box<dyn Fn(RegisterChanged) + Send>,
    ) -> std::io::Result<RegisterWatch> {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let signal = stop.clone();
        let thread = std::thread::Builder::new()
            .name("register-watch".into())
            .spawn(move || {
                let mut poll = Poll::start(&app);
                let (lock, wake) = &*signal;
                loop {
                    let guard = lock.lock().unwrap_or_else(|p| p.into_inner());
                    let (guard, _) = wake
                        .wait_timeout_while(guard, period, |stopped| !*stopped)
                        .unwrap_or_else(|p| p.into_inner());
                    if *guard {
                        return;
                    }
                    drop(guard);
                    if let Some(changed) = poll.tick(&app) {
                        out(changed);
                    }
                }
            })?;
        Ok(RegisterWatch {
            stop,
            thread: Some(thread),
        })
    }

    /// Stops the poll and waits for its thread.
    pub fn shutdown(mut self) {
        self.stop_thread();
    }

    fn stop_thread(&mut self) {
        let (lock, wake) = &*self.stop;
        *lock.lock().unwrap_or_else(|p| p.into_inner()) = true;
        wake.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for RegisterWatch {
    fn drop(&mut self) {
        self.stop_thread();
    }
}

#[cfg(test)]
mod tests;
