//! What the due list and the overview read of every channel at a moment
//! ([`crate::Register::report_rows`]): its brief, its latest good
//! snapshots as the schedule reads them ([`GoodTimes`]) and, for the
//! overview, its history summary. By default the register's reads joined
//! here ([`join`]); the PostgreSQL backend reads the summary row of each
//! channel instead of every reason's (`pg/report_rows.rs`).

use std::collections::HashMap;

use ogonblick_model::{ChannelBrief, ChannelId, SnapshotReason, Timestamp};

use crate::{ChannelHistorySummary, LatestGood, Register, Result};

/// A channel's latest good snapshots (complete, of the whole channel,
/// finished by the moment) as far as the schedule tells them apart: the
/// latest final one (`pre-closure`), the latest `major-change`, and the
/// latest of any other reason with its reason (of two that finished at
/// once, the reason first in the words' order).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GoodTimes {
    pub pre_closure: Option<Timestamp>,
    pub major_change: Option<Timestamp>,
    pub other: Option<(SnapshotReason, Timestamp)>,
}

impl GoodTimes {
    /// Takes in a good snapshot of `reason` that finished at `at`.
    pub fn add(&mut self, reason: SnapshotReason, at: Timestamp) {
        let latest = |t: &mut Option<Timestamp>| *t = Some(t.map_or(at, |t| t.max(at)));
        match reason {
            SnapshotReason::PreClosure => latest(&mut self.pre_closure),
            SnapshotReason::MajorChange => latest(&mut self.major_change),
            _ => {
                let later = match self.other {
                    None => true,
                    Some((r, t)) => at > t || (at == t && reason.as_str() < r.as_str()),
                };
                if later {
                    self.other = Some((reason, at));
                }
            }
        }
    }

    /// Each latest good snapshot: reason and finish.
    pub fn each(&self) -> impl Iterator<Item = (SnapshotReason, Timestamp)> {
        [
            self.pre_closure.map(|t| (SnapshotReason::PreClosure, t)),
            self.major_change.map(|t| (SnapshotReason::MajorChange, t)),
            self.other,
        ]
        .into_iter()
        .flatten()
    }
}

/// One channel as the reports read it at a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRow {
    pub brief: ChannelBrief,
    /// From the channel's rows of
    /// [`crate::Register::latest_good_snapshots`].
    pub good: GoodTimes,
    /// The channel's [`crate::Register::history_summaries`] row (`None`
    /// also when it was not asked for).
    pub history: Option<ChannelHistorySummary>,
}

/// [`crate::Register::report_rows`] from the register's three reads.
pub(crate) fn read_separately<R: Register + ?Sized>(
    register: &R,
    at: Timestamp,
    with_history: bool,
) -> Result<Vec<ReportRow>> {
    let history = if with_history {
        register.history_summaries(at)?
    } else {
        Vec::new()
    };
    Ok(join(
        register.channel_briefs()?,
        register.latest_good_snapshots(at)?,
        history,
    ))
}

/// The rows of `briefs` (in their order) with their channels' latest good
/// snapshots and history summaries.
pub(crate) fn join(
    briefs: Vec<ChannelBrief>,
    good: Vec<LatestGood>,
    history: Vec<ChannelHistorySummary>,
) -> Vec<ReportRow> {
    let mut good_of: HashMap<ChannelId, GoodTimes> = HashMap::new();
    for g in good {
        good_of
            .entry(g.channel_id)
            .or_default()
            .add(g.reason, g.finished_at);
    }
    let mut history_of: HashMap<ChannelId, ChannelHistorySummary> =
        history.into_iter().map(|h| (h.channel_id, h)).collect();
    briefs
        .into_iter()
        .map(|brief| ReportRow {
            good: good_of.remove(&brief.id).unwrap_or_default(),
            history: history_of.remove(&brief.id),
            brief,
        })
        .collect()
}
