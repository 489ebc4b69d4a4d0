//! What goes into the packages of an export (h-pkg): the removal records of
//! the selection with their evidence snapshots, and the split by marks
//! (`MarkedMode`): everything in one package, marked items left out, or
//! marked items in a package of their own.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ogonblick_model::{ErrorCode, Evidence, Mark, Message, RemovalManifest, SnapshotManifest};
use ogonblick_package::RemovalItem;

use super::{ExportRequest, MarkedMode};
use crate::{App, AppError, Result};

/// The content of one package.
pub(super) struct Part {
    pub snapshots: Vec<(SnapshotManifest, PathBuf)>,
    pub removals: Vec<RemovalItem>,
    pub marks: Vec<Mark>,
    /// The package of marked items (with `--marked-separately`).
    pub marked: bool,
}

/// A snapshot's `snapshot.json`, read and checked against its id.
pub(super) fn load_manifest(id: &str, folder: &Path) -> Result<SnapshotManifest> {
    let m = std::fs::read(folder.join(SnapshotManifest::FILE_NAME))
        .ok()
        .and_then(|b| serde_json::from_slice::<SnapshotManifest>(&b).ok())
        .ok_or_else(|| {
            AppError::said(
                ogonblick_model::ErrorCode::Environment,
                ogonblick_model::Message::ExportManifestUnreadable {
                    folder: folder.display().to_string(),
                    file: SnapshotManifest::FILE_NAME.to_string(),
                },
            )
        })?;
    if m.snapshot.id != id {
        return Err(AppError::said(
            ogonblick_model::ErrorCode::Environment,
            ogonblick_model::Message::ExportManifestOther {
                folder: folder.display().to_string(),
                file: SnapshotManifest::FILE_NAME.to_string(),
            },
        ));
    }
    Ok(m)
}

impl App {
    /// The removal records the request selects (channel, board, period of
    /// removal), every version, with their folders.
    pub(super) fn select_removals(&self, req: &ExportRequest) -> Result<Vec<RemovalItem>> {
        let channels = self.store().channels()?;
        let board = req.board.as_deref().map(|b| b.trim().to_lowercase());
        let mut out = Vec::new();
        for r in self.removals(req.channel_id, req.from, None)? {
            if req.to.is_some_and(|t| r.removed_at >= t) {
                continue;
            }
            let ch = channels.iter().find(|c| c.id == r.channel_id);
            if let Some(b) = &board {
                let owner = ch
                    .and_then(|c| c.board.as_deref())
                    .map(|x| x.trim().to_lowercase());
                if owner.as_deref() != Some(b.as_str()) {
                    continue;
                }
            }
            let (versions, folder) = self.store().removal(&r.id)?;
            out.push(RemovalItem {
                manifest: RemovalManifest {
                    format: RemovalManifest::FORMAT.into(),
                    versions,
                },
                folder: self.store().folder_path(&folder)?,
                channel_name: ch.map(|c| c.name.clone()).unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// Splits the selection into packages by `req.marked`; each part gets
    /// the evidence snapshots of its removal records.
    pub(super) fn split_by_marks(
        &self,
        req: &ExportRequest,
        snapshots: Vec<(SnapshotManifest, PathBuf)>,
        removals: Vec<RemovalItem>,
    ) -> Result<Vec<Part>> {
        let marks = self.marks()?;
        let marked_ids: BTreeSet<&str> = marks.iter().map(|m| m.item_id.as_str()).collect();
        let evidence_of = |r: &RemovalItem| -> Option<String> {
            match r.manifest.current().map(|c| &c.evidence) {
                Some(Evidence::Snapshot { snapshot_id }) => Some(snapshot_id.clone()),
                _ => None,
            }
        };
        // A record counts as marked when it or its evidence snapshot is.
        let rem_marked = |r: &RemovalItem| {
            r.manifest
                .current()
                .is_some_and(|c| marked_ids.contains(c.id.as_str()))
                || evidence_of(r).is_some_and(|s| marked_ids.contains(s.as_str()))
        };
        let snap_marked = |m: &SnapshotManifest| marked_ids.contains(m.snapshot.id.as_str());
        let wanted: Vec<bool> = match req.marked {
            MarkedMode::Include => vec![],
            MarkedMode::LeaveOut => vec![false],
            MarkedMode::Separately => vec![false, true],
        };
        let mut parts = Vec::new();
        let groups: Vec<Option<bool>> = if wanted.is_empty() {
            vec![None]
        } else {
            wanted.into_iter().map(Some).collect()
        };
        for g in groups {
            let mut snaps: Vec<(SnapshotManifest, PathBuf)> = snapshots
                .iter()
                .filter(|(m, _)| g.is_none_or(|want| snap_marked(m) == want))
                .cloned()
                .collect();
            let rems: Vec<RemovalItem> = removals
                .iter()
                .filter(|r| g.is_none_or(|want| rem_marked(r) == want))
                .cloned()
                .collect();
            // The evidence snapshots of the records, wherever they were.
            for r in &rems {
                if let Some(sid) = evidence_of(r) {
                    if snaps.iter().all(|(m, _)| m.snapshot.id != sid) {
                        let (_, folder) = self.snapshot_folder(&sid)?;
                        let m = load_manifest(&sid, &folder)?;
                        snaps.push((m, folder));
                    }
                }
            }
            if snaps.is_empty() && rems.is_empty() {
                continue;
            }
            let ids: BTreeSet<String> = snaps
                .iter()
                .map(|(m, _)| m.snapshot.id.clone())
                .chain(
                    rems.iter()
                        .filter_map(|r| r.manifest.current().map(|c| c.id.clone())),
                )
                .collect();
            parts.push(Part {
                marks: marks
                    .iter()
                    .filter(|m| ids.contains(&m.item_id))
                    .cloned()
                    .collect(),
                snapshots: snaps,
                removals: rems,
                marked: g == Some(true),
            });
        }
        if parts.is_empty() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::ExportAllMarked {},
            ));
        }
        Ok(parts)
    }
}
