//! The reports' summary of the history (migration 0012): written, never
//! read, here. Every write of snapshot rows (a commit, the recording of a
//! folder without a row at open, reindex, a disposal) calls
//! [`refresh_channel`] for the channel in the same transaction; it
//! recomputes the channel's summary rows from its snapshot rows' summary
//! columns (read through the covering index `snapshots_summary`), so the
//! summary is what aggregating the rows would give. [`refresh_all`] fills
//! the tables for an existing store (the migration) and after a bulk write.
//!
//! The rules are those of the aggregate queries the reports ran before
//! (kept in `tests/it/summary.rs` as the recomputation the summary is held
//! to): times are compared as stored (fixed-width text), "latest" is by
//! start time then id, "latest good" by finish time, then start time, then
//! id, and the failures are the failed and partial snapshots started at or
//! after the latest good one finished (all of them when there is none).

use std::collections::BTreeMap;

use ogonblick_model::ChannelId;
use rusqlite::{params, Connection};

use crate::Result;

const COMPLETE: &str = "complete";

/// A snapshot row's summary columns.
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

/// Recomputes one channel's summary rows from its snapshot rows (none when
/// it has no snapshot). Call it in the transaction that wrote the rows.
pub(crate) fn refresh_channel(conn: &Connection, channel_id: ChannelId) -> Result<()> {
    for table in ["channel_summary", "channel_good", "history_steps"] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE channel_id = ?1"))?
            .execute([channel_id])?;
    }
    let lines: Vec<Line> = {
        let mut stmt = conn.prepare_cached(super::summary::LINES_OF_CHANNEL)?;
        let rows = stmt.query_map([channel_id], |r| {
            Ok(Line {
                id: r.get(0)?,
                reason: r.get(1)?,
                status: r.get(2)?,
                started_at: r.get(3)?,
                finished_at: r.get(4)?,
                whole_channel: r.get::<_, i64>(5)? != 0,
            })
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let Some(last) = lines
        .iter()
        .max_by(|a, b| (&a.started_at, &a.id).cmp(&(&b.started_at, &b.id)))
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

    // The history as of each finish, in the order finish, start, id.
    whole.sort_by(|a, b| {
        (&a.finished_at, &a.started_at, &a.id).cmp(&(&b.finished_at, &b.started_at, &b.id))
    });
    let mut insert = conn.prepare_cached(
        "INSERT INTO history_steps (channel_id, finished_at, started_at, id, snapshots, failures,
             last_id, last_reason, last_status, last_started_at, last_finished_at,
             good_id, good_reason, good_started_at, good_finished_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    let mut latest: Option<&Line> = None;
    let mut latest_good: Option<&Line> = None;
    for (k, step) in whole.iter().enumerate() {
        if latest.is_none_or(|l| (&step.started_at, &step.id) > (&l.started_at, &l.id)) {
            latest = Some(step);
        }
        if step.complete() {
            // Later in this order is later by finish, start and id.
            latest_good = Some(step);
        }
        let seen = &whole[..=k];
        let failures = seen
            .iter()
            .filter(|l| !l.complete())
            .filter(|l| latest_good.is_none_or(|g| l.started_at >= g.finished_at))
            .count();
        let l = latest.unwrap_or(step);
        insert.execute(params![
            channel_id,
            step.finished_at,
            step.started_at,
            step.id,
            (k + 1) as i64,
            failures as i64,
            l.id,
            l.reason,
            l.status,
            l.started_at,
            l.finished_at,
            latest_good.map(|g| &g.id),
            latest_good.map(|g| &g.reason),
            latest_good.map(|g| &g.started_at),
            latest_good.map(|g| &g.finished_at),
        ])?;
    }
    Ok(())
}
