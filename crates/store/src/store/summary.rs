//! The schedule's summary of the history: what `due`, `coverage` and the
//! overview need, read from the reports' summary tables (migration 0012,
//! written by `summary_rows.rs` in the transaction of every write of the
//! snapshot rows) and, for a moment before a snapshot finished, from the
//! snapshot rows' summary columns through their indexes (migrations 0010,
//! 0011). No manifest is read or parsed, and no call aggregates every row.
//!
//! A snapshot's status, reason and times never change after its commit, so
//! the summary cannot disagree with the record. Times are compared as
//! stored: `ts()` text, fixed-width UTC with nanoseconds, which sorts as the
//! times do (years 0000–9999). Ties are broken as the history's order
//! breaks them (start time, then id).

use std::collections::HashMap;

use ogonblick_model::{ChannelId, SnapshotReason, SnapshotStatus, Timestamp};
use rusqlite::{Connection, Row};

use super::{parse_ts, parse_word, ts, Store};
use crate::Result;

/// A snapshot as the overview shows it: no pages, no files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotBrief {
    pub id: String,
    pub channel_id: ChannelId,
    pub reason: SnapshotReason,
    pub status: SnapshotStatus,
    pub started_at: Timestamp,
    pub finished_at: Timestamp,
}

/// One channel's history at a moment, as the overview counts it: only the
/// snapshots of the whole channel (no one-address captures) finished at or
/// before the moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelHistorySummary {
    pub channel_id: ChannelId,
    /// Snapshots of any status.
    pub snapshots: u32,
    /// Failed and partial snapshots started at or after the latest good one
    /// finished (all of them when there is none).
    pub failures: u32,
    /// The latest by start time (then id).
    pub last: SnapshotBrief,
    /// The latest complete one by finish time (then start time, then id).
    pub last_good: Option<SnapshotBrief>,
}

/// The latest good snapshot of one reason of one channel: what the schedule
/// needs (see `ogonblick_schedule::ChannelScheduleInput`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LatestGood {
    pub channel_id: ChannelId,
    pub reason: SnapshotReason,
    pub finished_at: Timestamp,
}

/// Per channel and reason, the latest good snapshot's finish time at `?1`:
/// the summary's (`channel_good`) when it finished by then, else the latest
/// by then of that channel and reason from the index `snapshots_good` (one
/// search, not a scan); NULL when there is none by then (left out by the
/// caller: a WHERE on it would run the search twice).
pub(super) const LATEST_GOOD: &str = "SELECT g.channel_id, g.reason,
            CASE WHEN g.finished_at <= ?1 THEN g.finished_at ELSE (
                SELECT MAX(s.finished_at) FROM snapshots s INDEXED BY snapshots_good
                WHERE s.channel_id = g.channel_id AND s.reason = g.reason
                  AND s.whole_channel = 1 AND s.status = 'complete'
                  AND s.finished_at <= ?1) END
     FROM channel_good g ORDER BY g.channel_id, g.reason";

/// Per channel, the overview's history at `?1`: the channel's last step
/// (`history_steps`) finished at or before `?1`, found by one search of the
/// index `history_steps_order` per channel with snapshots.
pub(super) const HISTORY_SUMMARIES: &str = "SELECT h.channel_id, h.snapshots, h.failures,
            h.last_id, h.last_reason, h.last_status, h.last_started_at, h.last_finished_at,
            h.good_id, h.good_reason, 'complete', h.good_started_at, h.good_finished_at
     FROM channel_summary c
     JOIN history_steps h ON h.seq = (
        SELECT seq FROM history_steps
        WHERE channel_id = c.channel_id AND finished_at <= ?1
        ORDER BY finished_at DESC, started_at DESC, id DESC LIMIT 1)
     ORDER BY c.channel_id";

/// Per channel, what the channel list shows of its history (every
/// snapshot, one-address captures too): the count, the latest by start time
/// (then id) and the start of the latest complete one, as the summary
/// (`channel_summary`) holds them. One row per channel with snapshots.
pub(super) const CHANNEL_STATS: &str =
    "SELECT channel_id, snapshots, last_started_at, last_status, last_complete_started_at
     FROM channel_summary";

/// One channel's history as the channel list shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct ChannelStats {
    pub count: u32,
    pub last_started_at: Option<Timestamp>,
    pub last_status: Option<SnapshotStatus>,
    pub last_complete_started_at: Option<Timestamp>,
}

/// [`CHANNEL_STATS`] by channel.
pub(super) fn channel_stats(conn: &Connection) -> Result<HashMap<ChannelId, ChannelStats>> {
    let mut stmt = conn.prepare_cached(CHANNEL_STATS)?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, ChannelId>(0)?,
            ChannelStats {
                count: r.get(1)?,
                last_started_at: Some(parse_ts(&r.get::<_, String>(2)?)?),
                last_status: Some(parse_word(&r.get::<_, String>(3)?)?),
                last_complete_started_at: match r.get::<_, Option<String>>(4)? {
                    Some(t) => Some(parse_ts(&t)?),
                    None => None,
                },
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A snapshot as the overview's calendar and timeline draw it: the summary
/// columns of its row, no pages, no files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotLine {
    pub brief: SnapshotBrief,
    /// A one-address capture (it never counts for the schedule).
    pub single_address: bool,
}

/// One channel's snapshots in history order (start time, then id), from the
/// covering index.
pub(super) const LINES_OF_CHANNEL: &str =
    "SELECT id, reason, status, started_at, finished_at, whole_channel
     FROM snapshots INDEXED BY snapshots_summary
     WHERE channel_id = ?1 ORDER BY started_at, id";

#[cfg(test)]
#[path = "summary_plans.rs"]
mod plans;

impl Store {
    /// Per channel and reason, when the latest good snapshot finished: status
    /// `complete`, of the whole channel, finished at or before `at`. Ordered
    /// by channel, then reason.
    pub fn latest_good_snapshots(&self, at: Timestamp) -> Result<Vec<LatestGood>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(LATEST_GOOD)?;
        let rows = stmt.query_map([ts(&at)], |r| {
            let Some(finished_at) = r.get::<_, Option<String>>(2)? else {
                return Ok(None);
            };
            Ok(Some(LatestGood {
                channel_id: r.get(0)?,
                reason: parse_word(&r.get::<_, String>(1)?)?,
                finished_at: parse_ts(&finished_at)?,
            }))
        })?;
        let rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows.into_iter().flatten().collect())
    }

    /// Per channel with at least one snapshot of the whole channel finished
    /// at or before `at`: counts, failures, the latest and the latest good
    /// one. Ordered by channel.
    pub fn history_summaries(&self, at: Timestamp) -> Result<Vec<ChannelHistorySummary>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(HISTORY_SUMMARIES)?;
        let rows = stmt.query_map([ts(&at)], |r| {
            let channel_id: ChannelId = r.get(0)?;
            Ok(ChannelHistorySummary {
                channel_id,
                snapshots: r.get(1)?,
                failures: r.get(2)?,
                last: brief(r, 3, channel_id)?,
                last_good: match r.get::<_, Option<String>>(8)? {
                    Some(_) => Some(brief(r, 8, channel_id)?),
                    None => None,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The snapshots of the given channels (each channel's in history order,
    /// the channels in the order given), read from the summary columns: what
    /// a view draws for the channels on its page, without loading a record.
    /// A channel without snapshots (or not in the register) has none.
    pub fn snapshot_lines(&self, channels: &[ChannelId]) -> Result<Vec<SnapshotLine>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(LINES_OF_CHANNEL)?;
        let mut out = Vec::new();
        for &channel_id in channels {
            let rows = stmt.query_map([channel_id], |r| {
                Ok(SnapshotLine {
                    brief: brief(r, 0, channel_id)?,
                    single_address: r.get::<_, i64>(5)? == 0,
                })
            })?;
            for row in rows {
                out.push(row?);
            }
        }
        Ok(out)
    }
}

/// The five columns id, reason, status, started_at, finished_at from `at`.
fn brief(r: &Row<'_>, at: usize, channel_id: ChannelId) -> rusqlite::Result<SnapshotBrief> {
    Ok(SnapshotBrief {
        id: r.get(at)?,
        channel_id,
        reason: parse_word(&r.get::<_, String>(at + 1)?)?,
        status: parse_word(&r.get::<_, String>(at + 2)?)?,
        started_at: parse_ts(&r.get::<_, String>(at + 3)?)?,
        finished_at: parse_ts(&r.get::<_, String>(at + 4)?)?,
    })
}
