//! Why a page could not be compared.

use std::path::PathBuf;

use ogonblick_model::{ErrorCode, Language, Message};

#[derive(Debug, thiserror::Error)]
pub enum CompareError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `why`: a `png-*` message (the PNG library's words as its detail).
    #[error("{path} is not a PNG this program can read: {}", .why.render(Language::En))]
    Png { path: PathBuf, why: Box<Message> },
    /// `why`: a `text-file-*` message.
    #[error("{path} is not a page text file: {}", .why.render(Language::En))]
    Text { path: PathBuf, why: Box<Message> },
}

impl CompareError {
    pub fn code(&self) -> ErrorCode {
        match self {
            CompareError::Io { .. } => ErrorCode::Environment,
            CompareError::Png { .. } | CompareError::Text { .. } => ErrorCode::Environment,
        }
    }

    /// The sentence as a message of the catalogue (`compare-*`).
    pub fn message(&self) -> Message {
        match self {
            CompareError::Io { path, source } => Message::CompareUnreadable {
                path: path.display().to_string(),
                detail: source.to_string(),
            },
            CompareError::Png { path, why } => Message::CompareNotPng {
                path: path.display().to_string(),
                why: why.clone(),
            },
            CompareError::Text { path, why } => Message::CompareNotText {
                path: path.display().to_string(),
                why: why.clone(),
            },
        }
    }
}
