//! Domain types of Ögonblick, shared by every engine crate and (through
//! generated TypeScript bindings, see `ui/src/bindings/`) by the UI.
//!
//! This crate has no I/O. It also holds the small seams every other crate
//! injects: the [`Clock`], the [`IdGen`], the [`ProgressSink`] and the
//! [`CancelToken`], so schedules, metadata and packages are testable byte for
//! byte.

use std::fmt;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub mod text;

pub type Timestamp = DateTime<Utc>;

/// Integer id of a channel in the register. Stable: it is written into every
/// snapshot folder, so a rebuilt database keeps the same ids.
pub type ChannelId = i64;

// ---------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------

/// Error for a vocabulary word that is not known; the message lists the words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} '{given}': use one of {allowed}")]
pub struct UnknownWord {
    pub what: &'static str,
    pub given: String,
    pub allowed: String,
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident = $word:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[ts(export)]
        pub enum $name {
            $(#[serde(rename = $word)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word used in the CLI, CSV files, JSON and metadata.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownWord;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let norm = s.trim().to_lowercase();
                $(
                    if norm == $word $(|| norm == $alias)* {
                        return Ok($name::$variant);
                    }
                )+
                Err(UnknownWord {
                    what: $what,
                    given: s.to_string(),
                    allowed: [$($word),+].join(", "),
                })
            }
        }
    };
}

vocabulary!(
    /// The platform a channel lives on.
    Platform, "platform" {
        Facebook = "facebook",
        Instagram = "instagram",
        X = "x" | "twitter",
        YouTube = "youtube",
        LinkedIn = "linkedin",
        TikTok = "tiktok",
        Threads = "threads",
        Mastodon = "mastodon",
        Flickr = "flickr",
        Blog = "blog",
        Other = "other" | "annan" | "övrig",
    }
);

vocabulary!(
    /// How often a channel must be snapshotted (the guidelines: every half
    /// year, or once a year; `manual` means only on request).
    SchedulePolicy, "schedule policy" {
        HalfYearly = "half-yearly" | "halvår" | "halvårsvis",
        Yearly = "yearly" | "år" | "årsvis",
        Manual = "manual" | "manuell",
    }
);

vocabulary!(
    /// Life cycle of a channel. `closing` is set when the pre-closure flow is
    /// started; only a verified package lets it become `closed`.
    ChannelStatus, "channel status" {
        Active = "active" | "aktiv",
        Closing = "closing" | "avslutas",
        Closed = "closed" | "avslutad",
    }
);

vocabulary!(
    /// Why a snapshot was taken.
    SnapshotReason, "snapshot reason" {
        HalfYearly = "half-yearly",
        Yearly = "yearly",
        MajorChange = "major-change",
        PreClosure = "pre-closure",
        AdHoc = "ad-hoc",
    }
);

vocabulary!(
    /// Outcome of a snapshot. `partial`: some pages were captured, some not;
    /// only `complete` counts as a good snapshot for schedules and closure.
    SnapshotStatus, "snapshot status" {
        Complete = "complete",
        Partial = "partial",
        Failed = "failed",
    }
);

vocabulary!(
    /// The kind of a stored file. `original`: the document exactly as the
    /// server sent it, kept byte for byte where the address served no web
    /// page but a PDF (`<stem>.original.pdf`).
    FileRole, "file role" {
        Png = "png",
        Pdf = "pdf",
        Original = "original",
    }
);

// ---------------------------------------------------------------------------
// The register
// ---------------------------------------------------------------------------

/// An official social-media channel in the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Channel {
    #[ts(type = "number")]
    pub id: ChannelId,
    pub name: String,
    pub platform: Platform,
    /// The page addresses to capture, e.g. the main page and the "about"
    /// page where the commenting rules live. At least one.
    pub urls: Vec<String>,
    /// Owning board (nämnd).
    pub board: Option<String>,
    /// Owning unit (förvaltning / enhet) under the board.
    pub unit: Option<String>,
    pub responsible: Option<String>,
    /// Ersättare.
    pub substitute: Option<String>,
    pub purpose: Option<String>,
    pub audience: Option<String>,
    /// `None`: the organisation's default policy applies.
    pub policy: Option<SchedulePolicy>,
    pub status: ChannelStatus,
    #[ts(type = "string")]
    pub created_at: Timestamp,
    #[ts(type = "string | null")]
    pub closing_started_at: Option<Timestamp>,
    #[ts(type = "string | null")]
    pub closed_at: Option<Timestamp>,
    pub notes: Option<String>,
}

/// The fields a user gives when adding a channel.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewChannel {
    pub name: String,
    pub platform: Option<Platform>,
    pub urls: Vec<String>,
    pub board: Option<String>,
    pub unit: Option<String>,
    pub responsible: Option<String>,
    pub substitute: Option<String>,
    pub purpose: Option<String>,
    pub audience: Option<String>,
    pub policy: Option<SchedulePolicy>,
    pub notes: Option<String>,
}

/// A change to a channel: `None` leaves a field as it is. For the optional
/// text fields `Some("")` clears the field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChannelPatch {
    pub name: Option<String>,
    pub platform: Option<Platform>,
    pub urls: Option<Vec<String>>,
    pub board: Option<String>,
    pub unit: Option<String>,
    pub responsible: Option<String>,
    pub substitute: Option<String>,
    pub purpose: Option<String>,
    pub audience: Option<String>,
    /// `Some(None)` resets to the organisation default.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Option<SchedulePolicy>>,
    pub notes: Option<String>,
}

// The audit log (after the vocabularies: it declares one with their macro).
mod audit;
mod audit_legacy;
pub use audit::{AuditEntry, AuditEvent, ChannelField, AUDIT_EVENT_VERSION};

/// A channel as listed: the register entry plus the state of its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChannelSummary {
    pub channel: Channel,
    /// Start time of the most recent snapshot of any status.
    #[ts(type = "string | null")]
    pub last_snapshot_at: Option<Timestamp>,
    pub last_snapshot_status: Option<SnapshotStatus>,
    /// Start time of the most recent `complete` snapshot.
    #[ts(type = "string | null")]
    pub last_complete_at: Option<Timestamp>,
    pub snapshot_count: u32,
}

/// The organisation's settings (one per data directory).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrgSettings {
    /// The organisation's name, e.g. "Nacka kommun".
    #[serde(default)]
    pub name: String,
    /// Organisationsnummer.
    #[serde(default)]
    pub org_number: Option<String>,
    /// Name of the e-archive packages are delivered to.
    #[serde(default)]
    pub e_archive_name: Option<String>,
    /// Leveransöverenskommelse (submission agreement) reference.
    #[serde(default)]
    pub submission_agreement: Option<String>,
    /// Applies to channels whose own policy is `None`.
    #[serde(default = "default_policy")]
    pub default_policy: SchedulePolicy,
    /// Schedule windows (e.g. mid-term, not summer or Christmas); the shape is
    /// defined by the schedules crate. Stored as JSON text.
    #[serde(default)]
    #[ts(type = "unknown")]
    pub schedule_windows: Option<serde_json::Value>,
}

fn default_policy() -> SchedulePolicy {
    SchedulePolicy::HalfYearly
}

impl Default for OrgSettings {
    fn default() -> Self {
        OrgSettings {
            name: String::new(),
            org_number: None,
            e_archive_name: None,
            submission_agreement: None,
            default_policy: default_policy(),
            schedule_windows: None,
        }
    }
}

// ---------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------

/// A stored file of a snapshot, with its fixity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FileRecord {
    pub role: FileRole,
    /// Path relative to the snapshot folder, `/`-separated.
    pub path: String,
    /// Lower-case hex SHA-256.
    pub sha256: String,
    #[ts(type = "number")]
    pub size: u64,
    /// IANA media type, e.g. `image/png`, `application/pdf`.
    pub media_type: String,
}

/// What the capture of one page saw: the completeness report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompletenessReport {
    pub final_url: Option<String>,
    pub http_status: Option<u16>,
    pub title: Option<String>,
    /// CSS pixels.
    pub page_width: u32,
    pub page_height: u32,
    /// Number of screenshot slices stitched into the PNG.
    pub slices: u32,
    /// Number of PDF pages.
    pub pdf_pages: u32,
    pub images_failed: Vec<String>,
    pub requests_failed: Vec<String>,
    /// Login or consent walls that were detected and could not be passed.
    pub walls_detected: Vec<String>,
    /// Consent dialogs that were dismissed, with what was clicked.
    pub consent_clicked: Vec<String>,
    /// Set when the height or time cap for an endless feed was hit.
    pub truncated: Option<String>,
    #[ts(type = "number")]
    pub duration_ms: u64,
    pub warnings: Vec<String>,
    /// Downloads the page started (by a header, an `<a download>` or a
    /// script); every one was refused, nothing reached the computer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<BlockedDownload>>", optional)]
    pub downloads_blocked: Vec<BlockedDownload>,
    /// Addresses the page's main frame tried to go on to after it had loaded
    /// (a script, a meta refresh, a link): held back, and the page failed,
    /// since a visitor would have been shown another page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub navigated_away: Vec<String>,
}

/// A download a captured page started, refused by the capture.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BlockedDownload {
    pub url: String,
    /// The file name the page suggested.
    pub suggested_filename: String,
}

/// Where and how a page was captured.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Provenance {
    #[ts(type = "string")]
    pub started_at: Timestamp,
    #[ts(type = "string")]
    pub finished_at: Timestamp,
    pub operator: String,
    pub tool: String,
    pub tool_version: String,
    pub browser_version: String,
    pub user_agent: String,
    pub viewport_width: u32,
    pub viewport_height: u32,
    /// PEM or subject lines of the TLS certificate chain, leaf first, where
    /// the browser exposed it (empty for plain http).
    pub tls_certificates: Vec<String>,
    pub tls_protocol: Option<String>,
}

/// The capture of one page address of a channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PageRecord {
    pub url: String,
    pub ok: bool,
    /// Why the page failed, as a sentence for a person.
    pub error: Option<String>,
    /// The same sentence in Swedish, for the desktop's Swedish window; absent
    /// in records of older versions and for the rare failure that has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub error_sv: Option<String>,
    pub files: Vec<FileRecord>,
    pub report: CompletenessReport,
    pub provenance: Provenance,
}

/// A snapshot (ögonblicksbild) of a channel: every page address captured in
/// one run. This is also the content of the `snapshot.json` file in each
/// snapshot folder, together with the [`Channel`] as it was then (see
/// [`SnapshotManifest`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Snapshot {
    /// Globally unique, also the folder name.
    pub id: String,
    #[ts(type = "number")]
    pub channel_id: ChannelId,
    pub reason: SnapshotReason,
    /// Free text, e.g. what the major change was.
    pub reason_note: Option<String>,
    pub status: SnapshotStatus,
    #[ts(type = "string")]
    pub started_at: Timestamp,
    #[ts(type = "string")]
    pub finished_at: Timestamp,
    pub operator: String,
    pub pages: Vec<PageRecord>,
    /// Diary number (diarienummer) where the snapshot was registered.
    pub diary_number: Option<String>,
}

/// The self-describing metadata file written into every snapshot folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotManifest {
    /// Format marker, see [`SnapshotManifest::FORMAT`].
    pub format: String,
    pub snapshot: Snapshot,
    /// The channel's register entry at the time of the snapshot.
    pub channel: Channel,
}

impl SnapshotManifest {
    pub const FORMAT: &'static str = "ogonblick-snapshot/1";
    pub const FILE_NAME: &'static str = "snapshot.json";
}

// ---------------------------------------------------------------------------
// Seams: clock, ids, progress, cancellation
// ---------------------------------------------------------------------------

/// The source of "now". Inject a [`FixedClock`] in tests.
pub trait Clock: Send + Sync {
    fn now(&self) -> Timestamp;
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Utc::now()
    }
}

/// A clock that stands still until moved.
#[derive(Debug)]
pub struct FixedClock(Mutex<Timestamp>);

impl FixedClock {
    pub fn new(at: Timestamp) -> Self {
        FixedClock(Mutex::new(at))
    }
    pub fn set(&self, at: Timestamp) {
        *self.0.lock().unwrap() = at;
    }
    pub fn advance(&self, by: chrono::Duration) {
        let mut t = self.0.lock().unwrap();
        *t += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        *self.0.lock().unwrap()
    }
}

/// The source of unique ids (snapshots, packages).
pub trait IdGen: Send + Sync {
    /// A new lower-case hyphenated UUID string.
    fn new_id(&self) -> String;
}

/// Random (version 4) UUIDs from the operating system's random source.
#[derive(Debug, Default, Clone, Copy)]
pub struct RandomIds;

impl IdGen for RandomIds {
    fn new_id(&self) -> String {
        let mut b = [0u8; 16];
        fill_random(&mut b);
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        format_uuid(&b)
    }
}

fn fill_random(buf: &mut [u8]) {
    use std::io::Read;
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        if f.read_exact(buf).is_ok() {
            return;
        }
    }
    // Fallback (non-Unix): hash time, pid and a counter.
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    for chunk in buf.chunks_mut(8) {
        let mut h = RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        h.write_u32(std::process::id());
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        let v = h.finish().to_le_bytes();
        chunk.copy_from_slice(&v[..chunk.len()]);
    }
}

fn format_uuid(b: &[u8; 16]) -> String {
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// Deterministic ids for tests: `00000000-0000-4000-8000-000000000001`, …
#[derive(Debug, Default)]
pub struct SequentialIds(AtomicU64);

impl IdGen for SequentialIds {
    fn new_id(&self) -> String {
        let n = self.0.fetch_add(1, Ordering::SeqCst) + 1;
        format!("00000000-0000-4000-8000-{n:012x}")
    }
}

/// A stage of the capture of one page, reported as progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Launching,
    Navigating,
    Consent,
    Scrolling,
    Slicing,
    Stitching,
    Printing,
    PdfA,
    Hashing,
    Storing,
    Packaging,
    Verifying,
    Done,
}

/// A progress event of a long job (capture, export, verify).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ProgressEvent {
    /// A job over `total` items (pages, files) started.
    Started {
        total: u32,
        label: String,
    },
    /// Item `index` (0-based) entered `stage`.
    Stage {
        index: u32,
        label: String,
        stage: Stage,
        /// Free detail, e.g. "slice 3 of 12".
        detail: Option<String>,
    },
    /// Item `index` ended.
    ItemDone {
        index: u32,
        label: String,
        ok: bool,
        message: Option<String>,
    },
    /// Bytes processed so far of `total` (exports).
    Bytes {
        #[ts(type = "number")]
        done: u64,
        #[ts(type = "number")]
        total: u64,
    },
    Finished {
        ok: bool,
        message: Option<String>,
    },
}

/// Where long work reports its progress. The CLI draws a progress bar, the
/// desktop forwards events over a Tauri channel, tests collect them.
pub trait ProgressSink: Send + Sync {
    fn event(&self, event: ProgressEvent);
}

/// A sink that drops every event.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl ProgressSink for NoProgress {
    fn event(&self, _event: ProgressEvent) {}
}

/// A sink that keeps every event (for tests).
#[derive(Debug, Default)]
pub struct CollectProgress(pub Mutex<Vec<ProgressEvent>>);

impl ProgressSink for CollectProgress {
    fn event(&self, event: ProgressEvent) {
        self.0.lock().unwrap().push(event);
    }
}

impl CollectProgress {
    pub fn events(&self) -> Vec<ProgressEvent> {
        self.0.lock().unwrap().clone()
    }
}

impl<F: Fn(ProgressEvent) + Send + Sync> ProgressSink for F {
    fn event(&self, event: ProgressEvent) {
        self(event)
    }
}

/// Cooperative cancellation of a background job. Clones share the flag.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

// ---------------------------------------------------------------------------
// Errors as the UI sees them
// ---------------------------------------------------------------------------

/// A stable, machine-readable error code. The UI and scripts match on the
/// code, never on the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input was wrong; the message says what to do. CLI exit code 1.
    InvalidInput,
    /// The thing asked for does not exist. Exit 1.
    NotFound,
    /// The request conflicts with the state (duplicate address, closure
    /// steps out of order, another run holds the lock). Exit 1.
    Conflict,
    /// The job was cancelled by the user. Exit 1.
    Cancelled,
    /// Disk full, unreadable file, missing browser: something outside the
    /// program. Exit 1, the message says what to fix.
    Environment,
    /// A fault in Ögonblick itself. Exit 2.
    Internal,
}

/// The error value every command hands to the UI: `{code, message}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[ts(export)]
#[error("{message}")]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_round_trips_and_accepts_aliases() {
        for p in Platform::ALL {
            assert_eq!(p.as_str().parse::<Platform>().unwrap(), *p);
        }
        assert_eq!("Twitter".parse::<Platform>().unwrap(), Platform::X);
        assert_eq!(
            " halvår ".parse::<SchedulePolicy>().unwrap(),
            SchedulePolicy::HalfYearly
        );
        let err = "myspace".parse::<Platform>().unwrap_err().to_string();
        assert!(err.contains("myspace") && err.contains("facebook"), "{err}");
    }

    #[test]
    fn random_ids_are_uuid_v4_and_distinct() {
        let a = RandomIds.new_id();
        let b = RandomIds.new_id();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
    }

    #[test]
    fn sequential_ids_are_deterministic() {
        let ids = SequentialIds::default();
        assert_eq!(ids.new_id(), "00000000-0000-4000-8000-000000000001");
        assert_eq!(ids.new_id(), "00000000-0000-4000-8000-000000000002");
    }

    #[test]
    fn serde_words_match_display() {
        let json = serde_json::to_string(&SnapshotReason::MajorChange).unwrap();
        assert_eq!(json, "\"major-change\"");
        assert_eq!(SnapshotReason::MajorChange.to_string(), "major-change");
    }
}
