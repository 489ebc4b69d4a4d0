//! The per-channel assessment. See the crate documentation for the rules.

use chrono::Datelike;
use ogonblick_model::messages::{Day, Span};
use ogonblick_model::{
    Channel, ChannelBrief, ChannelId, ChannelStatus, Language, Message, SchedulePolicy, Snapshot,
    SnapshotReason, SnapshotStatus, Timestamp,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Assessor, WindowSpan};

/// Where a channel stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum DueState {
    /// Nothing to do now.
    NotDue,
    /// A window is open and has no good snapshot yet.
    Due,
    /// A window ended without a good snapshot and none was taken since.
    Overdue,
    /// The channel is being closed: the final (pre-closure) snapshot is due.
    ClosureDue,
    /// The channel is closed: never due.
    Closed,
    /// Manual policy: never due.
    Manual,
}

impl DueState {
    pub const ALL: &'static [DueState] = &[
        DueState::NotDue,
        DueState::Due,
        DueState::Overdue,
        DueState::ClosureDue,
        DueState::Closed,
        DueState::Manual,
    ];

    /// The word used in JSON and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            DueState::NotDue => "not-due",
            DueState::Due => "due",
            DueState::Overdue => "overdue",
            DueState::ClosureDue => "closure-due",
            DueState::Closed => "closed",
            DueState::Manual => "manual",
        }
    }

    /// Due, overdue or closure-due: something must be captured.
    pub fn needs_snapshot(self) -> bool {
        matches!(
            self,
            DueState::Due | DueState::Overdue | DueState::ClosureDue
        )
    }
}

impl std::fmt::Display for DueState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the schedule needs to know of one snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotFact {
    pub finished_at: Timestamp,
    pub reason: SnapshotReason,
    pub status: SnapshotStatus,
}

impl From<&Snapshot> for SnapshotFact {
    fn from(s: &Snapshot) -> Self {
        SnapshotFact {
            finished_at: s.finished_at,
            reason: s.reason,
            status: s.status,
        }
    }
}

/// What the schedule needs to know of one channel. Build it with
/// [`ChannelScheduleInput::from_channel`] from the register and history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelScheduleInput {
    pub channel_id: ChannelId,
    pub name: String,
    pub board: Option<String>,
    pub unit: Option<String>,
    /// `None`: the organisation default applies.
    pub policy: Option<SchedulePolicy>,
    pub status: ChannelStatus,
    pub created_at: Timestamp,
    pub closing_started_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    /// Every snapshot of the channel, any status, any order; not its
    /// one-address captures, which never count for the schedule. The
    /// assessment at `now` reads only the good ones (complete, finished at
    /// or before `now`), and of those only the latest pre-closure, the
    /// latest major change and the latest of any other reason (no other
    /// reason is told apart): so those alone give the same answer (the
    /// register's summary gives just them, `ogonblick_store::GoodTimes`;
    /// see [`ChannelScheduleInput::from_facts`]). A rule that tells another
    /// reason apart must widen `GoodTimes` too.
    pub snapshots: Vec<SnapshotFact>,
}

impl ChannelScheduleInput {
    pub fn from_channel<'a>(
        channel: &Channel,
        snapshots: impl IntoIterator<Item = &'a Snapshot>,
    ) -> Self {
        Self::from_facts(
            &ChannelBrief::from(channel),
            snapshots
                .into_iter()
                .filter(|s| s.channel_id == channel.id && s.counts_for_channel())
                .map(SnapshotFact::from)
                .collect(),
        )
    }

    /// The channel with facts already chosen: the channel's snapshots that
    /// count for it (see [`ChannelScheduleInput::snapshots`]), the channel
    /// as the register's narrow read gives it.
    pub fn from_facts(channel: &ChannelBrief, snapshots: Vec<SnapshotFact>) -> Self {
        ChannelScheduleInput {
            channel_id: channel.id,
            name: channel.name.clone(),
            board: channel.board.clone(),
            unit: channel.unit.clone(),
            policy: channel.policy,
            status: channel.status,
            created_at: channel.created_at,
            closing_started_at: channel.closing_started_at,
            closed_at: channel.closed_at,
            snapshots,
        }
    }
}

/// The answer for one channel at one moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Assessment {
    #[ts(type = "number")]
    pub channel_id: ChannelId,
    pub name: String,
    pub board: Option<String>,
    pub unit: Option<String>,
    /// The policy that applied (the channel's own or the default).
    pub policy: SchedulePolicy,
    pub state: DueState,
    /// The window of the policy open at `now`, if any.
    pub current_window: Option<WindowSpan>,
    /// The next window of the policy opening after `now`.
    pub next_window: Option<WindowSpan>,
    /// When the latest complete snapshot (any reason) finished.
    #[ts(type = "string | null")]
    pub last_good_snapshot: Option<Timestamp>,
    /// Since when a snapshot has been due (Due, Overdue, ClosureDue).
    #[ts(type = "string | null")]
    pub due_since: Option<Timestamp>,
    /// When the first missed window closed (Overdue only).
    #[ts(type = "string | null")]
    pub overdue_since: Option<Timestamp>,
    /// Windows that ended without a good snapshot and were not made up.
    pub missed_windows: u32,
    /// The reason to give the snapshot that is due.
    pub reason_to_capture: Option<SnapshotReason>,
    /// Whether an unattended run should capture the channel now: Due and
    /// ClosureDue always, Overdue outside blackout periods.
    pub capture_now: bool,
    /// Why, as a key of the message catalogue (render it in the UI's language).
    pub message: Message,
}

impl Assessment {
    /// Sets the explanation (a message of the catalogue).
    fn explain(&mut self, message: Message) {
        self.message = message;
    }

    /// The explanation in `lang`.
    pub fn explanation(&self, lang: Language) -> String {
        self.message.render(lang)
    }
}

/// A status as it was at `now` (so `due --at` a past date is consistent).
fn status_at(input: &ChannelScheduleInput, now: Timestamp) -> ChannelStatus {
    let started = |t: Option<Timestamp>| !matches!(t, Some(t) if t > now);
    match input.status {
        ChannelStatus::Active => ChannelStatus::Active,
        ChannelStatus::Closing if started(input.closing_started_at) => ChannelStatus::Closing,
        ChannelStatus::Closing => ChannelStatus::Active,
        ChannelStatus::Closed if started(input.closed_at) => ChannelStatus::Closed,
        ChannelStatus::Closed if input.closing_started_at.is_some_and(|t| t <= now) => {
            ChannelStatus::Closing
        }
        ChannelStatus::Closed => ChannelStatus::Active,
    }
}

fn policy_reason(policy: SchedulePolicy) -> Option<SnapshotReason> {
    match policy {
        SchedulePolicy::HalfYearly => Some(SnapshotReason::HalfYearly),
        SchedulePolicy::Yearly => Some(SnapshotReason::Yearly),
        SchedulePolicy::Manual => None,
    }
}

pub(crate) fn assess(ctx: &mut Assessor<'_>, input: &ChannelScheduleInput) -> Assessment {
    let (schedule, now) = (ctx.schedule(), ctx.now());
    let policy = schedule.effective_policy(input.policy);
    let good = || {
        input
            .snapshots
            .iter()
            .filter(move |s| s.status == SnapshotStatus::Complete && s.finished_at <= now)
    };
    let last_good_snapshot = good().map(|s| s.finished_at).max();
    let mut a = Assessment {
        channel_id: input.channel_id,
        name: input.name.clone(),
        board: input.board.clone(),
        unit: input.unit.clone(),
        policy,
        state: DueState::NotDue,
        current_window: None,
        next_window: None,
        last_good_snapshot,
        due_since: None,
        overdue_since: None,
        missed_windows: 0,
        reason_to_capture: None,
        capture_now: false,
        message: Message::ScheduleNoNextWindow {},
    };

    if input.created_at > now {
        a.next_window = ctx.next_window(policy);
        a.explain(Message::DueNotYetCreated {});
        return a;
    }

    match status_at(input, now) {
        ChannelStatus::Closed => {
            a.state = DueState::Closed;
            a.explain(Message::DueClosed {});
            return a;
        }
        ChannelStatus::Closing => {
            let since = input.closing_started_at;
            let final_done = good()
                .filter(|s| s.reason == SnapshotReason::PreClosure)
                .filter(|s| !matches!(since, Some(t) if s.finished_at < t))
                .map(|s| s.finished_at)
                .max();
            match final_done {
                Some(done) => {
                    a.state = DueState::NotDue;
                    a.explain(Message::DueFinalTaken {
                        taken: Day::new(schedule.local_date(done)),
                    });
                }
                None => {
                    a.state = DueState::ClosureDue;
                    a.due_since = since;
                    a.reason_to_capture = Some(SnapshotReason::PreClosure);
                    a.capture_now = true;
                    a.explain(Message::DueClosureDue {});
                }
            }
            return a;
        }
        ChannelStatus::Active => {}
    }

    if policy == SchedulePolicy::Manual {
        a.state = DueState::Manual;
        a.explain(Message::DueManual {});
        return a;
    }

    let resets = schedule.settings().major_change_resets_schedule;
    let last_counting = good()
        .filter(|s| resets || s.reason != SnapshotReason::MajorChange)
        .map(|s| s.finished_at)
        .max();

    let from = last_counting
        .unwrap_or(input.created_at)
        .max(input.created_at);
    let from_year = schedule.local_date(from).year() - 1;
    let to_year = schedule.local_date(now).year() + 1;
    let in_blackout = ctx.blackout_now().is_some();
    let occ = ctx.windows(policy, from_year, to_year);

    let covered = |w: &WindowSpan| last_counting.is_some_and(|l| l >= w.opens_at);
    let applies = |w: &WindowSpan| w.closes_at > input.created_at && w.opens_at <= now;
    let missed: Vec<&WindowSpan> = occ
        .iter()
        .filter(|w| applies(w) && w.closes_at <= now && !covered(w))
        .collect();
    a.current_window = occ.iter().find(|w| w.contains(now)).cloned();
    a.next_window = occ.iter().find(|w| w.opens_at > now).cloned();
    let reason = policy_reason(policy);
    let next_txt = |a: &Assessment| {
        Box::new(match &a.next_window {
            Some(w) => Message::ScheduleNextWindow {
                window: w.label.clone(),
                opens: Day::new(w.first_day),
            },
            None => Message::ScheduleNoNextWindow {},
        })
    };

    if let Some(first) = missed.first() {
        a.state = DueState::Overdue;
        a.missed_windows = missed.len() as u32;
        a.due_since = Some(first.opens_at.max(input.created_at));
        a.overdue_since = Some(first.closes_at);
        a.reason_to_capture = reason;
        a.capture_now = !in_blackout;
        a.explain(Message::DueOverdue {
            window: first.label.clone(),
            span: Span {
                from: first.first_day,
                to: first.last_day,
            },
            missed: missed.len() as u32,
            major_change_ignored: !resets
                && last_good_snapshot.is_some_and(|l| l >= first.opens_at),
            in_blackout,
        });
        return a;
    }

    match a.current_window.clone() {
        Some(w) if !covered(&w) => {
            a.state = DueState::Due;
            a.due_since = Some(w.opens_at.max(input.created_at));
            a.reason_to_capture = reason;
            a.capture_now = true;
            a.explain(Message::DueNow {
                window: w.label.clone(),
                by: Day::new(w.last_day),
            });
        }
        Some(w) => {
            let next = next_txt(&a);
            a.explain(Message::DueCovered {
                window: w.label.clone(),
                next,
            });
        }
        None => {
            let next = next_txt(&a);
            a.explain(Message::DueNothing { next });
        }
    }
    a
}
