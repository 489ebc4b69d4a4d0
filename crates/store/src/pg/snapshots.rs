//! The snapshot index on PostgreSQL (`migrations-pg/0002_snapshots.sql`):
//! recording a committed snapshot's row with its audit entry, the history,
//! the latest good snapshots, the channel list's and the overview's summary
//! of each channel's history, one snapshot by id and the lines a view draws
//! for a page of channels. The same rules and rows as SQLite's
//! (`store/snapshot_index.rs`, `store/snapshots.rs`, `store/summary.rs`);
//! the files stay in the snapshot folder the row points at.

use std::collections::{HashMap, HashSet};

use ogonblick_model::{ChannelId, Message, Snapshot, SnapshotStatus, Timestamp};
use postgres::types::Type;
use postgres::{GenericClient, Row, Transaction};

use super::channels::{not_found, parse_ts, parse_word};
use super::PgRegister;
use crate::fsutil::under;
use crate::recover::unrecorded_snapshot_folders;
use crate::store::{
    check_snapshot_consistency, check_snapshot_folder, check_snapshot_id, read_state, stored_event,
    ts,
};
use crate::{ChannelHistorySummary, LatestGood, Result, SnapshotBrief, SnapshotLine, StoreError};

/// One channel's history as the channel list shows it (every snapshot,
/// one-address captures too).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct HistoryStats {
    pub count: u32,
    /// The latest by start time (then id): when it started, how it ended.
    pub last: Option<(Timestamp, SnapshotStatus)>,
    /// When the latest complete one started.
    pub last_complete_started_at: Option<Timestamp>,
}

/// Per channel with snapshots: the count, the latest by start time (then
/// id) and the start of the latest complete one, as the summary
/// (`channel_summary`, migration 0005) holds them.
const CHANNEL_STATS: &str = "SELECT channel_id, snapshots, last_started_at, last_status,
        last_complete_started_at
     FROM channel_summary";

/// [`CHANNEL_STATS`] by channel.
pub(super) fn channel_stats(
    c: &mut impl GenericClient,
) -> Result<HashMap<ChannelId, HistoryStats>> {
    let mut out = HashMap::new();
    for r in c.query(CHANNEL_STATS, &[])? {
        let complete: Option<&str> = r.get(4);
        out.insert(
            r.get(0),
            HistoryStats {
                count: r.get::<_, i64>(1) as u32,
                last: Some((
                    parse_ts(r.get::<_, &str>(2))?,
                    parse_word(r.get::<_, &str>(3))?,
                )),
                last_complete_started_at: complete.map(parse_ts).transpose()?,
            },
        );
    }
    Ok(out)
}

/// Per channel, the overview's history at `$1` (SQLite's
/// `HISTORY_SUMMARIES`): the channel's last step (`history_steps`)
/// finished at or before `$1`. The summary row holds the channel's latest
/// step (migration 0009): when that finished by `$1` it is the answer, read
/// with the row; only a channel with a step finished after `$1` searches
/// its primary key backward. A channel without a step (no snapshot of the
/// whole channel) has no row.
const HISTORY_SUMMARIES: &str = "SELECT c.channel_id, c.step_snapshots, c.step_failures,
            c.step_last_id, c.step_last_reason, c.step_last_status, c.step_last_started_at,
            c.step_last_finished_at, c.step_good_id, c.step_good_reason, 'complete',
            c.step_good_started_at, c.step_good_finished_at
     FROM channel_summary c
     WHERE c.step_finished_at <= $1
     UNION ALL
     SELECT c.channel_id, h.snapshots, h.failures,
            h.last_id, h.last_reason, h.last_status, h.last_started_at, h.last_finished_at,
            h.good_id, h.good_reason, 'complete', h.good_started_at, h.good_finished_at
     FROM channel_summary c
     CROSS JOIN LATERAL (
        SELECT * FROM history_steps
        WHERE channel_id = c.channel_id AND finished_at <= $1
        ORDER BY finished_at DESC, started_at DESC, id DESC LIMIT 1) h
     WHERE c.step_finished_at > $1
     ORDER BY 1";

/// Per channel and reason, the latest good snapshot's finish time at `$1`
/// (SQLite's `LATEST_GOOD`): the summary's (`channel_good`) when it
/// finished by then, else the latest by then of that channel and reason
/// from the index `snapshots_good`; NULL when there is none by then.
const LATEST_GOOD: &str = "SELECT g.channel_id, g.reason,
            CASE WHEN g.finished_at <= $1 THEN g.finished_at ELSE (
                SELECT MAX(s.finished_at) FROM snapshots s
                WHERE s.channel_id = g.channel_id AND s.reason = g.reason
                  AND s.whole_channel AND s.status = 'complete'
                  AND s.finished_at <= $1) END
     FROM channel_good g ORDER BY g.channel_id, g.reason";

/// The snapshots of the channels in `$1`, each channel's in history order
/// (start time, then id), the channels in the array's order (a channel
/// named twice gives its lines twice, as SQLite's loop does).
/// Read from the covering index `snapshots_lines` (migration 0005).
const LINES_OF_CHANNELS: &str =
    "SELECT c.channel_id, s.id, s.reason, s.status, s.started_at, s.finished_at, s.whole_channel
     FROM unnest($1::BIGINT[]) WITH ORDINALITY AS c(channel_id, pos)
     JOIN snapshots s ON s.channel_id = c.channel_id
     ORDER BY c.pos, s.started_at, s.id";

/// Holds channel `id`'s row until the commit (`NotFound` when it is not in
/// the register): it stays while its snapshot rows change, and two writers
/// of one channel's snapshot rows (and so of its summary) take turns.
/// Through `ogonblick_lock_channel` (migration 0007), which runs as the
/// schema owner: a *handläggare* may not update the channel's row.
pub(super) fn lock_channel(tx: &mut Transaction<'_>, id: ChannelId) -> Result<()> {
    let row = tx.query_one("SELECT ogonblick_lock_channel($1)", &[&id])?;
    match row.get::<_, Option<ChannelId>>(0) {
        Some(_) => Ok(()),
        None => Err(not_found(id)),
    }
}

/// Recomputes the reports' summary of channel `id` (migration 0005) in the
/// transaction that changed its snapshot rows, under [`lock_channel`].
pub(super) fn refresh_summary(tx: &mut Transaction<'_>, id: ChannelId) -> Result<()> {
    tx.execute("SELECT ogonblick_refresh_summary($1)", &[&id])?;
    Ok(())
}

/// The five columns id, reason, status, started_at, finished_at from `at`.
pub(super) fn brief(r: &Row, at: usize, channel_id: ChannelId) -> Result<SnapshotBrief> {
    Ok(SnapshotBrief {
        id: r.get(at),
        channel_id,
        reason: parse_word(r.get::<_, &str>(at + 1))?,
        status: parse_word(r.get::<_, &str>(at + 2))?,
        started_at: parse_ts(r.get::<_, &str>(at + 3))?,
        finished_at: parse_ts(r.get::<_, &str>(at + 4))?,
    })
}

impl PgRegister {
    pub(super) fn pg_history_summaries(&self, at: Timestamp) -> Result<Vec<ChannelHistorySummary>> {
        let rows = self
            .client()
            .query_typed(HISTORY_SUMMARIES, &[(&ts(&at), Type::TEXT)])?;
        rows.iter()
            .map(|r| -> Result<ChannelHistorySummary> {
                let channel_id: ChannelId = r.get(0);
                Ok(ChannelHistorySummary {
                    channel_id,
                    snapshots: r.get::<_, i64>(1) as u32,
                    failures: r.get::<_, i64>(2) as u32,
                    last: brief(r, 3, channel_id)?,
                    last_good: match r.get::<_, Option<&str>>(8) {
                        Some(_) => Some(brief(r, 8, channel_id)?),
                        None => None,
                    },
                })
            })
            .collect()
    }

    pub(super) fn pg_snapshot_lines(&self, channels: &[ChannelId]) -> Result<Vec<SnapshotLine>> {
        let rows = self.client().query(LINES_OF_CHANNELS, &[&channels])?;
        rows.iter()
            .map(|r| -> Result<SnapshotLine> {
                Ok(SnapshotLine {
                    brief: brief(r, 1, r.get(0))?,
                    single_address: !r.get::<_, bool>(6),
                })
            })
            .collect()
    }

    pub(super) fn pg_record_snapshot(&self, s: &Snapshot, folder: &str) -> Result<()> {
        check_snapshot_id(&s.id)?;
        check_snapshot_consistency(s)?;
        check_snapshot_folder(s, folder)?;
        let mut client = self.client();
        let mut tx = client.transaction()?;
        lock_channel(&mut tx, s.channel_id)?;
        if !self.insert_snapshot(&mut tx, s, folder)? {
            return Err(StoreError::Conflict(Message::StoreSnapshotExists {
                id: s.id.clone(),
            }));
        }
        refresh_summary(&mut tx, s.channel_id)?;
        tx.commit()?;
        Ok(())
    }

    /// A snapshot's row (false: its id is recorded already, nothing
    /// written), the folder's stamping state, as SQLite's record takes it,
    /// and the audit entry, in `tx`; the caller refreshes the channel's
    /// summary.
    pub(super) fn insert_snapshot(
        &self,
        tx: &mut Transaction<'_>,
        s: &Snapshot,
        folder: &str,
    ) -> Result<bool> {
        let inserted = tx.execute(
            "INSERT INTO snapshots (id, channel_id, reason, status, started_at, finished_at,
                 operator, folder, manifest, whole_channel)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (id) DO NOTHING",
            &[
                &s.id,
                &s.channel_id,
                &s.reason.as_str(),
                &s.status.as_str(),
                &ts(&s.started_at),
                &ts(&s.finished_at),
                &s.operator,
                &folder,
                &serde_json::to_string(s)?,
                &s.counts_for_channel(),
            ],
        )?;
        if inserted == 0 {
            return Ok(false);
        }
        if let Some(dir) = &self.data_dir {
            if let Some(state) = read_state(&under(dir, folder)?).filter(|t| t.snapshot_id == s.id)
            {
                super::timestamps::upsert_state_row(tx, &state)?;
            }
        }
        let event = stored_event(s);
        super::audit::append_in(tx, self.clock.now(), &s.operator, Some(s.channel_id), event)?;
        Ok(true)
    }

    /// Records every complete snapshot folder in the data directory that
    /// has no row (a capture killed between its rename and its row), as
    /// [`crate::Store::open`] does: the row, the folder's stamping state,
    /// the audit entry and the channel's summary, each folder in a
    /// transaction of its own. A folder another desktop records meanwhile
    /// is left to it; one whose manifest the register refuses is left
    /// alone.
    pub(super) fn pg_record_snapshot_folders(&self) -> Result<()> {
        let data_dir = self.data_dir()?;
        let counts: HashMap<ChannelId, usize> = self
            .client()
            .query(
                "SELECT c.id, (SELECT count(*) FROM snapshots s WHERE s.channel_id = c.id)
                 FROM channels c",
                &[],
            )?
            .iter()
            .map(|r| (r.get(0), r.get::<_, i64>(1) as usize))
            .collect();
        let found = unrecorded_snapshot_folders(data_dir, &counts, |id| {
            let rows = self
                .client()
                .query("SELECT id FROM snapshots WHERE channel_id = $1", &[&id])?;
            Ok(rows.iter().map(|r| r.get(0)).collect::<HashSet<String>>())
        })?;
        for (s, folder) in &found {
            match self.pg_record_snapshot(s, folder) {
                Ok(()) | Err(StoreError::Conflict(_) | StoreError::Invalid(_)) => {}
                // Another unit's channel, for a handläggare: left to its own.
                Err(e) if super::denied(&e) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    pub(super) fn pg_snapshots(&self, channel: Option<ChannelId>) -> Result<Vec<Snapshot>> {
        // One channel's through its index, never touching other channels' rows.
        let rows = match channel {
            Some(id) => self.client().query(
                "SELECT manifest FROM snapshots WHERE channel_id = $1 ORDER BY started_at, id",
                &[&id],
            )?,
            None => self.client().query(
                "SELECT manifest FROM snapshots ORDER BY started_at, id",
                &[],
            )?,
        };
        rows.iter()
            .map(|r| -> Result<Snapshot> { Ok(serde_json::from_str(r.get::<_, &str>(0))?) })
            .collect()
    }

    pub(super) fn pg_snapshot(&self, id: &str) -> Result<(Snapshot, String)> {
        let row = self.client().query_opt(
            "SELECT manifest, folder FROM snapshots WHERE id = $1",
            &[&id],
        )?;
        let row = row
            .ok_or_else(|| StoreError::NotFound(Message::StoreNoSnapshot { id: id.to_string() }))?;
        Ok((serde_json::from_str(row.get::<_, &str>(0))?, row.get(1)))
    }

    pub(super) fn pg_latest_good(&self, at: Timestamp) -> Result<Vec<LatestGood>> {
        let rows = self
            .client()
            .query_typed(LATEST_GOOD, &[(&ts(&at), Type::TEXT)])?;
        rows.iter()
            .filter_map(|r| {
                let finished_at = r.get::<_, Option<&str>>(2)?;
                Some((|| -> Result<LatestGood> {
                    Ok(LatestGood {
                        channel_id: r.get(0),
                        reason: parse_word(r.get::<_, &str>(1))?,
                        finished_at: parse_ts(finished_at)?,
                    })
                })())
            })
            .collect()
    }
}
