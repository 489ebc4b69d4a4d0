//! Archive packages (FGS Paketstruktur 2.0 = E-ARK CSIP/SIP 2.1.0): export
//! the snapshots of a channel, a board or a period; verify a package; and
//! complete the closure of a channel (pre-closure snapshot + verified
//! package → closed). Every step is written to the audit log.
//!
//! The organisation-wide part of the package metadata comes from the
//! organisation settings (name, organisation number, e-archive, submission
//! agreement); the archival part (archive creator, submitting unit,
//! classification, document management plan row, retention) is kept under
//! the settings key [`ogonblick_model::SettingKey::Package`] and can be
//! overridden per export.
//!
//! `settings.rs` (the package defaults), `export.rs` (selecting snapshots,
//! exporting, cleaning up after killed exports), `preview.rs` (what an
//! export would write, and the channels it would leave undocumented), `verify.rs` (verifying a
//! package file, with or without a register), `close.rs` (the last step of a
//! closure).

use ogonblick_model::{Channel, ChannelId, Timestamp};
use ogonblick_package::{PackageError, PackageFormat, VerifyReport};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::AppError;

pub use ogonblick_package as package;

mod close;
mod export;
mod preview;
mod select;
mod settings;
mod verify;

pub use preview::{ExportPreview, PreviewChannel, PreviewPackage, PreviewRemoval, PreviewSnapshot};
pub use verify::verify_package_file;

/// Which snapshots to package, and how.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct ExportRequest {
    /// Only this channel's snapshots.
    #[ts(type = "number | null")]
    pub channel_id: Option<ChannelId>,
    /// Only snapshots of channels owned by this board (as in the register).
    pub board: Option<String>,
    /// Only snapshots started at or after this time.
    #[ts(type = "string | null")]
    pub from: Option<Timestamp>,
    /// Only snapshots started before this time.
    #[ts(type = "string | null")]
    pub to: Option<Timestamp>,
    /// Exactly these snapshots (the other filters still apply).
    pub snapshot_ids: Vec<String>,
    /// Also package partial and failed snapshots (default: complete only).
    pub include_incomplete: bool,
    pub format: PackageFormat,
    /// METS LABEL; default "Ögonblicksbilder <channels> <period>".
    pub label: Option<String>,
    /// Overrides of the stored package defaults for this export.
    pub archive_creator: Option<String>,
    pub classification_code: Option<String>,
    /// Removal records in the package (default: none, today's packages).
    pub removals: RemovalsMode,
    /// What to do with marked (personal data / secrecy) items.
    pub marked: MarkedMode,
}

/// Whether an export holds removal records (h-pkg).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum RemovalsMode {
    /// Snapshots only, as before.
    #[default]
    None,
    /// The selected snapshots and the removal records of the same channels,
    /// board and period, in one package.
    With,
    /// A package of removal records (and their evidence snapshots) alone.
    Only,
}

/// What an export does with marked items (h-pkg).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum MarkedMode {
    /// Marked items go in with the rest, their marks in PREMIS and the inventory.
    #[default]
    Include,
    /// Marked items are left out.
    LeaveOut,
    /// Marked items go into a package of their own (two packages).
    Separately,
}

/// The outcome of completing a closure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClosureCompleted {
    pub channel: Channel,
    /// The pre-closure snapshot the closure rests on.
    pub snapshot_id: String,
    pub package: VerifyReport,
}

fn package_error(e: PackageError) -> AppError {
    AppError::said(e.code(), e.message())
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_marks;
#[cfg(test)]
mod tests_removals;
