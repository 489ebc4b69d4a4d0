//! PDF: the header version, `%%EOF` at the end and the XMP PDF/A claim
//! (`pdfaid:part`/`pdfaid:conformance`) found anywhere in the file.

use ogonblick_model::Message;

use super::{FormatId, Sniffer, CARRY};

impl Sniffer {
    pub(super) fn scan_pdf(&mut self, data: &[u8]) {
        let mut buf = std::mem::take(&mut self.carry);
        buf.extend_from_slice(data);
        for (needle, slot) in [
            (&b"pdfaid:part"[..], 0u8),
            (&b"pdfaid:conformance"[..], 1u8),
        ] {
            for pos in memchr::memmem::find_iter(&buf, needle) {
                if let Some(v) = xmp_value(&buf[pos + needle.len()..]) {
                    if slot == 0 {
                        self.pdfa_part = Some(v);
                    } else {
                        self.pdfa_conf = Some(v);
                    }
                }
            }
        }
        let keep = buf.len().min(CARRY);
        self.carry = buf[buf.len() - keep..].to_vec();
    }

    pub(super) fn finish_pdf(self) -> FormatId {
        let version = pdf_header_version(&self.head);
        let eof = memchr::memmem::find(&self.tail, b"%%EOF").is_some();
        let pdfa = match (
            self.pdfa_part.as_deref(),
            self.pdfa_conf.as_deref().map(|s| s.to_ascii_uppercase()),
        ) {
            (Some(p), Some(c)) => match (p, c.as_str()) {
                ("1", "A") => Some(("fmt/95", "1a")),
                ("1", "B") => Some(("fmt/354", "1b")),
                ("2", "A") => Some(("fmt/476", "2a")),
                ("2", "B") => Some(("fmt/477", "2b")),
                ("2", "U") => Some(("fmt/478", "2u")),
                ("3", "A") => Some(("fmt/479", "3a")),
                ("3", "B") => Some(("fmt/480", "3b")),
                ("3", "U") => Some(("fmt/481", "3u")),
                _ => None,
            },
            _ => None,
        };
        let mut problems = Vec::new();
        if version.is_none() {
            problems.push(Message::FormatPdfNoHeader {});
        }
        if !eof {
            problems.push(Message::FormatPdfNoEof {});
        }
        let valid = problems.is_empty();
        let (puid, name, ver) = if let Some((puid, level)) = pdfa {
            (
                Some(puid.to_string()),
                "Acrobat PDF/A - Portable Document Format".to_string(),
                Some(level.to_string()),
            )
        } else {
            let puid = match version.as_deref() {
                Some("1.0") => Some("fmt/14"),
                Some("1.1") => Some("fmt/15"),
                Some("1.2") => Some("fmt/16"),
                Some("1.3") => Some("fmt/17"),
                Some("1.4") => Some("fmt/18"),
                Some("1.5") => Some("fmt/19"),
                Some("1.6") => Some("fmt/20"),
                Some("1.7") => Some("fmt/276"),
                Some("2.0") => Some("fmt/1129"),
                _ => None,
            };
            (
                puid.map(String::from),
                "Acrobat PDF - Portable Document Format".to_string(),
                version.clone(),
            )
        };
        FormatId {
            puid,
            name,
            version: ver,
            mime: "application/pdf".into(),
            valid,
            check: if valid {
                Message::FormatPdfOk {
                    version: version.unwrap_or_default(),
                    claim: Box::new(match pdfa {
                        Some((_, l)) => Message::FormatPdfClaims { level: l.into() },
                        None => Message::FormatPdfNoClaim {},
                    }),
                }
            } else {
                Message::FormatPdfBroken { problems }
            },
        }
    }
}

pub(super) fn pdf_header_version(head: &[u8]) -> Option<String> {
    let rest = head.strip_prefix(b"%PDF-")?;
    let v: Vec<u8> = rest.iter().take(3).copied().collect();
    if v.len() == 3 && v[0].is_ascii_digit() && v[1] == b'.' && v[2].is_ascii_digit() {
        Some(String::from_utf8_lossy(&v).into_owned())
    } else {
        None
    }
}

/// The value after `pdfaid:part` in either `>2<` or `="2"` form.
pub(super) fn xmp_value(after: &[u8]) -> Option<String> {
    let (open, close): (u8, &[u8]) = match after.first()? {
        b'>' => (b'>', b"<"),
        b'=' => (b'=', b"\"'"),
        _ => return None,
    };
    let mut rest = &after[1..];
    if open == b'=' {
        rest = rest.get(1..)?;
    }
    let end = rest.iter().position(|b| close.contains(b))?;
    if end > 8 {
        return None;
    }
    let v = std::str::from_utf8(&rest[..end]).ok()?.trim().to_string();
    if v.is_empty() {
        None
    } else {
        Some(v)
    }
}
