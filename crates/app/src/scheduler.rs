//! The decisions of the desktop's background scheduler, pure and testable:
//! the desktop loop only calls [`App::scheduler_tick`] every period, shows
//! the notices it returns, runs [`App::capture_due`] when the plan says so
//! and hands the results to [`App::scheduler_after_run`].
//!
//! # Rules
//!
//! - **Settings**: [`SchedulerSettings`] is kept under the settings key
//!   `scheduler`. `auto_capture` is off by default: the scheduler then only
//!   notifies; the staff capture by hand.
//! - **Notices**: a channel that is due (or whose final pre-closure snapshot
//!   is due) is announced once per window (key: when it became due); an
//!   overdue channel once per local calendar day. The keys are kept in
//!   `<data>/scheduler-state.json` (written to a temp name, fsynced,
//!   renamed), so a restart does not announce them again. Closed and manual
//!   channels are never announced (the schedule never calls them due). The
//!   channels of one tick are gathered into one notice per kind.
//! - **Capture**: when `auto_capture` is on and the due report has channels
//!   to capture now (`DueReport::to_capture`: due and closure-due always,
//!   overdue outside blackouts), the plan says `run_capture`; the channels
//!   it captures are not announced as due (a done or failed notice follows).
//! - **Back-off**: a channel whose last automatic capture failed (failed or
//!   partial snapshot, or the run failed) is not the reason for a new run
//!   for [`RETRY_AFTER_MINUTES`] minutes, so a broken page does not start
//!   Chromium every tick. (If another channel starts a run, `capture_due`
//!   retries it too.)
//! - **Catch-up after the computer was off**: the first tick after the
//!   program starts, and any tick more than two periods after the previous
//!   one (the computer slept), is a catch-up tick: it ignores the back-off
//!   and, with `auto_capture`, captures at once everything due or overdue
//!   (outside blackouts). `TickPlan::catch_up` tells the UI.

use ogonblick_model::RoleAction;
use ogonblick_store::RegisterExt;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use ogonblick_model::{ChannelId, Timestamp};
use ogonblick_schedule::DueState;

use crate::{App, AppError, Result};

/// The file in the data directory that keeps [`SchedulerState`].
pub const SCHEDULER_STATE_FILE: &str = "scheduler-state.json";
/// The default tick period (the desktop reads `OGONBLICK_SCHEDULER_TICK_SECS`).
pub const DEFAULT_TICK_SECS: u64 = 300;
/// Minutes before a failed automatic capture of a channel may start a run again.
pub const RETRY_AFTER_MINUTES: i64 = 60;
/// How long notice keys are remembered.
const KEEP_NOTICE_KEYS_DAYS: i64 = 400;

mod notices;
mod types;

use notices::{schedule_notice, Announce};
pub use types::{
    CaptureAttempt, NoticeKey, SchedulerEvent, SchedulerNotice, SchedulerNoticeKind,
    SchedulerRunSummary, SchedulerSettings, SchedulerState, SchedulerStatus, TickPlan,
};

impl App {
    /// The scheduler settings (defaults when never set).
    pub fn scheduler_settings(&self) -> Result<SchedulerSettings> {
        Ok(self.store().setting::<SchedulerSettings>()?)
    }

    /// Stores the scheduler settings (audited as `settings.set`).
    pub fn set_scheduler_settings(&self, settings: SchedulerSettings) -> Result<SchedulerSettings> {
        self.require(RoleAction::Settings, None)?;
        self.store().set_setting(&settings, self.operator())?;
        self.scheduler_settings()
    }

    /// Where the scheduler keeps its state.
    pub fn scheduler_state_path(&self) -> PathBuf {
        self.data_dir().join(SCHEDULER_STATE_FILE)
    }

    /// Loads the scheduler's state for a process ticking every `tick_secs`
    /// seconds (0: the default). A missing file is a fresh state; an
    /// unreadable one is set aside as `scheduler-state.json.bad` and a fresh
    /// state is used (at worst, notices are shown once more).
    pub fn load_scheduler_state(&self, tick_secs: u64) -> Result<SchedulerState> {
        let path = self.scheduler_state_path();
        let mut state = match std::fs::read(&path) {
            Ok(bytes) => match serde_json::from_slice::<SchedulerState>(&bytes) {
                Ok(s) => s,
                Err(_) => {
                    let _ = std::fs::rename(&path, path.with_extension("json.bad"));
                    SchedulerState::default()
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => SchedulerState::default(),
            Err(e) => {
                return Err(AppError::said(
                    ogonblick_model::ErrorCode::Environment,
                    ogonblick_model::Message::SchedulerStateUnreadable {
                        path: path.display().to_string(),
                        detail: e.to_string(),
                    },
                ))
            }
        };
        state.tick_secs = tick_secs;
        state.ticks_this_run = 0;
        Ok(state)
    }

    fn save_scheduler_state(&self, state: &SchedulerState) -> Result<()> {
        ogonblick_store::fsutil::write_json_atomic(&self.scheduler_state_path(), state)?;
        Ok(())
    }

    /// One tick of the background scheduler at `now`: the notices to show
    /// and whether to run [`App::capture_due`]. Saves `state`.
    pub fn scheduler_tick(&self, state: &mut SchedulerState, now: Timestamp) -> Result<TickPlan> {
        let settings = self.scheduler_settings()?;
        let report = self.due(Some(now))?;
        let catch_up = state.ticks_this_run == 0
            || state.last_tick.is_none_or(|t| now - t > state.period() * 2);
        let retry_after = chrono::Duration::minutes(RETRY_AFTER_MINUTES);
        let in_back_off = |id: ChannelId| {
            state
                .attempts
                .iter()
                .filter(|a| a.channel_id == id)
                .max_by_key(|a| a.at)
                .is_some_and(|a| !a.ok && a.at <= now && now - a.at < retry_after)
        };
        let to_capture: Vec<ChannelId> = if settings.auto_capture {
            report
                .to_capture()
                .map(|e| e.assessment.channel_id)
                .filter(|id| catch_up || !in_back_off(*id))
                .collect()
        } else {
            Vec::new()
        };
        let run_capture = !to_capture.is_empty();
        // Looked up once per channel: a tick costs the due query, not
        // channels × the notices kept (one per overdue channel and day).
        let capturing: HashSet<ChannelId> = to_capture.iter().copied().collect();
        let mut seen: HashSet<(ChannelId, SchedulerNoticeKind, String)> = state
            .notified
            .iter()
            .map(|n| (n.channel_id, n.kind, n.key.clone()))
            .collect();

        // (kind, closure) -> channels newly announced
        let mut fresh: BTreeMap<(SchedulerNoticeKind, bool), Vec<Announce>> = BTreeMap::new();
        let local_day = report.local_date.to_string();
        let (mut due, mut overdue, mut closure_due) = (0u32, 0u32, 0u32);
        for e in &report.channels {
            let a = &e.assessment;
            let (kind, key) = match a.state {
                DueState::Due | DueState::ClosureDue => {
                    if a.state == DueState::Due {
                        due += 1;
                    } else {
                        closure_due += 1;
                    }
                    let since = a.due_since.map(|t| t.to_rfc3339()).unwrap_or_default();
                    (
                        SchedulerNoticeKind::Due,
                        format!("{}:{since}", a.state.as_str()),
                    )
                }
                DueState::Overdue => {
                    overdue += 1;
                    (SchedulerNoticeKind::Overdue, local_day.clone())
                }
                _ => continue,
            };
            if run_capture && capturing.contains(&a.channel_id) {
                continue;
            }
            if !seen.insert((a.channel_id, kind, key.clone())) {
                continue;
            }
            state.notified.push(NoticeKey {
                channel_id: a.channel_id,
                kind,
                key,
                at: now,
            });
            fresh
                .entry((kind, a.state == DueState::ClosureDue))
                .or_default()
                .push((a.channel_id, a.name.clone(), a.message.clone()));
        }
        let notices = fresh
            .into_iter()
            .map(|((kind, closure), items)| {
                schedule_notice(kind, closure, &items, settings.auto_capture)
            })
            .collect();

        // Snapshots pending their timestamp are retried, at most every
        // RETRY_AFTER_MINUTES; what fails stays pending (and visible).
        let retry_stamps = state
            .last_timestamp_retry
            .is_none_or(|t| t > now || now - t >= retry_after);
        if retry_stamps && !self.store().pending_timestamps()?.is_empty() {
            let _ = self.stamp_pending();
            state.last_timestamp_retry = Some(now);
        }

        state.last_tick = Some(now);
        state.ticks_this_run += 1;
        state.pending = if run_capture {
            to_capture.clone()
        } else {
            Vec::new()
        };
        let keep_from = now - chrono::Duration::days(KEEP_NOTICE_KEYS_DAYS);
        state.notified.retain(|n| n.at >= keep_from);
        keep_newest_keys(&mut state.notified);
        let keep_attempts = now - chrono::Duration::days(2);
        state.attempts.retain(|a| a.at >= keep_attempts);
        self.save_scheduler_state(state)?;
        Ok(TickPlan {
            at: now,
            catch_up,
            auto_capture: settings.auto_capture,
            run_capture,
            to_capture,
            notices,
            due,
            overdue,
            closure_due,
        })
    }
}

/// Keeps only the newest notice key of each channel, kind and state: only
/// that one can match again (an overdue key is the local day, a due key names
/// the start of its window; both only move forward). Without this, an overdue
/// channel added a key a day, and a register of thousands of overdue
/// channels grew the state file, rewritten every tick, by thousands a day.
fn keep_newest_keys(notified: &mut Vec<NoticeKey>) {
    let mut seen = HashSet::new();
    let mut newest_first: Vec<NoticeKey> = notified
        .drain(..)
        .rev()
        .filter(|n| seen.insert((n.channel_id, n.kind, n.key.starts_with("closure-due"))))
        .collect();
    newest_first.reverse();
    *notified = newest_first;
}
