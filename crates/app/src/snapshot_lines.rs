//! The snapshots a view draws for the channels on its page (Översikt's
//! calendar and timeline), from the register's summary columns: no record
//! is read, so a page costs what its channels hold, not the whole register.

use ogonblick_model::{ChannelId, SnapshotReason, SnapshotStatus, Timestamp};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, Result};

/// A snapshot as a calendar or timeline draws it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SnapshotLine {
    pub id: String,
    #[ts(type = "number")]
    pub channel_id: ChannelId,
    #[ts(type = "string")]
    pub started_at: Timestamp,
    #[ts(type = "string")]
    pub finished_at: Timestamp,
    pub reason: SnapshotReason,
    pub status: SnapshotStatus,
    /// A one-address capture (never counts for the schedule).
    pub single_address: bool,
}

impl From<ogonblick_store::SnapshotLine> for SnapshotLine {
    fn from(l: ogonblick_store::SnapshotLine) -> Self {
        let b = l.brief;
        SnapshotLine {
            id: b.id,
            channel_id: b.channel_id,
            started_at: b.started_at,
            finished_at: b.finished_at,
            reason: b.reason,
            status: b.status,
            single_address: l.single_address,
        }
    }
}

impl App {
    /// The snapshots of `channels` (a view's page of them), each channel's
    /// oldest first, the channels in the order given; none for a channel
    /// without snapshots.
    pub fn snapshot_lines(&self, channels: &[ChannelId]) -> Result<Vec<SnapshotLine>> {
        Ok(self
            .store()
            .snapshot_lines(channels)?
            .into_iter()
            .map(SnapshotLine::from)
            .collect())
    }
}
