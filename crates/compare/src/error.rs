//! Why a page could not be compared.

use std::path::PathBuf;

use ogonblick_model::ErrorCode;

#[derive(Debug, thiserror::Error)]
pub enum CompareError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a PNG this program can read: {detail}")]
    Png { path: PathBuf, detail: String },
    #[error("{path} is not a page text file: {detail}")]
    Text { path: PathBuf, detail: String },
}

impl CompareError {
    pub fn code(&self) -> ErrorCode {
        match self {
            CompareError::Io { .. } => ErrorCode::Environment,
            CompareError::Png { .. } | CompareError::Text { .. } => ErrorCode::Environment,
        }
    }
}
