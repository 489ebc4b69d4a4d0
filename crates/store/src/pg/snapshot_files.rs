//! A snapshot's commit on PostgreSQL: the files' side shared with SQLite
//! (`store/snapshot_files.rs`: a staging folder of this process's own in
//! the shared data directory, the hash check, the rename), then the row
//! ([`PgRegister::pg_record_snapshot`]). Without a data directory
//! ([`PgRegister::with_data_dir`]) each of these is refused with
//! `store-pg-no-data-dir`.

use std::path::PathBuf;

use ogonblick_model::{ChannelId, Message, Snapshot, TimestampSettings};

use super::PgRegister;
use crate::fsutil::under;
use crate::store::{begin_in, commit_unrecorded, place_in, retry_busy, Staging, TSA_CA_DIR};
use crate::{RegisterExt, Result, StoreError};

impl PgRegister {
    pub(super) fn pg_begin_snapshot(
        &self,
        channel_id: ChannelId,
        snapshot_id: &str,
    ) -> Result<Staging> {
        let data_dir = self.data_dir()?;
        self.pg_channel(channel_id)?;
        let recorded = self
            .client()
            .query_opt("SELECT 1 FROM snapshots WHERE id = $1", &[&snapshot_id])?;
        if recorded.is_some() {
            return Err(StoreError::Conflict(Message::StoreSnapshotExists {
                id: snapshot_id.to_string(),
            }));
        }
        begin_in(data_dir, channel_id, snapshot_id)
    }

    /// The commit protocol with several writers: the folder is checked and
    /// renamed into place by this desktop alone (its staging name is its
    /// own), then the row; a busy register is waited for. When another
    /// desktop's open recorded the folder meanwhile (it could not see our
    /// staging lock through the share), the row it wrote is ours.
    pub(super) fn pg_commit_snapshot(
        &self,
        mut staging: Staging,
        snapshot: Snapshot,
    ) -> Result<()> {
        let data_dir = self.data_dir()?;
        let channel = self.pg_channel(snapshot.channel_id)?;
        let stamps = self.setting::<TimestampSettings>()?;
        let placed = place_in(data_dir, &staging, &snapshot, channel, &stamps)?;
        let folder = placed.folder;
        let record = retry_busy(|| match self.pg_record_snapshot(&snapshot, &folder) {
            Err(StoreError::Conflict(Message::StoreSnapshotExists { .. }))
                if self.pg_snapshot(&snapshot.id)? == (snapshot.clone(), folder.clone()) =>
            {
                Ok(())
            }
            other => other,
        });
        staging.release();
        record.map_err(|e| commit_unrecorded(e, &folder))
    }

    /// The path of a folder a row records (relative to the data directory).
    pub(super) fn pg_folder_path(&self, folder: &str) -> Result<PathBuf> {
        under(self.data_dir()?, folder)
    }

    /// The folder of the trusted root certificates in the data directory.
    pub(super) fn pg_tsa_ca_dir(&self) -> Result<PathBuf> {
        Ok(self.data_dir()?.join(TSA_CA_DIR))
    }
}
