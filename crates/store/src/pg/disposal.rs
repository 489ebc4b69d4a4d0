//! Disposal (*gallring*) on PostgreSQL: the disposal log in `disposal_log`
//! (`migrations-pg/0005_*.sql`), step 3 of SQLite's order (the rows of a
//! snapshot or a removal record, the log row and the audit entry in one
//! transaction, the reports' summary refreshed in it) and the run's lock. The files' side is SQLite's
//! (`store/disposal_files.rs`: [`dispose_in`], [`finish_open`]), in the shared
//! data directory.
//!
//! The run's lock holds across desktops: a session advisory lock of the
//! register, taken on a connection of its own that the lock keeps open.
//! A desktop that dies loses its connection, and the server lets go of the
//! lock with it.

use ogonblick_model::{DisposalLogEntry, DisposedKind, Message};
use postgres::{Client, NoTls};

use super::snapshots::{lock_channel, refresh_summary};
use super::PgRegister;
use crate::fsutil::under;
use crate::store::{dispose_in, disposed_event, finish_open, gone, ts, DisposalRows};
use crate::{Result, StoreError};

/// The key of the advisory lock of a disposal run.
const LOCK: i64 = 0x6f67_6f6e_6761_6c6c; // "ogongall"

/// A disposal run's lock on PostgreSQL: the connection that holds it.
pub(crate) struct PgDisposalLock {
    client: Client,
}

impl crate::register::HeldLock for PgDisposalLock {
    /// Asks the server, on the lock's own connection, whether this session
    /// still holds the lock; a broken connection has let go of it.
    fn check(&mut self) -> Result<()> {
        let held = self
            .client
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
                     AND pid = pg_backend_pid() AND objsubid = 1
                     AND ((classid::BIGINT << 32) | objid::BIGINT) = $1)",
                &[&LOCK],
            )
            .map(|r| r.get::<_, bool>(0))
            .unwrap_or(false);
        if held {
            Ok(())
        } else {
            Err(StoreError::Conflict(Message::DisposeLockLost {}))
        }
    }
}

impl DisposalRows for PgRegister {
    fn commit_disposal(&self, entry: &DisposalLogEntry) -> Result<()> {
        let mut client = self.client();
        let mut tx = client.transaction()?;
        // Two runs of one channel take turns (and see each other's rows).
        lock_channel(&mut tx, entry.channel_id)?;
        if logged(&mut tx, &entry.disposal_id)? {
            return Ok(());
        }
        let deleted = match entry.item_kind {
            DisposedKind::Snapshot => {
                tx.execute(
                    "DELETE FROM snapshot_timestamps WHERE snapshot_id = $1",
                    &[&entry.item_id],
                )?;
                let n = tx.execute(
                    "DELETE FROM snapshots WHERE id = $1 AND channel_id = $2",
                    &[&entry.item_id, &entry.channel_id],
                )?;
                refresh_summary(&mut tx, entry.channel_id)?;
                n
            }
            // As on SQLite: the versions, then the record (a mark stays,
            // as the audit log's history of it does). The record's row is
            // locked first, so a new version being added meanwhile is
            // waited for (or waits, and then finds the record gone).
            DisposedKind::Removal => {
                tx.execute(
                    "SELECT 1 FROM removals WHERE id = $1 FOR UPDATE",
                    &[&entry.item_id],
                )?;
                tx.execute(
                    "DELETE FROM removal_versions WHERE removal_id = $1",
                    &[&entry.item_id],
                )?;
                tx.execute(
                    "DELETE FROM removals WHERE id = $1 AND channel_id = $2",
                    &[&entry.item_id, &entry.channel_id],
                )?
            }
        };
        if deleted == 0 {
            return Err(gone(entry));
        }
        tx.execute(
            "INSERT INTO disposal_log (disposal_id, item_id, disposed_at, entry)
             VALUES ($1, $2, $3, $4)",
            &[
                &entry.disposal_id,
                &entry.item_id,
                &ts(&entry.disposed_at),
                &serde_json::to_string(entry)?,
            ],
        )?;
        super::audit::append_in(
            &mut tx,
            self.clock.now(),
            &entry.disposed_by,
            Some(entry.channel_id),
            disposed_event(entry),
        )?;
        tx.commit()?;
        Ok(())
    }

    fn is_logged(&self, disposal_id: &str) -> Result<bool> {
        logged(&mut *self.client(), disposal_id)
    }
}

fn logged(c: &mut impl postgres::GenericClient, disposal_id: &str) -> Result<bool> {
    Ok(c.query_one(
        "SELECT EXISTS(SELECT 1 FROM disposal_log WHERE disposal_id = $1)",
        &[&disposal_id],
    )?
    .get(0))
}

impl PgRegister {
    /// Takes the run's lock (`None`: another desktop's run holds it).
    pub(super) fn pg_disposal_lock(&self) -> Result<Option<PgDisposalLock>> {
        let mut client = self.config.connect(NoTls).map_err(|e| {
            StoreError::Unreachable(Message::StorePgUnreachable {
                address: self.address.clone(),
                detail: super::detail(&e),
            })
        })?;
        let held: bool = client
            .query_one("SELECT pg_try_advisory_lock($1)", &[&LOCK])?
            .get(0);
        Ok(held.then_some(PgDisposalLock { client }))
    }

    pub(super) fn pg_dispose(&self, entry: DisposalLogEntry) -> Result<DisposalLogEntry> {
        let base = self.data_dir()?;
        let folder = match entry.item_kind {
            DisposedKind::Snapshot => {
                let (s, f) = self.pg_snapshot(&entry.item_id)?;
                (s.channel_id == entry.channel_id)
                    .then(|| under(base, &f))
                    .transpose()?
            }
            DisposedKind::Removal => {
                let (v, f) = self.pg_removal(&entry.item_id)?;
                let of = v.first().map(|r| r.channel_id);
                (of == Some(entry.channel_id))
                    .then(|| under(base, &f))
                    .transpose()?
            }
        };
        dispose_in(base, self, entry, folder)
    }

    pub(super) fn pg_disposal_log(&self) -> Result<Vec<DisposalLogEntry>> {
        let rows = self
            .client()
            .query("SELECT entry FROM disposal_log ORDER BY seq", &[])?;
        rows.iter()
            .map(|r| Ok(serde_json::from_str(r.get::<_, &str>(0))?))
            .collect()
    }

    /// The disposals a killed process left in the data directory, finished
    /// or rolled back under the run's lock (none without a data directory).
    pub(super) fn pg_finish_disposals(&self) -> Result<()> {
        match &self.data_dir {
            Some(base) => finish_open(base, self, || self.pg_disposal_lock()),
            None => Ok(()),
        }
    }
}
