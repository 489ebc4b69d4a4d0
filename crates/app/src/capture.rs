//! Use case: take a snapshot (ögonblicksbild) of one or more channels.
//!
//! Every page address of a channel is rendered by one shared headless
//! Chromium (`ogonblick-capture`) into the channel's staging folder; a run
//! over several channels takes `CaptureOptions::pages_at_once` of them side
//! by side in that browser (a worker thread each, a tab each page); the
//! snapshot is then committed to the store, which checks every file's size
//! and SHA-256 before the folder gets its final name and the history its row.
//! A failed page never stops the run: the other pages and channels carry on,
//! and the snapshot records what failed and why. A snapshot whose pages all
//! failed is committed as `failed` (no files), so the history shows it.
//!
//! Two runs at once never capture the same channel twice: each channel is
//! taken under an OS file lock in the data directory
//! (`locks/channel-<id>.lock`), released by the OS even if the process dies.

use std::fs::{self, File, OpenOptions};
use std::path::PathBuf;

use ogonblick_capture::{Browser, CaptureError, CaptureOptions};
use ogonblick_model::{
    CancelToken, Channel, ChannelId, ChannelStatus, ErrorCode, IdGen, Message, PageRecord,
    ProgressEvent, ProgressSink, Provenance, Snapshot, SnapshotReason, SnapshotStatus,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, AppError, Result};

/// What to capture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CaptureRequest {
    #[ts(type = "number[]")]
    pub channel_ids: Vec<ChannelId>,
    pub reason: SnapshotReason,
    /// Free text, e.g. what the major change was.
    pub reason_note: Option<String>,
}

/// How one channel's capture ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum ChannelCapture {
    /// A snapshot was stored (complete, partial or failed: see its status).
    Stored { snapshot: Snapshot },
    /// Another run holds this channel right now; nothing was done.
    Skipped {
        #[ts(type = "number")]
        channel_id: ChannelId,
        message: String,
    },
}

/// A held capture lock on one channel.
pub struct ChannelLock {
    _file: File,
}

impl App {
    /// The capture options of this installation: Debian's Chromium (or
    /// `$OGONBLICK_CHROMIUM`), the organisation's persistent browser profile
    /// under `<data>/profiles/organisation`, the operator, and the app's
    /// clock (which stamps the pages' provenance).
    pub fn capture_options(&self) -> CaptureOptions {
        CaptureOptions {
            operator: self.operator().to_string(),
            profile_dir: Some(self.profile_dir()),
            clock: self.clock().clone().into(),
            ..CaptureOptions::default()
        }
    }

    /// The organisation's persistent Chromium profile (cookies of staff who
    /// signed in with [`App::open_login_browser`]).
    pub fn profile_dir(&self) -> PathBuf {
        self.data_dir().join("profiles").join("organisation")
    }

    /// Opens a visible Chromium on the organisation's profile at the
    /// channel's first address, so staff can sign in once; later headless
    /// captures reuse the session.
    pub fn open_login_browser(&self, channel_id: ChannelId) -> Result<()> {
        let channel = self.store().channel(channel_id)?;
        let url = channel.urls.first().cloned().unwrap_or_default();
        let opts = self.capture_options();
        if let Some(dir) = &opts.profile_dir {
            fs::create_dir_all(dir).map_err(|e| {
                AppError::environment(format!(
                    "cannot create the browser profile folder {}: {e}",
                    dir.display()
                ))
            })?;
        }
        let mut child =
            ogonblick_capture::open_login_browser(&opts, &url).map_err(capture_error)?;
        // Reaped when the user closes the window, so it leaves no zombie
        // behind (which would count as a browser still using the profile).
        std::thread::Builder::new()
            .name("ogonblick-sign-in-browser".into())
            .spawn(move || {
                let _ = child.wait();
            })
            .map_err(|e| AppError::environment(format!("cannot watch the sign-in browser: {e}")))?;
        self.store().append_audit(
            self.operator(),
            Some(channel_id),
            ogonblick_model::AuditEvent::LoginBrowserOpened { url },
        )?;
        Ok(())
    }

    /// Tries to take the capture lock of a channel. `Ok(None)`: another run
    /// holds it.
    pub fn try_lock_channel(&self, channel_id: ChannelId) -> Result<Option<ChannelLock>> {
        let dir = self.data_dir().join("locks");
        fs::create_dir_all(&dir)
            .map_err(|e| AppError::environment(format!("cannot create {}: {e}", dir.display())))?;
        let path = dir.join(format!("channel-{channel_id}.lock"));
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| {
                AppError::environment(format!("cannot open the lock {}: {e}", path.display()))
            })?;
        match file.try_lock() {
            Ok(()) => Ok(Some(ChannelLock { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(AppError::environment(format!(
                "cannot lock {}: {e}",
                path.display()
            ))),
        }
    }

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
            return Err(AppError::invalid(
                "name at least one channel to capture: see `ogonblick channel list`",
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
        // One Chromium at a time may use a profile folder. The run holds the
        // organisation profile's lock; a second run at the same time captures
        // with a temporary copy of it (the sign-in cookies, not the caches).
        let mut opts = opts.clone();
        let _profile = ProfileUse::take(&mut opts)?;
        let opts = &opts;
        let total: u32 = channels.iter().map(|c| c.urls.len() as u32).sum();
        sink.event(ProgressEvent::Started {
            total,
            label: format!("{} kanal(er)", channels.len()),
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
                message: Some("avbruten".into()),
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

    /// One channel of a run, under its capture lock.
    #[allow(clippy::too_many_arguments)]
    fn capture_locked(
        &self,
        channel: &Channel,
        request: &CaptureRequest,
        browser: &SharedBrowser<'_>,
        first_index: u32,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
        still_wanted: &(dyn Fn(&Channel) -> Result<bool> + Sync),
    ) -> Result<ChannelCapture> {
        let Some(_lock) = self.try_lock_channel(channel.id)? else {
            return Ok(ChannelCapture::Skipped {
                channel_id: channel.id,
                message: format!("channel {} is being captured by another run", channel.id),
            });
        };
        if !still_wanted(channel)? {
            return Ok(ChannelCapture::Skipped {
                channel_id: channel.id,
                message: format!(
                    "channel {} was captured by another run meanwhile",
                    channel.id
                ),
            });
        }
        let mut index = first_index;
        let snapshot = self.capture_channel(channel, request, browser, &mut index, sink, cancel)?;
        Ok(ChannelCapture::Stored { snapshot })
    }

    #[allow(clippy::too_many_arguments)]
    fn capture_channel(
        &self,
        channel: &Channel,
        request: &CaptureRequest,
        browser: &SharedBrowser<'_>,
        index: &mut u32,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<Snapshot> {
        let snapshot_id = self.ids().new_id();
        let staging = self.store().begin_snapshot(channel.id, &snapshot_id)?;
        let started_at = self.clock().now();
        let mut pages = Vec::new();
        for (n, url) in channel.urls.iter().enumerate() {
            let i = *index;
            *index += 1;
            let stem = format!("page-{:02}", n + 1);
            let page = match self.capture_one(browser, url, &staging, &stem, sink, i, cancel) {
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
        }
        let status = if pages.iter().all(|p| p.ok) {
            SnapshotStatus::Complete
        } else if pages.iter().any(|p| !p.files.is_empty()) {
            SnapshotStatus::Partial
        } else {
            SnapshotStatus::Failed
        };
        let snapshot = Snapshot {
            id: snapshot_id,
            channel_id: channel.id,
            reason: request.reason,
            reason_note: request.reason_note.clone().filter(|s| !s.trim().is_empty()),
            status,
            started_at,
            finished_at: self.clock().now(),
            operator: self.operator().to_string(),
            pages,
            diary_number: None,
        };
        self.store().commit_snapshot(staging, snapshot.clone())?;
        Ok(snapshot)
    }

    #[allow(clippy::too_many_arguments)]
    fn capture_one(
        &self,
        browser: &SharedBrowser<'_>,
        url: &str,
        staging: &ogonblick_store::Staging,
        stem: &str,
        sink: &dyn ProgressSink,
        index: u32,
        cancel: &CancelToken,
    ) -> std::result::Result<PageRecord, CaptureError> {
        if let Err(message) = ogonblick_capture::validate_url(url) {
            return Ok(failed_page(
                url,
                Message::Text { text: message },
                self.operator(),
            ));
        }
        let b = browser.get()?;
        let page = b.capture_page(url, staging.path(), stem, sink, index, cancel);
        if matches!(&page, Err(e) if !matches!(e, CaptureError::Cancelled)) {
            browser.discard(&b);
        }
        page
    }
}

/// The one browser of a run, shared by its workers. A page that fails with
/// the browser (crashed, unwritable output) retires it: the next page gets a
/// fresh one, while pages still running on the old one finish on it (it ends
/// when the last of them lets go).
struct SharedBrowser<'a> {
    opts: &'a CaptureOptions,
    current: std::sync::Mutex<Option<std::sync::Arc<Browser>>>,
}

impl<'a> SharedBrowser<'a> {
    fn launch(opts: &'a CaptureOptions) -> Result<Self> {
        let b = Browser::launch(opts).map_err(capture_error)?;
        Ok(SharedBrowser {
            opts,
            current: std::sync::Mutex::new(Some(std::sync::Arc::new(b))),
        })
    }

    fn get(&self) -> std::result::Result<std::sync::Arc<Browser>, CaptureError> {
        let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(b) = current.as_ref() {
            return Ok(b.clone());
        }
        let b = std::sync::Arc::new(Browser::launch(self.opts)?);
        *current = Some(b.clone());
        Ok(b)
    }

    fn discard(&self, b: &std::sync::Arc<Browser>) {
        let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
        if current
            .as_ref()
            .is_some_and(|c| std::sync::Arc::ptr_eq(c, b))
        {
            *current = None;
        }
    }
}

/// The organisation profile held for one run: its lock, or a temporary copy
/// that is removed when the run ends.
enum ProfileUse {
    None,
    Held(#[allow(dead_code)] File),
    Copy(PathBuf),
}

impl ProfileUse {
    fn take(opts: &mut CaptureOptions) -> Result<ProfileUse> {
        let Some(dir) = opts.profile_dir.clone() else {
            return Ok(ProfileUse::None);
        };
        let env = |what: &str, p: &std::path::Path, e: std::io::Error| {
            AppError::environment(format!(
                "cannot {what} the browser profile {}: {e}",
                p.display()
            ))
        };
        fs::create_dir_all(&dir).map_err(|e| env("create", &dir, e))?;
        let lock_path = dir.with_extension("lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| env("lock", &lock_path, e))?;
        // Another run of ours holds the profile, or a sign-in window is still
        // open on it: capture with a copy (the cookies as they are on disk).
        if lock.try_lock().is_ok() && !ogonblick_capture::profile_in_use(&dir) {
            return Ok(ProfileUse::Held(lock));
        }
        let copy = std::env::temp_dir().join(format!(
            "ogonblick-profile-{}-{}",
            std::process::id(),
            ogonblick_model::RandomIds.new_id()
        ));
        copy_profile(&dir, &copy).map_err(|e| env("copy", &dir, e))?;
        opts.profile_dir = Some(copy.clone());
        Ok(ProfileUse::Copy(copy))
    }
}

impl Drop for ProfileUse {
    fn drop(&mut self) {
        if let ProfileUse::Copy(p) = self {
            let _ = fs::remove_dir_all(p);
        }
    }
}

/// Copies a Chromium profile without its caches and singleton files.
fn copy_profile(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    const SKIP: &[&str] = &[
        "Cache",
        "Code Cache",
        "GPUCache",
        "GrShaderCache",
        "ShaderCache",
        "GraphiteDawnCache",
        "Service Worker",
        "SingletonLock",
        "SingletonSocket",
        "SingletonCookie",
        "Crashpad",
    ];
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if SKIP.iter().any(|s| name == *s) {
            continue;
        }
        let ty = entry.file_type()?;
        let target = to.join(&name);
        if ty.is_dir() {
            copy_profile(&entry.path(), &target)?;
        } else if ty.is_file() {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
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

fn capture_error(e: CaptureError) -> AppError {
    match e {
        CaptureError::Launch(m) => AppError::environment(m),
        CaptureError::Cancelled => {
            AppError::said(ErrorCode::Cancelled, Message::CaptureCancelled {})
        }
        CaptureError::Io { path, source } => AppError::environment(format!(
            "cannot write {}: {source}; free some disk space and try again",
            path.display()
        )),
        other => AppError::internal(other.to_string()),
    }
}

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
        let mut by_reason: Vec<(SnapshotReason, Vec<ChannelId>)> = Vec::new();
        for e in report.to_capture() {
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
            };
            // Under the channel's lock: still due, and no good snapshot was
            // stored by another run since this one began (which `due(at)`
            // alone would not see when `at` lies in the past).
            let still_due = |c: &Channel| -> Result<bool> {
                let taken_meanwhile =
                    self.store().snapshots(Some(c.id))?.iter().any(|s| {
                        s.status == SnapshotStatus::Complete && s.finished_at >= run_started
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
