//! What a capture can be told: [`CaptureOptions`] with its consent, wall and
//! expander settings, and the clock that stamps provenance.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use ogonblick_model::{Clock, SystemClock, Timestamp};

mod expand;
pub use expand::{platform_of_host, ExpandConfig, ExpandRules};

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
    /// The Chromium binary. Default: `$OGONBLICK_CHROMIUM`, else the first
    /// Chromium, Chrome or Edge in its usual place ([`crate::locate`]), else
    /// `/usr/bin/chromium`.
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
    /// Height in CSS px of the window the page is scrolled and shot in, and
    /// of one screenshot slice of a page that removes content as it scrolls.
    pub slice_height: u32,
    /// Height in CSS px of one screenshot slice of a page that removed
    /// nothing while it was scrolled: a band this tall is shot at once
    /// beyond the window (`captureBeyondViewport`; the window keeps its
    /// `slice_height`, so `vh` units and sticky bars are as laid out there).
    /// At most [`MAX_SHOT_BAND`]; at or below `slice_height`: a window at a
    /// time on every page.
    pub shot_band: u32,
    pub consent: ConsentConfig,
    pub walls: WallConfig,
    /// Expanding collapsed content ("Visa mer", more comments, replies).
    pub expand: ExpandConfig,
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
    /// The clock that stamps a page's provenance (`started_at`,
    /// `finished_at`): the caller's `model::Clock`. Default: the system clock.
    pub clock: CaptureClock,
    /// Record every request and response of a page into a WARC
    /// (`<stem>.warc.gz`, beside the PNG and PDF/A, also when the page
    /// fails). Default `false` for the engine; the app turns it on unless
    /// the organisation's settings say otherwise.
    pub web_archive: bool,
    /// How much of the pages' bodies the web archive keeps.
    pub web_archive_limits: WebArchiveLimits,
    /// The language of the texts the capture writes into its files (the
    /// PDF/A's subject): the organisation's. Default Swedish.
    pub language: ogonblick_model::Language,
}

/// Body-size limits of a page's web archive: a body beyond either is cut and
/// the cut recorded (`WARC-Truncated: length`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebArchiveLimits {
    /// Bytes of one response's body.
    pub per_response: u64,
    /// Bytes of all bodies of one page.
    pub per_page: u64,
}

impl Default for WebArchiveLimits {
    fn default() -> Self {
        WebArchiveLimits {
            per_response: 50 << 20,
            per_page: 500 << 20,
        }
    }
}

/// The tallest screenshot Chromium takes in one piece (its largest texture),
/// and [`CaptureOptions::shot_band`] by default.
pub const MAX_SHOT_BAND: u32 = 16_384;

/// [`CaptureOptions::pages_at_once`] by default: two, which on a two-core
/// office computer keeps both cores busy without starving the pages' own
/// timers; `ogonblick capture --parallel N` sets another.
pub const DEFAULT_PAGES_AT_ONCE: usize = 2;

impl Default for CaptureOptions {
    fn default() -> Self {
        CaptureOptions {
            chromium: crate::locate::default_browser(),
            profile_dir: None,
            viewport_width: 1280,
            viewport_height: 900,
            max_height_px: 300_000,
            max_duration: Duration::from_secs(180),
            page_timeout: Duration::from_secs(30),
            slice_height: 4000,
            shot_band: MAX_SHOT_BAND,
            consent: ConsentConfig::default(),
            walls: WallConfig::default(),
            expand: ExpandConfig::default(),
            operator: String::new(),
            srgb_icc: crate::locate::srgb_profile(crate::locate::Os::current(), &|k| {
                std::env::var_os(k)
            }),
            user_agent: None,
            extra_args: Vec::new(),
            pages_at_once: DEFAULT_PAGES_AT_ONCE,
            clock: CaptureClock::default(),
            web_archive: false,
            web_archive_limits: WebArchiveLimits::default(),
            language: ogonblick_model::Language::Sv,
        }
    }
}

/// The clock a capture reads (an injected `model::Clock`; the engine never
/// reads the system time itself). Default: [`SystemClock`].
#[derive(Clone)]
pub struct CaptureClock(pub Arc<dyn Clock>);

impl CaptureClock {
    pub fn now(&self) -> Timestamp {
        self.0.now()
    }
}

impl Default for CaptureClock {
    fn default() -> Self {
        CaptureClock(Arc::new(SystemClock))
    }
}

impl From<Arc<dyn Clock>> for CaptureClock {
    fn from(c: Arc<dyn Clock>) -> Self {
        CaptureClock(c)
    }
}

impl std::fmt::Debug for CaptureClock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CaptureClock")
    }
}
