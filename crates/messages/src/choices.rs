//! h-voc3: choices a message selects its text by, typed (a `.ftl` select
//! chooses on the kebab-case name), in place of free strings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::args::{serde_plain, Arg};
use crate::Language;

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
