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
//! let mut opts = CaptureOptions::default();          // $OGONBLICK_CHROMIUM, else Chromium, Chrome or Edge (locate)
//! opts.operator = "anna.andersson".into();
//! opts.profile_dir = Some("/data/profiles/org".into()); // persistent per organisation
//! let browser = Browser::launch(&opts)?;              // one Chromium; Drop kills it and all it started
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
//!   whole process group (Unix) or Job Object (Windows; see `os/`), also
//!   during a panic's unwinding, and removes the browser's temporary folder
//!   (`$TMPDIR/ogonblick-chromium-…`: Chromium's own `TMPDIR` and a
//!   temporary profile). If the process is killed before
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
//! * With [`CaptureOptions::web_archive`], every request and response of the
//!   page is also written into `<stem>.warc.gz` (WARC 1.1, also when the
//!   page fails; see `page/recorder.rs`), and [`wacz::write_wacz`] packs a
//!   snapshot's WARCs into a WACZ 1.1.1.
//! * [`open_login_browser`] opens a visible Chromium on the organisation's
//!   profile so staff can sign in once; later headless captures reuse the
//!   cookies.
//! * [`validate_url`] is the check done before Chromium sees an address.
//! * [`print_html_to_pdfa`] prints a self-contained HTML document the engine
//!   made (a report) to PDF/A-2b, with scripts off and every request refused.
//! * The times in a page's provenance come from [`CaptureOptions::clock`]
//!   (the caller's `model::Clock`; the system clock by default).
//!
//! Progress is reported through [`ProgressSink`] as
//! `ProgressEvent::Stage { index, label: url, stage, detail }` with the
//! stages Navigating, Consent, Scrolling, Slicing, Stitching, PdfA, Hashing.
//! The PDF/A is cut from the same slices as the PNG, with the text the page
//! showed as an invisible layer (Chromium's print is not used).

mod address;
mod browser;
mod cdp;
mod document;
mod error;
mod files;
mod guard;
mod js;
mod js_expand;
mod js_text;
pub mod locate;
mod login;
mod options;
mod os;
mod page;
mod process;
mod stitch;
pub mod wacz;
pub mod warc;

pub use ogonblick_model::{
    CancelToken, CompletenessReport, FileRecord, PageRecord, ProgressEvent, ProgressSink,
    Provenance, Stage,
};

pub use address::validate_url;
pub use browser::{Browser, BrowserVersion};
pub use document::{print_html_to_pdfa, DocumentMeta, PrintedDocument};
pub use error::CaptureError;
pub use login::{open_login_browser, profile_in_use};
pub use options::{
    platform_of_host, CaptureClock, CaptureOptions, ConsentConfig, ExpandConfig, ExpandRules,
    WallConfig, WebArchiveLimits, DEFAULT_PAGES_AT_ONCE, DEFAULT_SRGB_ICC, MAX_SHOT_BAND,
};
/// Whether no process of this id runs on this machine (h-claim: a claim of a
/// process gone on this machine is taken over at once).
pub use os::process_gone;
pub use process::NOSPEECH_DIR_ENV;
pub use stitch::png_encoder;

/// Name and version written into provenance.
pub const TOOL_NAME: &str = "Ögonblick";
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");
