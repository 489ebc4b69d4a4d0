//! Use case: the coverage overview for managers (översikt). Per board and
//! unit, every channel with its last good snapshot, what is due next,
//! failures and counts.
//!
//! The schedule rules are not repeated here: the state, windows and
//! explanation of every row come from [`App::due`], and "good" is the
//! schedule crate's rule (status `complete`, finished at or before the
//! moment assessed). Snapshots are read from the register's summary
//! ([`ogonblick_store::Store::history_summaries`]: counts, the latest and the
//! latest good snapshot per channel, aggregated by the database), never
//! from the full records.
//!
//! Failure count: the failed and partial snapshots (finished at or before
//! the moment) taken *after the last good one*, or all of them when there
//! is no good one. That is the number a manager acts on: "it has failed 3
//! times since it last worked". A later good snapshot resets it to 0.
//!
//! Closed channels are left out by default ([`App::coverage`]);
//! [`App::coverage_with`] with `include_closed` lists them too, flagged by
//! `closed: true` (their state is `closed`). The totals always say how many
//! closed channels there are.

use std::collections::HashMap;

use chrono::NaiveDate;
use ogonblick_model::{
    ChannelId, ChannelStatus, Message, Platform, SchedulePolicy, Snapshot, SnapshotReason,
    SnapshotStatus, Timestamp,
};
use ogonblick_schedule::{DueState, WindowSpan};
use ogonblick_store::{ChannelHistorySummary, SnapshotBrief};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, Result};

/// A snapshot as the overview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoverageSnapshot {
    pub id: String,
    #[ts(type = "string")]
    pub started_at: Timestamp,
    #[ts(type = "string")]
    pub finished_at: Timestamp,
    pub reason: SnapshotReason,
    pub status: SnapshotStatus,
}

impl From<&Snapshot> for CoverageSnapshot {
    fn from(s: &Snapshot) -> Self {
        CoverageSnapshot {
            id: s.id.clone(),
            started_at: s.started_at,
            finished_at: s.finished_at,
            reason: s.reason,
            status: s.status,
        }
    }
}

impl From<SnapshotBrief> for CoverageSnapshot {
    fn from(s: SnapshotBrief) -> Self {
        CoverageSnapshot {
            id: s.id,
            started_at: s.started_at,
            finished_at: s.finished_at,
            reason: s.reason,
            status: s.status,
        }
    }
}

/// One channel in the overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoverageRow {
    #[ts(type = "number")]
    pub channel_id: ChannelId,
    pub name: String,
    pub platform: Platform,
    /// The channel's status in the register (active, closing, closed).
    pub status: ChannelStatus,
    /// Set for closed channels (only listed with `include_closed`).
    pub closed: bool,
    pub responsible: Option<String>,
    /// Ersättare.
    pub substitute: Option<String>,
    /// The policy that applies (the channel's own or the default).
    pub policy: SchedulePolicy,
    /// The latest good (complete, finished by the moment) snapshot.
    pub last_good: Option<CoverageSnapshot>,
    /// The latest snapshot of any status.
    pub last_snapshot: Option<CoverageSnapshot>,
    /// From the schedule: due, overdue, closure-due, not-due, manual, closed.
    pub state: DueState,
    /// Whether an unattended run would capture the channel now.
    pub capture_now: bool,
    #[ts(type = "string | null")]
    pub due_since: Option<Timestamp>,
    #[ts(type = "string | null")]
    pub overdue_since: Option<Timestamp>,
    pub missed_windows: u32,
    /// The window open now: a due snapshot must be taken before it closes
    /// (`current_window.last_day`, `closes_at`).
    pub current_window: Option<WindowSpan>,
    /// The next window (when the next regular snapshot becomes due).
    pub next_window: Option<WindowSpan>,
    /// Failed and partial snapshots since the last good one (all of them if
    /// there is none).
    pub failures: u32,
    /// Snapshots of any status finished by the moment.
    pub snapshot_count: u32,
    /// The schedule's explanation, a message of the catalogue (render it in
    /// the reader's language).
    pub message: Message,
}

/// Counts of a group or of the whole overview.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoverageCounts {
    /// Rows listed.
    pub channels: u32,
    /// Rows with a good snapshot.
    pub with_good_snapshot: u32,
    /// Rows never snapshotted well.
    pub without_good_snapshot: u32,
    pub due: u32,
    pub overdue: u32,
    pub closure_due: u32,
    /// Sum of the rows' failure counts.
    pub failures: u32,
    /// Sum of the rows' snapshot counts.
    pub snapshots: u32,
    /// Closed channels in the register (listed or not).
    pub closed: u32,
}

impl CoverageCounts {
    fn add(&mut self, r: &CoverageRow) {
        self.channels += 1;
        if r.last_good.is_some() {
            self.with_good_snapshot += 1;
        } else {
            self.without_good_snapshot += 1;
        }
        match r.state {
            DueState::Due => self.due += 1,
            DueState::Overdue => self.overdue += 1,
            DueState::ClosureDue => self.closure_due += 1,
            _ => {}
        }
        self.failures += r.failures;
        self.snapshots += r.snapshot_count;
    }
}

/// One board/unit pair; `None` when the register names none ("(ingen
/// nämnd)" in the UI).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoverageGroup {
    pub board: Option<String>,
    pub unit: Option<String>,
    pub counts: CoverageCounts,
    /// Most urgent first, then by name (the order of the due report).
    pub rows: Vec<CoverageRow>,
}

/// The overview at a moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoverageReport {
    #[ts(type = "string")]
    pub at: Timestamp,
    #[ts(type = "string")]
    pub local_date: NaiveDate,
    pub timezone: String,
    /// Whether closed channels are listed.
    pub include_closed: bool,
    /// Sorted by board then unit (case-insensitive); missing ones last.
    pub groups: Vec<CoverageGroup>,
    pub totals: CoverageCounts,
}

impl App {
    /// The coverage overview at `at` (default: now), without closed channels.
    pub fn coverage(&self, at: Option<Timestamp>) -> Result<CoverageReport> {
        self.coverage_with(at, false)
    }

    /// The coverage overview; `include_closed` lists closed channels too.
    pub fn coverage_with(
        &self,
        at: Option<Timestamp>,
        include_closed: bool,
    ) -> Result<CoverageReport> {
        // A one-address capture is not a snapshot of the channel: the
        // overview neither counts it nor shows it as the last good one (the
        // summary leaves it out, and what finished after the moment).
        let (due, channels, mut history) = self.due_and_channels(at, true)?;
        let at = due.at;
        // Each channel's parts are moved into its row, not copied.
        let mut channels: HashMap<ChannelId, ogonblick_model::ChannelBrief> =
            channels.into_iter().map(|c| (c.id, c)).collect();
        let mut entries: HashMap<ChannelId, crate::DueEntry> = due
            .channels
            .into_iter()
            .map(|e| (e.assessment.channel_id, e))
            .collect();

        let mut totals = CoverageCounts::default();
        let mut groups = Vec::new();
        for g in &due.summary.groups {
            let mut group = CoverageGroup {
                board: g.board.clone(),
                unit: g.unit.clone(),
                counts: CoverageCounts::default(),
                rows: Vec::new(),
            };
            for id in &g.channel_ids {
                let (Some(entry), Some(channel)) = (entries.remove(id), channels.remove(id)) else {
                    continue;
                };
                let closed = entry.assessment.state == DueState::Closed;
                if closed {
                    totals.closed += 1;
                    group.counts.closed += 1;
                    if !include_closed {
                        continue;
                    }
                }
                let row = row(channel, entry, history.remove(id), closed);
                group.counts.add(&row);
                totals.add(&row);
                group.rows.push(row);
            }
            if !group.rows.is_empty() {
                groups.push(group);
            }
        }
        Ok(CoverageReport {
            at,
            local_date: due.local_date,
            timezone: due.timezone,
            include_closed,
            groups,
            totals,
        })
    }
}

/// The channel's history at the moment from the summary: the latest good
/// snapshot (complete, by finish time), the failures since it, the latest
/// snapshot and the count; `None` when it has no snapshot by then.
fn row(
    channel: ogonblick_model::ChannelBrief,
    entry: crate::DueEntry,
    history: Option<ChannelHistorySummary>,
    closed: bool,
) -> CoverageRow {
    let a = entry.assessment;
    let (last_good, last_snapshot, failures, snapshot_count) = match history {
        Some(h) => (
            h.last_good.map(CoverageSnapshot::from),
            Some(CoverageSnapshot::from(h.last)),
            h.failures,
            h.snapshots,
        ),
        None => (None, None, 0, 0),
    };
    CoverageRow {
        channel_id: channel.id,
        name: channel.name,
        platform: channel.platform,
        status: channel.status,
        closed,
        responsible: channel.responsible,
        substitute: channel.substitute,
        policy: a.policy,
        last_good,
        last_snapshot,
        state: a.state,
        capture_now: a.capture_now,
        due_since: a.due_since,
        overdue_since: a.overdue_since,
        missed_windows: a.missed_windows,
        current_window: a.current_window,
        next_window: a.next_window,
        failures,
        snapshot_count,
        message: a.message,
    }
}
