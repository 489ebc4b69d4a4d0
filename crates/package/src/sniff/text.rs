//! XML (an XSD or plain XML 1.0, well-formedness checked up to a size) and
//! text (UTF-8 without NUL bytes: Markdown when named `.md`, else plain).

use ogonblick_model::Message;

use super::{FormatId, Sniffer};

impl Sniffer {
    /// Streaming UTF-8 check: no size limit, at most 3 bytes carried.
    pub(super) fn check_utf8(&mut self, data: &[u8]) {
        if self.utf8_bad {
            return;
        }
        let joined;
        let bytes: &[u8] = if self.utf8_carry.is_empty() {
            data
        } else {
            let mut v = std::mem::take(&mut self.utf8_carry);
            v.extend_from_slice(data);
            joined = v;
            &joined
        };
        if let Err(e) = std::str::from_utf8(bytes) {
            match e.error_len() {
                Some(_) => self.utf8_bad = true,
                None => self.utf8_carry = bytes[e.valid_up_to()..].to_vec(),
            }
        }
    }

    pub(super) fn finish_xml(self) -> FormatId {
        let is_xsd = looks_like_xsd(&self.head);
        let (wf, check) = if self.xml_too_big {
            (true, Message::FormatXmlLarge {})
        } else {
            match std::str::from_utf8(&self.xml) {
                Err(e) => (
                    false,
                    Message::FormatXmlNotUtf8 {
                        detail: e.to_string(),
                    },
                ),
                Ok(s) => match roxmltree::Document::parse_with_options(
                    s,
                    roxmltree::ParsingOptions {
                        allow_dtd: true,
                        ..Default::default()
                    },
                ) {
                    Ok(_) => (true, Message::FormatXmlOk {}),
                    Err(e) => (
                        false,
                        Message::FormatXmlBroken {
                            detail: e.to_string(),
                        },
                    ),
                },
            }
        };
        if is_xsd {
            FormatId {
                puid: Some("x-fmt/280".into()),
                name: "XML Schema Definition".into(),
                version: None,
                mime: "application/xml".into(),
                valid: wf,
                check,
            }
        } else {
            FormatId {
                puid: Some("fmt/101".into()),
                name: "Extensible Markup Language".into(),
                version: Some("1.0".into()),
                mime: "application/xml".into(),
                valid: wf,
                check,
            }
        }
    }

    pub(super) fn finish_text(self) -> FormatId {
        let utf8 = !self.utf8_bad && self.utf8_carry.is_empty();
        if self.total > 0 && !self.has_nul && utf8 {
            if self.name.to_ascii_lowercase().ends_with(".md") {
                return FormatId {
                    puid: Some("fmt/1149".into()),
                    name: "Markdown".into(),
                    version: None,
                    mime: "text/markdown".into(),
                    valid: true,
                    check: Message::FormatText {},
                };
            }
            return FormatId {
                puid: Some("x-fmt/111".into()),
                name: "Plain Text File".into(),
                version: None,
                mime: "text/plain".into(),
                valid: true,
                check: Message::FormatText {},
            };
        }
        FormatId {
            puid: None,
            name: "Unknown".into(),
            version: None,
            mime: "application/octet-stream".into(),
            valid: false,
            check: Message::FormatUnknown {},
        }
    }
}

pub(super) fn looks_like_xsd(head: &[u8]) -> bool {
    let s = String::from_utf8_lossy(head);
    // Find the first element that is not a comment or processing instruction.
    let mut rest: &str = &s;
    loop {
        let Some(i) = rest.find('<') else {
            return false;
        };
        rest = &rest[i..];
        if rest.starts_with("<?") {
            match rest.find("?>") {
                Some(j) => rest = &rest[j + 2..],
                None => return false,
            }
        } else if rest.starts_with("<!--") {
            match rest.find("-->") {
                Some(j) => rest = &rest[j + 3..],
                None => return false,
            }
        } else if rest.starts_with("<!") {
            match rest.find('>') {
                Some(j) => rest = &rest[j + 1..],
                None => return false,
            }
        } else {
            let tag_end = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[..tag_end];
            let name: String = tag[1..]
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '/' && *c != '>')
                .collect();
            let local = name.rsplit(':').next().unwrap_or("");
            return local == "schema" && tag.contains("http://www.w3.org/2001/XMLSchema");
        }
    }
}
