//! The schedule's summary of the history: what `due`, `coverage` and the
//! overview need, read from the snapshot rows' summary columns (channel,
//! reason, status, started and finished time, `whole_channel`) through the
//! covering index `snapshots_summary` (migration 0010), aggregated by SQLite
//! at the moment asked about. No manifest is read or parsed.
//!
//! The columns are written by the same INSERT as the row they summarise
//! ([`super::insert_snapshot_row`]: commit, recovery at open, reindex), and a
//! snapshot's status, reason and times never change after its commit, so
//! the summary cannot disagree with the record.
//!
//! Times are compared as stored: `ts()` text, fixed-width UTC with
//! nanoseconds, which sorts as the times do (years 0000–9999). Ties are
//! broken as the history's order breaks them (start time, then id).

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

/// Per channel and reason, the latest good snapshot's finish time at `?1`.
pub(super) const LATEST_GOOD: &str =
    "SELECT channel_id, reason, MAX(finished_at) FROM snapshots INDEXED BY snapshots_good
     WHERE whole_channel = 1 AND status = 'complete' AND finished_at <= ?1
     GROUP BY channel_id, reason ORDER BY channel_id, reason";

/// Per channel, the overview's history at `?1`. A query with one MAX()
/// takes its other (bare) columns from the row that has the maximum; the
/// keys are unique (they end in the id) and fixed-width up to the id, so
/// the maximum is the latest row.
pub(super) const HISTORY_SUMMARIES: &str = "WITH
     good AS (
        SELECT channel_id, MAX(finished_at || started_at || id) AS k,
               id, reason, status, started_at, finished_at
        FROM snapshots INDEXED BY snapshots_summary
        WHERE whole_channel = 1 AND status = 'complete' AND finished_at <= ?1
        GROUP BY channel_id),
     latest AS (
        SELECT channel_id, MAX(started_at || id) AS k, COUNT(*) AS n,
               id, reason, status, started_at, finished_at
        FROM snapshots INDEXED BY snapshots_summary
        WHERE whole_channel = 1 AND finished_at <= ?1
        GROUP BY channel_id),
     failed AS (
        SELECT s.channel_id, COUNT(*) AS n
        FROM snapshots s INDEXED BY snapshots_summary
        LEFT JOIN good g ON g.channel_id = s.channel_id
        WHERE s.whole_channel = 1 AND s.status <> 'complete' AND s.finished_at <= ?1
          AND (g.finished_at IS NULL OR s.started_at >= g.finished_at)
        GROUP BY s.channel_id)
     SELECT l.channel_id, l.n, COALESCE(f.n, 0),
            l.id, l.reason, l.status, l.started_at, l.finished_at,
            g.id, g.reason, g.status, g.started_at, g.finished_at
     FROM latest l
     LEFT JOIN good g ON g.channel_id = l.channel_id
     LEFT JOIN failed f ON f.channel_id = l.channel_id
     ORDER BY l.channel_id";

/// Per channel, what the channel list shows of its history (every
/// snapshot, one-address captures too): the count, the latest by start time
/// (then id) and the start of the latest complete one. One row per channel,
/// aggregated by SQLite from the covering index; no record is read.
pub(super) const CHANNEL_STATS: &str = "WITH
     latest AS (
        SELECT channel_id, MAX(started_at || id) AS k, COUNT(*) AS n, status, started_at
        FROM snapshots INDEXED BY snapshots_summary
        GROUP BY channel_id),
     good AS (
        SELECT channel_id, MAX(started_at) AS started_at
        FROM snapshots INDEXED BY snapshots_summary
        WHERE status = 'complete'
        GROUP BY channel_id)
     SELECT l.channel_id, l.n, l.started_at, l.status, g.started_at
     FROM latest l LEFT JOIN good g ON g.channel_id = l.channel_id";

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
            Ok(LatestGood {
                channel_id: r.get(0)?,
                reason: parse_word(&r.get::<_, String>(1)?)?,
                finished_at: parse_ts(&r.get::<_, String>(2)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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
