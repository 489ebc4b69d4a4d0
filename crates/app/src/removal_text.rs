//! What can be wrong with a removal record or a diary number request, as
//! keys of the message catalogue (`crates/messages`, `removal-*`, `diary-*`):
//! an [`AppError`] carries the message, so the CLI prints it in English and
//! the Swedish window shows it in Swedish.

use ogonblick_model::{ChannelId, ErrorCode, Language, Message, RemovedKind};

use crate::AppError;

/// What is wrong with a removal record or a diary number request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    UnknownGround {
        given: String,
        known: String,
    },
    GroundNeedsText {
        code: String,
    },
    CaptureFailed {
        url: String,
        snapshot: String,
        why: String,
    },
    BothEvidence,
    PoliceContradicts,
    FileMissing {
        path: String,
    },
    FileNotScreenshot {
        path: String,
    },
    FileTooLarge {
        path: String,
        limit_mib: u64,
    },
    InFuture {
        field: &'static str,
        value: String,
    },
    BeforeChannel {
        field: &'static str,
        value: String,
        channel: ChannelId,
        created: String,
    },
    BadDate {
        value: String,
    },
    BadAddress {
        reason: Message,
    },
    BadText {
        reason: Message,
    },
    EmptyName {
        field: &'static str,
    },
    NoChange,
    NoDiaryTargets,
    UnknownDiaryTarget {
        id: String,
    },
    BadYear {
        value: String,
    },
}

impl Problem {
    pub fn code(&self) -> ErrorCode {
        ErrorCode::InvalidInput
    }

    /// The sentence as a key of the message catalogue.
    pub fn message(&self) -> Message {
        let slug = |f: &str| f.replace(' ', "-");
        match self.clone() {
            Problem::UnknownGround { given, known } => {
                Message::RemovalUnknownGround { given, known }
            }
            Problem::GroundNeedsText { code } => Message::RemovalGroundNeedsText { code },
            Problem::CaptureFailed { url, snapshot, why } => {
                Message::RemovalCaptureFailed { url, snapshot, why }
            }
            Problem::BothEvidence => Message::RemovalBothEvidence {},
            Problem::PoliceContradicts => Message::RemovalPoliceContradicts {},
            Problem::FileMissing { path } => Message::RemovalFileMissing { path },
            Problem::FileNotScreenshot { path } => Message::RemovalFileNotScreenshot { path },
            Problem::FileTooLarge { path, limit_mib } => {
                Message::RemovalFileTooLarge { path, limit_mib }
            }
            Problem::InFuture { field, value } => Message::RemovalInFuture {
                field: slug(field),
                value,
            },
            Problem::BeforeChannel {
                field,
                value,
                channel,
                created,
            } => Message::RemovalBeforeChannel {
                field: slug(field),
                value,
                channel,
                created,
            },
            Problem::BadDate { value } => Message::RemovalBadDate { value },
            Problem::BadAddress { reason } => Message::RemovalBadAddress {
                reason: Box::new(reason),
            },
            Problem::BadText { reason } => Message::RemovalBadText {
                reason: Box::new(reason),
            },
            Problem::EmptyName { field } => Message::RemovalEmptyName { field: slug(field) },
            Problem::NoChange => Message::RemovalNoChange {},
            Problem::NoDiaryTargets => Message::DiaryNoTargets {},
            Problem::UnknownDiaryTarget { id } => Message::DiaryUnknownTarget { id },
            Problem::BadYear { value } => Message::DiaryBadYear { value },
        }
    }

    /// The sentence in English (what the CLI prints).
    pub fn en(&self) -> String {
        self.message().render(Language::En)
    }

    /// The sentence in Swedish (what the Swedish window shows).
    pub fn sv(&self) -> String {
        self.message().render(Language::Sv)
    }
}

impl From<Problem> for AppError {
    fn from(p: Problem) -> Self {
        AppError::said(p.code(), p.message())
    }
}

/// The message to the author (the Nacka guideline's example, the
/// catalogue's `removal-contact-template`, in Swedish: the language the
/// channel speaks to its public), naming the channel's rules page.
pub fn contact_template(
    author: Option<&str>,
    kind: RemovedKind,
    rules_page: &str,
    sender: &str,
    organisation: &str,
) -> String {
    let sender = if organisation.trim().is_empty() {
        sender.to_string()
    } else {
        format!("{sender} / {organisation}")
    };
    Message::RemovalContactTemplate {
        named: author.is_some(),
        author: author.unwrap_or_default().to_string(),
        kind: ogonblick_model::messages::RemovedName(kind.into()),
        rules_page: rules_page.to_string(),
        sender,
    }
    .render(ogonblick_model::Language::Sv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_reads_in_both_languages() {
        let all = [
            Problem::UnknownGround {
                given: "x".into(),
                known: "hot".into(),
            },
            Problem::GroundNeedsText {
                code: "annat".into(),
            },
            Problem::CaptureFailed {
                url: "a".into(),
                snapshot: "s".into(),
                why: "w".into(),
            },
            Problem::BothEvidence,
            Problem::PoliceContradicts,
            Problem::FileMissing { path: "a".into() },
            Problem::FileNotScreenshot { path: "a".into() },
            Problem::FileTooLarge {
                path: "a".into(),
                limit_mib: 50,
            },
            Problem::InFuture {
                field: "removed at",
                value: "2030".into(),
            },
            Problem::BeforeChannel {
                field: "removed at",
                value: "2020".into(),
                channel: 1,
                created: "2026".into(),
            },
            Problem::BadDate { value: "x".into() },
            Problem::BadAddress {
                reason: Message::UrlEmpty {},
            },
            Problem::BadText {
                reason: Message::UrlEmpty {},
            },
            Problem::EmptyName {
                field: "certified by",
            },
            Problem::NoChange,
            Problem::NoDiaryTargets,
            Problem::UnknownDiaryTarget { id: "x".into() },
            Problem::BadYear { value: "x".into() },
        ];
        for p in all {
            assert!(!p.en().is_empty() && !p.sv().is_empty());
            assert_ne!(p.en(), p.sv(), "{p:?}");
            assert!(!p.sv().contains("Fältet"), "{p:?}");
        }
    }
}
