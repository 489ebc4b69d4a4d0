//! The ESS signing-certificate attribute of a token's signer (RFC 2634
//! `SigningCertificate` with `ESSCertID`, a SHA-1; RFC 5035
//! `SigningCertificateV2` with `ESSCertIDv2`, SHA-256 unless it names
//! another hash). RFC 3161 (2.4.2, and RFC 5816) requires one in every
//! token: it binds the signature to the signer's certificate itself, not
//! only to its key, so a certificate issued again for the same key (with
//! other validity, usage or name) cannot be swapped into the token's
//! certificate set. As `openssl ts -verify`, we require one and that its
//! first certificate id is the signer's certificate (hash and, when given,
//! issuer and serial number).

use crate::der::{self, children, DerError, Tlv};
use crate::oid;
use crate::verify::VerifyError;
use crate::why::EssWhy;

/// id-aa-signingCertificate, 1.2.840.113549.1.9.16.2.12.
const SIGNING_CERTIFICATE: &[u8] = &[
    0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x02, 0x0c,
];
/// id-aa-signingCertificateV2, 1.2.840.113549.1.9.16.2.47.
const SIGNING_CERTIFICATE_V2: &[u8] = &[
    0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x02, 0x2f,
];
/// id-sha1, 1.3.14.3.2.26.
const SHA1: &[u8] = &[0x2b, 0x0e, 0x03, 0x02, 0x1a];

fn refused(why: EssWhy) -> VerifyError {
    VerifyError::SigningCertificate(why)
}

fn hash(alg: &[u8], data: &[u8]) -> Result<Vec<u8>, VerifyError> {
    match alg {
        SHA1 => Ok(
            ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, data)
                .as_ref()
                .to_vec(),
        ),
        other => crate::verify::digest(other, data),
    }
}

/// Checks the signed attributes `attrs` against the signer's certificate
/// `cert` (its DER as carried in the token) with `issuer` and `serial` (the
/// raw Name and INTEGER of its tbsCertificate).
pub(crate) fn check_signing_certificate(
    attrs: &[Tlv<'_>],
    cert: &[u8],
    issuer: &[u8],
    serial: &[u8],
) -> Result<(), VerifyError> {
    let mut seen = false;
    for a in attrs {
        let k = a.expect(der::SEQUENCE, "Attribute")?;
        let v2 = match k.first().map(|t| t.body) {
            Some(SIGNING_CERTIFICATE) => false,
            Some(SIGNING_CERTIFICATE_V2) => true,
            _ => continue,
        };
        seen = true;
        let values = k
            .get(1)
            .ok_or(DerError("Attribute"))?
            .expect(der::SET, "values")?;
        if values.len() != 1 {
            return Err(refused(EssWhy::Values));
        }
        let sc = values[0].expect(der::SEQUENCE, "SigningCertificate")?;
        let ids = sc
            .first()
            .ok_or(DerError("SigningCertificate"))?
            .expect(der::SEQUENCE, "certs")?;
        // The first id is the signing certificate's (RFC 2634 5.4).
        let id = ids
            .first()
            .ok_or_else(|| refused(EssWhy::NoCertificate))?
            .expect(der::SEQUENCE, "ESSCertID")?;
        let mut rest = id.as_slice();
        let alg = if v2 && rest.first().map(|t| t.tag) == Some(der::SEQUENCE) {
            let a = crate::verify::alg_oid(&rest[0])?;
            rest = &rest[1..];
            a
        } else if v2 {
            oid::SHA256
        } else {
            SHA1
        };
        let named = rest
            .first()
            .filter(|t| t.tag == der::OCTET_STRING)
            .ok_or(DerError("certHash"))?;
        if hash(alg, cert)? != named.body {
            return Err(refused(EssWhy::Hash(if alg == SHA1 {
                "SHA-1"
            } else if alg == oid::SHA256 {
                "SHA-256"
            } else if alg == oid::SHA384 {
                "SHA-384"
            } else {
                "SHA-512"
            })));
        }
        if let Some(is) = rest.get(1) {
            check_issuer_serial(is, issuer, serial)?;
        }
    }
    if seen {
        Ok(())
    } else {
        Err(refused(EssWhy::Missing))
    }
}

/// `IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber }`: the
/// directory name among the issuer's names and the serial must be the
/// certificate's.
fn check_issuer_serial(is: &Tlv<'_>, issuer: &[u8], serial: &[u8]) -> Result<(), VerifyError> {
    let k = is.expect(der::SEQUENCE, "IssuerSerial")?;
    if k.len() != 2 {
        return Err(DerError("IssuerSerial").into());
    }
    let names = k[0].expect(der::SEQUENCE, "GeneralNames")?;
    // directoryName [4] EXPLICIT Name.
    let issuer_ok = names.iter().any(|n| {
        n.tag == 0xa4
            && children(n.body)
                .ok()
                .and_then(|c| c.first().map(|x| x.raw == issuer))
                .unwrap_or(false)
    });
    if !issuer_ok || k[1].raw != serial {
        return Err(refused(EssWhy::IssuerSerial));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::der::encode;

    /// A signed-attribute SEQUENCE holding a v1 `SigningCertificate` whose
    /// one ESSCertID is (`hash`, IssuerSerial of `issuer`, `serial`).
    fn v1_attr(hash: &[u8], issuer: &[u8], serial: &[u8]) -> Vec<u8> {
        let names = encode(der::SEQUENCE, &encode(0xa4, issuer));
        let is = encode(der::SEQUENCE, &[names, serial.to_vec()].concat());
        let id = encode(
            der::SEQUENCE,
            &[encode(der::OCTET_STRING, hash), is].concat(),
        );
        let sc = encode(der::SEQUENCE, &encode(der::SEQUENCE, &id));
        encode(
            der::SEQUENCE,
            &[encode(der::OID, SIGNING_CERTIFICATE), encode(der::SET, &sc)].concat(),
        )
    }

    #[test]
    fn a_v1_attribute_holds_the_sha1_and_issuer_serial_of_the_signer_only() {
        let cert = b"the signer's certificate".as_slice();
        let issuer = encode(der::SEQUENCE, b"issuer");
        let serial = encode(der::INTEGER, &[0x05]);
        assert_eq!(
            hex::encode(hash(SHA1, b"abc").unwrap()),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        let sha1 = hash(SHA1, cert).unwrap();
        let check = |attr: &[u8], c: &[u8]| {
            let t = crate::der::read_one(attr).unwrap();
            check_signing_certificate(&[t], c, &issuer, &serial)
        };
        check(&v1_attr(&sha1, &issuer, &serial), cert).unwrap();
        let other = b"another certificate, same key".as_slice();
        assert!(matches!(
            check(&v1_attr(&sha1, &issuer, &serial), other),
            Err(VerifyError::SigningCertificate(_))
        ));
        let wrong_serial = encode(der::INTEGER, &[0x06]);
        assert!(matches!(
            check(&v1_attr(&sha1, &issuer, &wrong_serial), cert),
            Err(VerifyError::SigningCertificate(_))
        ));
        // No attribute at all: refused, as openssl does.
        let unrelated = encode(
            der::SEQUENCE,
            &[encode(der::OID, oid::CONTENT_TYPE), encode(der::SET, &[])].concat(),
        );
        assert!(matches!(
            check(&unrelated, cert),
            Err(VerifyError::SigningCertificate(_))
        ));
    }
}
