//! Errors as the UI sees them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Message;

/// A stable, machine-readable error code. The UI and scripts match on the
/// code, never on the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input was wrong; the message says what to do. CLI exit code 1.
    InvalidInput,
    /// The thing asked for does not exist. Exit 1.
    NotFound,
    /// The request conflicts with the state (duplicate address, closure
    /// steps out of order, another run holds the lock). Exit 1.
    Conflict,
    /// The job was cancelled by the user. Exit 1.
    Cancelled,
    /// Disk full, unreadable file, missing browser: something outside the
    /// program. Exit 1, the message says what to fix.
    Environment,
    /// A fault in Ögonblick itself. Exit 2.
    Internal,
    /// The person's role does not allow it (h-roles): the message names who,
    /// their role and the role it needs. Exit 1.
    Forbidden,
}

/// The error value every command hands to the UI: `{code, message}`, and
/// where the sentence is a key of the catalogue, `key` (the UI renders it in
/// its language; `message` is its text: English, and from the desktop in
/// the language the window chose).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[ts(export)]
#[error("{message}")]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub key: Option<Box<Message>>,
}
