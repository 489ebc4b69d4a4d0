//! h-voc7: choices a sentence's select names one by one, each listed, so
//! the catalogue's test finds a missing variant (`Arg::choices`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{RemovedWhat, SnapshotWhy};
use crate::args::{serde_plain, Arg};
use crate::Language;

macro_rules! listed_choice {
    ($($t:ident [$first:ident $(, $v:ident)*]),* $(,)?) => {$(
        impl Arg for $t {
            fn text(&self, _: Language) -> String {
                serde_plain(self)
            }
            fn sample() -> Self {
                $t::$first
            }
            fn choices() -> Vec<String> {
                vec![serde_plain(&$t::$first) $(, serde_plain(&$t::$v))*]
            }
        }
    )*};
}

/// The kind of document a retention rule is for (the CLI's
/// `cli-retention-kind`; the model's `RetentionKind` without its detail).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum RetentionWhat {
    Snapshot,
    SnapshotReason,
    Removal,
    RemovalGround,
    RemovalAction,
    Report,
}

/// What removed content was, by its name (for a sentence that selects on
/// it, such as the contact template's "Ditt inlägg" / "Din kommentar";
/// [`RemovedWhat`] itself is written as its word).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(transparent)]
pub struct RemovedName(pub RemovedWhat);

impl Arg for RemovedName {
    fn text(&self, _: Language) -> String {
        serde_plain(&self.0)
    }
    fn sample() -> Self {
        RemovedName(RemovedWhat::AccountBlocked)
    }
    fn choices() -> Vec<String> {
        [
            RemovedWhat::Post,
            RemovedWhat::Comment,
            RemovedWhat::Reply,
            RemovedWhat::Image,
            RemovedWhat::PrivateMessage,
            RemovedWhat::AccountBlocked,
        ]
        .iter()
        .map(serde_plain)
        .collect()
    }
}

/// An internal fault of the app (`app-fault-of`): what was found wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum Fault {
    CaptureReturnedNothing,
    NoClosingTime,
    Sha256Hex,
    MarkNotStored,
}

listed_choice!(
    Fault[CaptureReturnedNothing, NoClosingTime, Sha256Hex, MarkNotStored],
    SnapshotWhy[HalfYearly, Yearly, MajorChange, PreClosure, AdHoc, SingleItem],
    RetentionWhat[Snapshot, SnapshotReason, Removal, RemovalGround, RemovalAction, Report],
    CaptureFault[ScreenshotData, PageText, PdfStream, ServedDocument, FileStem, ChromiumAnswer, PdfA, Stitch],
    FixityRecord[Manifest, RemovalRecord],
    InventoryPart[Font, Write],
    IoAction[
        Read, Write, Create, CreateFolder, Open, Lock, Remove, Sync, AppendTo, ReadOrWrite,
        UseWal, MoveIntoStore, MoveOutOfStore, RenameIntoPlace, ReadCsv, WriteImportEntries, Copy
    ],
);

// h-voc8: the capture's faults, a fixity's record, the inventory's part and
// a file operation, typed (they were English words or phrases).

/// What part of a capture failed inside the engine (`capture-fault-of`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum CaptureFault {
    /// Chromium's screenshot data (base64) could not be decoded.
    ScreenshotData,
    /// The page text file could not be made.
    PageText,
    /// A PDF printed by Chromium (base64 stream).
    PdfStream,
    /// A document the page served (base64 stream).
    ServedDocument,
    /// The file name the caller gave a page's files.
    FileStem,
    /// Chromium answered a command with an error.
    ChromiumAnswer,
    /// The PDF/A writer.
    PdfA,
    /// Stitching the screenshots into one PNG.
    Stitch,
}

/// What a file's recorded size and SHA-256 come from (`fixity-*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum FixityRecord {
    Manifest,
    RemovalRecord,
}

/// What step of the package's inventory (PDF/A) failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum InventoryPart {
    /// The embedded font could not be read.
    Font,
    /// The PDF could not be written.
    Write,
}

/// What was being done to a file or folder when the system refused
/// (`store-io-of`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum IoAction {
    Read,
    Write,
    Create,
    CreateFolder,
    Open,
    Lock,
    Remove,
    Sync,
    AppendTo,
    ReadOrWrite,
    /// Write-ahead logging of the register's database.
    UseWal,
    /// A snapshot, a removal record or a rebuilt database moved into place.
    MoveIntoStore,
    MoveOutOfStore,
    RenameIntoPlace,
    ReadCsv,
    /// The register entries of a CSV import's channels, into their folder.
    WriteImportEntries,
    Copy,
}
