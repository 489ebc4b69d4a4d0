//! Capture engine of Ögonblick: renders a web page in headless Chromium and
//! stores a full-page PNG and a PDF/A-2b of it, with a completeness report and
//! provenance.
//!
//! # API (what the application layer calls)
//!
//! ```no_run
//! use ogonblick_capture::{Browser, CaptureOptions};
//! use ogonblick_model::{CancelToken, NoProgress};
//! # fn main() -> Result<(), ogonblick_capture::CaptureError> {
//! let mut opts = CaptureOptions::default();          // /usr/bin/chromium or $OGONBLICK_CHROMIUM
//! opts.operator = "anna.andersson".into();
//! opts.profile_dir = Some("/data/profiles/org".into()); // persistent per organisation
//! let browser = Browser::launch(&opts)?;              // one Chromium; Drop kills it and its group
//! let out = std::path::Path::new("/data/snapshots/abc");
//! let page = browser.capture_page("https://example.org/", out, "page-1",
//!                                 &NoProgress, 0, &CancelToken::new())?;
//! // page.files: [<stem>.png, <stem>.pdf] (paths relative to `out`), page.ok, page.error,
//! // page.report (CompletenessReport), page.provenance (Provenance)
//! # Ok(()) }
//! ```
//!
//! * [`Browser::launch`] starts one Chromium (`--headless`, pipe transport, no
//!   debugging port). Chromium never outlives the [`Browser`]: `Drop` kills its
//!   whole process group (also during a panic's unwinding), and removes the
//!   browser's temporary folder (`$TMPDIR/ogonblick-chromium-…`: Chromium's
//!   own `TMPDIR` and a temporary profile). If the process is killed before
//!   `Drop` runs, Chromium exits when its pipe closes and the next launch
//!   removes the folder.
//! * [`Browser::capture_page`] renders one address and writes `<stem>.png` and
//!   `<stem>.pdf` into `out_dir`. Files are written under temporary names
//!   (`.<stem>.png.partial`), fsynced, then renamed: nothing half-written ever
//!   carries a final name. It returns:
//!   - `Ok(PageRecord { ok: true, .. })`: captured, both files present;
//!   - `Ok(PageRecord { ok: false, error: Some(sentence), files: [] })`: the
//!     page could not be captured (DNS, refused connection, TLS error, HTTP
//!     4xx/5xx, page timeout, redirect loop, `file:`/`javascript:` address);
//!   - `Ok(PageRecord { ok: false, error: Some(..), files: [png, pdf] })`: the
//!     page was captured but a login or consent wall covered it
//!     (`report.walls_detected`); the files are kept as evidence of what was
//!     seen, but the page must not count as a good snapshot;
//!   - `Ok(PageRecord { ok: true, files: [<stem>.original.pdf] })`: the
//!     address served a PDF, kept byte for byte as it came
//!     (`FileRole::Original`); no screenshot of Chromium's viewer is made;
//!   - `Ok(PageRecord { ok: false, files: [] })` with `report.navigated_away`:
//!     the page tried to go on to another address by itself while it was
//!     captured (held back; a visitor would have seen that other page);
//!     with `report.downloads_blocked`: the address answered with a download.
//! * A captured page cannot write on this computer: every download is
//!   refused (`report.downloads_blocked`, a warning each), pop-up windows are
//!   closed (a warning each), JavaScript dialogs are accepted and recorded.
//!   - `Err(CaptureError::BrowserGone)`: Chromium died (launch a new
//!     [`Browser`] and carry on); `Err(CaptureError::Cancelled)` when `cancel`
//!     was set; `Err(CaptureError::Io)` when the output could not be written
//!     (e.g. a full disk; temporary files are removed).
//! * [`open_login_browser`] opens a visible Chromium on the organisation's
//!   profile so staff can sign in once; later headless captures reuse the
//!   cookies.
//! * [`validate_url`] is the check done before Chromium sees an address.
//!
//! Progress is reported through [`ProgressSink`] as
//! `ProgressEvent::Stage { index, label: url, stage, detail }` with the
//! stages Navigating, Consent, Scrolling, Slicing, Stitching, Printing, PdfA,
//! Hashing.

mod cdp;
mod guard;
mod js;
mod page;
mod stitch;

use std::io::Read;
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};

pub use ogonblick_model::{
    CancelToken, CompletenessReport, FileRecord, PageRecord, ProgressEvent, ProgressSink,
    Provenance, Stage,
};

use cdp::{Cdp, CdpError};

/// Name and version written into provenance.
pub const TOOL_NAME: &str = "Ögonblick";
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where Debian's `icc-profiles-free` installs its sRGB profile (see
/// `/usr/share/doc/icc-profiles-free/copyright`).
pub const DEFAULT_SRGB_ICC: &str = "/usr/share/color/icc/sRGB.icc";

/// How consent dialogs are recognised and dismissed. Buttons are matched by
/// their whole visible text (case- and space-insensitive), so "Acceptera" never
/// matches "Acceptera inte". Selectors are tried first, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsentConfig {
    pub selectors: Vec<String>,
    pub button_texts: Vec<String>,
}

impl Default for ConsentConfig {
    fn default() -> Self {
        ConsentConfig {
            selectors: vec![
                "#onetrust-accept-btn-handler".into(),
                "button[data-cookiebanner=\"accept_button\"]".into(),
                "[data-testid=\"cookie-policy-manage-dialog-accept-button\"]".into(),
                "button[data-ogonblick-consent=\"accept\"]".into(),
            ],
            button_texts: [
                "Godkänn alla",
                "Godkänn alla cookies",
                "Tillåt alla cookies",
                "Tillåt alla",
                "Acceptera",
                "Acceptera alla",
                "Acceptera alla cookies",
                "Jag godkänner",
                "Accept all",
                "Accept all cookies",
                "Allow all cookies",
                "Allow all",
                "I agree",
                "Accept",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        }
    }
}

/// How login walls are recognised: a visible overlay (fixed or absolutely
/// positioned, covering at least a quarter of the viewport) that holds a
/// password field or one of `texts`.
#[derive(Debug, Clone, PartialEq)]
pub struct WallConfig {
    pub texts: Vec<String>,
}

impl Default for WallConfig {
    fn default() -> Self {
        WallConfig {
            texts: [
                "Logga in för att fortsätta",
                "Logga in",
                "Log in to continue",
                "Sign in to continue",
                "Log in",
                "Sign in",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        }
    }
}

/// Everything a capture run can be told.
#[derive(Debug, Clone)]
pub struct CaptureOptions {
    /// The Chromium binary. Default: `$OGONBLICK_CHROMIUM`, else `/usr/bin/chromium`.
    pub chromium: PathBuf,
    /// Persistent profile (cookies of signed-in staff) of the organisation.
    /// `None`: a fresh temporary profile, removed when the browser ends.
    pub profile_dir: Option<PathBuf>,
    /// CSS pixels; also the PNG width (device scale factor 1).
    pub viewport_width: u32,
    pub viewport_height: u32,
    /// Stop scrolling an endless feed at this page height (CSS px); recorded
    /// in `report.truncated`.
    pub max_height_px: u32,
    /// Stop scrolling an endless feed after this long; recorded in `report.truncated`.
    pub max_duration: Duration,
    /// How long the page may take to answer and load.
    pub page_timeout: Duration,
    /// Height of one screenshot slice in CSS px.
    pub slice_height: u32,
    pub consent: ConsentConfig,
    pub walls: WallConfig,
    /// Written into provenance.
    pub operator: String,
    /// ICC profile for the PDF/A output intent.
    pub srgb_icc: PathBuf,
    /// `None`: Chromium's own user agent with "HeadlessChrome" replaced by "Chrome".
    pub user_agent: Option<String>,
    /// Extra Chromium switches (tests, special set-ups).
    pub extra_args: Vec<String>,
    /// How many pages one browser captures at once (each in its own tab):
    /// a run over several channels takes this many side by side. 1: one
    /// after the other.
    pub pages_at_once: usize,
}

/// [`CaptureOptions::pages_at_once`] by default: two, which on a two-core
/// office computer keeps both cores busy without starving the pages' own
/// timers; `ogonblick capture --parallel N` sets another.
pub const DEFAULT_PAGES_AT_ONCE: usize = 2;

impl Default for CaptureOptions {
    fn default() -> Self {
        CaptureOptions {
            chromium: std::env::var_os("OGONBLICK_CHROMIUM")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium")),
            profile_dir: None,
            viewport_width: 1280,
            viewport_height: 900,
            max_height_px: 300_000,
            max_duration: Duration::from_secs(180),
            page_timeout: Duration::from_secs(30),
            slice_height: 4000,
            consent: ConsentConfig::default(),
            walls: WallConfig::default(),
            operator: String::new(),
            srgb_icc: PathBuf::from(DEFAULT_SRGB_ICC),
            user_agent: None,
            extra_args: Vec::new(),
            pages_at_once: DEFAULT_PAGES_AT_ONCE,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CaptureError {
    /// Chromium could not be started; the message says what to install or set.
    #[error("could not start Chromium: {0}")]
    Launch(String),
    /// Chromium died or stopped answering; launch a new browser.
    #[error("Chromium stopped unexpectedly ({0}); start the capture again")]
    BrowserGone(String),
    #[error("the capture was cancelled")]
    Cancelled,
    /// The output could not be written (full disk, no permission).
    #[error("could not write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A fault in the capture engine or an unexpected answer from Chromium.
    #[error("capture failed: {0}")]
    Internal(String),
}

impl CaptureError {
    /// The same sentence in Swedish, for a page that failed with it.
    pub fn sentence_sv(&self) -> String {
        match self {
            CaptureError::Launch(m) => format!("Chromium kunde inte startas: {m}"),
            CaptureError::BrowserGone(m) => {
                format!("Chromium slutade oväntat att svara ({m}). Ta ögonblicksbilden igen.")
            }
            CaptureError::Cancelled => "Avbrutet.".into(),
            CaptureError::Io { path, source } => format!(
                "Kunde inte skriva {}: {source}. Kontrollera att disken har plats och att mappen går att skriva i.",
                path.display()
            ),
            CaptureError::Internal(m) => format!("Fångsten misslyckades: {m}"),
        }
    }
}

impl From<CdpError> for CaptureError {
    fn from(e: CdpError) -> Self {
        match e {
            CdpError::Gone => CaptureError::BrowserGone(e.to_string()),
            CdpError::Timeout { .. } => CaptureError::BrowserGone(e.to_string()),
            CdpError::Remote { .. } => CaptureError::Internal(e.to_string()),
        }
    }
}

/// Refuses anything but `http:` and `https:` addresses (no `file:`,
/// `javascript:`, `data:`, `chrome:`), before Chromium sees them. The same
/// check as the register's ([`ogonblick_model::text::validate_url`]), so an
/// address the register accepts is never refused here.
pub fn validate_url(url: &str) -> Result<(), String> {
    ogonblick_model::text::validate_url(url).map(|_| ())
}

/// Version information from `Browser.getVersion`.
#[derive(Debug, Clone, Default)]
pub struct BrowserVersion {
    pub product: String,
    pub user_agent: String,
    pub protocol: String,
}

/// One running Chromium. Each page is captured in a fresh tab that is closed
/// afterwards; several threads may capture pages with one browser at once.
pub struct Browser {
    child: Child,
    cdp: Arc<Cdp>,
    opts: CaptureOptions,
    version: BrowserVersion,
    /// This browser's own temporary folder: Chromium's `TMPDIR` (`tmp/`) and,
    /// without a profile folder, its profile (`profile/`); removed on drop.
    temp_root: PathBuf,
}

fn base_args(opts: &CaptureOptions, profile: &Path) -> Vec<String> {
    let mut args: Vec<String> = vec![
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--no-first-run".into(),
        "--no-default-browser-check".into(),
        "--disable-sync".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--disable-default-apps".into(),
        "--disable-extensions".into(),
        "--disable-breakpad".into(),
        "--disable-crash-reporter".into(),
        "--metrics-recording-only".into(),
        "--password-store=basic".into(),
        "--use-mock-keychain".into(),
        "--force-color-profile=srgb".into(),
        "--hide-scrollbars".into(),
        "--mute-audio".into(),
        "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication"
            .into(),
        // Pages captured side by side are all rendered in full: no tab is
        // throttled as a background one.
        "--disable-background-timer-throttling".into(),
        "--disable-renderer-backgrounding".into(),
        "--disable-backgrounding-occluded-windows".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    // Chromium refuses to run as root with its sandbox.
    if unsafe { libc::geteuid() } == 0 {
        args.push("--no-sandbox".into());
    }
    args.extend(opts.extra_args.iter().cloned());
    args
}

const TEMP_PREFIX: &str = "ogonblick-chromium-";

/// A new folder `$TMPDIR/ogonblick-chromium-<pid>-<n>-<nanos>` for one browser.
fn temp_root_dir() -> std::io::Result<PathBuf> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    remove_stale_temp_roots();
    let dir = std::env::temp_dir().join(format!(
        "{TEMP_PREFIX}{}-{}-{nanos}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(dir.join("tmp"))?;
    std::fs::create_dir_all(dir.join("downloads"))?;
    Ok(dir)
}

/// Removes the temporary folders of browsers whose process was killed
/// before it could remove them (`ogonblick-chromium-<pid>-…` of a process
/// that no longer runs).
fn remove_stale_temp_roots() {
    let Ok(dir) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for e in dir.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(TEMP_PREFIX)
            .and_then(|r| r.split('-').next())
            .and_then(|p| p.parse::<i32>().ok())
        else {
            continue;
        };
        if pid <= 0 || pid as u32 == std::process::id() {
            continue;
        }
        // SAFETY: signal 0 only checks that the process exists.
        let gone = unsafe { libc::kill(pid, 0) } != 0
            && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH);
        if gone {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

impl Browser {
    /// Starts Chromium headless and connects to it.
    pub fn launch(opts: &CaptureOptions) -> Result<Browser, CaptureError> {
        if !opts.chromium.exists() {
            return Err(CaptureError::Launch(format!(
                "{} does not exist: install Debian's chromium package (apt-get install chromium) \
                 or set OGONBLICK_CHROMIUM to the browser's path",
                opts.chromium.display()
            )));
        }
        let temp_root = temp_root_dir().map_err(|e| CaptureError::Io {
            path: std::env::temp_dir(),
            source: e,
        })?;
        // Removes the folder again if the launch fails below.
        struct Cleanup(Option<PathBuf>);
        impl Drop for Cleanup {
            fn drop(&mut self) {
                if let Some(p) = &self.0 {
                    let _ = std::fs::remove_dir_all(p);
                }
            }
        }
        let mut cleanup = Cleanup(Some(temp_root.clone()));
        let profile = match &opts.profile_dir {
            Some(p) => {
                std::fs::create_dir_all(p).map_err(|e| CaptureError::Io {
                    path: p.clone(),
                    source: e,
                })?;
                p.clone()
            }
            None => temp_root.join("profile"),
        };
        let (to_chrome_r, to_chrome_w) =
            std::io::pipe().map_err(|e| CaptureError::Launch(e.to_string()))?;
        let (from_chrome_r, from_chrome_w) =
            std::io::pipe().map_err(|e| CaptureError::Launch(e.to_string()))?;
        let in_fd: OwnedFd = to_chrome_r.into();
        let out_fd: OwnedFd = from_chrome_w.into();
        let (in_raw, out_raw) = (in_fd.as_raw_fd(), out_fd.as_raw_fd());

        let mut cmd = Command::new(&opts.chromium);
        cmd.arg("--headless")
            .arg("--remote-debugging-pipe")
            .args(base_args(opts, &profile))
            .arg(format!(
                "--window-size={},{}",
                opts.viewport_width, opts.viewport_height
            ))
            .arg("about:blank")
            // Chromium's own temporary files (org.chromium.Chromium.*) go
            // into this browser's folder, which Drop removes even when
            // Chromium had no time to clean up after itself.
            .env("TMPDIR", temp_root.join("tmp"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .process_group(0);
        // SAFETY: only async-signal-safe calls (fcntl, dup2) between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                // Move both ends above 4 first so dup2 cannot clobber one with the other.
                let a = libc::fcntl(in_raw, libc::F_DUPFD, 10);
                let b = libc::fcntl(out_raw, libc::F_DUPFD, 10);
                if a < 0 || b < 0 || libc::dup2(a, 3) < 0 || libc::dup2(b, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                libc::close(a);
                libc::close(b);
                Ok(())
            });
        }
        let mut child = cmd
            .spawn()
            .map_err(|e| CaptureError::Launch(format!("{}: {e}", opts.chromium.display())))?;
        drop(in_fd);
        drop(out_fd);
        // Drain stderr so Chromium never blocks on a full pipe; keep the tail for errors.
        let stderr_tail = Arc::new(std::sync::Mutex::new(String::new()));
        if let Some(mut err) = child.stderr.take() {
            let tail = stderr_tail.clone();
            let _ = std::thread::Builder::new()
                .name("chromium-stderr".into())
                .spawn(move || {
                    let mut buf = [0u8; 8192];
                    while let Ok(n) = err.read(&mut buf) {
                        if n == 0 {
                            break;
                        }
                        if let Ok(mut t) = tail.lock() {
                            t.push_str(&String::from_utf8_lossy(&buf[..n]));
                            if t.len() > 8000 {
                                let cut = t.len() - 4000;
                                let cut =
                                    (cut..t.len()).find(|i| t.is_char_boundary(*i)).unwrap_or(0);
                                t.drain(..cut);
                            }
                        }
                    }
                });
        }
        let cdp = Arc::new(Cdp::new(from_chrome_r, to_chrome_w));
        let mut browser = Browser {
            child,
            cdp,
            opts: opts.clone(),
            version: BrowserVersion::default(),
            temp_root,
        };
        cleanup.0 = None;
        let v = browser
            .cdp
            .call("Browser.getVersion", json!({}), None, Duration::from_secs(30))
            .map_err(|e| {
                std::thread::sleep(Duration::from_millis(100));
                let tail = stderr_tail.lock().map(|t| t.clone()).unwrap_or_default();
                let hint = if tail.contains("SingletonLock") || tail.contains("profile appears to be in use") {
                    " (the profile folder is in use by another Chromium: close the sign-in window first)"
                } else {
                    ""
                };
                CaptureError::Launch(format!("{e}{hint}; Chromium said: {}", tail.trim()))
            })?;
        let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        browser.version = BrowserVersion {
            product: s("product"),
            user_agent: s("userAgent"),
            protocol: s("protocolVersion"),
        };
        // A captured page must never write a file on this computer: every
        // download is refused (and reported to the tab that started it), and
        // new targets are announced so a page's pop-ups can be closed.
        let t = Duration::from_secs(30);
        browser.cdp.call(
            "Browser.setDownloadBehavior",
            json!({"behavior": "deny", "eventsEnabled": true,
                   "downloadPath": browser.temp_root.join("downloads")}),
            None,
            t,
        )?;
        browser.cdp.call(
            "Target.setDiscoverTargets",
            json!({"discover": true}),
            None,
            t,
        )?;
        Ok(browser)
    }

    /// `Browser.getVersion` as read at launch, e.g. product "Chrome/156.0.8078.79".
    pub fn version(&self) -> &BrowserVersion {
        &self.version
    }

    /// The process id of Chromium's main process (leader of its process group).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// False once Chromium has exited or closed its connection.
    pub fn is_alive(&self) -> bool {
        self.cdp.is_alive()
    }

    /// Captures one page; see the crate documentation for what is returned.
    pub fn capture_page(
        &self,
        url: &str,
        out_dir: &Path,
        stem: &str,
        sink: &dyn ProgressSink,
        index: u32,
        cancel: &CancelToken,
    ) -> Result<PageRecord, CaptureError> {
        page::capture(self, url, out_dir, stem, sink, index, cancel)
    }

    /// The addresses of the tabs and windows open in this browser (a
    /// capture closes its tab and the pop-ups its page opened).
    pub fn open_pages(&self) -> Result<Vec<String>, CaptureError> {
        let r = self.cdp.call(
            "Target.getTargets",
            json!({}),
            None,
            Duration::from_secs(30),
        )?;
        Ok(r["targetInfos"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|t| t["type"] == "page")
                    .map(|t| t["url"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default())
    }

    pub(crate) fn cdp(&self) -> &Cdp {
        &self.cdp
    }
    pub(crate) fn opts(&self) -> &CaptureOptions {
        &self.opts
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let pid = self.child.id() as i32;
        // Ask politely over the protocol, then kill the whole process group.
        let _ = self
            .cdp
            .call("Browser.close", json!({}), None, Duration::from_millis(500));
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
            libc::kill(pid, libc::SIGKILL);
        }
        let _ = self.child.wait();
        // SIGKILL is delivered asynchronously: wait (briefly) until no process
        // of the group is left, so none outlives this value even on a busy
        // machine.
        wait_for_group_exit(pid, Duration::from_secs(5));
        let _ = std::fs::remove_dir_all(&self.temp_root);
    }
}

/// Polls `/proc` until no live (non-zombie) process belongs to the process
/// group `pgid`, killing stragglers again, for at most `timeout`.
#[cfg(target_os = "linux")]
fn wait_for_group_exit(pgid: i32, timeout: Duration) {
    let end = std::time::Instant::now() + timeout;
    loop {
        let mut left = false;
        if let Ok(dir) = std::fs::read_dir("/proc") {
            for e in dir.flatten() {
                let Ok(pid) = e.file_name().to_string_lossy().parse::<i32>() else {
                    continue;
                };
                let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                    continue;
                };
                let Some(close) = stat.rfind(')') else {
                    continue;
                };
                let rest: Vec<&str> = stat[close + 2..].split_whitespace().collect();
                // Fields after the name: state, ppid, pgrp, ...
                if rest.first() == Some(&"Z")
                    || rest.get(2).and_then(|g| g.parse::<i32>().ok()) != Some(pgid)
                {
                    continue;
                }
                left = true;
                unsafe {
                    libc::kill(pid, libc::SIGKILL);
                }
            }
        }
        if !left || std::time::Instant::now() >= end {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(not(target_os = "linux"))]
fn wait_for_group_exit(_pgid: i32, _timeout: Duration) {}

/// Whether a running Chromium holds the profile folder `dir` (a sign-in
/// window left open): a second Chromium on it would hand its work to that
/// one and quit. Chromium marks a profile in use with `SingletonLock`, a
/// symbolic link to `host-pid` (Linux, macOS), or an open `lockfile`
/// (Windows). A lock of another host counts as in use.
pub fn profile_in_use(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        let Ok(target) = std::fs::read_link(dir.join("SingletonLock")) else {
            return false;
        };
        let target = target.to_string_lossy();
        let Some((host, pid)) = target.rsplit_once('-') else {
            return true;
        };
        let Ok(pid) = pid.parse::<i32>() else {
            return true;
        };
        let mut name = [0u8; 256];
        // SAFETY: gethostname writes at most name.len() bytes into the buffer.
        let ours = if unsafe { libc::gethostname(name.as_mut_ptr().cast(), name.len()) } == 0 {
            let end = name.iter().position(|b| *b == 0).unwrap_or(name.len());
            String::from_utf8_lossy(&name[..end]).into_owned()
        } else {
            String::new()
        };
        if host != ours {
            return true;
        }
        // SAFETY: signal 0 only checks that the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0;
        alive || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(windows)]
    {
        let lock = dir.join("lockfile");
        lock.exists() && std::fs::OpenOptions::new().write(true).open(&lock).is_err()
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = dir;
        false
    }
}

/// Opens a visible Chromium on the organisation's profile at `url` so a person
/// can sign in; the cookies stay in `opts.profile_dir` for later headless
/// captures. The caller owns the child (wait for it or kill it). Close it
/// before capturing: Chromium locks a profile while it runs.
pub fn open_login_browser(opts: &CaptureOptions, url: &str) -> Result<Child, CaptureError> {
    validate_url(url).map_err(CaptureError::Launch)?;
    let Some(profile) = &opts.profile_dir else {
        return Err(CaptureError::Launch(
            "no profile folder is set for the organisation: signing in needs a persistent profile"
                .into(),
        ));
    };
    std::fs::create_dir_all(profile).map_err(|e| CaptureError::Io {
        path: profile.clone(),
        source: e,
    })?;
    Command::new(&opts.chromium)
        .args(base_args(opts, profile))
        .arg("--new-window")
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| CaptureError::Launch(format!("{}: {e}", opts.chromium.display())))
}
