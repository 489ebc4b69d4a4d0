//! Capturing every channel that is due, as an unattended run does.

use ogonblick_capture::CaptureOptions;
use ogonblick_model::{
    CancelToken, Channel, ChannelId, ProgressSink, SnapshotReason, SnapshotStatus,
};

use super::{CaptureRequest, ChannelCapture};
use crate::{App, Result};

impl App {
    /// Captures every channel that is due at `at` (default: now), as an
    /// unattended run does: one browser for all, each channel with the
    /// reason its assessment gives, under the channel's lock and only if it
    /// is still due once the lock is held (so two runs at once never capture
    /// the same channel twice).
    pub fn capture_due(
        &self,
        at: Option<ogonblick_model::Timestamp>,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<Vec<ChannelCapture>> {
        self.capture_due_with(at, &self.capture_options(), sink, cancel)
    }

    /// [`App::capture_due`] with explicit options (e.g. how many channels
    /// side by side).
    pub fn capture_due_with(
        &self,
        at: Option<ogonblick_model::Timestamp>,
        opts: &CaptureOptions,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<Vec<ChannelCapture>> {
        let run_started = self.clock().now();
        let report = self.due(at)?;
        // A person takes the due channels their roles let them capture (a
        // handläggare: their units'); the others are left for others.
        let people = self.store().roles()?;
        let channels = self.store().channels()?;
        let mine = |id: ChannelId| {
            people.is_empty()
                || channels
                    .iter()
                    .find(|c| c.id == id)
                    .is_some_and(|c| self.may(&people, ogonblick_model::RoleAction::Capture, c))
        };
        let mut by_reason: Vec<(SnapshotReason, Vec<ChannelId>)> = Vec::new();
        for e in report
            .to_capture()
            .filter(|e| mine(e.assessment.channel_id))
        {
            let reason = e
                .assessment
                .reason_to_capture
                .unwrap_or(SnapshotReason::AdHoc);
            match by_reason.iter_mut().find(|(r, _)| *r == reason) {
                Some((_, ids)) => ids.push(e.assessment.channel_id),
                None => by_reason.push((reason, vec![e.assessment.channel_id])),
            }
        }
        let mut results = Vec::new();
        for (reason, channel_ids) in by_reason {
            let request = CaptureRequest {
                channel_ids,
                reason,
                reason_note: None,
                reason_message: None,
            };
            // Under the channel's lock: still due, and no good snapshot was
            // stored by another run since this one began (which `due(at)`
            // alone would not see when `at` lies in the past).
            let still_due = |c: &Channel| -> Result<bool> {
                let taken_meanwhile = self.store().snapshots(Some(c.id))?.iter().any(|s| {
                    s.status == SnapshotStatus::Complete
                        && s.counts_for_channel()
                        && s.finished_at >= run_started
                });
                Ok(!taken_meanwhile
                    && self
                        .due(at)?
                        .to_capture()
                        .any(|e| e.assessment.channel_id == c.id))
            };
            results.extend(self.capture_with(&request, opts, sink, cancel, still_due)?);
        }
        Ok(results)
    }
}
