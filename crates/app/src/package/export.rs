//! Selecting the snapshots of an export, exporting a package, and removing
//! what killed exports left behind.

use ogonblick_model::RoleAction;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use ogonblick_model::{
    AuditEvent, CancelToken, Channel, ChannelId, ErrorCode, Message, ProgressSink, Snapshot,
    SnapshotStatus,
};
use ogonblick_package::{PackageRequest, PackageSummary};

use super::select::{load_manifest, Part};
use super::{package_error, ExportRequest, MarkedMode, RemovalsMode};
use crate::{App, AppError, Result};

/// Refuses an output path inside the data folder, which holds the register
/// and the snapshots and is managed by the store alone.
fn check_out_outside(out: &Path, data_dir: &Path) -> Result<()> {
    let resolve = |p: &Path| -> Option<PathBuf> {
        if let Ok(c) = p.canonicalize() {
            return Some(c);
        }
        let parent = p.parent().filter(|q| !q.as_os_str().is_empty())?;
        Some(parent.canonicalize().ok()?.join(p.file_name()?))
    };
    let (Some(o), Some(d)) = (resolve(out), resolve(data_dir)) else {
        return Ok(());
    };
    if o.starts_with(&d) {
        return Err(AppError::said(
            ErrorCode::InvalidInput,
            Message::ExportInsideDataDir {
                path: out.display().to_string(),
                data_dir: data_dir.display().to_string(),
            },
        ));
    }
    Ok(())
}

impl App {
    /// The snapshots an export request selects, with their folders, oldest first.
    pub fn select_for_package(&self, req: &ExportRequest) -> Result<Vec<(Snapshot, PathBuf)>> {
        let channels: BTreeMap<ChannelId, Channel> = self
            .store()
            .channels()?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        if let Some(id) = req.channel_id {
            if !channels.contains_key(&id) {
                return Err(AppError::said(
                    ErrorCode::NotFound,
                    Message::StoreNoChannel { id },
                ));
            }
        }
        let wanted: BTreeSet<&str> = req.snapshot_ids.iter().map(String::as_str).collect();
        let board = req.board.as_deref().map(|b| b.trim().to_lowercase());
        let mut out = Vec::new();
        for s in self.store().snapshots(req.channel_id)? {
            if !wanted.is_empty() && !wanted.contains(s.id.as_str()) {
                continue;
            }
            if !req.include_incomplete && s.status != SnapshotStatus::Complete {
                continue;
            }
            if req.from.is_some_and(|f| s.started_at < f)
                || req.to.is_some_and(|t| s.started_at >= t)
            {
                continue;
            }
            if let Some(b) = &board {
                let owner = channels
                    .get(&s.channel_id)
                    .and_then(|c| c.board.as_deref())
                    .map(|x| x.trim().to_lowercase());
                if owner.as_deref() != Some(b.as_str()) {
                    continue;
                }
            }
            let (_, folder) = self.snapshot_folder(&s.id)?;
            out.push((s, folder));
        }
        if out.is_empty() {
            return Err(AppError::said(
                ErrorCode::NotFound,
                Message::ExportNoMatch {},
            ));
        }
        Ok(out)
    }

    /// Exports a package to `out` (a file, or a folder to put `<OBJID>.zip`
    /// in) and records it in the audit log of every channel it holds. With
    /// `MarkedMode::Separately` this is the first of the packages
    /// [`App::export_packages`] makes.
    pub fn export_package(
        &self,
        req: &ExportRequest,
        out: &Path,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<PackageSummary> {
        Ok(self.export_packages(req, out, sink, cancel)?.remove(0))
    }

    /// Exports the package(s) of `req`: one, or with
    /// `MarkedMode::Separately` the unmarked items and the marked ones in two
    /// (`out` must then be a folder). Removal records go in by
    /// `req.removals`; marks go into each package's PREMIS and inventory.
    pub fn export_packages(
        &self,
        req: &ExportRequest,
        out: &Path,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<Vec<PackageSummary>> {
        self.require(RoleAction::Export, None)?;
        check_out_outside(out, self.data_dir())?;
        if req.marked == MarkedMode::Separately && !out.is_dir() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::ExportSeparateNeedsFolder {},
            ));
        }
        let parts = self.plan_parts(req)?;
        let org = self.package_settings()?;
        if org.organisation_name.trim().is_empty() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::ExportNoOrganisation {},
            ));
        }
        let mut out_summaries = Vec::new();
        for part in parts {
            out_summaries.push(self.export_part(req, org.clone(), part, out, sink, cancel)?);
        }
        Ok(out_summaries)
    }

    /// What the packages of `req` hold, one [`Part`] per package: the
    /// export and its preview ([`App::export_preview`]) read the same plan.
    pub(super) fn plan_parts(&self, req: &ExportRequest) -> Result<Vec<Part>> {
        let mut snapshots = Vec::new();
        if req.removals != RemovalsMode::Only {
            for (s, folder) in self.select_for_package(req)? {
                let manifest = load_manifest(&s.id, &folder)?;
                snapshots.push((manifest, folder));
            }
        }
        let removals = if req.removals == RemovalsMode::None {
            Vec::new()
        } else {
            self.select_removals(req)?
        };
        if req.removals == RemovalsMode::Only && removals.is_empty() {
            return Err(AppError::said(
                ErrorCode::NotFound,
                Message::ExportNoRemovals {},
            ));
        }
        self.split_by_marks(req, snapshots, removals)
    }

    fn export_part(
        &self,
        req: &ExportRequest,
        mut org: ogonblick_package::PackageOrg,
        part: Part,
        out: &Path,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<PackageSummary> {
        let Part {
            snapshots,
            removals,
            marks,
            marked,
        } = part;
        let mut boards = BTreeSet::new();
        let mut names = BTreeSet::new();
        for (m, _) in &snapshots {
            if let Some(b) = &m.channel.board {
                boards.insert(b.clone());
            }
            names.insert(m.channel.name.clone());
        }
        // Records without an evidence snapshot (a supplied screenshot) name
        // their board through their channel: each channel read once.
        let record_channels: BTreeSet<_> = removals
            .iter()
            .filter_map(|r| r.manifest.current().map(|c| c.channel_id))
            .collect();
        for id in record_channels {
            if let Some(b) = self.store().channel(id)?.board {
                boards.insert(b);
            }
        }
        if let Some(a) = req
            .archive_creator
            .as_ref()
            .filter(|a| !a.trim().is_empty())
        {
            org.archive_creator = a.clone();
        }
        if org.archive_creator.trim().is_empty() && boards.len() == 1 {
            org.archive_creator = boards.iter().next().cloned().unwrap_or_default();
        }
        if org.archive_creator.trim().is_empty() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::ExportNoArchiveCreator {},
            ));
        }
        if let Some(c) = req
            .classification_code
            .as_ref()
            .filter(|c| !c.trim().is_empty())
        {
            org.classification_code = c.clone();
        }
        let first = snapshots.iter().map(|(m, _)| m.snapshot.started_at).min();
        let last = snapshots.iter().map(|(m, _)| m.snapshot.started_at).max();
        let label = req
            .label
            .clone()
            .filter(|l| !l.trim().is_empty())
            .unwrap_or_else(|| {
                let names: Vec<String> = names.iter().cloned().collect();
                let period = match (first, last) {
                    (Some(a), Some(b)) if a.date_naive() != b.date_naive() => {
                        format!("{} – {}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d"))
                    }
                    (Some(a), _) => a.format("%Y-%m-%d").to_string(),
                    _ => String::new(),
                };
                Message::PackageLabel {
                    removals: req.removals == RemovalsMode::Only,
                    names: names.join(", "),
                    period,
                }
                .render(org.language)
            });
        let label = if marked {
            Message::PackageLabelMarked { label }.render(org.language)
        } else {
            label
        };
        let channel_ids: BTreeSet<ChannelId> = snapshots
            .iter()
            .map(|(m, _)| m.snapshot.channel_id)
            .chain(
                removals
                    .iter()
                    .filter_map(|r| r.manifest.current().map(|c| c.channel_id)),
            )
            .collect();
        let ids: Vec<String> = snapshots
            .iter()
            .map(|(m, _)| m.snapshot.id.clone())
            .collect();
        let preq = PackageRequest {
            snapshots,
            org,
            label,
            format: req.format,
            exported_by: self.operator().to_string(),
            icc_profile: None,
            removals,
            marks,
            tsa_roots: self.trusted_root_files()?,
        };
        let summary = ogonblick_package::export_package(
            &preq,
            out,
            self.clock().as_ref(),
            self.ids().as_ref(),
            sink,
            cancel,
        )
        .map_err(package_error)?;
        let event = AuditEvent::PackageExported {
            objid: summary.objid.clone(),
            path: summary.path.display().to_string(),
            sha256: summary.sha256.clone(),
            size: summary.size,
            snapshot_ids: ids,
        };
        for ch in channel_ids {
            self.store()
                .append_audit(self.operator(), Some(ch), event.clone())?;
        }
        Ok(summary)
    }

    /// Removes the partial files that killed exports left in the folders
    /// packages were exported to (as the audit log records them), where the
    /// exporting process no longer runs; returns what it removed. For the
    /// start of the app and the CLI: best effort, never an error.
    pub fn clean_partial_exports(&self) -> Vec<PathBuf> {
        // Only the export entries are read: this runs at every start.
        let Ok(log) = self
            .store()
            .audit_log_of_action(ogonblick_model::AuditEvent::PACKAGE_EXPORT)
        else {
            return Vec::new();
        };
        let folders: BTreeSet<PathBuf> = log
            .iter()
            .filter_map(|e| match &e.event {
                ogonblick_model::AuditEvent::PackageExported { path, .. } => {
                    Path::new(path).parent().map(Path::to_path_buf)
                }
                _ => None,
            })
            .collect();
        folders
            .iter()
            .flat_map(|f| ogonblick_package::clean_stale_partials(f))
            .collect()
    }
}
