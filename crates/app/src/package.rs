//! Archive packages (FGS Paketstruktur 2.0 = E-ARK CSIP/SIP 2.1.0): export
//! the snapshots of a channel, a board or a period; verify a package; and
//! complete the closure of a channel (pre-closure snapshot + verified
//! package → closed). Every step is written to the audit log.
//!
//! The organisation-wide part of the package metadata comes from the
//! organisation settings (name, organisation number, e-archive, submission
//! agreement); the archival part (archive creator, submitting unit,
//! classification, document management plan row, retention) is kept under
//! the settings key [`PACKAGE_SETTINGS_KEY`] and can be overridden per export.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use ogonblick_model::{
    AuditEvent, CancelToken, Channel, ChannelId, ChannelStatus, ErrorCode, Message, ProgressSink,
    Snapshot, SnapshotManifest, SnapshotStatus, Timestamp,
};
use ogonblick_package::{
    PackageError, PackageFormat, PackageOrg, PackageRequest, PackageSummary, VerifyReport,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, AppError, Result};

pub use ogonblick_package as package;

/// Settings key of the archival package defaults ([`PackageOrg`] as JSON).
pub const PACKAGE_SETTINGS_KEY: &str = "package";

/// Which snapshots to package, and how.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct ExportRequest {
    /// Only this channel's snapshots.
    #[ts(type = "number | null")]
    pub channel_id: Option<ChannelId>,
    /// Only snapshots of channels owned by this board (as in the register).
    pub board: Option<String>,
    /// Only snapshots started at or after this time.
    #[ts(type = "string | null")]
    pub from: Option<Timestamp>,
    /// Only snapshots started before this time.
    #[ts(type = "string | null")]
    pub to: Option<Timestamp>,
    /// Exactly these snapshots (the other filters still apply).
    pub snapshot_ids: Vec<String>,
    /// Also package partial and failed snapshots (default: complete only).
    pub include_incomplete: bool,
    pub format: PackageFormat,
    /// METS LABEL; default "Ögonblicksbilder <channels> <period>".
    pub label: Option<String>,
    /// Overrides of the stored package defaults for this export.
    pub archive_creator: Option<String>,
    pub classification_code: Option<String>,
}

/// The outcome of completing a closure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClosureCompleted {
    pub channel: Channel,
    /// The pre-closure snapshot the closure rests on.
    pub snapshot_id: String,
    pub package: VerifyReport,
}

fn package_error(e: PackageError) -> AppError {
    AppError::new(e.code(), e.to_string())
}

/// Verifies a package file without a register: reads the package and its
/// sidecar and nothing else, writes nothing (works on read-only media and
/// without a data folder). [`App::verify_package`] also records the result.
pub fn verify_package_file(
    path: &Path,
    sink: &dyn ProgressSink,
    cancel: &CancelToken,
) -> Result<VerifyReport> {
    let opts = ogonblick_package::VerifyOptions {
        cancel: cancel.clone(),
        ..Default::default()
    };
    ogonblick_package::verify_package_with(path, sink, &opts).map_err(package_error)
}

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
        return Err(AppError::invalid(format!(
            "{} is inside Ögonblick's data folder {}, which holds the register and the snapshots: write the package to a folder outside it (for example your Documents folder or the e-archive's transfer folder)",
            out.display(),
            data_dir.display()
        )));
    }
    Ok(())
}

impl App {
    /// The package metadata defaults, with the organisation settings filled in.
    pub fn package_settings(&self) -> Result<PackageOrg> {
        let mut p: PackageOrg = match self.store().setting_json(PACKAGE_SETTINGS_KEY)? {
            Some(v) => serde_json::from_value(v).map_err(|e| {
                AppError::internal(format!("the stored package settings are unreadable: {e}"))
            })?,
            None => PackageOrg::default(),
        };
        let org = self.store().settings()?;
        p.organisation_name = org.name;
        p.organisation_number = org.org_number.unwrap_or_default();
        p.e_archive_name = org.e_archive_name.unwrap_or_default();
        p.submission_agreement = org.submission_agreement.unwrap_or_default();
        Ok(p)
    }

    /// Stores the archival package defaults. The organisation's own fields
    /// (name, number, e-archive, agreement) are set with the organisation
    /// settings and ignored here.
    pub fn set_package_settings(&self, p: &PackageOrg) -> Result<PackageOrg> {
        if let ogonblick_package::Retention::DisposeAfter { decision, .. } = &p.retention {
            if decision.trim().is_empty() {
                return Err(AppError::invalid(
                    "retention 'dispose after N years' needs the retention decision's reference (gallringsbeslut)",
                ));
            }
        }
        let stored = PackageOrg {
            organisation_name: String::new(),
            organisation_number: String::new(),
            e_archive_name: String::new(),
            submission_agreement: String::new(),
            ..p.clone()
        };
        let v = serde_json::to_value(&stored).map_err(|e| AppError::internal(e.to_string()))?;
        self.store()
            .set_setting_json(PACKAGE_SETTINGS_KEY, &v, self.operator())?;
        self.package_settings()
    }

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
                return Err(AppError::not_found(format!(
                    "no channel has id {id}: run `ogonblick channel list` to see the ids"
                )));
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
            let (_, folder) = self.store().snapshot(&s.id)?;
            out.push((s, folder));
        }
        if out.is_empty() {
            return Err(AppError::not_found(
                "no snapshot matches: check the channel, board and period (only complete snapshots are packaged unless you include incomplete ones)",
            ));
        }
        Ok(out)
    }

    /// Exports a package to `out` (a file, or a folder to put `<OBJID>.zip`
    /// in) and records it in the audit log of every channel it holds.
    pub fn export_package(
        &self,
        req: &ExportRequest,
        out: &Path,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<PackageSummary> {
        check_out_outside(out, self.data_dir())?;
        let selected = self.select_for_package(req)?;
        let mut org = self.package_settings()?;
        if org.organisation_name.trim().is_empty() {
            return Err(AppError::invalid(
                "the organisation's name is not set: run `ogonblick settings set --name \"…\"` (or set it under Inställningar)",
            ));
        }
        let mut snapshots = Vec::new();
        let mut boards = BTreeSet::new();
        let mut names = BTreeSet::new();
        for (s, folder) in selected {
            let manifest = match std::fs::read(folder.join(SnapshotManifest::FILE_NAME))
                .ok()
                .and_then(|b| serde_json::from_slice::<SnapshotManifest>(&b).ok())
            {
                Some(m) => m,
                None => {
                    return Err(AppError::environment(format!(
                        "the snapshot folder {} has no readable {}: run `ogonblick reindex` or restore the folder",
                        folder.display(),
                        SnapshotManifest::FILE_NAME
                    )))
                }
            };
            if manifest.snapshot.id != s.id {
                return Err(AppError::environment(format!(
                    "{} in {} belongs to another snapshot: run `ogonblick reindex`",
                    SnapshotManifest::FILE_NAME,
                    folder.display()
                )));
            }
            if let Some(b) = &manifest.channel.board {
                boards.insert(b.clone());
            }
            names.insert(manifest.channel.name.clone());
            snapshots.push((manifest, folder));
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
            return Err(AppError::invalid(
                "the archive creator (arkivbildare) is unclear: give --archive-creator BOARD or set the package defaults",
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
                format!("Ögonblicksbilder {} {}", names.join(", "), period)
            });
        let channel_ids: BTreeSet<ChannelId> = snapshots
            .iter()
            .map(|(m, _)| m.snapshot.channel_id)
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

    /// Verifies a package and records the result in the audit log of every
    /// channel whose snapshots it holds (or the global log).
    pub fn verify_package(
        &self,
        path: &Path,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<VerifyReport> {
        let opts = ogonblick_package::VerifyOptions {
            cancel: cancel.clone(),
            ..Default::default()
        };
        let report =
            ogonblick_package::verify_package_with(path, sink, &opts).map_err(package_error)?;
        let event = AuditEvent::PackageVerified {
            objid: report.objid.clone(),
            path: path.display().to_string(),
            ok: report.ok,
            problems: report.problems.len() as u32,
        };
        let mut channels = BTreeSet::new();
        for id in &report.snapshot_ids {
            if let Ok((s, _)) = self.store().snapshot(id) {
                channels.insert(s.channel_id);
            }
        }
        if channels.is_empty() {
            self.store()
                .append_audit(self.operator(), None, event.clone())?;
        }
        for ch in channels {
            self.store()
                .append_audit(self.operator(), Some(ch), event.clone())?;
        }
        Ok(report)
    }

    /// The last step of closing a channel. Requires status `closing`, a
    /// complete pre-closure snapshot started after the closure began that
    /// captured every address of the channel, and `package` verified without
    /// problems and holding that snapshot. Then the channel is `closed`.
    pub fn complete_closure(
        &self,
        channel_id: ChannelId,
        package: &Path,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<ClosureCompleted> {
        let ch = self.store().channel(channel_id)?;
        if ch.status != ChannelStatus::Closing {
            return Err(AppError::said(
                ErrorCode::Conflict,
                Message::RefusedNotClosing {
                    id: channel_id,
                    status: ch.status.to_string(),
                },
            ));
        }
        if ch.closing_started_at.is_none() {
            return Err(AppError::internal("a closing channel has no closing time"));
        }
        let good: Vec<Snapshot> =
            crate::closure::good_pre_closure(&ch, self.store().snapshots(Some(channel_id))?);
        if good.is_empty() {
            return Err(AppError::said(
                ErrorCode::Conflict,
                Message::RefusedNoFinalSnapshot { id: channel_id },
            ));
        }
        let report = self.verify_package(package, sink, cancel)?;
        if !report.ok {
            let first: Vec<String> = report
                .problems
                .iter()
                .take(3)
                .map(|p| p.to_string())
                .collect();
            return Err(AppError::new(
                ErrorCode::Conflict,
                format!(
                    "the package {} did not verify ({}): export it again",
                    package.display(),
                    first.join("; ")
                ),
            ));
        }
        let Some(snap) = good
            .iter()
            .rev()
            .find(|s| report.snapshot_ids.contains(&s.id))
        else {
            return Err(AppError::said(
                ErrorCode::Conflict,
                Message::RefusedPackageLacksFinal {
                    id: channel_id,
                    package: package.display().to_string(),
                    snapshot: good.last().map(|s| s.id.clone()).unwrap_or_default(),
                },
            ));
        };
        let closed_on = AuditEvent::ClosedOn {
            snapshot_id: snap.id.clone(),
            package_objid: report.objid.clone().unwrap_or_default(),
            package_path: package.display().to_string(),
        };
        let channel =
            self.store()
                .mark_closed_with(channel_id, self.operator(), Some(closed_on))?;
        Ok(ClosureCompleted {
            channel,
            snapshot_id: snap.id.clone(),
            package: report,
        })
    }
}

#[cfg(test)]
mod tests {
    //! Real SQLite store, real files, real zip; the closure flow end to end.
    use std::sync::Arc;

    use chrono::{TimeZone, Utc};
    use ogonblick_model::*;
    use sha2::{Digest, Sha256};

    use super::*;
    use crate::AppConfig;

    /// A 1×1 RGB PNG (signature, IHDR, IDAT, IEND).
    const PNG_1X1: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
        0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8,
        0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00,
        0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];

    fn app(dir: &Path) -> (App, Arc<FixedClock>) {
        let clock = Arc::new(FixedClock::new(
            Utc.with_ymd_and_hms(2026, 5, 4, 9, 0, 0).unwrap(),
        ));
        let app = App::open(
            AppConfig {
                data_dir: dir.join("data"),
                operator: "anna".into(),
            },
            clock.clone(),
            Arc::new(SequentialIds::default()),
        )
        .unwrap();
        let mut s = app.settings().unwrap();
        s.name = "Nacka kommun".into();
        s.org_number = Some("212000-0167".into());
        s.e_archive_name = Some("Nacka e-arkiv".into());
        app.set_settings(s).unwrap();
        (app, clock)
    }

    fn snapshot(app: &App, channel: &Channel, id: &str, reason: SnapshotReason, now: Timestamp) {
        let st = app.store().begin_snapshot(channel.id, id).unwrap();
        let mut pages = Vec::new();
        for (i, url) in channel.urls.iter().enumerate() {
            let rel = format!("page-{:02}.png", i + 1);
            std::fs::write(st.path().join(&rel), PNG_1X1).unwrap();
            pages.push(PageRecord {
                url: url.clone(),
                ok: true,
                error: None,
                error_sv: None,
                message: None,
                files: vec![FileRecord {
                    role: FileRole::Png,
                    path: rel,
                    sha256: hex::encode(Sha256::digest(PNG_1X1)),
                    size: PNG_1X1.len() as u64,
                    media_type: "image/png".into(),
                }],
                report: CompletenessReport::default(),
                provenance: Provenance {
                    started_at: now,
                    finished_at: now,
                    operator: "anna".into(),
                    ..Default::default()
                },
            });
        }
        let snap = Snapshot {
            id: id.into(),
            channel_id: channel.id,
            reason,
            reason_note: None,
            status: SnapshotStatus::Complete,
            started_at: now,
            finished_at: now,
            operator: "anna".into(),
            pages,
            diary_number: None,
        };
        app.store().commit_snapshot(st, snap).unwrap();
    }

    #[test]
    fn closure_needs_a_pre_closure_snapshot_and_a_verified_package_then_closes() {
        let tmp = tempfile::tempdir().unwrap();
        let (app, clock) = app(tmp.path());
        let ch = app
            .store()
            .add_channel(
                &NewChannel {
                    name: "Kulturnämnden".into(),
                    platform: Some(Platform::Facebook),
                    urls: vec![
                        "https://www.facebook.com/kultur".into(),
                        "https://www.facebook.com/kultur/about".into(),
                    ],
                    board: Some("Kultur- och fritidsnämnden".into()),
                    ..Default::default()
                },
                "anna",
            )
            .unwrap();
        let out = tmp.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        let req = ExportRequest {
            channel_id: Some(ch.id),
            ..Default::default()
        };
        let err = app
            .export_package(&req, &out, &NoProgress, &CancelToken::new())
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::NotFound, "{err}");

        // an ordinary snapshot before the closure does not count
        snapshot(
            &app,
            &ch,
            "snap-half-year",
            SnapshotReason::HalfYearly,
            clock.now(),
        );
        clock.advance(chrono::Duration::hours(1));
        let st = app.closure_status(ch.id).unwrap();
        assert_eq!(
            st.current,
            Some(crate::ClosureStepKind::Start),
            "nothing done before the start"
        );
        app.start_closure(ch.id).unwrap();
        let st = app.closure_status(ch.id).unwrap();
        assert_eq!(st.current, Some(crate::ClosureStepKind::Snapshot));
        assert_eq!(st.steps[0].actor.as_deref(), Some("anna"), "who started it");
        let early = app
            .export_package(
                &req,
                &out.join("early.zip"),
                &NoProgress,
                &CancelToken::new(),
            )
            .unwrap();
        let err = app
            .complete_closure(ch.id, &early.path, &NoProgress, &CancelToken::new())
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::Conflict);
        assert!(err.to_string().contains("pre-closure"), "{err}");

        clock.advance(chrono::Duration::hours(1));
        snapshot(
            &app,
            &ch,
            "snap-pre-closure",
            SnapshotReason::PreClosure,
            clock.now(),
        );
        // the early package lacks the pre-closure snapshot
        let err = app
            .complete_closure(ch.id, &early.path, &NoProgress, &CancelToken::new())
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("does not hold the pre-closure snapshot"),
            "{err}"
        );

        let st = app.closure_status(ch.id).unwrap();
        assert!(st.final_good);
        assert_eq!(
            st.current,
            Some(crate::ClosureStepKind::Review),
            "the early package does not count as export"
        );
        let err = app.review_closure(ch.id, "snap-half-year").unwrap_err();
        assert_eq!(
            err.code(),
            ErrorCode::Conflict,
            "only the final snapshot can be reviewed"
        );
        let st = app.review_closure(ch.id, "snap-pre-closure").unwrap();
        assert_eq!(st.current, Some(crate::ClosureStepKind::Export));
        let pkg = app
            .export_package(
                &req,
                &out.join("final.zip"),
                &NoProgress,
                &CancelToken::new(),
            )
            .unwrap();
        let st = app.closure_status(ch.id).unwrap();
        assert_eq!(st.current, Some(crate::ClosureStepKind::Verify));
        assert_eq!(
            st.package_path.as_deref(),
            Some(pkg.path.display().to_string().as_str())
        );
        // a damaged package is refused
        let bad = out.join("bad.zip");
        let mut bytes = std::fs::read(&pkg.path).unwrap();
        let n = bytes.len() / 3;
        bytes[n] ^= 0x20;
        std::fs::write(&bad, &bytes).unwrap();
        std::fs::copy(&pkg.sidecar, out.join("bad.zip.sha256")).unwrap();
        let err = app
            .complete_closure(ch.id, &bad, &NoProgress, &CancelToken::new())
            .unwrap_err();
        assert!(err.to_string().contains("did not verify"), "{err}");
        assert_eq!(
            app.store().channel(ch.id).unwrap().status,
            ChannelStatus::Closing
        );

        let st = app.closure_status(ch.id).unwrap();
        assert_eq!(
            st.current,
            Some(crate::ClosureStepKind::Verify),
            "a failed verification of another file does not count"
        );
        app.verify_package(&pkg.path, &NoProgress, &CancelToken::new())
            .unwrap();
        let st = app.closure_status(ch.id).unwrap();
        assert_eq!(st.current, Some(crate::ClosureStepKind::Close));
        let done = app
            .complete_closure(ch.id, &pkg.path, &NoProgress, &CancelToken::new())
            .unwrap();
        let st = app.closure_status(ch.id).unwrap();
        assert_eq!(st.current, None);
        assert!(
            st.steps
                .iter()
                .all(|s| s.done && s.actor.as_deref() == Some("anna")),
            "{:?}",
            st.steps
        );
        assert_eq!(done.channel.status, ChannelStatus::Closed);
        assert_eq!(done.snapshot_id, "snap-pre-closure");
        assert!(done.package.ok);
        let actions: Vec<String> = app
            .store()
            .audit_log(Some(ch.id))
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        for a in [
            "closure.start",
            "package.export",
            "package.verify",
            "closure.complete",
        ] {
            assert!(actions.iter().any(|x| x == a), "{a} missing in {actions:?}");
        }

        // Every entry the flow wrote reads in Swedish in the desktop.
        let lines = app.audit_lines(None).unwrap();
        for l in &lines {
            assert!(
                l.detail_sv.is_some(),
                "no Swedish text for {} {:?}",
                l.entry.action,
                l.entry.detail
            );
        }
        let sv = |action: &str| -> Vec<String> {
            lines
                .iter()
                .filter(|l| l.entry.action == action)
                .filter_map(|l| l.detail_sv.clone())
                .collect()
        };
        assert_eq!(sv("closure.start"), vec!["Status: aktiv → avslutas."]);
        assert_eq!(sv("closure.complete"), vec!["Status: avslutas → avslutad."]);
        assert_eq!(
            sv("closure.review"),
            vec!["Granskade ögonblicksbilden inför avslut, snap-pre-closure."]
        );
        assert_eq!(
            sv("closure.note"),
            vec![format!(
                "Avslutad med ögonblicksbilden inför avslut snap-pre-closure och det kontrollerade arkivpaketet {} ({}).",
                done.package.objid.clone().unwrap_or_default(),
                pkg.path.display()
            )]
        );
        assert!(
            sv("snapshot.commit").contains(
                &"Ögonblicksbild snap-pre-closure sparad (fullständig, inför avslut, 2 sidor)."
                    .to_string()
            ),
            "{:?}",
            sv("snapshot.commit")
        );
        let verified = sv("package.verify");
        assert!(
            verified
                .iter()
                .any(|v| v.ends_with(": kontrollerat, inga fel.")),
            "{verified:?}"
        );
        assert!(
            verified
                .iter()
                .any(|v| v.ends_with(" fel.") && !v.contains("inga")),
            "the damaged one: {verified:?}"
        );
        let exported = sv("package.export");
        assert!(
            exported.iter().any(
                |e| e.contains(&format!("skrevs till {}", pkg.path.display()))
                    && e.ends_with("snap-half-year, snap-pre-closure.")
            ),
            "{exported:?}"
        );
    }

    #[test]
    fn package_settings_keep_the_archival_fields_and_take_the_org_fields_from_settings() {
        let tmp = tempfile::tempdir().unwrap();
        let (app, _) = app(tmp.path());
        let p = app
            .set_package_settings(&PackageOrg {
                organisation_name: "ignored".into(),
                archive_creator: "Kommunstyrelsen".into(),
                classification_code: "1.4".into(),
                retention: ogonblick_package::Retention::DisposeAfter {
                    years: 5,
                    decision: "KS 2020/12".into(),
                },
                ..Default::default()
            })
            .unwrap();
        assert_eq!(p.organisation_name, "Nacka kommun");
        assert_eq!(p.organisation_number, "212000-0167");
        assert_eq!(p.archive_creator, "Kommunstyrelsen");
        let err = app
            .set_package_settings(&PackageOrg {
                retention: ogonblick_package::Retention::DisposeAfter {
                    years: 5,
                    decision: " ".into(),
                },
                ..Default::default()
            })
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput);
    }
}
