//! Trusted timestamps (RFC 3161) of snapshots, verifiable offline.
//!
//! - [`manifest`]: `manifest-sha256.txt`, every file of a snapshot in
//!   `sha256sum` format (so `sha256sum -c` checks it), and the names of the
//!   tokens beside it (`manifest-sha256.txt.1.tsr`, …) and of the pending mark.
//! - [`request`]: asks a time-stamping authority over HTTP(S) for a token over
//!   a SHA-256 ([`request::request_token`]); the reply is checked (status,
//!   imprint, nonce) before its token is returned.
//! - [`verify`]: checks a token offline ([`verify::verify_token`]): the CMS
//!   signature over the signed attributes as they were sent (their original
//!   bytes, whatever their order), the signer's certificate chain to the
//!   configured roots at the time of stamping (the reply's certificates in any
//!   order), the critical timeStamping extended key usage, and that the
//!   imprint is the expected SHA-256.
//! - [`why`]: what a user is told of a refused token or a failed request:
//!   a `reason` the catalogue selects by and a `detail` of technical data
//!   only; the typed inner causes.
//!
//! The DER is read by our own small reader ([`der`]): the `cms` crate decodes
//! a certificate set only when it is DER-sorted, which real authorities'
//! replies sometimes are not, and re-encoding the signed attributes would
//! change the bytes that were signed.

mod cert;
pub mod der;
mod ess;
pub mod manifest;
pub mod oid;
mod pss;
pub mod request;
pub mod verify;
pub mod why;

pub use manifest::{
    parse_manifest, render_manifest, token_file_name, ManifestLine, MANIFEST_FILE, PENDING_FILE,
};
pub use request::{request_token, RequestError};
pub use verify::{
    load_ca_pem, token_certificates, verify_token, TokenInfo, TrustedRoots, VerifyError,
};
pub use why::{CaError, EssWhy, Unreached, Validity};
