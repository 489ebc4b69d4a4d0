//! How a page's capture ends early: a failure of the page (a sentence for
//! the record, in English and Swedish) or of the capture itself.

use crate::cdp::CdpError;
use crate::CaptureError;

/// Why a page failed (not the browser), for a person: in English
/// (`PageRecord.error`) and Swedish (`error_sv`).
pub(super) struct PageFailure(pub String, pub String);

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

/// (English, Swedish) of a navigation error.
pub(super) fn net_error_sentence(err: &str, url: &str) -> (String, String) {
    let e = err.trim_start_matches("net::");
    let (what, what_sv) = match e {
        "ERR_NAME_NOT_RESOLVED" | "ERR_NAME_RESOLUTION_FAILED" => (
            "the host name could not be found (DNS). Check the address for typing errors",
            "värdnamnet hittades inte (DNS). Kontrollera att adressen är rätt skriven",
        ),
        "ERR_CONNECTION_REFUSED"
        | "ERR_ADDRESS_UNREACHABLE"
        | "ERR_CONNECTION_TIMED_OUT"
        | "ERR_INTERNET_DISCONNECTED"
        | "ERR_CONNECTION_RESET"
        | "ERR_CONNECTION_CLOSED"
        | "ERR_EMPTY_RESPONSE"
        | "ERR_NETWORK_UNREACHABLE" => (
            "the server could not be reached. Check the network connection and try again later",
            "servern gick inte att nå. Kontrollera nätverksanslutningen och försök igen senare",
        ),
        "ERR_TOO_MANY_REDIRECTS" => (
            "the site redirects in a loop and never shows a page",
            "webbplatsen skickar vidare i en slinga och visar aldrig någon sida",
        ),
        "ERR_BLOCKED_BY_CLIENT" | "ERR_BLOCKED_BY_RESPONSE" => (
            "the site refused to show the page",
            "webbplatsen vägrade visa sidan",
        ),
        e if e.starts_with("ERR_CERT") || e.starts_with("ERR_SSL") || e.contains("CERTIFICATE") => {
            (
                "the site's TLS certificate could not be verified, so the page is not captured \
             (an unverifiable page cannot be proven authentic)",
                "webbplatsens TLS-certifikat kunde inte verifieras, så sidan fångas inte \
             (en sida som inte kan verifieras kan inte visas vara äkta)",
            )
        }
        _ => (
            "Chromium could not open the page",
            "Chromium kunde inte öppna sidan",
        ),
    };
    (
        format!("Could not capture {url}: {what} ({e})."),
        format!("Sidan {url} kunde inte fångas: {what_sv} ({e})."),
    )
}

/// (English, Swedish) of an HTTP error answer.
pub(super) fn http_status_sentence(status: u16, text: &str, url: &str) -> (String, String) {
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
    let (what, what_sv) = if status < 500 {
        (
            "check that the address is right and the page still exists",
            "kontrollera att adressen är rätt och att sidan finns kvar",
        )
    } else {
        (
            "the site had a fault; try again later",
            "webbplatsen hade ett fel. Försök igen senare",
        )
    };
    (
        format!("Could not capture {url}: the server answered HTTP {status} ({reason}); {what}."),
        format!(
            "Sidan {url} kunde inte fångas: servern svarade HTTP {status} ({reason}); {what_sv}."
        ),
    )
}

/// (English, Swedish) of a page that went on to `to` during its capture.
pub(super) fn navigated_sentence(url: &str, to: &str) -> (String, String) {
    (
        format!(
            "Could not capture {url}: while it was being captured the page went on to another address ({to}) \
             by itself (a script, a meta refresh or a link), so the snapshot would have shown another page. \
             Capture {to} instead if that is the page to archive, or try again."
        ),
        format!(
            "Sidan {url} kunde inte fångas: medan den fångades gick sidan själv vidare till en annan adress ({to}) \
             (ett skript, en meta refresh eller en länk), så ögonblicksbilden hade visat en annan sida. \
             Fånga {to} i stället om det är den sidan som ska arkiveras, eller försök igen."
        ),
    )
}

/// (English, Swedish) of an address that answered with a file to download.
pub(super) fn download_sentence(url: &str, name: &str) -> (String, String) {
    let name = if name.is_empty() {
        String::new()
    } else {
        format!(" (\"{name}\")")
    };
    (
        format!(
            "Could not capture {url}: the address answered with a file to download{name}, not a page. \
             The download was refused and nothing was saved on this computer; check the address."
        ),
        format!(
            "Sidan {url} kunde inte fångas: adressen svarade med en fil att ladda ner{name}, inte en sida. \
             Nedladdningen stoppades och inget sparades på datorn. Kontrollera adressen."
        ),
    )
}
