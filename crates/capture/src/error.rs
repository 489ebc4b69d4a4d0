//! [`CaptureError`]: why a capture could not go on (not a page's failure,
//! which is a `PageRecord` with `ok: false`), and the one helper that makes
//! its `Io` variant.

use std::path::{Path, PathBuf};

use ogonblick_model::Message;

use crate::cdp::CdpError;

#[derive(Debug, thiserror::Error)]
pub enum CaptureError {
    /// Chromium could not be started; the message says what to install or set.
    #[error("could not start Chromium: {0}")]
    Launch(String),
    /// Chromium died or stopped answering; launch a new browser.
    /// Why, as a message of the catalogue (`chromium-*`).
    #[error("Chromium stopped unexpectedly ({}); start the capture again", .0.render(ogonblick_model::Language::En))]
    BrowserGone(Message),
    #[error("the capture was cancelled")]
    Cancelled,
    /// The output could not be written (full disk, no permission).
    #[error("could not write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An address that cannot be captured (not http(s), sign-in details in
    /// it); the message says why and what to give instead.
    #[error("{}", .0.render(ogonblick_model::Language::En))]
    BadAddress(Message),
    /// A fault in the capture engine or an unexpected answer from Chromium.
    #[error("capture failed: {0}")]
    Internal(String),
}

impl CaptureError {
    /// The sentence as a key of the message catalogue, for a page that
    /// failed with it (its English rendering is this error's `Display`).
    pub fn message(&self) -> Message {
        match self {
            CaptureError::Launch(m) => Message::CaptureLaunch { detail: m.clone() },
            CaptureError::BrowserGone(why) => Message::CaptureBrowserStopped {
                why: Box::new(why.clone()),
            },
            CaptureError::Cancelled => Message::CaptureCancelled {},
            CaptureError::Io { path, source } => Message::CaptureIo {
                path: path.display().to_string(),
                detail: source.to_string(),
            },
            CaptureError::Internal(m) => Message::CaptureInternal { detail: m.clone() },
            CaptureError::BadAddress(m) => m.clone(),
        }
    }
}

impl From<CdpError> for CaptureError {
    fn from(e: CdpError) -> Self {
        match e {
            CdpError::Gone => CaptureError::BrowserGone(Message::ChromiumPipeClosed {}),
            CdpError::Timeout { method, secs } => {
                CaptureError::BrowserGone(Message::ChromiumNoAnswer { method, secs })
            }
            CdpError::Remote { .. } => CaptureError::Internal(e.to_string()),
        }
    }
}

/// `CaptureError::Io` for `path`.
pub(crate) fn io_err(path: &Path, source: std::io::Error) -> CaptureError {
    CaptureError::Io {
        path: path.to_path_buf(),
        source,
    }
}
