//! One channel of a run: its pages, each into the staging folder, then one
//! snapshot committed to the store.

use std::fs;

use ogonblick_capture::CaptureError;
use ogonblick_model::{
    CancelToken, Channel, ErrorCode, Message, PageRecord, ProgressEvent, ProgressSink, Provenance,
    Snapshot, SnapshotStatus,
};

use super::browser::SharedBrowser;
use super::lock::ChannelLock;
use super::web_archive;
use super::{CaptureRequest, ChannelCapture};
use crate::{App, AppError, Result};

/// Where a channel's capture stands: the claim it holds (checked before
/// each page and before the commit) and the next page's progress index.
pub(super) struct ChannelAt<'a> {
    pub claim: &'a ChannelLock,
    pub index: &'a mut u32,
}

impl App {
    /// One channel of a run, under its capture claim.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn capture_locked(
        &self,
        channel: &Channel,
        request: &CaptureRequest,
        browser: &SharedBrowser<'_>,
        first_index: u32,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
        still_wanted: &(dyn Fn(&Channel) -> Result<bool> + Sync),
    ) -> Result<ChannelCapture> {
        let Some(claim) = self.try_lock_channel(channel.id)? else {
            return Ok(ChannelCapture::Skipped {
                channel_id: channel.id,
                message: self.busy_message(channel.id),
            });
        };
        if !still_wanted(channel)? {
            return Ok(ChannelCapture::Skipped {
                channel_id: channel.id,
                message: Message::CaptureDoneMeanwhile { id: channel.id },
            });
        }
        let mut index = first_index;
        let at = ChannelAt {
            claim: &claim,
            index: &mut index,
        };
        match self.capture_channel(channel, request, None, browser, at, sink, cancel) {
            Ok(snapshot) => Ok(ChannelCapture::Stored { snapshot }),
            // Taken over by another run (which captures it): nothing was
            // stored here, and the rest of the run goes on.
            Err(e) if matches!(e.message(), Message::CaptureClaimLost { .. }) => {
                Ok(ChannelCapture::Skipped {
                    channel_id: channel.id,
                    message: Message::CaptureClaimLost { id: channel.id },
                })
            }
            Err(e) => Err(e),
        }
    }

    /// One snapshot of `channel`: its registered addresses, or only
    /// `single_address` (a one-address capture, recorded as such).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn capture_channel(
        &self,
        channel: &Channel,
        request: &CaptureRequest,
        single_address: Option<&str>,
        browser: &SharedBrowser<'_>,
        at: ChannelAt<'_>,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<Snapshot> {
        let ChannelAt { claim, index } = at;
        let snapshot_id = self.ids().new_id();
        let staging = self.store().begin_snapshot(channel.id, &snapshot_id)?;
        let started_at = self.clock().now();
        let mut pages = Vec::new();
        let mut stems = Vec::new();
        let one;
        let urls: &[String] = match single_address {
            Some(address) => {
                one = [address.to_string()];
                &one
            }
            None => &channel.urls,
        };
        for (n, url) in urls.iter().enumerate() {
            if let Err(e) = claim.check() {
                let _ = self.store().discard(staging);
                return Err(e);
            }
            let i = *index;
            *index += 1;
            let stem = format!("page-{:02}", n + 1);
            let page = match self.capture_one(
                browser,
                channel.platform,
                url,
                &staging,
                &stem,
                sink,
                i,
                cancel,
            ) {
                Ok(page) => page,
                Err(CaptureError::Cancelled) => {
                    let _ = self.store().discard(staging);
                    return Err(AppError::said(
                        ErrorCode::Cancelled,
                        Message::CaptureRunCancelled {},
                    ));
                }
                Err(e) => {
                    // A dead browser or an unwritable file fails this page only;
                    // the next page gets a fresh browser.
                    remove_partial_files(staging.path(), &stem);
                    failed_page(url, e.message(), self.operator())
                }
            };
            sink.event(ProgressEvent::ItemDone {
                index: i,
                label: url.clone(),
                ok: page.ok,
                message: page.error.clone(),
                why: page.message.clone(),
            });
            pages.push(page);
            stems.push(stem);
        }
        let with_stems: Vec<(String, &PageRecord)> = stems.into_iter().zip(pages.iter()).collect();
        let packed = web_archive::pack(
            staging.path(),
            &snapshot_id,
            self.operator(),
            self.clock().now(),
            &with_stems,
        );
        let files = match packed {
            Ok(f) => f.into_iter().collect(),
            // The pages are kept without their web archive (a full disk
            // then fails the commit with its own clear message); each
            // page's report says why it is missing.
            Err(e) => {
                let said = e.message();
                for p in &mut pages {
                    p.report.warnings.push(said.clone());
                }
                Vec::new()
            }
        };
        if single_address.is_none() {
            // Before the commit, so the comparison is part of snapshot.json.
            self.compare_with_previous(channel.id, staging.path(), &mut pages);
        }
        let status = if pages.iter().all(|p| p.ok) {
            SnapshotStatus::Complete
        } else if pages.iter().any(|p| !p.files.is_empty()) {
            SnapshotStatus::Partial
        } else {
            SnapshotStatus::Failed
        };
        let mut snapshot = Snapshot {
            id: snapshot_id,
            channel_id: channel.id,
            reason: request.reason,
            reason_note: request.reason_note.clone().filter(|s| !s.trim().is_empty()),
            reason_message: None,
            status,
            started_at,
            finished_at: self.clock().now(),
            operator: self.operator().to_string(),
            pages,
            diary_number: None,
            single_address: single_address.map(str::to_string),
            files,
        };
        if let Some(m) = &request.reason_message {
            // The engine's own note replaces the operator's.
            snapshot.note_with(m.clone());
        }
        // Lost while the last page was captured, or not renewable now: the
        // run that took the channel over stores its own snapshot.
        if let Err(e) = claim.confirm() {
            let _ = self.store().discard(staging);
            return Err(e);
        }
        self.store().commit_snapshot(staging, snapshot.clone())?;
        // The snapshot is stored (pending its timestamp when authorities are
        // configured); an authority that does not answer leaves it pending,
        // shown in the history and retried, never the capture failed.
        let _ = self.stamp_snapshot(&snapshot.id);
        Ok(snapshot)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn capture_one(
        &self,
        browser: &SharedBrowser<'_>,
        platform: ogonblick_model::Platform,
        url: &str,
        staging: &ogonblick_store::Staging,
        stem: &str,
        sink: &dyn ProgressSink,
        index: u32,
        cancel: &CancelToken,
    ) -> std::result::Result<PageRecord, CaptureError> {
        if let Err(why) = ogonblick_capture::validate_url(url) {
            return Ok(failed_page(
                url,
                Message::PageAddressBad {
                    url: url.to_string(),
                    why: Box::new(why),
                },
                self.operator(),
            ));
        }
        let b = browser.get()?;
        let page = b.capture_page_as(platform, url, staging.path(), stem, sink, index, cancel);
        if matches!(&page, Err(e) if !matches!(e, CaptureError::Cancelled)) {
            browser.discard(&b);
        }
        page
    }
}

fn failed_page(url: &str, message: Message, operator: &str) -> PageRecord {
    let mut page = PageRecord {
        url: url.to_string(),
        ok: false,
        error: None,
        error_sv: None,
        message: None,
        files: Vec::new(),
        report: Default::default(),
        provenance: Provenance {
            operator: operator.to_string(),
            ..Default::default()
        },
    };
    page.fail_with(message);
    page
}

/// After a failed page, no file of it may stay in the staging folder (the
/// store refuses files without a record).
fn remove_partial_files(dir: &std::path::Path, stem: &str) {
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with(stem) || name.starts_with(&format!(".{stem}")) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}
