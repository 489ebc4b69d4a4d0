//! A minimal DER reader: tag-length-value with single-byte tags, definite
//! lengths only. Every element keeps its original bytes (`raw`), so what was
//! signed can be hashed as it was sent.

/// One DER element.
#[derive(Debug, Clone, Copy)]
pub struct Tlv<'a> {
    pub tag: u8,
    /// The whole element: tag, length and contents.
    pub raw: &'a [u8],
    /// The contents.
    pub body: &'a [u8],
}

/// A malformed DER element.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed DER: {0}")]
pub struct DerError(pub &'static str);

pub const SEQUENCE: u8 = 0x30;
pub const SET: u8 = 0x31;
pub const INTEGER: u8 = 0x02;
pub const OCTET_STRING: u8 = 0x04;
pub const OID: u8 = 0x06;
pub const BOOLEAN: u8 = 0x01;
pub const GENERALIZED_TIME: u8 = 0x18;

/// Reads one element from the front of `input`; returns it and the rest.
pub fn read(input: &[u8]) -> Result<(Tlv<'_>, &[u8]), DerError> {
    let (&tag, rest) = input.split_first().ok_or(DerError("truncated tag"))?;
    if tag & 0x1f == 0x1f {
        return Err(DerError("multi-byte tags are not supported"));
    }
    let (&first, mut rest) = rest.split_first().ok_or(DerError("truncated length"))?;
    let len = if first < 0x80 {
        first as usize
    } else {
        let n = (first & 0x7f) as usize;
        if n == 0 {
            return Err(DerError("indefinite lengths are not DER"));
        }
        if n > 4 || rest.len() < n {
            return Err(DerError("bad length"));
        }
        let mut len = 0usize;
        for &b in &rest[..n] {
            len = (len << 8) | b as usize;
        }
        rest = &rest[n..];
        len
    };
    if rest.len() < len {
        return Err(DerError("element longer than its container"));
    }
    let header = input.len() - rest.len();
    let raw = &input[..header + len];
    Ok((
        Tlv {
            tag,
            raw,
            body: &rest[..len],
        },
        &rest[len..],
    ))
}

/// Reads exactly one element: nothing may follow it.
pub fn read_one(input: &[u8]) -> Result<Tlv<'_>, DerError> {
    let (t, rest) = read(input)?;
    if !rest.is_empty() {
        return Err(DerError("trailing bytes"));
    }
    Ok(t)
}

/// The elements inside a constructed element's contents.
pub fn children(body: &[u8]) -> Result<Vec<Tlv<'_>>, DerError> {
    let mut out = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        let (t, r) = read(rest)?;
        out.push(t);
        rest = r;
    }
    Ok(out)
}

impl<'a> Tlv<'a> {
    /// The children of this element, which must have tag `tag`.
    pub fn expect(&self, tag: u8, what: &'static str) -> Result<Vec<Tlv<'a>>, DerError> {
        if self.tag != tag {
            return Err(DerError(what));
        }
        children(self.body)
    }
}

/// Encodes a length in DER.
pub fn encode_len(len: usize, out: &mut Vec<u8>) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
}

/// Encodes one element.
pub fn encode(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    encode_len(body.len(), &mut out);
    out.extend_from_slice(body);
    out
}
