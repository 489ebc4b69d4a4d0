//! The fields of an X.509 certificate a token's signature check needs:
//! the TBS fields and extensions, the subject's name, and which of the
//! token's certificates is the signer's.

use crate::der::{self, children, read_one, DerError, Tlv};
use crate::oid;
use crate::verify::VerifyError;

pub(crate) struct TbsFields<'a> {
    pub(crate) serial: &'a [u8],
    pub(crate) issuer: &'a [u8],
    pub(crate) subject: Tlv<'a>,
    pub(crate) extensions: Vec<Tlv<'a>>,
}

pub(crate) fn tbs<'a>(cert: &Tlv<'a>) -> Result<TbsFields<'a>, VerifyError> {
    let c = cert.expect(der::SEQUENCE, "Certificate")?;
    let t = c
        .first()
        .ok_or(DerError("tbsCertificate"))?
        .expect(der::SEQUENCE, "tbs")?;
    let i = usize::from(t.first().map(|x| x.tag) == Some(0xa0));
    if t.len() < i + 6 {
        return Err(DerError("tbsCertificate too short").into());
    }
    let mut extensions = Vec::new();
    for x in &t[i + 6..] {
        if x.tag == 0xa3 {
            let seq = children(x.body)?;
            if let Some(s) = seq.first() {
                extensions = s.expect(der::SEQUENCE, "extensions")?;
            }
        }
    }
    Ok(TbsFields {
        serial: t[i].raw,
        issuer: t[i + 2].raw,
        subject: t[i + 4],
        extensions,
    })
}

/// (id, critical, value) of each extension.
pub(crate) fn extension<'a>(
    f: &TbsFields<'a>,
    id: &[u8],
) -> Result<Option<(bool, &'a [u8])>, VerifyError> {
    for e in &f.extensions {
        let k = e.expect(der::SEQUENCE, "Extension")?;
        if k.first().map(|t| t.body) == Some(id) {
            let critical = k.len() == 3 && k[1].tag == der::BOOLEAN && k[1].body != [0];
            let value = k.last().ok_or(DerError("extension"))?;
            return Ok(Some((critical, value.body)));
        }
    }
    Ok(None)
}

pub(crate) fn name_text(name: &Tlv<'_>) -> String {
    let mut cn = None;
    let mut o = None;
    if let Ok(rdns) = name.expect(der::SEQUENCE, "Name") {
        for rdn in rdns {
            for atv in children(rdn.body).unwrap_or_default() {
                if let Ok(k) = atv.expect(der::SEQUENCE, "AttributeTypeAndValue") {
                    if k.len() == 2 {
                        let v = String::from_utf8_lossy(k[1].body).into_owned();
                        if k[0].body == oid::COMMON_NAME {
                            cn = Some(v);
                        } else if k[0].body == oid::ORGANIZATION {
                            o = Some(v);
                        }
                    }
                }
            }
        }
    }
    cn.or(o).unwrap_or_default()
}

pub(crate) fn find_signer<'a>(sid: &Tlv<'_>, certs: &[Tlv<'a>]) -> Result<usize, VerifyError> {
    for (n, c) in certs.iter().enumerate() {
        let f = tbs(c)?;
        let hit = match sid.tag {
            der::SEQUENCE => {
                let k = sid.expect(der::SEQUENCE, "IssuerAndSerialNumber")?;
                k.len() == 2 && k[0].raw == f.issuer && k[1].raw == f.serial
            }
            0x80 => match extension(&f, &[0x55, 0x1d, 0x0e])? {
                Some((_, v)) => read_one(v).map(|t| t.body == sid.body).unwrap_or(false),
                None => false,
            },
            _ => false,
        };
        if hit {
            return Ok(n);
        }
    }
    Err(VerifyError::SignerMissing)
}
