//! A run over several channels: one browser, a worker per channel side by
//! side, each channel under its lock.

use ogonblick_capture::CaptureOptions;
use ogonblick_model::{
    CancelToken, Channel, ChannelStatus, ErrorCode, Message, ProgressEvent, ProgressSink,
    SnapshotStatus,
};

use super::browser::SharedBrowser;
use super::profile::ProfileUse;
use super::{CaptureRequest, ChannelCapture};
use crate::{App, AppError, Result};

impl App {
    /// Captures every page of the given channels with one browser, in order,
    /// and stores one snapshot per channel. Progress goes to `sink`; `cancel`
    /// stops the run between and inside pages (the snapshot in progress is
    /// discarded, finished ones stay).
    pub fn capture(
        &self,
        request: &CaptureRequest,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<Vec<ChannelCapture>> {
        self.capture_with(request, &self.capture_options(), sink, cancel, |_| Ok(true))
    }

    /// [`App::capture`] with explicit options and a last check made under
    /// each channel's lock (`still_wanted`): a scheduled run uses it to skip a
    /// channel that another run captured meanwhile.
    pub fn capture_with(
        &self,
        request: &CaptureRequest,
        opts: &CaptureOptions,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
        still_wanted: impl Fn(&Channel) -> Result<bool> + Sync,
    ) -> Result<Vec<ChannelCapture>> {
        if request.channel_ids.is_empty() {
            return Err(AppError::said(
                ogonblick_model::ErrorCode::InvalidInput,
                ogonblick_model::Message::CaptureNoChannels {},
            ));
        }
        // Check every id first so a typo fails before any work is done.
        let mut channels = Vec::new();
        for id in &request.channel_ids {
            let c = self.store().channel(*id)?;
            if c.status == ChannelStatus::Closed {
                return Err(AppError::said(
                    ErrorCode::Conflict,
                    Message::RefusedChannelClosed {
                        id: c.id,
                        name: c.name.clone(),
                    },
                ));
            }
            channels.push(c);
        }
        for c in &channels {
            self.require(ogonblick_model::RoleAction::Capture, Some(c))?;
        }
        // One Chromium at a time may use a profile folder. The run holds the
        // organisation profile's lock; a second run at the same time captures
        // with a temporary copy of it (the sign-in cookies, not the caches).
        let mut opts = opts.clone();
        let _profile = ProfileUse::take(&mut opts)?;
        let opts = &opts;
        let total: u32 = channels.iter().map(|c| c.urls.len() as u32).sum();
        sink.event(ProgressEvent::Started {
            total,
            label: match channels.len() {
                1 => "1 kanal".to_string(),
                n => format!("{n} kanaler"),
            },
        });

        // Launch once up front: a missing browser is an error of the set-up,
        // not a failed snapshot of every channel.
        let browser = SharedBrowser::launch(opts)?;
        // Each channel's pages keep their place in the progress, whatever
        // order the workers finish in.
        let first_index: Vec<u32> = channels
            .iter()
            .scan(0u32, |n, c| {
                let first = *n;
                *n += c.urls.len() as u32;
                Some(first)
            })
            .collect();
        // Several channels side by side in the one browser; each worker takes
        // the next channel in request order.
        let workers = opts.pages_at_once.clamp(1, channels.len());
        let next = std::sync::atomic::AtomicUsize::new(0);
        let outcomes: Vec<std::sync::Mutex<Option<Result<ChannelCapture>>>> = channels
            .iter()
            .map(|_| std::sync::Mutex::new(None))
            .collect();
        let failed = std::sync::atomic::AtomicBool::new(false);
        let work = || loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            if i >= channels.len()
                || cancel.is_cancelled()
                || failed.load(std::sync::atomic::Ordering::SeqCst)
            {
                return;
            }
            let outcome = self.capture_locked(
                &channels[i],
                request,
                &browser,
                first_index[i],
                sink,
                cancel,
                &still_wanted,
            );
            if outcome.is_err() {
                failed.store(true, std::sync::atomic::Ordering::SeqCst);
            }
            *outcomes[i].lock().unwrap_or_else(|p| p.into_inner()) = Some(outcome);
        };
        std::thread::scope(|s| {
            for _ in 1..workers {
                s.spawn(work);
            }
            work();
        });

        let mut results = Vec::new();
        let mut first_error = None;
        for o in outcomes {
            match o.into_inner().unwrap_or_else(|p| p.into_inner()) {
                Some(Ok(r)) => results.push(r),
                Some(Err(e)) => {
                    first_error.get_or_insert(e);
                }
                None => {}
            }
        }
        if cancel.is_cancelled()
            || first_error
                .as_ref()
                .is_some_and(|e| e.code() == ogonblick_model::ErrorCode::Cancelled)
        {
            sink.event(ProgressEvent::Finished {
                ok: false,
                message: Some(Message::ProgressCancelled {}),
            });
            return Err(AppError::said(
                ErrorCode::Cancelled,
                Message::CaptureRunCancelled {},
            ));
        }
        if let Some(e) = first_error {
            return Err(e);
        }
        let ok = results.iter().all(|r| match r {
            ChannelCapture::Stored { snapshot } => snapshot.status == SnapshotStatus::Complete,
            ChannelCapture::Skipped { .. } => true,
        });
        sink.event(ProgressEvent::Finished { ok, message: None });
        Ok(results)
    }
}
