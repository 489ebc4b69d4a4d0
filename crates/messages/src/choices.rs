//! h-voc3: choices a message selects its text by, typed (a `.ftl` select
//! chooses on the kebab-case name), in place of free strings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::args::{serde_plain, Arg};
use crate::Language;

mod listed;
pub use listed::*;

/// Which picture of a comparison a caption is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum Picture {
    Older,
    Newer,
}

/// What the desktop's window failed to give a path for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum PathKind {
    DisposalLog,
    PackageFile,
    PackageFolder,
    Package,
    Csv,
    Overview,
    File,
}

/// A step of a channel's closure (the app's `ClosureStepKind`, named here
/// so the catalogue can write it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum StepName {
    Start,
    Snapshot,
    Review,
    Export,
    Verify,
    Close,
    Deleted,
}

/// A step's state in the closure checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum StepState {
    Done,
    Next,
    Open,
}

/// A column of the CLI's tables (`dispose --dry-run`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum Column {
    Kind,
    Id,
    Channel,
    Date,
    Rule,
    Decision,
    DueSince,
    KeptBecause,
    // h-cli11: the other tables of the CLI.
    Name,
    Platform,
    Status,
    Board,
    LastSnapshot,
    Address,
    Snapshot,
    Started,
    Reason,
    Pages,
    Operator,
    Diary,
    Timestamp,
    Mark,
    State,
    Responsible,
    Substitute,
    Why,
    LastGood,
    Next,
    Failures,
    Snapshots,
    Record,
    Removed,
    Action,
    Ground,
    Police,
    Certified,
    Login,
    Roles,
    Units,
    Set,
    By,
    ComparedWith,
    Changed,
    What,
    IdOrNumber,
    At,
    Disposed,
    Files,
    Problems,
    // issue 15: `ogonblick claims`.
    Computer,
    Until,
    // h-voc5: `audit`, `removal grounds`, `retention show`.
    Seq,
    Actor,
    Detail,
    InSwedish,
    InEnglish,
    Retention,
    DeliverFirst,
}

/// h-cli11: a word of the CLI's tables and lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum CliWord {
    Never,
    Yes,
    No,
    None,
    NotYet,
    Hold,
    DiaryNumberKept,
    Skipped,
    Ok,
    Failed,
    On,
    Off,
    Default,
    NoBoard,
    NoUnit,
    Now,
    // h-voc5: a removal ground taken out of use; the word before an error
    // line; the pages of the capture's progress bar.
    Retired,
    Error,
    Pages,
}

/// h-cli11: what a count in the due and coverage reports counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum Tally {
    ClosureDue,
    Overdue,
    Due,
    NotDue,
    Manual,
    Closed,
    Failures,
}

/// h-cli11: the label of a line of `removal show`, `channel show` and
/// `settings show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    // removal show
    Record,
    Channel,
    Address,
    Kind,
    Author,
    PublishedAt,
    Text,
    RemovedAt,
    Action,
    Ground,
    PoliceReport,
    DiaryNumber,
    Contacted,
    Forwarded,
    Certified,
    Evidence,
    Mark,
    Versions,
    // channel show
    Id,
    Name,
    Platform,
    Status,
    Addresses,
    Board,
    Unit,
    Responsible,
    Substitute,
    Purpose,
    Audience,
    Policy,
    Created,
    ClosingSince,
    Closed,
    Notes,
    // settings show
    OrgName,
    OrgNumber,
    EArchive,
    SubmissionAgreement,
    DefaultPolicy,
    WebArchive,
    TsaAuthorities,
    TsaRoots,
    TsaTimeout,
}

macro_rules! choice_arg {
    ($($t:ident = $sample:expr),*) => {$(
        impl Arg for $t {
            fn text(&self, _: Language) -> String {
                serde_plain(self)
            }
            fn sample() -> Self {
                $sample
            }
        }
    )*};
}
choice_arg!(
    Picture = Picture::Older,
    PathKind = PathKind::Csv,
    StepName = StepName::Review,
    StepState = StepState::Next,
    Column = Column::DueSince,
    CliWord = CliWord::Never,
    Tally = Tally::Overdue,
    Label = Label::Record
);

// h-voc4: the words of the audit log's events (the model's `ChannelStatus`,
// `SnapshotStatus`, `SnapshotReason`, `ChannelField`, `MarkedKind` /
// `DisposedKind`, `RemovedKind`, `RemovalAction`, `GroundChange`, named here
// so the catalogue can write them; the same kebab-case words).

/// A channel's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum ChannelState {
    Active,
    Closing,
    Closed,
}

/// A snapshot's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum SnapshotState {
    Complete,
    Partial,
    Failed,
}

/// Why a snapshot was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum SnapshotWhy {
    HalfYearly,
    Yearly,
    MajorChange,
    PreClosure,
    AdHoc,
    SingleItem,
}

/// A field of a register entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum RegisterField {
    Name,
    Platform,
    Urls,
    Board,
    Unit,
    Responsible,
    Substitute,
    Purpose,
    Audience,
    Policy,
    Notes,
}

/// The kind of item a mark or a disposal is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Snapshot,
    Removal,
}

/// What kind of content was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum RemovedWhat {
    Post,
    Comment,
    Reply,
    Image,
    PrivateMessage,
    AccountBlocked,
}

/// What was done to removed content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum RemovalDone {
    Unpublished,
    Deleted,
    Hidden,
    Blocked,
}

/// What was done to a removal ground.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum GroundEdit {
    Added,
    Edited,
    Retired,
}

choice_arg!(
    SnapshotState = SnapshotState::Partial,
    ItemKind = ItemKind::Snapshot,
    GroundEdit = GroundEdit::Retired
);

/// Choices written by a helper key of their own (`key`, with the choice as
/// parameter `param`), for words a sentence uses more than once.
macro_rules! worded_arg {
    ($($t:ident = $key:literal $param:literal $sample:expr),*) => {$(
        impl Arg for $t {
            fn text(&self, lang: Language) -> String {
                let word = serde_plain(self);
                crate::render_key(lang, $key, &|p| (p == $param).then(|| word.clone()))
            }
            fn sample() -> Self {
                $sample
            }
            fn hint() -> Option<String> {
                Some(format!("word:{}:{}", $key, $param))
            }
        }
    )*};
}
worded_arg!(
    ChannelState = "channel-state" "state" ChannelState::Closing,
    RegisterField = "register-field" "field" RegisterField::Urls,
    RemovedWhat = "removed-kind" "kind" RemovedWhat::PrivateMessage,
    RemovalDone = "removal-action" "action" RemovalDone::Hidden
);

/// Register fields, each in its word, joined by ", ".
impl Arg for Vec<RegisterField> {
    fn text(&self, lang: Language) -> String {
        self.iter()
            .map(|f| f.text(lang))
            .collect::<Vec<_>>()
            .join(", ")
    }
    fn sample() -> Self {
        vec![RegisterField::Unit, RegisterField::Purpose]
    }
    fn hint() -> Option<String> {
        Some("words:register-field:field".into())
    }
}

/// An optional part of a sentence (a message written with its separator),
/// or nothing.
impl Arg for Option<Box<crate::Message>> {
    fn text(&self, lang: Language) -> String {
        self.as_ref().map(|m| m.render(lang)).unwrap_or_default()
    }
    fn sample() -> Self {
        Some(Box::new(crate::Message::AuditDiaryNumber {
            number: "KS 2027/12".into(),
        }))
    }
}

// h-voc4: the columns of the documents the app writes, and the signals of a
// comparison, typed (they were free strings).

/// A column of the comparison report (`change-report-column`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeColumn {
    Page,
    Similarity,
    Identity,
    Regions,
    Removed,
    Added,
}

/// A column of Översikt as a document (`overview-doc-column`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum OverviewColumn {
    Board,
    Unit,
    Channel,
    Channels,
    Documented,
    Due,
    Overdue,
    Failed,
    Closing,
    NoSubstitute,
    State,
    LastComplete,
    Responsible,
    Substitute,
}

/// What changed in a channel's identity (the model's `ChangeSignal`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum SignalName {
    Title,
    Address,
    HeaderText,
    HeaderImage,
    RulesPage,
}

choice_arg!(
    ChangeColumn = ChangeColumn::Regions,
    OverviewColumn = OverviewColumn::NoSubstitute,
    SignalName = SignalName::HeaderImage
);
