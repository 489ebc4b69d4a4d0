//! How a page's capture ends early: a failure of the page (a message of the
//! catalogue for the record) or of the capture itself.

use ogonblick_model::messages::NetCause;
use ogonblick_model::Message;

use crate::cdp::CdpError;
use crate::CaptureError;

/// Why a page failed (not the browser), for a person (`PageRecord.message`).
pub(super) struct PageFailure(pub Message);

pub(super) enum Flow {
    Page(PageFailure),
    Fatal(CaptureError),
}

impl From<CaptureError> for Flow {
    fn from(e: CaptureError) -> Self {
        Flow::Fatal(e)
    }
}
impl From<CdpError> for Flow {
    fn from(e: CdpError) -> Self {
        Flow::Fatal(e.into())
    }
}

/// A navigation error (`net::ERR_…`).
pub(super) fn net_error_sentence(err: &str, url: &str) -> Message {
    Message::PageNetError {
        url: url.to_string(),
        cause: NetCause::of(err),
        code: err.trim_start_matches("net::").to_string(),
    }
}

/// An HTTP error answer.
pub(super) fn http_status_sentence(status: u16, text: &str, url: &str) -> Message {
    let reason = match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ if !text.is_empty() => text,
        _ => "error",
    };
    Message::PageHttpStatus {
        url: url.to_string(),
        status,
        reason: reason.to_string(),
        server_fault: status >= 500,
    }
}

/// A page that went on to `to` during its capture.
pub(super) fn navigated_sentence(url: &str, to: &str) -> Message {
    Message::PageNavigated {
        url: url.to_string(),
        to: to.to_string(),
    }
}

/// An address that answered with a file to download.
pub(super) fn download_sentence(url: &str, name: &str) -> Message {
    if name.is_empty() {
        Message::PageDownloadUnnamed {
            url: url.to_string(),
        }
    } else {
        Message::PageDownload {
            url: url.to_string(),
            name: name.to_string(),
        }
    }
}
