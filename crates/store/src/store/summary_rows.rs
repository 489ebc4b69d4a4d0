//! The reports' summary of the history (migration 0012): written, never
//! read, here. Every write of snapshot rows calls one of these for the
//! channel in the same transaction. A new row (a commit, the recording of a
//! folder without a row) calls [`snapshot_added`]: when the snapshot is the
//! channel's latest (the common case) it updates the counts and appends one
//! history step from the last one; otherwise it falls back to
//! [`refresh_channel`], which recomputes the channel's summary rows from its
//! snapshot rows' summary columns (read through the covering index
//! `snapshots_summary`), as reindex and a disposal do. Either way the
//! summary is what aggregating the rows would give. [`refresh_all`] fills
//! the tables for an existing store (after the migrations, when marked
//! stale) and after a bulk write.
//!
//! The rules are those of the aggregate queries the reports ran before
//! (kept in `tests/it/summary.rs` as the recomputation the summary is held
//! to): times are compared as stored (fixed-width text), "latest" is by
//! start time then id, "latest good" by finish time, then start time, then
//! id, and the failures are the failed and partial snapshots started at or
//! after the latest good one finished (all of them when there is none).

use std::collections::BTreeMap;

use ogonblick_model::ChannelId;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::Result;

const COMPLETE: &str = "complete";

/// A snapshot row's summary columns.
#[derive(Clone)]
struct Line {
    id: String,
    reason: String,
    status: String,
    started_at: String,
    finished_at: String,
    whole_channel: bool,
}

impl Line {
    fn complete(&self) -> bool {
        self.status == COMPLETE
    }
}

/// Recomputes every channel's summary.
pub(crate) fn refresh_all(conn: &Connection) -> Result<()> {
    for table in ["channel_summary", "channel_good", "history_steps"] {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
    }
    let ids: Vec<ChannelId> = {
        let mut stmt = conn.prepare("SELECT DISTINCT channel_id FROM snapshots ORDER BY 1")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for id in ids {
        refresh_channel(conn, id)?;
    }
    Ok(())
}

impl Line {
    fn from_row(r: &Row<'_>, at: usize) -> rusqlite::Result<Line> {
        Ok(Line {
            id: r.get(at)?,
            reason: r.get(at + 1)?,
            status: r.get(at + 2)?,
            started_at: r.get(at + 3)?,
            finished_at: r.get(at + 4)?,
            whole_channel: r.get::<_, i64>(at + 5)? != 0,
        })
    }

    /// The history's order of "latest": start time, then id.
    fn start_key(&self) -> (&str, &str) {
        (&self.started_at, &self.id)
    }

    /// The history steps' order: finish, start, id.
    fn step_key(&self) -> (&str, &str, &str) {
        (&self.finished_at, &self.started_at, &self.id)
    }
}

/// A channel's history as of one whole-channel snapshot's finish: one row
/// of `history_steps`.
struct Step {
    snapshots: i64,
    failures: i64,
    last: Line,
    good: Option<Line>,
}

impl Step {
    /// The history once `line`, the next whole-channel snapshot in the
    /// steps' order, is added to `prev`. `failed_since` counts the failed
    /// and partial snapshots so far (`line` too) started at or after a
    /// moment: when `line` is good, the failures are recounted from its
    /// finish; otherwise `line` adds one when it started at or after the
    /// latest good one finished (or there is none).
    fn next(
        prev: Option<Step>,
        line: &Line,
        failed_since: impl FnOnce(&str) -> Result<i64>,
    ) -> Result<Step> {
        let (snapshots, failures, last, good) = match prev {
            Some(p) => (p.snapshots, p.failures, Some(p.last), p.good),
            None => (0, 0, None, None),
        };
        let last = match last {
            Some(l) if l.start_key() > line.start_key() => l,
            _ => line.clone(),
        };
        if line.complete() {
            return Ok(Step {
                snapshots: snapshots + 1,
                failures: failed_since(&line.finished_at)?,
                last,
                good: Some(line.clone()),
            });
        }
        let counts = good
            .as_ref()
            .is_none_or(|g| line.started_at >= g.finished_at);
        Ok(Step {
            snapshots: snapshots + 1,
            failures: failures + i64::from(counts),
            last,
            good,
        })
    }

    fn insert(&self, conn: &Connection, channel_id: ChannelId, line: &Line) -> Result<()> {
        let (l, g) = (&self.last, self.good.as_ref());
        conn.prepare_cached(
            "INSERT INTO history_steps (channel_id, finished_at, started_at, id, snapshots, failures,
                 last_id, last_reason, last_status, last_started_at, last_finished_at,
                 good_id, good_reason, good_started_at, good_finished_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?
        .execute(params![
            channel_id,
            line.finished_at,
            line.started_at,
            line.id,
            self.snapshots,
            self.failures,
            l.id,
            l.reason,
            l.status,
            l.started_at,
            l.finished_at,
            g.map(|g| &g.id),
            g.map(|g| &g.reason),
            g.map(|g| &g.started_at),
            g.map(|g| &g.finished_at),
        ])?;
        Ok(())
    }
}

/// The channel's last history step, in the steps' order.
const LAST_STEP: &str = "SELECT finished_at, started_at, id, snapshots, failures,
        last_id, last_reason, last_status, last_started_at, last_finished_at, 1,
        good_id, good_reason, 'complete', good_started_at, good_finished_at, 1
     FROM history_steps WHERE channel_id = ?1
     ORDER BY finished_at DESC, started_at DESC, id DESC LIMIT 1";

/// Updates the channel's summary for the snapshot row `snapshot_id` just
/// inserted, in that transaction. When it is the channel's latest (by start
/// time, then id) and, of the whole channel, the last in the steps' order,
/// the counts are updated and one step appended; a snapshot that lands out
/// of order (reindex, an import, a folder recorded late) recomputes the
/// channel ([`refresh_channel`]).
pub(crate) fn snapshot_added(conn: &Connection, snapshot_id: &str) -> Result<()> {
    let (channel_id, line): (ChannelId, Line) = conn
        .prepare_cached(
            "SELECT channel_id, id, reason, status, started_at, finished_at, whole_channel
             FROM snapshots WHERE id = ?1",
        )?
        .query_row([snapshot_id], |r| Ok((r.get(0)?, Line::from_row(r, 1)?)))?;
    let later_start: bool = conn
        .prepare_cached(
            "SELECT EXISTS(SELECT 1 FROM snapshots INDEXED BY snapshots_channel_started
             WHERE channel_id = ?1 AND started_at >= ?2 AND (started_at > ?2 OR id > ?3))",
        )?
        .query_row(params![channel_id, line.started_at, line.id], |r| r.get(0))?;
    let prev = if line.whole_channel {
        conn.prepare_cached(LAST_STEP)?
            .query_row([channel_id], |r| {
                let key: (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
                let good = match r.get::<_, Option<String>>(11)? {
                    Some(_) => Some(Line::from_row(r, 11)?),
                    None => None,
                };
                let step = Step {
                    snapshots: r.get(3)?,
                    failures: r.get(4)?,
                    last: Line::from_row(r, 5)?,
                    good,
                };
                Ok((key, step))
            })
            .optional()?
    } else {
        None
    };
    let out_of_order = later_start
        || prev
            .as_ref()
            .is_some_and(|(k, _)| (k.0.as_str(), k.1.as_str(), k.2.as_str()) >= line.step_key());
    if out_of_order {
        return refresh_channel(conn, channel_id);
    }

    // The channel list's facts: one more, the latest, maybe the latest
    // complete (being the latest by start, it starts after every other).
    let complete_start = line.complete().then_some(&line.started_at);
    conn.prepare_cached(
        "INSERT INTO channel_summary (channel_id, snapshots, last_started_at, last_status, last_complete_started_at)
         VALUES (?1, 1, ?2, ?3, ?4)
         ON CONFLICT (channel_id) DO UPDATE SET snapshots = snapshots + 1,
             last_started_at = excluded.last_started_at, last_status = excluded.last_status,
             last_complete_started_at = COALESCE(excluded.last_complete_started_at, last_complete_started_at)",
    )?
    .execute(params![channel_id, line.started_at, line.status, complete_start])?;
    if !line.whole_channel {
        return Ok(());
    }
    if line.complete() {
        conn.prepare_cached(
            "INSERT INTO channel_good (channel_id, reason, finished_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (channel_id, reason) DO UPDATE SET finished_at = MAX(finished_at, excluded.finished_at)",
        )?
        .execute(params![channel_id, line.reason, line.finished_at])?;
    }
    // Every whole-channel snapshot of the channel is in the history now.
    let step = Step::next(prev.map(|(_, s)| s), &line, |moment| {
        Ok(conn
            .prepare_cached(
                "SELECT COUNT(*) FROM snapshots INDEXED BY snapshots_channel_started
                 WHERE channel_id = ?1 AND started_at >= ?2 AND whole_channel = 1
                   AND status <> 'complete'",
            )?
            .query_row(params![channel_id, moment], |r| r.get(0))?)
    })?;
    step.insert(conn, channel_id, &line)
}

/// Recomputes one channel's summary rows from its snapshot rows (none when
/// it has no snapshot). Call it in the transaction that wrote the rows.
pub(crate) fn refresh_channel(conn: &Connection, channel_id: ChannelId) -> Result<()> {
    for table in ["channel_summary", "channel_good", "history_steps"] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE channel_id = ?1"))?
            .execute([channel_id])?;
    }
    let lines: Vec<Line> = {
        let mut stmt = conn.prepare_cached(super::summary::LINES_OF_CHANNEL)?;
        let rows = stmt.query_map([channel_id], |r| Line::from_row(r, 0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let Some(last) = lines
        .iter()
        .max_by(|a, b| a.start_key().cmp(&b.start_key()))
    else {
        return Ok(());
    };
    let last_complete = lines
        .iter()
        .filter(|l| l.complete())
        .map(|l| &l.started_at)
        .max();
    conn.prepare_cached(
        "INSERT INTO channel_summary (channel_id, snapshots, last_started_at, last_status, last_complete_started_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        channel_id,
        lines.len() as i64,
        last.started_at,
        last.status,
        last_complete
    ])?;

    let mut whole: Vec<&Line> = lines.iter().filter(|l| l.whole_channel).collect();
    let mut good: BTreeMap<&str, &str> = BTreeMap::new();
    for l in whole.iter().filter(|l| l.complete()) {
        let f = good.entry(&l.reason).or_insert(&l.finished_at);
        if l.finished_at.as_str() > *f {
            *f = &l.finished_at;
        }
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO channel_good (channel_id, reason, finished_at) VALUES (?1, ?2, ?3)",
    )?;
    for (reason, finished_at) in good {
        insert.execute(params![channel_id, reason, finished_at])?;
    }

    // The history as of each finish, in the steps' order, step by step. The
    // start times of the failed and partial ones so far, counted by time,
    // give the failures since a good one without going over the history.
    whole.sort_by(|a, b| a.step_key().cmp(&b.step_key()));
    let mut failed_starts: BTreeMap<&str, i64> = BTreeMap::new();
    let mut step: Option<Step> = None;
    for line in whole {
        if !line.complete() {
            *failed_starts.entry(&line.started_at).or_default() += 1;
        }
        let next = Step::next(step.take(), line, |moment| {
            Ok(failed_starts.range(moment..).map(|(_, n)| n).sum())
        })?;
        next.insert(conn, channel_id, line)?;
        step = Some(next);
    }
    Ok(())
}
