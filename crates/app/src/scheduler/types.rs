//! The scheduler's types: its settings, notices, plan, memory and status.

use ogonblick_model::{ChannelId, ErrorPayload, Message, ProgressEvent, SnapshotStatus, Timestamp};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::DEFAULT_TICK_SECS;
use crate::ChannelCapture;

/// What the background scheduler may do on its own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SchedulerSettings {
    /// Capture due channels automatically (default off: only notify).
    #[serde(default)]
    pub auto_capture: bool,
}

/// The kind of a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum SchedulerNoticeKind {
    /// Channels are due (or their final snapshot before closure is).
    Due,
    /// Channels are overdue.
    Overdue,
    /// An automatic run stored complete snapshots.
    Done,
    /// An automatic run failed for channels (failed or partial snapshot).
    Failed,
}

/// A desktop notification: catalogue messages, shown in the UI's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SchedulerNotice {
    pub kind: SchedulerNoticeKind,
    pub title: Message,
    pub body: Message,
    /// What to do, for the desktop notification only ("Öppna Ögonblick …"):
    /// inside the app, where the user already is, the line offers a link
    /// to Att göra instead. `None` when there is nothing to do.
    #[serde(default)]
    pub hint: Option<Message>,
    #[ts(type = "number[]")]
    pub channel_ids: Vec<ChannelId>,
}

/// What one tick decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TickPlan {
    #[ts(type = "string")]
    pub at: Timestamp,
    /// First tick after start, or after a gap of more than two periods.
    pub catch_up: bool,
    pub auto_capture: bool,
    /// Run [`App::capture_due`] now.
    pub run_capture: bool,
    /// The channels that made the run necessary (`capture_due` takes every
    /// channel due then, these and possibly channels in back-off).
    #[ts(type = "number[]")]
    pub to_capture: Vec<ChannelId>,
    /// Show these now.
    pub notices: Vec<SchedulerNotice>,
    /// Channels due, overdue and closure-due at `at`.
    pub due: u32,
    pub overdue: u32,
    pub closure_due: u32,
}

/// One remembered notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeKey {
    pub channel_id: ChannelId,
    pub kind: SchedulerNoticeKind,
    /// `due_since` (RFC 3339) for due, the local day for overdue.
    pub key: String,
    pub at: Timestamp,
}

/// One automatic capture attempt of a channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaptureAttempt {
    pub channel_id: ChannelId,
    pub at: Timestamp,
    pub ok: bool,
}

/// The scheduler's memory, persisted in `<data>/scheduler-state.json`.
/// Load it with [`App::load_scheduler_state`]; the tick and after-run calls
/// save it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SchedulerState {
    #[serde(default)]
    pub last_tick: Option<Timestamp>,
    #[serde(default)]
    pub notified: Vec<NoticeKey>,
    #[serde(default)]
    pub attempts: Vec<CaptureAttempt>,
    /// Channels of the run planned by the last tick, until its results come.
    #[serde(default)]
    pub pending: Vec<ChannelId>,
    /// When the tick last retried the snapshots pending their timestamp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_timestamp_retry: Option<Timestamp>,
    /// The tick period in seconds (not saved; 0 means [`DEFAULT_TICK_SECS`]).
    #[serde(skip)]
    pub tick_secs: u64,
    /// Ticks since this process loaded the state (not saved).
    #[serde(skip)]
    pub ticks_this_run: u64,
}

impl SchedulerState {
    pub(super) fn period(&self) -> chrono::Duration {
        let secs = if self.tick_secs == 0 {
            DEFAULT_TICK_SECS
        } else {
            self.tick_secs
        };
        chrono::Duration::seconds(secs.min(i64::MAX as u64 / 4) as i64)
    }
}

/// How the last automatic run ended.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SchedulerRunSummary {
    #[ts(type = "string | null")]
    pub started_at: Option<Timestamp>,
    #[ts(type = "string | null")]
    pub finished_at: Option<Timestamp>,
    pub complete: u32,
    pub partial: u32,
    pub failed: u32,
    pub skipped: u32,
    /// Set when the run as a whole failed (e.g. no browser).
    pub error: Option<ErrorPayload>,
}

impl SchedulerRunSummary {
    /// Counts the results of a run.
    pub fn from_captures(
        started_at: Option<Timestamp>,
        finished_at: Option<Timestamp>,
        results: &[ChannelCapture],
    ) -> Self {
        let mut s = SchedulerRunSummary {
            started_at,
            finished_at,
            ..Default::default()
        };
        for r in results {
            match r {
                ChannelCapture::Stored { snapshot } => match snapshot.status {
                    SnapshotStatus::Complete => s.complete += 1,
                    SnapshotStatus::Partial => s.partial += 1,
                    SnapshotStatus::Failed => s.failed += 1,
                },
                ChannelCapture::Skipped { .. } => s.skipped += 1,
            }
        }
        s
    }
}

/// The state of the background scheduler, filled in by the desktop.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SchedulerStatus {
    pub auto_capture: bool,
    #[ts(type = "string | null")]
    pub last_tick: Option<Timestamp>,
    #[ts(type = "string | null")]
    pub next_tick: Option<Timestamp>,
    /// An automatic run is in progress.
    pub running: bool,
    pub last_run_summary: Option<SchedulerRunSummary>,
}

/// What the desktop emits to the UI as the Tauri event `scheduler`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SchedulerEvent {
    /// The status changed (after every tick and run).
    Status { status: SchedulerStatus },
    /// A notice was shown.
    Notice { notice: SchedulerNotice },
    /// An automatic run started.
    RunStarted {
        #[ts(type = "number[]")]
        channel_ids: Vec<ChannelId>,
        catch_up: bool,
    },
    /// Progress of the automatic run.
    Progress { event: ProgressEvent },
    /// The automatic run ended.
    RunFinished { summary: SchedulerRunSummary },
    /// A tick or run failed as a whole.
    Error { error: ErrorPayload },
}
