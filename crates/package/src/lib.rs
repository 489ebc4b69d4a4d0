//! Submission packages of Ögonblick snapshots in FGS Paketstruktur 2.0, which
//! is E-ARK CSIP 2.1.0 plus E-ARK SIP 2.1.0 (not the withdrawn FGS 1.x
//! `sip.xml`).
//!
//! [`export_package`] writes one package (zip or tar) holding one root folder
//! `uuid-<UUID>`:
//!
//! ```text
//! uuid-<UUID>/METS.xml                              root METS (CSIP + SIP)
//! uuid-<UUID>/metadata/descriptive/<snapshot>.xml   our capture record per snapshot
//! uuid-<UUID>/metadata/preservation/premis.xml      PREMIS 3
//! uuid-<UUID>/representations/rep1/METS.xml         representation METS
//! uuid-<UUID>/representations/rep1/data/<snapshot>/…  the PNGs and PDF/As
//! uuid-<UUID>/representations/rep2/METS.xml         the web archives' METS (if any)
//! uuid-<UUID>/representations/rep2/data/<snapshot>/web-archive.wacz
//! uuid-<UUID>/schemas/…                             METS, xlink, DILCIS, ours
//! uuid-<UUID>/documentation/inventory.pdf           PDF/A-2b inventory
//! uuid-<UUID>/documentation/how-the-snapshots-were-taken.md
//! ```
//!
//! plus a `<package>.sha256` sidecar (sha256sum format). [`verify_package`]
//! re-checks all of it. Every time and id comes from the injected
//! [`Clock`] and [`IdGen`], so the same input gives the same bytes.

mod container;
mod export;
mod fixity;
mod follow;
mod inventory;
mod names;
mod partial;
mod sniff;
mod verify;
mod xml;
mod zipcheck;

use std::path::PathBuf;

use ogonblick_model::messages::InventoryPart;
use ogonblick_model::{
    ErrorCode, ErrorPayload, Language, Mark, Message, RemovalManifest, SnapshotManifest,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use export::export_package;
pub use names::sanitize_name;
pub use partial::{clean_stale_partials, PARTIAL_MARK};
pub use sniff::{detect_format, FormatId};
pub use verify::{verify_package, verify_package_with, VerifyOptions};

/// The version written into METS (SOFTWARE VERSION note) and PREMIS agents.
pub const SOFTWARE_NAME: &str = "Ögonblick";
pub const SOFTWARE_VERSION: &str = env!("CARGO_PKG_VERSION");
/// The E-ARK SIP 2.1.0 profile (root `mets/@PROFILE`).
pub const SIP_PROFILE: &str = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml";
/// Namespace of our capture record (descriptive metadata).
pub const CAPTURE_RECORD_NS: &str = "urn:x-ogonblick:capture-record:1";
/// Namespace of our removal record (`removal.xml`, descriptive metadata).
pub const REMOVAL_RECORD_NS: &str = "urn:x-ogonblick:removal-record:1";
/// Default sRGB profile for the inventory PDF/A (Debian: icc-profiles-free).
pub const DEFAULT_ICC_PROFILE: &str = "/usr/share/color/icc/sRGB.icc";

/// Retention of the snapshots under the document management plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Retention {
    /// Bevaras: keep for ever.
    #[default]
    Preserve,
    /// Gallras: dispose of after `years`, under the retention decision
    /// `decision` (gallringsbeslut, e.g. "KS 2021/123 § 4").
    DisposeAfter { years: u32, decision: String },
}

/// What the organisation sets once (stored in the app's settings JSON) plus
/// the per-export archival context.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct PackageOrg {
    /// e.g. "Nacka kommun".
    pub organisation_name: String,
    /// Organisationsnummer, e.g. "212000-0167".
    pub organisation_number: String,
    /// The receiving e-archive (METS agent PRESERVATION).
    pub e_archive_name: String,
    /// Leveransöverenskommelse reference (altRecordID SUBMISSIONAGREEMENT).
    pub submission_agreement: String,
    /// Arkivbildare: the board that owns the records (METS agent ARCHIVIST).
    pub archive_creator: String,
    /// The unit that submits the package (METS agent CREATOR, ORGANIZATION).
    pub submitting_unit: String,
    /// Klassificering in the classification scheme (altRecordID REFERENCECODE).
    pub classification_code: String,
    /// The document management plan's row (dokumenthanteringsplan).
    pub document_plan_row: String,
    pub retention: Retention,
    /// The language of the package's human-readable documents (the
    /// inventory and how-the-snapshots-were-taken.md): the organisation's
    /// language, Swedish unless set. The XML keeps its schemas' vocabulary.
    #[ts(optional, as = "Option<Language>")]
    pub language: Language,
}

impl ogonblick_model::Setting for PackageOrg {
    const KEY: ogonblick_model::SettingKey = ogonblick_model::SettingKey::Package;
}

/// Container format of the package.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum PackageFormat {
    #[default]
    Zip,
    Tar,
}

impl PackageFormat {
    pub fn extension(self) -> &'static str {
        match self {
            PackageFormat::Zip => "zip",
            PackageFormat::Tar => "tar",
        }
    }
}

/// What to package. `snapshots` pairs each manifest with its folder on disk
/// (where `snapshot.json` and the files named in it live).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PackageRequest {
    pub snapshots: Vec<(SnapshotManifest, PathBuf)>,
    pub org: PackageOrg,
    /// METS LABEL, e.g. "Ögonblicksbilder Facebook Kulturnämnden 2026".
    pub label: String,
    pub format: PackageFormat,
    /// Who made the export (PREMIS agent), e.g. the logged-in user.
    #[serde(default)]
    pub exported_by: String,
    /// sRGB ICC profile for the inventory PDF/A; `None`: [`DEFAULT_ICC_PROFILE`].
    #[serde(default)]
    pub icc_profile: Option<PathBuf>,
    /// Removal records to package as their own kind (none: a package of
    /// snapshots exactly as before). A record whose evidence is a snapshot
    /// needs that snapshot in `snapshots`.
    #[serde(default)]
    pub removals: Vec<RemovalItem>,
    /// Personal-data / secrecy marks of the packaged snapshots and removal
    /// records (PREMIS rights statements, the inventory's protection column).
    #[serde(default)]
    pub marks: Vec<Mark>,
    /// The trusted root certificates (PEM) of the time-stamping authorities,
    /// shipped as `documentation/tsa-ca/<name>` so the snapshots' timestamp
    /// tokens verify offline.
    #[serde(default)]
    pub tsa_roots: Vec<PathBuf>,
}

/// A removal record to package: every version, and its folder in the store
/// (where a supplied screenshot lives).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RemovalItem {
    pub manifest: RemovalManifest,
    pub folder: PathBuf,
    /// The channel's name, for people reading the record.
    pub channel_name: String,
}

/// What an export produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PackageSummary {
    /// `uuid-<UUID>`, also the root folder.
    pub objid: String,
    pub path: PathBuf,
    pub sidecar: PathBuf,
    /// SHA-256 of the whole package file (as in the sidecar).
    pub sha256: String,
    #[ts(type = "number")]
    pub size: u64,
    /// Number of files inside the package.
    pub files: u32,
    pub snapshots: u32,
    #[ts(type = "string")]
    pub created: ogonblick_model::Timestamp,
}

/// One thing wrong with a package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Problem {
    /// Path inside the package (or the package file / sidecar itself).
    pub path: String,
    /// What is wrong, as a catalogue message (render it in the reader's
    /// language; `Display` and `render` add the path and the values).
    pub what: Message,
    pub expected: Option<String>,
    pub found: Option<String>,
}

impl Problem {
    /// The problem as one line in `lang`: `path: what (expected …, found …)`.
    pub fn render(&self, lang: Language) -> String {
        let mut s = format!("{}: {}", self.path, self.what.render(lang));
        let values = match (self.expected.clone(), self.found.clone()) {
            (Some(expected), Some(found)) => Some(Message::VerifyExpectedFound { expected, found }),
            (Some(expected), None) => Some(Message::VerifyExpected { expected }),
            (None, Some(found)) => Some(Message::VerifyFound { found }),
            (None, None) => None,
        };
        if let Some(v) = values {
            s.push_str(&format!(" ({})", v.render(lang)));
        }
        s
    }
}

impl std::fmt::Display for Problem {
    /// In English (logs, the CLI's default).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Language::En))
    }
}

/// The outcome of [`verify_package`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VerifyReport {
    pub ok: bool,
    pub objid: Option<String>,
    /// Files inside the package that were checked.
    pub files_checked: u32,
    /// Whether the XML files were validated against the schemas (xmllint).
    pub schemas_checked: bool,
    /// Snapshot ids found in the package's capture records (descriptive
    /// metadata), so a caller can check which snapshots a package holds.
    pub snapshot_ids: Vec<String>,
    pub problems: Vec<Problem>,
}

#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    /// A request the package cannot be made from, said as a catalogue message.
    #[error("{0}")]
    InvalidInput(Message),
    #[error("could not read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// `what`: a `fixity-*` message.
    #[error("the snapshot file {path} does not match its recorded fixity ({}); the store may be damaged, run `ogonblick verify` on the snapshot before exporting", .what.render(Language::En))]
    Fixity { path: PathBuf, what: Box<Message> },
    #[error("the export was cancelled; nothing was left under the final name")]
    Cancelled,
    /// The inventory (PDF/A) could not be made: which part, and the
    /// library's words.
    #[error("{}", inventory_text(*.part, .detail))]
    Inventory { part: InventoryPart, detail: String },
    #[error("the package could not be read as {format}: {message}")]
    Unreadable {
        format: &'static str,
        message: String,
    },
    /// A fault of the packager found by its own checks (a catalogue message).
    #[error("internal error: {}", .0.render(Language::En))]
    Fault(Message),
    #[error("the package could not be read as zip or tar: {} is neither a zip nor a tar file", .0.display())]
    NotZipOrTar(PathBuf),
}

/// `PackageError::Inventory`: `part` failed, `detail` the library's words.
pub(crate) fn inventory_failed(
    part: InventoryPart,
    detail: impl std::fmt::Display,
) -> PackageError {
    PackageError::Inventory {
        part,
        detail: detail.to_string(),
    }
}

fn inventory_text(part: InventoryPart, detail: &str) -> String {
    Message::PackageInventoryOf {
        part,
        detail: detail.to_string(),
    }
    .render(Language::En)
}

impl PackageError {
    /// The sentence as a catalogue message (an OS error's text stays a detail).
    pub fn message(&self) -> Message {
        match self {
            PackageError::InvalidInput(m) => m.clone(),
            PackageError::Read { path, source } | PackageError::Write { path, source }
                if container::hash_stopped(source) =>
            {
                Message::PackageHashStopped {
                    path: path.display().to_string(),
                }
            }
            PackageError::Read { path, source } => Message::PackageRead {
                path: path.display().to_string(),
                detail: source.to_string(),
            },
            PackageError::Write { path, source } => Message::PackageWrite {
                path: path.display().to_string(),
                detail: source.to_string(),
            },
            PackageError::Fixity { path, what } => Message::PackageFixityWhy {
                path: path.display().to_string(),
                why: what.clone(),
            },
            PackageError::Cancelled => Message::PackageCancelled {},
            PackageError::Inventory { part, detail } => Message::PackageInventoryOf {
                part: *part,
                detail: detail.clone(),
            },
            PackageError::Unreadable { format, message } => Message::PackageUnreadable {
                format: format.to_string(),
                detail: message.clone(),
            },
            PackageError::Fault(m) => m.clone(),
            PackageError::NotZipOrTar(path) => Message::PackageNotZipOrTar {
                path: path.display().to_string(),
            },
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            PackageError::InvalidInput(_)
            | PackageError::Unreadable { .. }
            | PackageError::NotZipOrTar(_) => ErrorCode::InvalidInput,
            PackageError::Read { .. } | PackageError::Write { .. } => ErrorCode::Environment,
            PackageError::Fixity { .. } => ErrorCode::Conflict,
            PackageError::Cancelled => ErrorCode::Cancelled,
            PackageError::Inventory { .. } => ErrorCode::Environment,
            PackageError::Fault(_) => ErrorCode::Internal,
        }
    }
}

impl From<PackageError> for ErrorPayload {
    fn from(e: PackageError) -> Self {
        ErrorPayload {
            code: e.code(),
            message: e.to_string(),
            key: Some(Box::new(e.message())),
        }
    }
}
