//! The background scheduler of the desktop (issue 6): a thread that every
//! period (`OGONBLICK_SCHEDULER_TICK_SECS`, default 300 s; 0 turns it off)
//! asks [`App::scheduler_tick`] what to do, shows the notices it returns as
//! desktop notifications, and, when the plan says so, runs
//! [`App::capture_due`] as the registered job [`SCHEDULER_JOB_ID`]
//! (cancellable with `cancel_job("scheduler")`; in the same exclusive group
//! as a manual "capture everything due", so never two at once). Everything it
//! does is also emitted to the window as [`SchedulerEvent`]s (the Tauri event
//! `scheduler`).
//!
//! The decisions (what is due, which notices, back-off, catch-up) are made by
//! `ogonblick-app`; this module only drives them. It does not depend on a
//! window: the desktop plugs in a [`SchedulerOutput`] that emits Tauri events
//! and shows notifications, the tests one that records.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use ogonblick_app::{
    App, SchedulerEvent, SchedulerNotice, SchedulerRunSummary, SchedulerState, SchedulerStatus,
    DEFAULT_TICK_SECS,
};
use ogonblick_model::{ErrorCode, ErrorPayload, ProgressEvent, ProgressSink};

use crate::jobs::{JobRegistry, CAPTURE_DUE_GROUP, SCHEDULER_JOB_ID};
use crate::lang::LanguageCell;

/// Test hook and setting: the scheduler's period in seconds.
pub const TICK_SECS_ENV: &str = "OGONBLICK_SCHEDULER_TICK_SECS";
/// The first tick comes this long after start at most (the window loads first).
const FIRST_TICK_MAX: Duration = Duration::from_secs(5);

/// Where the scheduler's events and notifications go.
pub trait SchedulerOutput: Send + Sync {
    /// Emits an event to the window.
    fn event(&self, event: &SchedulerEvent);
    /// Shows a desktop notification. A failure (no notification daemon) is
    /// logged by the caller and otherwise ignored.
    fn notify(&self, title: &str, body: &str) -> Result<(), String>;
}

/// The period from the environment: `None` when the scheduler is off
/// (`0`); the default when unset or unreadable (then with a warning).
pub fn tick_from_env() -> Option<Duration> {
    let raw = std::env::var(TICK_SECS_ENV).ok();
    parse_tick(raw.as_deref()).unwrap_or_else(|msg| {
        eprintln!("ogonblick-desktop: {msg}");
        Some(Duration::from_secs(DEFAULT_TICK_SECS))
    })
}

fn parse_tick(raw: Option<&str>) -> Result<Option<Duration>, String> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(Some(Duration::from_secs(DEFAULT_TICK_SECS)));
    };
    match raw.parse::<u64>() {
        Ok(0) => Ok(None),
        Ok(n) => Ok(Some(Duration::from_secs(n))),
        Err(_) => Err(format!(
            "{TICK_SECS_ENV}={raw:?} is not a number of seconds; using {DEFAULT_TICK_SECS}"
        )),
    }
}

/// The running scheduler: its App state, status, and the stop signal.
pub struct Scheduler {
    app: Arc<App>,
    jobs: Arc<JobRegistry>,
    language: Arc<LanguageCell>,
    period: Duration,
    state: Mutex<SchedulerState>,
    status: Mutex<SchedulerStatus>,
    stop: Mutex<bool>,
    wake: Condvar,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Scheduler {
    /// Loads the scheduler's state from the data directory.
    pub fn new(
        app: Arc<App>,
        jobs: Arc<JobRegistry>,
        language: Arc<LanguageCell>,
        period: Duration,
    ) -> Result<Scheduler, ErrorPayload> {
        let state = app.load_scheduler_state(period.as_secs())?;
        let status = SchedulerStatus {
            auto_capture: app
                .scheduler_settings()
                .map(|s| s.auto_capture)
                .unwrap_or(false),
            last_tick: state.last_tick,
            ..SchedulerStatus::default()
        };
        Ok(Scheduler {
            app,
            jobs,
            language,
            period,
            state: Mutex::new(state),
            status: Mutex::new(status),
            stop: Mutex::new(false),
            wake: Condvar::new(),
        })
    }

    /// The status for the window (the auto-capture switch read afresh).
    pub fn status(&self) -> SchedulerStatus {
        let mut status = lock(&self.status).clone();
        if let Ok(s) = self.app.scheduler_settings() {
            status.auto_capture = s.auto_capture;
        }
        status.running = status.running || self.jobs.is_running(SCHEDULER_JOB_ID);
        status
    }

    fn set_status(&self, out: &dyn SchedulerOutput, change: impl FnOnce(&mut SchedulerStatus)) {
        let status = {
            let mut s = lock(&self.status);
            change(&mut s);
            s.clone()
        };
        out.event(&SchedulerEvent::Status { status });
    }

    fn stopped(&self) -> bool {
        *lock(&self.stop)
    }

    /// Asks the loop to end and the scheduler's run (if any) to stop.
    pub fn stop(&self) {
        *lock(&self.stop) = true;
        self.wake.notify_all();
        self.jobs.cancel(SCHEDULER_JOB_ID);
    }

    /// Waits up to `d` or until stopped; true when stopped.
    fn sleep(&self, d: Duration) -> bool {
        let deadline = Instant::now() + d;
        let mut stop = lock(&self.stop);
        while !*stop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            stop = self
                .wake
                .wait_timeout(stop, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        true
    }

    fn show(&self, out: &dyn SchedulerOutput, notice: SchedulerNotice) {
        let lang = self.language.get();
        let (title, body) = (notice.title.render(lang), notice.body.render(lang));
        // The notification is read outside the app: it says what to do.
        let body = match &notice.hint {
            Some(hint) => format!("{body} {}", hint.render(lang)),
            None => body,
        };
        let (title, body) = (&title, &body);
        if let Err(e) = out.notify(title, body) {
            eprintln!(
                "ogonblick-desktop: could not show a desktop notification ({e}): {title}: {body}"
            );
        }
        out.event(&SchedulerEvent::Notice { notice });
    }

    /// One tick: plan, notices, and the automatic run when planned. Returns
    /// the run's summary when a run took place.
    pub fn tick(&self, out: &dyn SchedulerOutput) -> Option<SchedulerRunSummary> {
        let app = &self.app;
        let now = app.clock().now();
        let plan = {
            let mut state = lock(&self.state);
            app.scheduler_tick(&mut state, now)
        };
        let next_tick = chrono::Duration::from_std(self.period)
            .ok()
            .map(|p| now + p);
        let plan = match plan {
            Ok(plan) => plan,
            Err(e) => {
                eprintln!("ogonblick-desktop: the scheduler's check failed: {e}");
                out.event(&SchedulerEvent::Error { error: e.payload() });
                self.set_status(out, |s| {
                    s.last_tick = Some(now);
                    s.next_tick = next_tick;
                });
                return None;
            }
        };
        self.set_status(out, |s| {
            s.auto_capture = plan.auto_capture;
            s.last_tick = Some(now);
            s.next_tick = next_tick;
        });
        for notice in plan.notices {
            self.show(out, notice);
        }
        if !plan.run_capture || self.stopped() {
            return None;
        }
        let guard = match self
            .jobs
            .start_in(SCHEDULER_JOB_ID, Some(CAPTURE_DUE_GROUP))
        {
            Ok(g) => g,
            Err(e) => {
                // A manual run of the due channels is going on: it takes them.
                eprintln!(
                    "ogonblick-desktop: the scheduler skips this run: {}",
                    e.message
                );
                return None;
            }
        };
        if self.stopped() {
            guard.token().cancel();
        }
        self.set_status(out, |s| s.running = true);
        out.event(&SchedulerEvent::RunStarted {
            channel_ids: plan.to_capture.clone(),
            catch_up: plan.catch_up,
        });
        let started = app.clock().now();
        let sink = EventSink(out);
        let result = app.capture_due(None, &sink, guard.token());
        drop(guard);
        let finished = app.clock().now();
        let (summary, notices) = {
            let mut state = lock(&self.state);
            match &result {
                Ok(results) => {
                    let summary =
                        SchedulerRunSummary::from_captures(Some(started), Some(finished), results);
                    (summary, app.scheduler_after_run(&mut state, results))
                }
                Err(e) => {
                    let summary = SchedulerRunSummary {
                        started_at: Some(started),
                        finished_at: Some(finished),
                        error: Some(e.payload()),
                        ..SchedulerRunSummary::default()
                    };
                    if e.code() == ErrorCode::Cancelled {
                        // Stopped on purpose: no failure notice, no back-off.
                        state.pending.clear();
                        (summary, Ok(Vec::new()))
                    } else {
                        eprintln!("ogonblick-desktop: the scheduled capture failed: {e}");
                        (summary, app.scheduler_after_error(&mut state, e))
                    }
                }
            }
        };
        out.event(&SchedulerEvent::RunFinished {
            summary: summary.clone(),
        });
        self.set_status(out, |s| {
            s.running = false;
            s.last_run_summary = Some(summary.clone());
        });
        match notices {
            Ok(notices) => notices.into_iter().for_each(|n| self.show(out, n)),
            Err(e) => {
                eprintln!("ogonblick-desktop: the scheduler could not record the run: {e}");
                out.event(&SchedulerEvent::Error { error: e.payload() });
            }
        }
        Some(summary)
    }

    /// Ticks every period until [`Scheduler::stop`]; the first tick comes
    /// soon after start (a catch-up tick).
    pub fn run_loop(&self, out: &dyn SchedulerOutput) {
        let mut wait = self.period.min(FIRST_TICK_MAX);
        loop {
            if self.sleep(wait) {
                return;
            }
            let began = Instant::now();
            {
                let _busy = crate::memory::COMMANDS.busy();
                self.tick(out);
            }
            // A long run counts towards the period.
            wait = self.period.saturating_sub(began.elapsed());
        }
    }
}

/// Forwards the automatic run's progress as scheduler events.
struct EventSink<'a>(&'a dyn SchedulerOutput);

impl ProgressSink for EventSink<'_> {
    fn event(&self, event: ProgressEvent) {
        self.0.event(&SchedulerEvent::Progress { event });
    }
}

/// The scheduler's thread, stopped and joined by [`SchedulerThread::shutdown`].
pub struct SchedulerThread {
    scheduler: Arc<Scheduler>,
    handle: Mutex<Option<JoinHandle<()>>>,
}

impl SchedulerThread {
    pub fn spawn(
        scheduler: Scheduler,
        out: Box<dyn SchedulerOutput>,
    ) -> Result<SchedulerThread, ErrorPayload> {
        let scheduler = Arc::new(scheduler);
        let s = scheduler.clone();
        let handle = std::thread::Builder::new()
            .name("ogonblick-scheduler".into())
            .spawn(move || s.run_loop(out.as_ref()))
            .map_err(|e| {
                let m = ogonblick_model::Message::DesktopSchedulerStart {
                    detail: e.to_string(),
                };
                ErrorPayload {
                    code: ErrorCode::Environment,
                    message: m.to_string(),
                    key: Some(Box::new(m)),
                }
            })?;
        Ok(SchedulerThread {
            scheduler,
            handle: Mutex::new(Some(handle)),
        })
    }

    pub fn scheduler(&self) -> &Scheduler {
        &self.scheduler
    }

    /// Stops the loop, cancels its run and waits up to `timeout` for the
    /// thread. True when it ended in time.
    pub fn shutdown(&self, timeout: Duration) -> bool {
        self.scheduler.stop();
        let Some(handle) = lock(&self.handle).take() else {
            return true;
        };
        let deadline = Instant::now() + timeout;
        while !handle.is_finished() {
            if Instant::now() >= deadline {
                eprintln!("ogonblick-desktop: the background scheduler did not stop in time");
                return false;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = handle.join();
        true
    }
}

#[cfg(test)]
mod tests;
