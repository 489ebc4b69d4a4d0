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

use std::collections::BTreeMap;
use std::path::PathBuf;

use ogonblick_model::{ChannelId, ErrorPayload, ProgressEvent, SnapshotStatus, Timestamp};
use ogonblick_schedule::DueState;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, AppError, ChannelCapture, Result};

/// The settings key of [`SchedulerSettings`].
pub const SCHEDULER_SETTINGS_KEY: &str = "scheduler";
/// The file in the data directory that keeps [`SchedulerState`].
pub const SCHEDULER_STATE_FILE: &str = "scheduler-state.json";
/// The default tick period (the desktop reads `OGONBLICK_SCHEDULER_TICK_SECS`).
pub const DEFAULT_TICK_SECS: u64 = 300;
/// Minutes before a failed automatic capture of a channel may start a run again.
pub const RETRY_AFTER_MINUTES: i64 = 60;
/// How long notice keys are remembered.
const KEEP_NOTICE_KEYS_DAYS: i64 = 400;

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

/// A desktop notification, in Swedish and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SchedulerNotice {
    pub kind: SchedulerNoticeKind,
    pub title_sv: String,
    pub body_sv: String,
    pub title_en: String,
    pub body_en: String,
    /// What to do, for the desktop notification only ("Öppna Ögonblick …"):
    /// inside the app, where the user already is, the line offers a link
    /// to Att göra instead. `None` when there is nothing to do.
    #[serde(default)]
    pub hint_sv: Option<String>,
    #[serde(default)]
    pub hint_en: Option<String>,
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
    /// The tick period in seconds (not saved; 0 means [`DEFAULT_TICK_SECS`]).
    #[serde(skip)]
    pub tick_secs: u64,
    /// Ticks since this process loaded the state (not saved).
    #[serde(skip)]
    pub ticks_this_run: u64,
}

impl SchedulerState {
    fn period(&self) -> chrono::Duration {
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

impl App {
    /// The scheduler settings (defaults when never set).
    pub fn scheduler_settings(&self) -> Result<SchedulerSettings> {
        match self.store().setting_json(SCHEDULER_SETTINGS_KEY)? {
            Some(v) => serde_json::from_value(v).map_err(|e| {
                AppError::invalid(format!(
                    "the scheduler settings are not readable ({e}): set them again in the settings"
                ))
            }),
            None => Ok(SchedulerSettings::default()),
        }
    }

    /// Stores the scheduler settings (audited as `settings.set`).
    pub fn set_scheduler_settings(&self, settings: SchedulerSettings) -> Result<SchedulerSettings> {
        let v = serde_json::to_value(&settings)
            .map_err(|e| AppError::internal(format!("cannot write the scheduler settings: {e}")))?;
        self.store()
            .set_setting_json(SCHEDULER_SETTINGS_KEY, &v, self.operator())?;
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
                return Err(AppError::environment(format!(
                    "cannot read {} ({e}): check the permissions of the data folder",
                    path.display()
                )))
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
            if run_capture && to_capture.contains(&a.channel_id) {
                continue;
            }
            let seen = state
                .notified
                .iter()
                .any(|n| n.channel_id == a.channel_id && n.kind == kind && n.key == key);
            if seen {
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
                .push((
                    a.channel_id,
                    a.name.clone(),
                    a.explanation.clone(),
                    a.explanation_en.clone(),
                ));
        }
        let notices = fresh
            .into_iter()
            .map(|((kind, closure), items)| {
                schedule_notice(kind, closure, &items, settings.auto_capture)
            })
            .collect();

        state.last_tick = Some(now);
        state.ticks_this_run += 1;
        state.pending = if run_capture {
            to_capture.clone()
        } else {
            Vec::new()
        };
        let keep_from = now - chrono::Duration::days(KEEP_NOTICE_KEYS_DAYS);
        state.notified.retain(|n| n.at >= keep_from);
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

    /// The done/failed notices for the results of an automatic run, which
    /// are also remembered for the back-off. Saves `state`.
    pub fn scheduler_after_run(
        &self,
        state: &mut SchedulerState,
        results: &[ChannelCapture],
    ) -> Result<Vec<SchedulerNotice>> {
        let now = self.clock().now();
        let mut done = Vec::new();
        let mut failed = Vec::new();
        for r in results {
            let ChannelCapture::Stored { snapshot } = r else {
                continue;
            };
            let name = self
                .store()
                .channel(snapshot.channel_id)
                .map(|c| c.name)
                .unwrap_or_else(|_| format!("kanal {}", snapshot.channel_id));
            let ok = snapshot.status == SnapshotStatus::Complete;
            state.attempts.push(CaptureAttempt {
                channel_id: snapshot.channel_id,
                at: now,
                ok,
            });
            if ok {
                done.push((snapshot.channel_id, name));
            } else {
                let why = snapshot
                    .pages
                    .iter()
                    .find_map(|p| p.error.clone())
                    .unwrap_or_else(|| snapshot.status.to_string());
                failed.push((snapshot.channel_id, name, why));
            }
        }
        state.pending.clear();
        self.save_scheduler_state(state)?;
        let mut notices = Vec::new();
        if !done.is_empty() {
            let names: Vec<&str> = done.iter().map(|(_, n)| n.as_str()).collect();
            notices.push(SchedulerNotice {
                kind: SchedulerNoticeKind::Done,
                title_sv: "Ögonblicksbilder tagna".into(),
                body_sv: format!(
                    "{} dokumenterad(e): {}.",
                    count_sv(done.len()),
                    list(&names, "och")
                ),
                title_en: "Snapshots taken".into(),
                body_en: format!(
                    "{} documented: {}.",
                    count_en(done.len()),
                    list(&names, "and")
                ),
                channel_ids: done.iter().map(|(id, _)| *id).collect(),
                hint_sv: None,
                hint_en: None,
            });
        }
        if !failed.is_empty() {
            let names: Vec<&str> = failed.iter().map(|(_, n, _)| n.as_str()).collect();
            let why = &failed[0].2;
            notices.push(SchedulerNotice {
                kind: SchedulerNoticeKind::Failed,
                title_sv: "Ögonblicksbild misslyckades".into(),
                body_sv: format!(
                    "{} kunde inte dokumenteras helt: {} ({why}). Se kanalens historik och försök igen.",
                    count_sv(failed.len()),
                    list(&names, "och")
                ),
                title_en: "Snapshot failed".into(),
                body_en: format!(
                    "{} could not be documented completely: {} ({why}). See the channel's history and try again.",
                    count_en(failed.len()),
                    list(&names, "and")
                ),
                channel_ids: failed.iter().map(|(id, _, _)| *id).collect(),
                hint_sv: None,
                hint_en: None,
            });
        }
        Ok(notices)
    }

    /// The failed notice when an automatic run failed as a whole (e.g. no
    /// browser): every channel the tick planned counts as a failed attempt.
    /// Saves `state`.
    pub fn scheduler_after_error(
        &self,
        state: &mut SchedulerState,
        error: &AppError,
    ) -> Result<Vec<SchedulerNotice>> {
        let now = self.clock().now();
        let ids = std::mem::take(&mut state.pending);
        for id in &ids {
            state.attempts.push(CaptureAttempt {
                channel_id: *id,
                at: now,
                ok: false,
            });
        }
        self.save_scheduler_state(state)?;
        Ok(vec![SchedulerNotice {
            kind: SchedulerNoticeKind::Failed,
            title_sv: "Automatisk ögonblicksbild misslyckades".into(),
            body_sv: format!("Körningen kunde inte genomföras: {error}"),
            title_en: "Automatic snapshot failed".into(),
            body_en: format!("The run could not be done: {error}"),
            channel_ids: ids,
            hint_sv: None,
            hint_en: None,
        }])
    }
}

fn count_sv(n: usize) -> String {
    if n == 1 {
        "1 kanal".into()
    } else {
        format!("{n} kanaler")
    }
}

fn count_en(n: usize) -> String {
    if n == 1 {
        "1 channel".into()
    } else {
        format!("{n} channels")
    }
}

/// "A", "A och B", "A, B och C", "A, B, C och 2 till".
fn list(names: &[&str], and: &str) -> String {
    const SHOWN: usize = 3;
    let more_word = if and == "och" { "till" } else { "more" };
    match names.len() {
        0 => String::new(),
        1 => names[0].to_string(),
        n if n <= SHOWN => format!("{} {and} {}", names[..n - 1].join(", "), names[n - 1]),
        n => format!(
            "{} {and} {} {more_word}",
            names[..SHOWN].join(", "),
            n - SHOWN
        ),
    }
}

/// A channel to announce: id, name, Swedish and English explanation.
type Announce = (ChannelId, String, String, String);

fn schedule_notice(
    kind: SchedulerNoticeKind,
    closure: bool,
    items: &[Announce],
    auto_capture: bool,
) -> SchedulerNotice {
    let names: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
    let n = items.len();
    let (title_sv, title_en, mut body_sv, mut body_en) = match (kind, closure) {
        (SchedulerNoticeKind::Overdue, _) => (
            "Försenade ögonblicksbilder",
            "Overdue snapshots",
            format!("{} är försenad(e): {}.", count_sv(n), list(&names, "och")),
            format!("{} overdue: {}.", count_en(n), list(&names, "and")),
        ),
        (_, true) => (
            "Slutlig ögonblicksbild krävs",
            "Final snapshot needed",
            format!(
                "{} ska avslutas och behöver en slutlig ögonblicksbild: {}.",
                count_sv(n),
                list(&names, "och")
            ),
            format!(
                "{} being closed need a final snapshot: {}.",
                count_en(n),
                list(&names, "and")
            ),
        ),
        _ => (
            "Dags för ögonblicksbilder",
            "Snapshots due",
            format!(
                "{} ska dokumenteras nu: {}.",
                count_sv(n),
                list(&names, "och")
            ),
            format!("{} due now: {}.", count_en(n), list(&names, "and")),
        ),
    };
    if n == 1 {
        body_sv = items[0].2.clone();
        body_en = items[0].3.clone();
        body_sv = format!("{}: {body_sv}", items[0].1);
        body_en = format!("{}: {body_en}", items[0].1);
    }
    let (hint_sv, hint_en) = if auto_capture {
        (None, None)
    } else {
        (
            Some("Öppna Ögonblick för att ta bilderna.".to_owned()),
            Some("Open Ögonblick to take them.".to_owned()),
        )
    };
    SchedulerNotice {
        kind,
        title_sv: title_sv.into(),
        body_sv,
        title_en: title_en.into(),
        body_en,
        hint_sv,
        hint_en,
        channel_ids: items.iter().map(|i| i.0).collect(),
    }
}
