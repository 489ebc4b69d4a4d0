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
    Column = Column::DueSince
);
