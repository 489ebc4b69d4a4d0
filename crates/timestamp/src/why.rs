//! What a user is told of a refused token or a failed request: a `reason`
//! (a name the catalogue selects its sentence by, `timestamp-failed-why`,
//! `timestamp-token-refused`, `verify-token-refused`) and a `detail` of
//! technical data only (a status number, an OID, a date, a certificate
//! subject, a SHA-256, the operating system's own error text), empty when the
//! reason says it all. The errors' `Display` is English for logs and never
//! reaches a user. The typed inner causes live here too.

use chrono::{DateTime, Utc};

use crate::request::RequestError;
use crate::verify::VerifyError;

/// When the signer's (or a chain's) certificate was valid, if not at the
/// time of stamping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    /// It had expired: valid until this instant (notAfter).
    Expired(DateTime<Utc>),
    /// It was not valid yet: valid from this instant (notBefore).
    NotYet(DateTime<Utc>),
}

/// Why the ESS signing-certificate attribute does not name the signer's
/// certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EssWhy {
    /// The token has no signingCertificate(V2) attribute.
    Missing,
    /// The attribute holds more than one value.
    Values,
    /// The attribute names no certificate.
    NoCertificate,
    /// Its certHash (by this hash) is not the signer certificate's.
    Hash(&'static str),
    /// Its issuerSerial is not the signer certificate's.
    IssuerSerial,
}

/// Why the network gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreached {
    /// The operating system's own text of the failed connection.
    Io(String),
    /// The authority's host name is not known (DNS).
    HostNotFound,
    /// The TLS connection failed (the library's text, for logs).
    Tls(String),
    /// Anything else (the library's text, for logs).
    Other(String),
}

impl std::fmt::Display for Unreached {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreached::Io(t) | Unreached::Tls(t) | Unreached::Other(t) => f.write_str(t),
            Unreached::HostNotFound => f.write_str("host not found"),
        }
    }
}

/// Why a file of root certificates cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CaError {
    #[error("the PEM cannot be read")]
    Pem,
    #[error("a certificate in the file cannot be used as a root")]
    NotCertificate,
    #[error("no certificate in the file")]
    Empty,
}

impl CaError {
    /// The catalogue's name of the cause (`reason` of `timestamp-ca-refused`
    /// and `verify-tsa-root-refused`).
    pub fn reason(&self) -> &'static str {
        match self {
            CaError::Pem => "pem",
            CaError::NotCertificate => "not-certificate",
            CaError::Empty => "empty",
        }
    }
}

fn date(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

impl VerifyError {
    /// The catalogue's name of the cause (`reason` of `timestamp-failed-why`,
    /// `timestamp-token-refused` and `verify-token-refused`).
    pub fn reason(&self) -> &'static str {
        match self {
            VerifyError::Malformed(_) => "malformed",
            VerifyError::NotGranted(_) => "not-granted",
            VerifyError::ImprintMismatch { .. } => "imprint",
            VerifyError::Unsupported(_) => "unsupported",
            VerifyError::AttributesMismatch(_) => "attributes",
            VerifyError::BadSignature => "signature",
            VerifyError::SignerMissing => "signer-missing",
            VerifyError::Untrusted(_) => "untrusted",
            VerifyError::BadRoot(_) => "bad-root",
            VerifyError::NotValidAtTime(Validity::Expired(_)) => "expired",
            VerifyError::NotValidAtTime(Validity::NotYet(_)) => "not-yet-valid",
            VerifyError::WrongUsage => "usage",
            VerifyError::NoRoots => "no-roots",
            VerifyError::SigningCertificate(EssWhy::Missing) => "signing-cert-missing",
            VerifyError::SigningCertificate(_) => "signing-cert",
        }
    }

    /// The technical data of the cause (see the module's text); empty for
    /// the reasons whose sentence has none.
    pub fn detail(&self) -> String {
        match self {
            VerifyError::NotGranted(status) => status.to_string(),
            VerifyError::ImprintMismatch { found, .. } => found.clone(),
            VerifyError::Unsupported(what) => what.clone(),
            VerifyError::AttributesMismatch(attr) => (*attr).to_string(),
            VerifyError::Untrusted(subject) => subject.clone(),
            VerifyError::NotValidAtTime(Validity::Expired(t) | Validity::NotYet(t)) => date(t),
            VerifyError::SigningCertificate(why) => match why {
                EssWhy::Missing => "signingCertificate",
                EssWhy::Values => "SigningCertificate",
                EssWhy::NoCertificate => "ESSCertID",
                EssWhy::Hash(alg) => return format!("certHash {alg}"),
                EssWhy::IssuerSerial => "issuerSerial",
            }
            .to_string(),
            VerifyError::Malformed(_)
            | VerifyError::BadSignature
            | VerifyError::SignerMissing
            | VerifyError::BadRoot(_)
            | VerifyError::WrongUsage
            | VerifyError::NoRoots => String::new(),
        }
    }
}

impl RequestError {
    /// The catalogue's name of the cause (`reason` of `timestamp-failed-why`).
    pub fn reason(&self) -> &'static str {
        match self {
            RequestError::BadUrl(_) => "url",
            RequestError::Unreachable(Unreached::Io(_)) => "unreachable",
            RequestError::Unreachable(Unreached::HostNotFound) => "host-not-found",
            RequestError::Unreachable(Unreached::Tls(_)) => "tls",
            RequestError::Unreachable(Unreached::Other(_)) => "no-connection",
            RequestError::NoRandom => "no-random",
            RequestError::HttpStatus(_) => "http",
            RequestError::Refused(e) => e.reason(),
            RequestError::NonceMismatch => "nonce",
            RequestError::Timeout(_) => "timeout",
        }
    }

    /// The technical data of the cause; empty for the reasons whose sentence
    /// has none.
    pub fn detail(&self) -> String {
        match self {
            RequestError::Unreachable(Unreached::Io(os)) => os.clone(),
            RequestError::HttpStatus(status) => status.to_string(),
            RequestError::Timeout(seconds) => seconds.to_string(),
            RequestError::Refused(e) => e.detail(),
            RequestError::BadUrl(_)
            | RequestError::Unreachable(_)
            | RequestError::NoRandom
            | RequestError::NonceMismatch => String::new(),
        }
    }
}
