//! Offline verification of an RFC 3161 token (or a whole reply, as stored in
//! `manifest-sha256.txt.<n>.tsr`).
//!
//! Checks, in order: the reply's status; the token is CMS SignedData over a
//! TSTInfo with exactly one signer; the imprint is SHA-256 of what we expect;
//! the signed attributes' content type and message digest (of the TSTInfo);
//! the signature over the signed attributes as they were encoded in the token
//! (their `[0]` tag turned into SET, nothing re-encoded); the signer's
//! certificate is found among the token's certificates in whatever order they
//! come; its chain to one of the trusted roots holds at the time of stamping
//! (validity of every certificate then, signatures); and the signer carries
//! the extended key usage timeStamping, critical and alone (RFC 3161 2.3).
//! The ESS signing-certificate attribute must name the signer's certificate
//! (`ess.rs`), checked after the signature and before the usage. Signatures:
//! RSA PKCS#1 v1.5, RSASSA-PSS (`pss.rs`), ECDSA.

use chrono::{DateTime, NaiveDateTime, Utc};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, SignatureVerificationAlgorithm, UnixTime};
use sha2::{Digest, Sha256, Sha384, Sha512};
use webpki::{anchor_from_trusted_cert, EndEntityCert, KeyUsage};

use crate::cert::{extension, find_signer, name_text, tbs};
use crate::der::{self, children, read_one, DerError, Tlv};
use crate::oid;
use crate::why::{CaError, EssWhy, Validity};

/// Why a token does not verify. Typed, so callers name each case; a user
/// sees [`VerifyError::reason`] (a select of the catalogue) and
/// [`VerifyError::detail`] (technical data only), never this `Display`,
/// which is for logs (`why.rs`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    /// The DER's own complaint, for logs only.
    #[error("the token is not a readable RFC 3161 timestamp ({0})")]
    Malformed(String),
    #[error("the authority did not grant the timestamp (status {0})")]
    NotGranted(u32),
    #[error("the token stamps SHA-256 {found}, not {expected}")]
    ImprintMismatch { expected: String, found: String },
    /// The algorithm's OID, or the ASN.1 field and value that cannot be checked.
    #[error("the token uses an algorithm this version cannot check ({0})")]
    Unsupported(String),
    /// The signed attribute that does not match (its ASN.1 name).
    #[error("the token's signed attributes do not match its content ({0})")]
    AttributesMismatch(&'static str),
    #[error("the token's signature does not verify with its signer's certificate")]
    BadSignature,
    #[error("the token does not carry its signer's certificate")]
    SignerMissing,
    #[error("the signer's certificate was not valid at the time of stamping ({0:?})")]
    NotValidAtTime(Validity),
    #[error("the signer's certificate is not for time-stamping (it needs the critical extended key usage timeStamping and no other)")]
    WrongUsage,
    /// The signer certificate's subject (CN, else O, else its SHA-256).
    #[error("the signer's certificate ({0}) does not chain to a trusted root")]
    Untrusted(String),
    /// A configured root that webpki refuses as a trust anchor (its reason, for logs).
    #[error("a configured root certificate is unusable ({0})")]
    BadRoot(String),
    #[error("no trusted root certificate is configured")]
    NoRoots,
    #[error("the signer's certificate is not the one the token's ESS signing-certificate attribute names ({0:?})")]
    SigningCertificate(EssWhy),
}

impl From<DerError> for VerifyError {
    fn from(e: DerError) -> Self {
        VerifyError::Malformed(e.to_string())
    }
}

/// What a verified token says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    /// When the authority stamped it (TSTInfo genTime, UTC).
    pub time: DateTime<Utc>,
    /// The authority's serial number of the token, hex.
    pub serial: String,
    /// The authority's policy, dotted.
    pub policy: String,
    /// The signer certificate's subject (CN, else O).
    pub signer: String,
    /// The stamped SHA-256, hex.
    pub imprint: String,
    /// The request's nonce as the authority returned it, if any.
    pub nonce: Option<Vec<u8>>,
}

/// The trusted root certificates (DER).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedRoots(pub Vec<Vec<u8>>);

/// Reads every `CERTIFICATE` of a PEM text (DER certificates in a file are
/// taken as one certificate).
pub fn load_ca_pem(bytes: &[u8]) -> Result<Vec<Vec<u8>>, CaError> {
    let mut out = Vec::new();
    for c in CertificateDer::pem_slice_iter(bytes) {
        let c = c.map_err(|_| CaError::Pem)?;
        out.push(c.as_ref().to_vec());
    }
    if out.is_empty() && bytes.first() == Some(&der::SEQUENCE) {
        read_one(bytes).map_err(|_| CaError::NotCertificate)?;
        out.push(bytes.to_vec());
    }
    for c in &out {
        anchor_from_trusted_cert(&CertificateDer::from(c.as_slice()))
            .map_err(|_| CaError::NotCertificate)?;
    }
    if out.is_empty() {
        return Err(CaError::Empty);
    }
    Ok(out)
}

struct Parsed<'a> {
    tst_der: &'a [u8],
    certs: Vec<Tlv<'a>>,
    signer: SignerInfo<'a>,
}

struct SignerInfo<'a> {
    sid: Tlv<'a>,
    digest_oid: &'a [u8],
    signed_attrs: Tlv<'a>,
    sig_oid: &'a [u8],
    /// The whole signatureAlgorithm (PSS carries parameters).
    sig_alg: Tlv<'a>,
    signature: &'a [u8],
}

/// The token (ContentInfo) inside a reply, or the bytes themselves when they
/// are a token already.
fn token_of(bytes: &[u8]) -> Result<&[u8], VerifyError> {
    let top = read_one(bytes)?;
    let kids = top.expect(der::SEQUENCE, "a reply or token is a SEQUENCE")?;
    match kids.first() {
        Some(t) if t.tag == der::OID => Ok(bytes),
        Some(status) if status.tag == der::SEQUENCE => {
            let s = status.expect(der::SEQUENCE, "status")?;
            let code = s
                .first()
                .filter(|t| t.tag == der::INTEGER)
                .ok_or(DerError("status"))?;
            let v = int_u32(code.body);
            if v > 1 {
                return Err(VerifyError::NotGranted(v));
            }
            Ok(kids
                .get(1)
                .ok_or(DerError("a granted reply without its token"))?
                .raw)
        }
        _ => Err(VerifyError::Malformed("neither a reply nor a token".into())),
    }
}

/// A webpki time as a UTC date.
fn utc(t: UnixTime) -> DateTime<Utc> {
    DateTime::from_timestamp(t.as_secs() as i64, 0).unwrap_or_default()
}

fn int_u32(body: &[u8]) -> u32 {
    body.iter()
        .fold(0u32, |a, &b| a.saturating_mul(256).saturating_add(b as u32))
}

fn parse(token: &[u8]) -> Result<Parsed<'_>, VerifyError> {
    let ci = read_one(token)?.expect(der::SEQUENCE, "ContentInfo")?;
    if ci.len() != 2 || ci[0].tag != der::OID || ci[0].body != oid::SIGNED_DATA {
        return Err(VerifyError::Malformed(
            "the token is not CMS SignedData".into(),
        ));
    }
    let sd_outer = ci[1].expect(0xa0, "SignedData [0]")?;
    let sd = sd_outer
        .first()
        .ok_or(DerError("SignedData"))?
        .expect(der::SEQUENCE, "SignedData")?;
    if sd.len() < 4 {
        return Err(DerError("SignedData too short").into());
    }
    let encap = sd[2].expect(der::SEQUENCE, "encapContentInfo")?;
    if encap.first().map(|t| (t.tag, t.body)) != Some((der::OID, oid::TST_INFO)) {
        return Err(VerifyError::Malformed(
            "the signed content is not a TSTInfo".into(),
        ));
    }
    let econtent = encap
        .get(1)
        .ok_or(DerError("no signed content"))?
        .expect(0xa0, "eContent [0]")?;
    let octets = econtent.first().ok_or(DerError("eContent"))?;
    if octets.tag != der::OCTET_STRING {
        return Err(DerError("eContent is an OCTET STRING").into());
    }
    let mut certs = Vec::new();
    for t in &sd[3..sd.len() - 1] {
        if t.tag == 0xa0 {
            certs.extend(
                children(t.body)?
                    .into_iter()
                    .filter(|c| c.tag == der::SEQUENCE),
            );
        }
    }
    let infos = sd[sd.len() - 1].expect(der::SET, "signerInfos")?;
    if infos.len() != 1 {
        return Err(VerifyError::Malformed(format!(
            "a timestamp has exactly one signer, this one {}",
            infos.len()
        )));
    }
    let si = infos[0].expect(der::SEQUENCE, "SignerInfo")?;
    if si.len() < 6 {
        return Err(DerError("SignerInfo too short").into());
    }
    let digest_oid = alg_oid(&si[2])?;
    if si[3].tag != 0xa0 {
        return Err(VerifyError::AttributesMismatch("no signed attributes"));
    }
    let signature = &si[5];
    if signature.tag != der::OCTET_STRING {
        return Err(DerError("signature").into());
    }
    Ok(Parsed {
        tst_der: octets.body,
        certs,
        signer: SignerInfo {
            sid: si[1],
            digest_oid,
            signed_attrs: si[3],
            sig_oid: alg_oid(&si[4])?,
            sig_alg: si[4],
            signature: signature.body,
        },
    })
}

pub(crate) fn alg_oid<'a>(t: &Tlv<'a>) -> Result<&'a [u8], VerifyError> {
    let k = t.expect(der::SEQUENCE, "AlgorithmIdentifier")?;
    match k.first() {
        Some(o) if o.tag == der::OID => Ok(o.body),
        _ => Err(DerError("AlgorithmIdentifier").into()),
    }
}

pub(crate) fn digest(alg: &[u8], data: &[u8]) -> Result<Vec<u8>, VerifyError> {
    Ok(match alg {
        oid::SHA256 => Sha256::digest(data).to_vec(),
        oid::SHA384 => Sha384::digest(data).to_vec(),
        oid::SHA512 => Sha512::digest(data).to_vec(),
        other => return Err(VerifyError::Unsupported(oid::dotted(other))),
    })
}

/// The certificates a token carries, in the order they come (DER each).
pub fn token_certificates(bytes: &[u8]) -> Result<Vec<Vec<u8>>, VerifyError> {
    let p = parse(token_of(bytes)?)?;
    Ok(p.certs.iter().map(|c| c.raw.to_vec()).collect())
}

fn parse_time(body: &[u8]) -> Result<DateTime<Utc>, VerifyError> {
    let s = std::str::from_utf8(body).map_err(|_| DerError("genTime"))?;
    let s = s.strip_suffix('Z').ok_or(DerError("genTime is not UTC"))?;
    let (main, frac) = s.split_once('.').unwrap_or((s, ""));
    let t = NaiveDateTime::parse_from_str(main, "%Y%m%d%H%M%S").map_err(|_| DerError("genTime"))?;
    let mut t = t.and_utc();
    if !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit()) {
        let digits = &frac[..frac.len().min(9)];
        let nanos: i64 = digits.parse::<i64>().unwrap_or(0) * 10i64.pow(9 - digits.len() as u32);
        t += chrono::Duration::nanoseconds(nanos);
    }
    Ok(t)
}

fn signature_algs(
    sig_oid: &[u8],
    sig_alg: &Tlv<'_>,
    digest_oid: &[u8],
) -> Result<Vec<&'static dyn SignatureVerificationAlgorithm>, VerifyError> {
    use webpki::ring as r;
    let rsa = |d: &[u8]| -> Result<Vec<&'static dyn SignatureVerificationAlgorithm>, VerifyError> {
        Ok(match d {
            oid::SHA256 => vec![r::RSA_PKCS1_2048_8192_SHA256],
            oid::SHA384 => vec![r::RSA_PKCS1_2048_8192_SHA384],
            oid::SHA512 => vec![r::RSA_PKCS1_2048_8192_SHA512],
            other => return Err(VerifyError::Unsupported(oid::dotted(other))),
        })
    };
    match sig_oid {
        oid::RSA_ENCRYPTION => rsa(digest_oid),
        oid::SHA256_WITH_RSA => rsa(oid::SHA256),
        oid::SHA384_WITH_RSA => rsa(oid::SHA384),
        oid::SHA512_WITH_RSA => rsa(oid::SHA512),
        crate::pss::RSASSA_PSS => Ok(vec![crate::pss::algorithm(sig_alg)?]),
        oid::ECDSA_SHA256 => Ok(vec![r::ECDSA_P256_SHA256, r::ECDSA_P384_SHA256]),
        oid::ECDSA_SHA384 => Ok(vec![r::ECDSA_P256_SHA384, r::ECDSA_P384_SHA384]),
        oid::EC_PUBLIC_KEY => match digest_oid {
            oid::SHA256 => Ok(vec![r::ECDSA_P256_SHA256, r::ECDSA_P384_SHA256]),
            oid::SHA384 => Ok(vec![r::ECDSA_P256_SHA384, r::ECDSA_P384_SHA384]),
            other => Err(VerifyError::Unsupported(oid::dotted(other))),
        },
        other => Err(VerifyError::Unsupported(oid::dotted(other))),
    }
}

/// Verifies a stored reply (or token) offline: that it stamps `expected`
/// (a SHA-256), is signed by a certificate that chains to `roots` and was
/// valid then, and is for time-stamping. See the module's text.
pub fn verify_token(
    bytes: &[u8],
    expected: &[u8; 32],
    roots: &TrustedRoots,
) -> Result<TokenInfo, VerifyError> {
    let p = parse(token_of(bytes)?)?;

    // TSTInfo: version, policy, messageImprint, serialNumber, genTime, ...
    let tst = read_one(p.tst_der)?.expect(der::SEQUENCE, "TSTInfo")?;
    if tst.len() < 5 {
        return Err(DerError("TSTInfo too short").into());
    }
    let policy = oid::dotted(tst[1].body);
    let imprint = tst[2].expect(der::SEQUENCE, "MessageImprint")?;
    if imprint.len() != 2 || imprint[1].tag != der::OCTET_STRING {
        return Err(DerError("MessageImprint").into());
    }
    let imprint_alg = alg_oid(&imprint[0])?;
    let found = hex::encode(imprint[1].body);
    if imprint_alg != oid::SHA256 || imprint[1].body != expected {
        return Err(VerifyError::ImprintMismatch {
            expected: hex::encode(expected),
            found: if imprint_alg == oid::SHA256 {
                found
            } else {
                format!("{found} ({})", oid::dotted(imprint_alg))
            },
        });
    }
    if tst[4].tag != der::GENERALIZED_TIME {
        return Err(DerError("genTime").into());
    }
    let time = parse_time(tst[4].body)?;
    let nonce = tst[5..]
        .iter()
        .find(|t| t.tag == der::INTEGER)
        .map(|t| t.body.to_vec());

    // Signed attributes: content type and the TSTInfo's digest.
    let attrs = children(p.signer.signed_attrs.body)?;
    let mut content_type_ok = false;
    let mut digest_ok = false;
    for a in &attrs {
        let k = a.expect(der::SEQUENCE, "Attribute")?;
        if k.len() != 2 {
            return Err(DerError("Attribute").into());
        }
        let values = k[1].expect(der::SET, "Attribute values")?;
        if k[0].body == oid::CONTENT_TYPE {
            content_type_ok = values.len() == 1 && values[0].body == oid::TST_INFO;
        } else if k[0].body == oid::MESSAGE_DIGEST {
            let d = digest(p.signer.digest_oid, p.tst_der)?;
            digest_ok = values.len() == 1 && values[0].body == d.as_slice();
        }
    }
    if !content_type_ok {
        return Err(VerifyError::AttributesMismatch("content type"));
    }
    if !digest_ok {
        return Err(VerifyError::AttributesMismatch("message digest"));
    }

    // The signer among the certificates, in whatever order they come.
    let n = find_signer(&p.signer.sid, &p.certs)?;
    let leaf_der = CertificateDer::from(p.certs[n].raw);
    let leaf = EndEntityCert::try_from(&leaf_der)
        .map_err(|e| VerifyError::Malformed(format!("signer certificate: {e}")))?;

    // The signature over the signed attributes as encoded in the token.
    let mut signed = p.signer.signed_attrs.raw.to_vec();
    signed[0] = der::SET;
    let algs = signature_algs(p.signer.sig_oid, &p.signer.sig_alg, p.signer.digest_oid)?;
    if !algs.iter().any(|a| {
        leaf.verify_signature(*a, &signed, p.signer.signature)
            .is_ok()
    }) {
        return Err(VerifyError::BadSignature);
    }

    // The certificate itself is the one signed for (ESS, `ess.rs`).
    let fields = tbs(&p.certs[n])?;
    crate::ess::check_signing_certificate(&attrs, p.certs[n].raw, fields.issuer, fields.serial)?;

    // Usage: extended key usage timeStamping, critical, and nothing else.
    match extension(&fields, oid::EXT_KEY_USAGE)? {
        Some((true, v)) => {
            let purposes = read_one(v)?.expect(der::SEQUENCE, "ExtKeyUsage")?;
            if purposes.len() != 1 || purposes[0].body != oid::KP_TIME_STAMPING {
                return Err(VerifyError::WrongUsage);
            }
        }
        _ => return Err(VerifyError::WrongUsage),
    }

    // The chain to a trusted root, at the time of stamping.
    if roots.0.is_empty() {
        return Err(VerifyError::NoRoots);
    }
    let root_ders: Vec<CertificateDer<'_>> = roots
        .0
        .iter()
        .map(|r| CertificateDer::from(r.as_slice()))
        .collect();
    let anchors = root_ders
        .iter()
        .map(|r| anchor_from_trusted_cert(r).map(|a| a.to_owned()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| VerifyError::BadRoot(format!("{e:?}")))?;
    let intermediates: Vec<CertificateDer<'_>> = p
        .certs
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != n)
        .map(|(_, c)| CertificateDer::from(c.raw))
        .collect();
    let at = UnixTime::since_unix_epoch(std::time::Duration::from_secs(
        time.timestamp().max(0) as u64
    ));
    leaf.verify_for_usage(
        webpki::ALL_VERIFICATION_ALGS,
        &anchors,
        &intermediates,
        at,
        KeyUsage::required(oid::KP_TIME_STAMPING),
        None,
        None,
    )
    .map_err(|e| match e {
        webpki::Error::CertExpired { not_after, .. } => {
            VerifyError::NotValidAtTime(Validity::Expired(utc(not_after)))
        }
        webpki::Error::CertNotValidYet { not_before, .. } => {
            VerifyError::NotValidAtTime(Validity::NotYet(utc(not_before)))
        }
        webpki::Error::RequiredEkuNotFoundContext(_) => VerifyError::WrongUsage,
        _ => VerifyError::Untrusted(match name_text(&fields.subject) {
            s if s.is_empty() => format!("SHA-256 {}", hex::encode(Sha256::digest(p.certs[n].raw))),
            s => s,
        }),
    })?;

    Ok(TokenInfo {
        time,
        serial: hex::encode(tst[3].body),
        policy,
        signer: name_text(&fields.subject),
        imprint: hex::encode(expected),
        nonce,
    })
}
