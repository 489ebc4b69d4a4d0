//! The preview of an export: what each package of a request will hold, read
//! from the same plan as the export itself ([`App::plan_parts`]), and the
//! channels of the request's scope that have no complete snapshot in its
//! period (the package will not document them). Writes nothing.

use std::collections::BTreeSet;

use ogonblick_model::{
    ChannelId, ChannelStatus, Message, SnapshotReason, SnapshotStatus, Timestamp,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ExportRequest, RemovalsMode};
use crate::{App, Result};

/// What an export request would write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportPreview {
    /// One per package (two with the marked items in a package of their own).
    pub packages: Vec<PreviewPackage>,
    /// Channels of the request's channel or board, in the register during
    /// the period and not closed before it, without a complete snapshot
    /// started in the period. `None` when not checked: the request names
    /// its snapshots, or packages removal records alone.
    pub without_snapshot: Option<Vec<PreviewChannel>>,
}

/// One package of the preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PreviewPackage {
    /// The package of marked items (exported separately).
    pub marked: bool,
    pub snapshots: Vec<PreviewSnapshot>,
    pub removals: Vec<PreviewRemoval>,
    /// Items carrying a personal-data or secrecy mark.
    pub marks: u32,
    /// The snapshots' files, in bytes (the package adds its metadata).
    #[ts(type = "number")]
    pub bytes: u64,
}

/// A snapshot in a package of the preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PreviewSnapshot {
    pub id: String,
    #[ts(type = "number")]
    pub channel_id: ChannelId,
    pub channel: String,
    #[ts(type = "string")]
    pub started_at: Timestamp,
    pub reason: SnapshotReason,
    pub status: SnapshotStatus,
    pub pages: u32,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// A removal record in a package of the preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PreviewRemoval {
    pub id: String,
    pub channel: String,
    #[ts(type = "string")]
    pub removed_at: Timestamp,
}

/// A channel the preview warns about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PreviewChannel {
    #[ts(type = "number")]
    pub id: ChannelId,
    pub name: String,
    pub board: Option<String>,
}

impl App {
    /// The preview of `req`: what the export would write, and which of the
    /// scope's channels it would leave undocumented. Where the export
    /// would find nothing to package (no snapshot matches, or every one is
    /// marked and left out) the preview has no package and the warning is
    /// the whole answer; other refusals of the export are its refusals.
    pub fn export_preview(&self, req: &ExportRequest) -> Result<ExportPreview> {
        let parts = match self.plan_parts(req) {
            Ok(parts) => parts,
            Err(e)
                if matches!(
                    e.message(),
                    Message::ExportNoMatch {} | Message::ExportAllMarked {}
                ) =>
            {
                Vec::new()
            }
            Err(e) => return Err(e),
        };
        let mut documented: BTreeSet<ChannelId> = BTreeSet::new();
        let mut packages = Vec::new();
        for part in parts {
            let snapshots: Vec<PreviewSnapshot> = part
                .snapshots
                .iter()
                .map(|(m, _)| {
                    let s = &m.snapshot;
                    if s.status == SnapshotStatus::Complete && s.counts_for_channel() {
                        documented.insert(s.channel_id);
                    }
                    PreviewSnapshot {
                        id: s.id.clone(),
                        channel_id: s.channel_id,
                        channel: m.channel.name.clone(),
                        started_at: s.started_at,
                        reason: s.reason,
                        status: s.status,
                        pages: u32::try_from(s.pages.len()).unwrap_or(u32::MAX),
                        bytes: s.all_files().map(|f| f.size).sum(),
                    }
                })
                .collect();
            let removals = part
                .removals
                .iter()
                .filter_map(|r| {
                    r.manifest.current().map(|c| PreviewRemoval {
                        id: c.id.clone(),
                        channel: r.channel_name.clone(),
                        removed_at: c.removed_at,
                    })
                })
                .collect();
            packages.push(PreviewPackage {
                marked: part.marked,
                bytes: snapshots.iter().map(|s| s.bytes).sum(),
                snapshots,
                removals,
                marks: u32::try_from(part.marks.len()).unwrap_or(u32::MAX),
            });
        }
        let without_snapshot = if req.snapshot_ids.is_empty() && req.removals != RemovalsMode::Only
        {
            Some(self.without_snapshot(req, &documented)?)
        } else {
            None
        };
        Ok(ExportPreview {
            packages,
            without_snapshot,
        })
    }

    /// The channels of `req`'s scope whose complete snapshots of the period
    /// are not among `documented`.
    fn without_snapshot(
        &self,
        req: &ExportRequest,
        documented: &BTreeSet<ChannelId>,
    ) -> Result<Vec<PreviewChannel>> {
        let board = req.board.as_deref().map(|b| b.trim().to_lowercase());
        Ok(self
            .store()
            .channels()?
            .into_iter()
            .filter(|c| req.channel_id.is_none_or(|id| id == c.id))
            .filter(|c| {
                board.as_ref().is_none_or(|b| {
                    c.board.as_deref().map(|x| x.trim().to_lowercase()).as_ref() == Some(b)
                })
            })
            // In the register during the period, and not closed before it.
            .filter(|c| req.to.is_none_or(|t| c.created_at < t))
            .filter(|c| {
                !(c.status == ChannelStatus::Closed
                    && req
                        .from
                        .is_some_and(|f| c.closed_at.is_some_and(|at| at < f)))
            })
            .filter(|c| !documented.contains(&c.id))
            .map(|c| PreviewChannel {
                id: c.id,
                name: c.name,
                board: c.board,
            })
            .collect())
    }
}
