//! What changed between snapshots (issue 17): each page of a new snapshot
//! compared with the same address in the channel's previous complete
//! snapshot before the commit (kept in the page's report, so in
//! `snapshot.json`, the history and a rebuilt register alike), two chosen
//! snapshots compared, and the suggested major changes with their answers.
//!
//! A suggestion is the newest snapshot of a channel whose comparison
//! suggests a major change, unless that snapshot is itself a major-change
//! snapshot or the suggestion was answered: registered (a major-change
//! capture, `change.register`) or dismissed (`change.dismiss`). The answers
//! are audit events, so the audit log (and `audit.jsonl`, which `reindex`
//! reads back) is their record; there is no table of its own.

use ogonblick_model::RoleAction;
use ogonblick_store::RegisterExt;
use std::collections::HashSet;
use std::path::Path;

use ogonblick_compare::{compare, PageFeatures};
use ogonblick_model::{
    AuditEvent, CancelToken, ChangeSignal, ChannelId, ComparisonSettings, ErrorCode, FileRole,
    Message, PageComparison, PageRecord, ProgressSink, Snapshot, SnapshotReason, SnapshotStatus,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, AppError, CaptureRequest, ChannelCapture, Result};

/// Two snapshots compared, page by page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SnapshotComparison {
    pub older_snapshot_id: String,
    pub newer_snapshot_id: String,
    pub pages: Vec<ComparedPage>,
    /// Whether any page suggests a major change.
    pub suggests_major_change: bool,
}

/// A page of the newer snapshot and its comparison with the older one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComparedPage {
    pub url: String,
    pub comparison: PageComparison,
}

/// A suggested major change, waiting to be registered or dismissed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChangeSuggestion {
    #[ts(type = "number")]
    pub channel_id: ChannelId,
    pub channel_name: String,
    /// The snapshot whose comparison suggests the change.
    pub snapshot_id: String,
    pub previous_snapshot_id: String,
    #[ts(type = "string")]
    pub taken_at: ogonblick_model::Timestamp,
    /// What changed, over all its pages.
    pub signals: Vec<ChangeSignal>,
    /// The pages that suggest it.
    pub urls: Vec<String>,
}

impl App {
    /// The thresholds of comparisons (defaults when never set).
    pub fn comparison_settings(&self) -> Result<ComparisonSettings> {
        Ok(self.store().setting::<ComparisonSettings>()?)
    }

    /// Sets the thresholds of comparisons (audited as a settings change);
    /// a value out of its bounds is refused and nothing is stored
    /// (`comparison-bad-setting`). Comparisons made from then on use them.
    pub fn set_comparison_settings(
        &self,
        settings: &ComparisonSettings,
    ) -> Result<ComparisonSettings> {
        self.require(RoleAction::Settings, None)?;
        crate::changes_settings::check_comparison_settings(settings)?;
        self.store().set_setting(settings, self.operator())?;
        Ok(settings.clone())
    }

    /// Compares each captured page in `staging` with the same address in
    /// the channel's previous complete snapshot, into its report. A page that
    /// cannot be compared keeps a warning; the capture never fails for it.
    pub(crate) fn compare_with_previous(
        &self,
        channel_id: ChannelId,
        staging: &Path,
        pages: &mut [PageRecord],
    ) {
        let previous = match self.store().snapshots(Some(channel_id)) {
            Ok(all) => all
                .into_iter()
                .rev()
                .find(|s| s.status == SnapshotStatus::Complete && s.counts_for_channel()),
            Err(_) => None,
        };
        let Some(previous) = previous else { return };
        let Ok((_, prev_dir)) = self.snapshot_folder(&previous.id) else {
            return;
        };
        let settings = self.comparison_settings().unwrap_or_default();
        let others = self.identity_addresses(channel_id);
        for page in pages.iter_mut().filter(|p| p.ok) {
            let Some(old) = previous.pages.iter().find(|p| p.ok && p.url == page.url) else {
                continue;
            };
            let Some(Ok(new_f)) = features(page, staging, &settings) else {
                continue;
            };
            let new_f = new_f.identity_page(is_identity_page(&others, &page.url));
            match features(old, &prev_dir, &settings) {
                Some(Ok(old_f)) => {
                    page.report.comparison = Some(compare(&previous.id, &old_f, &new_f, &settings));
                }
                Some(Err(e)) => page.report.warnings.push(Message::WarnComparisonFailedWhy {
                    snapshot: previous.id.clone(),
                    why: Box::new(e.message()),
                }),
                None => {}
            }
        }
    }

    /// Compares snapshot `newer` with `older`: pages by address (or, for two
    /// one-page snapshots of different addresses, the one with the other).
    pub fn compare_snapshots(&self, older: &str, newer: &str) -> Result<SnapshotComparison> {
        if older == newer {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::ChangeSameSnapshot {},
            ));
        }
        let (old, old_dir) = self.snapshot_folder(older)?;
        let (new, new_dir) = self.snapshot_folder(newer)?;
        let settings = self.comparison_settings()?;
        let others = self.identity_addresses(new.channel_id);
        let one_each = old.pages.len() == 1 && new.pages.len() == 1;
        let mut pages = Vec::new();
        for page in &new.pages {
            let prev = old
                .pages
                .iter()
                .find(|p| p.url == page.url)
                .or_else(|| one_each.then(|| &old.pages[0]));
            let Some(prev) = prev else { continue };
            let unreadable = |e: ogonblick_compare::CompareError| {
                AppError::said(
                    ErrorCode::Environment,
                    Message::ChangePageUnreadableWhy {
                        url: page.url.clone(),
                        why: Box::new(e.message()),
                    },
                )
            };
            let (Some(a), Some(b)) = (
                features(prev, &old_dir, &settings),
                features(page, &new_dir, &settings),
            ) else {
                continue;
            };
            let a = a.map_err(&unreadable)?;
            let b = b
                .map_err(&unreadable)?
                .identity_page(is_identity_page(&others, &page.url));
            pages.push(ComparedPage {
                url: page.url.clone(),
                comparison: compare(&old.id, &a, &b, &settings),
            });
        }
        if pages.is_empty() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::ChangeNothingInCommon {
                    older: old.id.clone(),
                    newer: new.id.clone(),
                },
            ));
        }
        Ok(SnapshotComparison {
            older_snapshot_id: old.id,
            newer_snapshot_id: new.id,
            suggests_major_change: pages.iter().any(|p| p.comparison.suggests_major_change),
            pages,
        })
    }

    /// The suggested major changes not yet answered, one per channel at most.
    pub fn change_suggestions(&self) -> Result<Vec<ChangeSuggestion>> {
        let answered = self.answered_suggestions()?;
        let mut out = Vec::new();
        for channel in self.store().channels()? {
            let latest = self
                .store()
                .snapshots(Some(channel.id))?
                .into_iter()
                .rev()
                .find(|s| s.counts_for_channel());
            if let Some(s) = latest {
                if let Some(sug) = suggestion(&channel.name, &s) {
                    if !answered.contains(&s.id) {
                        out.push(sug);
                    }
                }
            }
        }
        Ok(out)
    }

    /// Dismisses the suggestion of `snapshot_id` (no major change), audited.
    pub fn dismiss_change(&self, snapshot_id: &str, note: Option<String>) -> Result<()> {
        let s = self.open_suggestion(snapshot_id)?;
        self.require_channel(RoleAction::MajorChange, s.channel_id)?;
        self.store().append_audit(
            self.operator(),
            Some(s.channel_id),
            AuditEvent::ChangeDismissed {
                snapshot_id: snapshot_id.to_string(),
                note: note.filter(|n| !n.trim().is_empty()),
            },
        )?;
        Ok(())
    }

    /// Registers the suggestion of `snapshot_id`: the channel captured as a
    /// major change described by `note`, then audited with its snapshot.
    pub fn register_change(
        &self,
        snapshot_id: &str,
        note: &str,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<Snapshot> {
        if note.trim().is_empty() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::ChangeNoteMissing {},
            ));
        }
        let s = self.open_suggestion(snapshot_id)?;
        self.require_channel(RoleAction::MajorChange, s.channel_id)?;
        let request = CaptureRequest {
            channel_ids: vec![s.channel_id],
            reason: SnapshotReason::MajorChange,
            reason_note: Some(note.trim().to_string()),
            reason_message: None,
        };
        let snapshot = match self.capture(&request, sink, cancel)?.pop() {
            Some(ChannelCapture::Stored { snapshot }) => snapshot,
            Some(ChannelCapture::Skipped { message, .. }) => {
                return Err(AppError::said(ErrorCode::Conflict, message))
            }
            None => {
                return Err(AppError::fault(
                    ogonblick_model::messages::Fault::CaptureReturnedNothing,
                ))
            }
        };
        self.store().append_audit(
            self.operator(),
            Some(s.channel_id),
            AuditEvent::ChangeRegistered {
                snapshot_id: snapshot_id.to_string(),
                new_snapshot_id: snapshot.id.clone(),
                note: note.trim().to_string(),
            },
        )?;
        Ok(snapshot)
    }

    /// The channel's addresses but the first: its about or rules pages (none
    /// when the channel cannot be read: then no page counts as one).
    fn identity_addresses(&self, channel_id: ChannelId) -> Vec<String> {
        self.store()
            .channel(channel_id)
            .map(|c| c.urls.into_iter().skip(1).collect())
            .unwrap_or_default()
    }

    fn open_suggestion(&self, snapshot_id: &str) -> Result<ChangeSuggestion> {
        self.change_suggestions()?
            .into_iter()
            .find(|s| s.snapshot_id == snapshot_id)
            .ok_or_else(|| {
                AppError::said(
                    ErrorCode::NotFound,
                    Message::ChangeNoSuggestion {
                        snapshot: snapshot_id.to_string(),
                    },
                )
            })
    }

    fn answered_suggestions(&self) -> Result<HashSet<String>> {
        let mut out = HashSet::new();
        for action in ["change.register", "change.dismiss"] {
            for e in self.store().audit_log_of_action(action)? {
                match e.event {
                    AuditEvent::ChangeRegistered { snapshot_id, .. }
                    | AuditEvent::ChangeDismissed { snapshot_id, .. } => {
                        out.insert(snapshot_id);
                    }
                    _ => {}
                }
            }
        }
        Ok(out)
    }
}

/// The suggestion a snapshot makes, if it makes one.
fn suggestion(channel_name: &str, s: &Snapshot) -> Option<ChangeSuggestion> {
    if s.reason == SnapshotReason::MajorChange {
        return None;
    }
    let mut signals = Vec::new();
    let mut urls = Vec::new();
    let mut previous = None;
    for p in &s.pages {
        let Some(c) = &p.report.comparison else {
            continue;
        };
        if c.suggests_major_change {
            urls.push(p.url.clone());
            previous.get_or_insert_with(|| c.previous_snapshot_id.clone());
            for sig in &c.signals {
                if !signals.contains(sig) {
                    signals.push(*sig);
                }
            }
        }
    }
    Some(ChangeSuggestion {
        channel_id: s.channel_id,
        channel_name: channel_name.to_string(),
        snapshot_id: s.id.clone(),
        previous_snapshot_id: previous?,
        taken_at: s.finished_at,
        signals,
        urls,
    })
}

/// Whether the page at `url` is one of the channel's registered addresses
/// but the first (its about or rules page), whose whole text is the
/// channel's identity. A one-address capture of a post is not.
fn is_identity_page(others: &[String], url: &str) -> bool {
    others
        .iter()
        .any(|u| ogonblick_model::text::same_address(u, url))
}

/// A page's features from its files in `dir`; `None` when it has no PNG.
fn features(
    page: &PageRecord,
    dir: &Path,
    settings: &ComparisonSettings,
) -> Option<std::result::Result<PageFeatures, ogonblick_compare::CompareError>> {
    let file = |role| {
        page.files
            .iter()
            .find(|f| f.role == role)
            .map(|f| dir.join(&f.path))
    };
    let png = file(FileRole::Png)?;
    Some(PageFeatures::read(
        &page.url,
        page.report.final_url.as_deref(),
        page.report.title.as_deref(),
        &png,
        file(FileRole::Text).as_deref(),
        settings,
    ))
}
