//! Trusted timestamps on PostgreSQL (`migrations-pg/0005_*.sql`): the
//! stamping state of each snapshot in `snapshot_timestamps`, with SQLite's
//! rules (`store/timestamps.rs`: [`add_token`], [`record_failure`]); the
//! token files and `timestamp.json` stay in the snapshot's folder.

use std::collections::BTreeMap;

use ogonblick_model::{ChannelId, Message, SnapshotTimestamp};
use postgres::{GenericClient, Row};

use super::PgRegister;
use crate::fsutil::under;
use crate::store::{add_token, record_failure, Changed, StampRows, Token};

/// The first key of the advisory lock a snapshot's stamping state is
/// changed under (the second is the snapshot id's hash).
const STAMP_LOCK: i32 = 0x5354_4d50;
use crate::Result;

/// Writes a state's row (SQLite's `upsert_state_row`).
pub(super) fn upsert_state_row(
    c: &mut impl GenericClient,
    state: &SnapshotTimestamp,
) -> Result<()> {
    c.execute(
        "INSERT INTO snapshot_timestamps (snapshot_id, pending, state) VALUES ($1, $2, $3)
         ON CONFLICT (snapshot_id) DO UPDATE SET pending = excluded.pending, state = excluded.state",
        &[
            &state.snapshot_id,
            &state.is_pending(),
            &serde_json::to_string(state)?,
        ],
    )?;
    Ok(())
}

fn states(rows: Vec<Row>) -> Result<BTreeMap<String, SnapshotTimestamp>> {
    rows.iter()
        .map(|r| Ok((r.get(0), serde_json::from_str(r.get::<_, &str>(1))?)))
        .collect()
}

impl StampRows for PgRegister {
    fn update_row<'a>(
        &self,
        snapshot_id: &str,
        change: &mut dyn FnMut(Option<SnapshotTimestamp>) -> Result<Changed<'a>>,
    ) -> Result<SnapshotTimestamp> {
        let mut client = self.client();
        let mut tx = client.transaction()?;
        // Held until commit: two desktops stamping one snapshot take turns
        // (the advisory lock holds also while the snapshot has no row).
        tx.execute(
            "SELECT pg_advisory_xact_lock($1, hashtext($2))",
            &[&STAMP_LOCK, &snapshot_id],
        )?;
        let row = tx.query_opt(
            "SELECT state FROM snapshot_timestamps WHERE snapshot_id = $1 FOR UPDATE",
            &[&snapshot_id],
        )?;
        let current = match row {
            Some(r) => Some(serde_json::from_str(r.get::<_, &str>(0))?),
            None => None,
        };
        // `timestamp.json` is written before the commit, inside the lock.
        let (state, audit) = change(current)?;
        upsert_state_row(&mut tx, &state)?;
        if let Some((actor, channel, event)) = audit {
            super::audit::append_in(&mut tx, self.clock.now(), actor, Some(channel), event)?;
        }
        tx.commit()?;
        Ok(state)
    }
}

impl PgRegister {
    pub(super) fn pg_timestamp_state(
        &self,
        snapshot_id: &str,
    ) -> Result<Option<SnapshotTimestamp>> {
        let row = self.client().query_opt(
            "SELECT state FROM snapshot_timestamps WHERE snapshot_id = $1",
            &[&snapshot_id],
        )?;
        Ok(match row {
            Some(r) => Some(serde_json::from_str(r.get::<_, &str>(0))?),
            None => None,
        })
    }

    pub(super) fn pg_timestamp_states(&self) -> Result<BTreeMap<String, SnapshotTimestamp>> {
        states(
            self.client()
                .query("SELECT snapshot_id, state FROM snapshot_timestamps", &[])?,
        )
    }

    pub(super) fn pg_timestamp_states_of_channel(
        &self,
        channel: ChannelId,
    ) -> Result<BTreeMap<String, SnapshotTimestamp>> {
        states(self.client().query(
            "SELECT t.snapshot_id, t.state FROM snapshots s
             JOIN snapshot_timestamps t ON t.snapshot_id = s.id WHERE s.channel_id = $1",
            &[&channel],
        )?)
    }

    pub(super) fn pg_pending_timestamps(&self) -> Result<Vec<String>> {
        let rows = self.client().query(
            "SELECT t.snapshot_id FROM snapshot_timestamps t JOIN snapshots s ON s.id = t.snapshot_id
             WHERE t.pending ORDER BY s.started_at, s.id",
            &[],
        )?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    pub(super) fn pg_add_timestamp_token(
        &self,
        snapshot_id: &str,
        token: Token<'_>,
        actor: &str,
    ) -> Result<SnapshotTimestamp> {
        let base = self.data_dir()?;
        let (snapshot, folder) = self.pg_snapshot(snapshot_id)?;
        let dir = under(base, &folder)?;
        add_token(self, snapshot.channel_id, snapshot_id, &dir, token, actor)
    }

    pub(super) fn pg_record_timestamp_failure(
        &self,
        snapshot_id: &str,
        index: usize,
        why: Message,
        actor: &str,
    ) -> Result<SnapshotTimestamp> {
        let base = self.data_dir()?;
        let (snapshot, folder) = self.pg_snapshot(snapshot_id)?;
        let dir = under(base, &folder)?;
        record_failure(
            self,
            snapshot.channel_id,
            snapshot_id,
            &dir,
            index,
            why,
            actor,
        )
    }
}
