//! Snapshots: pages, files, completeness, provenance and `snapshot.json`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    Channel, ChannelId, ExpansionReport, FileRole, Language, Message, SnapshotReason,
    SnapshotStatus, Timestamp,
};

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
    /// Set when the height or time cap for an endless feed was hit, as a
    /// catalogue message; records of older versions held an English
    /// sentence, which reads as `Message::Text`.
    #[serde(default, deserialize_with = "crate::messages::lenient::option")]
    pub truncated: Option<Message>,
    #[ts(type = "number")]
    pub duration_ms: u64,
    /// What the capture could not do as asked, as catalogue messages;
    /// records of older versions held English sentences, which read as
    /// `Message::Text`.
    #[serde(deserialize_with = "crate::messages::lenient::list")]
    pub warnings: Vec<Message>,
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
    /// Collapsed content ("Visa mer", more comments, replies): what was
    /// expanded, what was left, and whether the budget ran out. Absent in
    /// records of older versions and where the page had nothing to expand.
    #[serde(default, skip_serializing_if = "ExpansionReport::is_empty")]
    #[ts(optional, as = "Option<ExpansionReport>")]
    pub expansion: ExpansionReport,
    /// The posts seen while scrolling and how many of them the PNG and the
    /// PDF/A's text hold; absent in records of older versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub coverage: Option<PostCoverage>,
    /// The page compared with the same address in the channel's previous
    /// complete snapshot (made before the commit); absent for the first
    /// snapshot, a failed page and records of older versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub comparison: Option<crate::PageComparison>,
}

/// The posts (`article`, `[role=article]` and the platforms' own post
/// elements) of a page: how many were seen while scrolling, and how many of
/// them are in the PNG and in the PDF/A's text layer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostCoverage {
    /// Distinct posts seen while scrolling through the page and shooting it.
    pub seen: u32,
    /// Of those, the posts that were on screen when their part of the PNG
    /// was shot.
    pub in_png: u32,
    /// Of those, the posts whose every word is in the PDF/A's text layer.
    pub in_pdf_text: u32,
    /// The beginning of the text of posts missing from the PNG or the PDF/A's
    /// text (at most 20).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub missing: Vec<String>,
    /// When the PNG or the PDF/A's text holds fewer posts than were seen: the
    /// warning (also in the report's `warnings`); an English sentence in
    /// records of older versions (read as `Message::Text`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::messages::lenient::option"
    )]
    #[ts(optional)]
    pub warning: Option<Message>,
    /// The same in Swedish, written by versions before the catalogue; read
    /// for old records only (show [`PostCoverage::warning_text`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub warning_sv: Option<String>,
}

impl PostCoverage {
    /// The warning in `lang`: the catalogue's sentence, or for a record of
    /// an older version its stored text (Swedish where it has one).
    pub fn warning_text(&self, lang: Language) -> Option<String> {
        match (&self.warning, &self.warning_sv, lang) {
            (Some(Message::Text { .. }), Some(sv), Language::Sv) => Some(sv.clone()),
            (Some(m), _, lang) => Some(m.render(lang)),
            (None, sv, _) => sv.clone(),
        }
    }
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
    /// Why the page failed, as an English sentence (kept for readers of
    /// `snapshot.json` and the archive package; show [`PageRecord::error_text`]).
    pub error: Option<String>,
    /// The same sentence in Swedish, written by versions before the message
    /// catalogue (now [`PageRecord::message`]); read for old records only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub error_sv: Option<String>,
    /// Why the page failed, as a key of the message catalogue with its
    /// parameters; absent in records of older versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub message: Option<Message>,
    pub files: Vec<FileRecord>,
    pub report: CompletenessReport,
    pub provenance: Provenance,
}

impl PageRecord {
    /// Why the page failed, in `lang`: the catalogue's sentence, or for a
    /// record of an older version its stored text (Swedish where it has one).
    pub fn error_text(&self, lang: Language) -> Option<String> {
        match (&self.message, lang) {
            (Some(m), lang) => Some(m.render(lang)),
            (None, Language::Sv) => self.error_sv.clone().or_else(|| self.error.clone()),
            (None, Language::En) => self.error.clone(),
        }
    }

    /// Records `message` as why the page failed (and its English text in `error`).
    pub fn fail_with(&mut self, message: Message) {
        self.ok = false;
        self.error = Some(message.render(Language::En));
        self.error_sv = None;
        self.message = Some(message);
    }
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
    /// Free text, e.g. what the major change was; for a note the engine
    /// writes itself, its English text (kept for readers of `snapshot.json`;
    /// show [`Snapshot::note_text`]).
    pub reason_note: Option<String>,
    /// The engine's own note (e.g. captured before a removal), as a key of
    /// the message catalogue with its parameters. Absent for notes staff
    /// wrote and in records of older versions, whose note reads as recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reason_message: Option<Message>,
    pub status: SnapshotStatus,
    #[ts(type = "string")]
    pub started_at: Timestamp,
    #[ts(type = "string")]
    pub finished_at: Timestamp,
    pub operator: String,
    pub pages: Vec<PageRecord>,
    /// Diary number (diarienummer) where the snapshot was registered.
    pub diary_number: Option<String>,
    /// Set for a one-address capture (*enskild adress*): the address it was
    /// asked to capture (its only page), which need not be one of the
    /// channel's registered addresses. Such a snapshot holds that one item,
    /// not the channel: it never counts as the channel's regular or final
    /// snapshot (see [`Snapshot::counts_for_channel`]). Absent in
    /// `snapshot.json` files of older versions and of whole-channel captures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub single_address: Option<String>,
    /// Files of the snapshot as a whole rather than of one page: its web
    /// archive (`web-archive.wacz`, [`FileRole::WebArchive`]), which holds
    /// every page's WARC, failed pages' too. Absent in `snapshot.json` files
    /// of older versions and when the web archive is turned off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<FileRecord>>", optional)]
    pub files: Vec<FileRecord>,
}

impl Snapshot {
    /// The note on the reason in `lang`: the catalogue's sentence for the
    /// engine's own note, otherwise the note as recorded.
    pub fn note_text(&self, lang: Language) -> Option<String> {
        match &self.reason_message {
            Some(m) => Some(m.render(lang)),
            None => self.reason_note.clone(),
        }
    }

    /// Records `message` as the engine's note (and its English text in `reason_note`).
    pub fn note_with(&mut self, message: Message) {
        self.reason_note = Some(message.render(Language::En));
        self.reason_message = Some(message);
    }

    /// Every file of the snapshot: the pages' files, then its own.
    pub fn all_files(&self) -> impl Iterator<Item = &FileRecord> {
        self.pages.iter().flat_map(|p| &p.files).chain(&self.files)
    }

    /// The snapshot's web archive (WACZ), if it has one.
    pub fn web_archive(&self) -> Option<&FileRecord> {
        self.files.iter().find(|f| f.role == FileRole::WebArchive)
    }

    /// Whether this snapshot captured the channel as a whole (its registered
    /// addresses), so that schedules and the closure may count it; `false`
    /// for a one-address capture.
    pub fn counts_for_channel(&self) -> bool {
        self.single_address.is_none()
    }
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
