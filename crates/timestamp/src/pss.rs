//! RSASSA-PSS signatures of a token (RFC 4055 `id-RSASSA-PSS` with its
//! parameters): the hash, MGF1 with the same hash, and the salt length.
//! `ring` (through `rustls-webpki`) checks PSS with a salt as long as the
//! hash, the profile RFC 4055 recommends; any other salt length, or a
//! different MGF hash, or the defaults' SHA-1, is named as unsupported
//! rather than called a bad signature.

use rustls_pki_types::SignatureVerificationAlgorithm;

use crate::der::{self, children, DerError, Tlv};
use crate::oid;
use crate::verify::{alg_oid, VerifyError};

/// id-RSASSA-PSS, 1.2.840.113549.1.1.10.
pub(crate) const RSASSA_PSS: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a];
/// id-mgf1, 1.2.840.113549.1.1.8.
const MGF1: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08];

/// id-sha1, 1.3.14.3.2.26: the default hash of RSASSA-PSS-params.
const SHA1_DOTTED: &str = "1.3.14.3.2.26";

/// An unsupported PSS parameter, named by its ASN.1 field and value only
/// (technical data a user is shown as is, never a sentence).
fn unsupported(what: String) -> VerifyError {
    VerifyError::Unsupported(format!("RSASSA-PSS {what}"))
}

/// The verification algorithm for a PSS signature whose
/// AlgorithmIdentifier is `alg` (`SEQUENCE { OID, RSASSA-PSS-params }`).
pub(crate) fn algorithm(
    alg: &Tlv<'_>,
) -> Result<&'static dyn SignatureVerificationAlgorithm, VerifyError> {
    use webpki::ring as r;
    let k = alg.expect(der::SEQUENCE, "AlgorithmIdentifier")?;
    let params = k
        .get(1)
        .ok_or_else(|| unsupported(format!("hashAlgorithm {SHA1_DOTTED}")))?
        .expect(der::SEQUENCE, "RSASSA-PSS-params")?;
    let field = |tag: u8| -> Result<Option<Tlv<'_>>, VerifyError> {
        match params.iter().find(|p| p.tag == tag) {
            Some(p) => Ok(Some(
                *children(p.body)?
                    .first()
                    .ok_or(DerError("RSASSA-PSS-params"))?,
            )),
            None => Ok(None),
        }
    };
    let hash = match field(0xa0)? {
        Some(h) => alg_oid(&h)?,
        None => return Err(unsupported(format!("hashAlgorithm {SHA1_DOTTED}"))),
    };
    let mgf =
        field(0xa1)?.ok_or_else(|| unsupported(format!("maskGenAlgorithm MGF1 {SHA1_DOTTED}")))?;
    let m = mgf.expect(der::SEQUENCE, "MaskGenAlgorithm")?;
    let mgf_hash = match (m.first(), m.get(1)) {
        (Some(o), Some(h)) if o.tag == der::OID && o.body == MGF1 => alg_oid(h)?,
        (o, _) => {
            return Err(unsupported(format!(
                "maskGenAlgorithm {}",
                o.filter(|o| o.tag == der::OID)
                    .map(|o| oid::dotted(o.body))
                    .unwrap_or_default()
            )))
        }
    };
    if mgf_hash != hash {
        return Err(unsupported(format!(
            "maskGenAlgorithm MGF1 {}, hashAlgorithm {}",
            oid::dotted(mgf_hash),
            oid::dotted(hash)
        )));
    }
    let salt = match field(0xa2)? {
        Some(s) if s.tag == der::INTEGER => s
            .body
            .iter()
            .fold(0u64, |a, &b| a.saturating_mul(256).saturating_add(b.into())),
        Some(_) => return Err(DerError("saltLength").into()),
        None => 20,
    };
    if let Some(t) = field(0xa3)? {
        if t.body != [1] {
            return Err(unsupported(format!("trailerField {}", hex::encode(t.body))));
        }
    }
    let (alg, len): (&'static dyn SignatureVerificationAlgorithm, u64) = match hash {
        oid::SHA256 => (r::RSA_PSS_2048_8192_SHA256_LEGACY_KEY, 32),
        oid::SHA384 => (r::RSA_PSS_2048_8192_SHA384_LEGACY_KEY, 48),
        oid::SHA512 => (r::RSA_PSS_2048_8192_SHA512_LEGACY_KEY, 64),
        other => return Err(unsupported(format!("hashAlgorithm {}", oid::dotted(other)))),
    };
    if salt != len {
        return Err(unsupported(format!("saltLength {salt}")));
    }
    Ok(alg)
}
