//! [`CaptureError`]: why a capture could not go on (not a page's failure,
//! which is a `PageRecord` with `ok: false`), and the one helper that makes
//! its `Io` variant.

use std::path::{Path, PathBuf};

use ogonblick_model::messages::CaptureFault;
use ogonblick_model::{Language, Message};

use crate::cdp::CdpError;

#[derive(Debug, thiserror::Error)]
pub enum CaptureError {
    /// Chromium could not be started; the message (`capture-chromium-*`,
    /// `capture-no-profile`) says what to install or set.
    #[error("{}", .0.render(Language::En))]
    Launch(Message),
    /// Chromium died or stopped answering; launch a new browser.
    /// Why, as a message of the catalogue (`chromium-*`).
    #[error("Chromium stopped unexpectedly ({}); start the capture again", .0.render(Language::En))]
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
    #[error("{}", .0.render(Language::En))]
    BadAddress(Message),
    /// A fault in the capture engine or an unexpected answer from Chromium:
    /// what failed, and the library's or Chromium's own words as `detail`.
    #[error("{}", fault_text(*.what, .detail))]
    Internal { what: CaptureFault, detail: String },
}

impl CaptureError {
    /// The sentence as a key of the message catalogue, for a page that
    /// failed with it (its English rendering is this error's `Display`).
    pub fn message(&self) -> Message {
        match self {
            CaptureError::Launch(m) => m.clone(),
            CaptureError::BrowserGone(why) => Message::CaptureBrowserStopped {
                why: Box::new(why.clone()),
            },
            CaptureError::Cancelled => Message::CaptureCancelled {},
            CaptureError::Io { path, source } => Message::CaptureIo {
                path: path.display().to_string(),
                detail: source.to_string(),
            },
            CaptureError::Internal { what, detail } => Message::CaptureFaultOf {
                what: *what,
                detail: detail.clone(),
            },
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
            CdpError::Remote { .. } => CaptureError::internal(CaptureFault::ChromiumAnswer, e),
        }
    }
}

impl CaptureError {
    /// `CaptureError::Internal`: `what` failed, `detail` the library's words.
    pub(crate) fn internal(what: CaptureFault, detail: impl std::fmt::Display) -> CaptureError {
        CaptureError::Internal {
            what,
            detail: detail.to_string(),
        }
    }
}

/// Why Chromium did not answer, as a message of the catalogue (`chromium-*`).
pub(crate) fn cdp_message(e: &CdpError) -> Message {
    match e {
        CdpError::Gone => Message::ChromiumPipeClosed {},
        CdpError::Timeout { method, secs } => Message::ChromiumNoAnswer {
            method: method.clone(),
            secs: *secs,
        },
        CdpError::Remote { method, message } => Message::ChromiumRefused {
            method: method.clone(),
            detail: message.clone(),
        },
    }
}

fn fault_text(what: CaptureFault, detail: &str) -> String {
    Message::CaptureFaultOf {
        what,
        detail: detail.to_string(),
    }
    .render(Language::En)
}

/// `CaptureError::Io` for `path`.
pub(crate) fn io_err(path: &Path, source: std::io::Error) -> CaptureError {
    CaptureError::Io {
        path: path.to_path_buf(),
        source,
    }
}
