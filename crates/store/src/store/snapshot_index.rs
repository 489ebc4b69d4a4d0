//! The snapshot index alone: recording the row of a snapshot whose folder is
//! already in place, as [`crate::Register::record_snapshot`] asks. The same
//! row and audit entry as [`Store::commit_snapshot`]'s last step
//! (`insert_snapshot_row`, `audit_snapshot_stored`), without its files.

use ogonblick_model::{AuditEvent, Message, Snapshot};
use rusqlite::TransactionBehavior;

use super::channel_rows::load_channel;
use super::snapshots::{
    check_snapshot_consistency, check_snapshot_folder, check_snapshot_id, insert_snapshot_row,
};
use super::{not_found, retry_busy, Store};
use crate::{Result, StoreError};

impl Store {
    /// Records a snapshot's row (and its `snapshot.commit` entry) pointing
    /// at `folder`, relative to the data directory; see
    /// [`crate::Register::record_snapshot`]. A busy register is waited for.
    pub fn record_snapshot(&self, snapshot: &Snapshot, folder: &str) -> Result<()> {
        check_snapshot_id(&snapshot.id)?;
        check_snapshot_consistency(snapshot)?;
        check_snapshot_folder(snapshot, folder)?;
        retry_busy(|| {
            let mut conn = self.conn();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if load_channel(&tx, snapshot.channel_id)?.is_none() {
                return Err(not_found(snapshot.channel_id));
            }
            let exists: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM snapshots WHERE id = ?1)",
                [&snapshot.id],
                |r| r.get(0),
            )?;
            if exists {
                return Err(StoreError::Conflict(Message::StoreSnapshotExists {
                    id: snapshot.id.clone(),
                }));
            }
            insert_snapshot_row(&tx, snapshot, folder)?;
            // The reports' summary rows follow the snapshot rows in the same
            // transaction (ARCHITECTURE.md, invariants).
            super::summary_rows::snapshot_added(&tx, &snapshot.id)?;
            // The folder's stamping state (`timestamp.json`), when it has one.
            let dir = crate::fsutil::under(&self.data_dir, folder)?;
            super::timestamps::restore_state_row(&tx, &dir, &snapshot.id)?;
            self.audit_snapshot_stored(&tx, snapshot)?;
            tx.commit()?;
            Ok(())
        })
    }
}

/// The audit event of a recorded snapshot (`snapshot.commit`), the same
/// words as [`Store::commit_snapshot`]'s: for the open's recovery, the
/// index alone and the other backends.
pub(crate) fn stored_event(s: &Snapshot) -> AuditEvent {
    AuditEvent::SnapshotStored {
        snapshot_id: s.id.clone(),
        status: s.status,
        reason: s.reason,
        pages: s.pages.len() as u32,
        single_address: s.single_address.clone(),
    }
}
