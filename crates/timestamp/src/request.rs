//! Asking a time-stamping authority for a token (RFC 3161 over HTTP, section
//! 3.4): POST `application/timestamp-query`, answer
//! `application/timestamp-reply`. Plain `http://` (a local authority) and
//! `https://` (rustls with the Mozilla roots) both work.

use std::io::Read;
use std::time::Duration;

use ring::rand::{SecureRandom, SystemRandom};

use crate::der::{encode, BOOLEAN, INTEGER, OCTET_STRING, OID, SEQUENCE};
use crate::oid;
use crate::verify::{verify_token, TokenInfo, TrustedRoots, VerifyError};
use crate::why::Unreached;

/// The largest reply read (a token with a chain is a few kB).
const MAX_REPLY: u64 = 1024 * 1024;

/// Why an authority gave no token we keep. Typed, so callers name each case;
/// a user sees [`RequestError::reason`] and [`RequestError::detail`]
/// (`why.rs`), never this `Display`, which is for logs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error("the address {0} is not an http:// or https:// address")]
    BadUrl(String),
    #[error("the authority could not be reached ({0})")]
    Unreachable(Unreached),
    #[error("no random source for the request's nonce")]
    NoRandom,
    #[error("the authority answered HTTP status {0}")]
    HttpStatus(u16),
    #[error("the authority's reply was refused: {0}")]
    Refused(VerifyError),
    #[error("the authority's reply does not answer our request (its nonce differs)")]
    NonceMismatch,
    #[error("the authority did not answer within {0} s")]
    Timeout(u64),
}

/// The DER of a TimeStampReq for a SHA-256, with a nonce, asking for the
/// signer's certificate.
pub fn build_request(sha256: &[u8; 32], nonce: &[u8]) -> Vec<u8> {
    let mut alg = encode(OID, oid::SHA256);
    alg.extend_from_slice(&[0x05, 0x00]);
    let mut imprint = encode(SEQUENCE, &alg);
    imprint.extend(encode(OCTET_STRING, sha256));
    let mut body = encode(INTEGER, &[1]);
    body.extend(encode(SEQUENCE, &imprint));
    body.extend(encode(INTEGER, nonce));
    body.extend(encode(BOOLEAN, &[0xff]));
    encode(SEQUENCE, &body)
}

fn new_nonce() -> Result<Vec<u8>, RequestError> {
    let mut n = [0u8; 8];
    SystemRandom::new()
        .fill(&mut n)
        .map_err(|_| RequestError::NoRandom)?;
    // Positive and minimally encoded: the first byte is 0x01..=0x7f.
    n[0] = (n[0] & 0x7f) | 0x01;
    Ok(n.to_vec())
}

/// Asks the authority at `url` for a token over `sha256`, and keeps its reply
/// only if it verifies against `roots` for that hash and our nonce. Returns
/// the reply's bytes (what is stored as `.tsr`) and what the token says.
pub fn request_token(
    url: &str,
    sha256: &[u8; 32],
    roots: &TrustedRoots,
    timeout: Duration,
) -> Result<(Vec<u8>, TokenInfo), RequestError> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(RequestError::BadUrl(url.to_string()));
    }
    let nonce = new_nonce()?;
    let body = build_request(sha256, &nonce);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .build()
        .into();
    let mut resp = agent
        .post(url)
        .header("Content-Type", "application/timestamp-query")
        .send(&body[..])
        .map_err(|e| failed(e, timeout))?;
    let status = resp.status().as_u16();
    if status != 200 {
        return Err(RequestError::HttpStatus(status));
    }
    let mut reply = Vec::new();
    resp.body_mut()
        .as_reader()
        .take(MAX_REPLY)
        .read_to_end(&mut reply)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::TimedOut => RequestError::Timeout(timeout.as_secs()),
            _ => RequestError::Unreachable(Unreached::Io(e.to_string())),
        })?;
    let info = verify_token(&reply, sha256, roots).map_err(RequestError::Refused)?;
    if info.nonce.as_deref() != Some(&nonce[..]) {
        return Err(RequestError::NonceMismatch);
    }
    Ok((reply, info))
}

/// A failed request: the timeout as such, anything else unreachable.
fn failed(e: ureq::Error, timeout: Duration) -> RequestError {
    match e {
        ureq::Error::Timeout(_) => RequestError::Timeout(timeout.as_secs()),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            RequestError::Timeout(timeout.as_secs())
        }
        ureq::Error::Io(io) => RequestError::Unreachable(Unreached::Io(io.to_string())),
        ureq::Error::HostNotFound => RequestError::Unreachable(Unreached::HostNotFound),
        e @ (ureq::Error::Tls(_)
        | ureq::Error::Rustls(_)
        | ureq::Error::Pem(_)
        | ureq::Error::TlsRequired) => RequestError::Unreachable(Unreached::Tls(e.to_string())),
        e => RequestError::Unreachable(Unreached::Other(e.to_string())),
    }
}
