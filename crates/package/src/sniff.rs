//! Format identification (PRONOM) and a light structural check, from the
//! bytes of a file as they stream past (the same single read that hashes and
//! copies it). Nothing here trusts a file name or a recorded media type,
//! except that a UTF-8 text file named `.md` is called Markdown.
//!
//! * PNG: signature, then the chunk list is walked (IHDR first, IEND last).
//!   PNG 1.2 (fmt/13) if an `iTXt` chunk is present, PNG 1.1 (fmt/12) if
//!   `iCCP`, `sRGB` or `sPLT` is, else PNG 1.0 (fmt/11): the chunks each
//!   version introduced.
//! * PDF: the header version (`%PDF-1.4` → fmt/18 …), `%%EOF` at the end,
//!   and the XMP `pdfaid:part`/`pdfaid:conformance` claim found anywhere in
//!   the file: PDF/A-1a fmt/95, 1b fmt/354, 2a fmt/476, 2b fmt/477,
//!   2u fmt/478, 3a fmt/479, 3b fmt/480, 3u fmt/481.
//! * XML: `<?xml` declaration; an `xs:schema` root in the XMLSchema
//!   namespace is an XSD (x-fmt/280), else XML 1.0 (fmt/101). XML up to
//!   16 MiB is also checked for well-formedness.
//! * Text: UTF-8 without NUL bytes: Markdown (fmt/1149) when named `.md`,
//!   else plain text (x-fmt/111).

use std::collections::BTreeSet;

/// What a file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatId {
    /// PRONOM unique id, `None` when not identified.
    pub puid: Option<String>,
    pub name: String,
    pub version: Option<String>,
    /// IANA media type.
    pub mime: String,
    /// Outcome of the structural check.
    pub valid: bool,
    /// What the structural check looked at and found.
    pub check: String,
}

const HEAD_MAX: usize = 64 * 1024;
const TAIL_MAX: usize = 1024;
const XML_KEEP_MAX: usize = 16 * 1024 * 1024;
const CARRY: usize = 160;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Unknown,
    Png,
    Pdf,
    Xml,
}

/// Streaming detector: `feed` every chunk in order, then `finish`.
pub struct Sniffer {
    name: String,
    kind: Option<Kind>,
    head: Vec<u8>,
    tail: Vec<u8>,
    total: u64,
    has_nul: bool,
    // PNG chunk walker
    png_skip: u64,
    png_hdr: Vec<u8>,
    png_chunks: BTreeSet<[u8; 4]>,
    png_first: Option<[u8; 4]>,
    png_last: Option<[u8; 4]>,
    png_bad: Option<String>,
    // PDF XMP claim
    carry: Vec<u8>,
    pdfa_part: Option<String>,
    pdfa_conf: Option<String>,
    // XML body for the well-formedness check
    xml: Vec<u8>,
    xml_too_big: bool,
    // Text: UTF-8 checked as it streams past (any size), with the bytes of a
    // character split across two chunks carried over.
    utf8_bad: bool,
    utf8_carry: Vec<u8>,
}

impl Sniffer {
    /// `name` is only used to tell Markdown from other text.
    pub fn new(name: &str) -> Self {
        Sniffer {
            name: name.to_string(),
            kind: None,
            head: Vec::new(),
            tail: Vec::new(),
            total: 0,
            has_nul: false,
            png_skip: 0,
            png_hdr: Vec::new(),
            png_chunks: BTreeSet::new(),
            png_first: None,
            png_last: None,
            png_bad: None,
            carry: Vec::new(),
            pdfa_part: None,
            pdfa_conf: None,
            xml: Vec::new(),
            xml_too_big: false,
            utf8_bad: false,
            utf8_carry: Vec::new(),
        }
    }

    pub fn feed(&mut self, data: &[u8]) {
        if data.is_empty() {
            return;
        }
        let start = self.total;
        self.total += data.len() as u64;
        if self.head.len() < HEAD_MAX {
            let n = (HEAD_MAX - self.head.len()).min(data.len());
            self.head.extend_from_slice(&data[..n]);
        }
        if self.kind.is_none() && (self.head.len() >= 8 || self.head.len() as u64 == self.total) {
            self.kind = Some(classify(&self.head));
            if self.kind == Some(Kind::Png) {
                // The signature (8 bytes) may have started in earlier feeds.
                self.png_skip = 8u64.saturating_sub(start);
            }
        }
        // keep the tail
        if data.len() >= TAIL_MAX {
            self.tail.clear();
            self.tail.extend_from_slice(&data[data.len() - TAIL_MAX..]);
        } else {
            self.tail.extend_from_slice(data);
            if self.tail.len() > TAIL_MAX {
                let cut = self.tail.len() - TAIL_MAX;
                self.tail.drain(..cut);
            }
        }
        match self.kind {
            Some(Kind::Png) => self.walk_png(data),
            Some(Kind::Pdf) => self.scan_pdf(data),
            Some(Kind::Xml) => {
                if !self.xml_too_big {
                    if self.xml.len() + data.len() > XML_KEEP_MAX {
                        self.xml_too_big = true;
                        self.xml = Vec::new();
                    } else {
                        self.xml.extend_from_slice(data);
                    }
                }
            }
            _ => {
                if !self.has_nul && memchr::memchr(0, data).is_some() {
                    self.has_nul = true;
                }
                self.check_utf8(data);
            }
        }
    }

    /// Streaming UTF-8 check: no size limit, at most 3 bytes carried.
    fn check_utf8(&mut self, data: &[u8]) {
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

    fn walk_png(&mut self, data: &[u8]) {
        let mut i = 0usize;
        while i < data.len() && self.png_bad.is_none() {
            if self.png_skip > 0 {
                let n = (self.png_skip.min((data.len() - i) as u64)) as usize;
                self.png_skip -= n as u64;
                i += n;
                continue;
            }
            if self.png_last == Some(*b"IEND") {
                self.png_bad = Some("data after the IEND chunk".into());
                break;
            }
            let need = 8 - self.png_hdr.len();
            let n = need.min(data.len() - i);
            self.png_hdr.extend_from_slice(&data[i..i + n]);
            i += n;
            if self.png_hdr.len() == 8 {
                let len = u32::from_be_bytes([
                    self.png_hdr[0],
                    self.png_hdr[1],
                    self.png_hdr[2],
                    self.png_hdr[3],
                ]);
                let typ = [
                    self.png_hdr[4],
                    self.png_hdr[5],
                    self.png_hdr[6],
                    self.png_hdr[7],
                ];
                self.png_hdr.clear();
                if !typ.iter().all(|b| b.is_ascii_alphabetic()) || len > 0x7fff_ffff {
                    self.png_bad = Some(format!(
                        "broken chunk header at byte {}",
                        self.total as usize - (data.len() - i) - 8
                    ));
                    break;
                }
                if self.png_first.is_none() {
                    self.png_first = Some(typ);
                }
                self.png_last = Some(typ);
                self.png_chunks.insert(typ);
                self.png_skip = len as u64 + 4;
            }
        }
    }

    fn scan_pdf(&mut self, data: &[u8]) {
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

    pub fn finish(self) -> FormatId {
        match self.kind.unwrap_or(Kind::Unknown) {
            Kind::Png => self.finish_png(),
            Kind::Pdf => self.finish_pdf(),
            Kind::Xml => self.finish_xml(),
            Kind::Unknown => self.finish_text(),
        }
    }

    fn finish_png(self) -> FormatId {
        let (puid, version) = if self.png_chunks.contains(b"iTXt") {
            ("fmt/13", "1.2")
        } else if [b"iCCP", b"sRGB", b"sPLT"]
            .iter()
            .any(|c| self.png_chunks.contains(*c))
        {
            ("fmt/12", "1.1")
        } else {
            ("fmt/11", "1.0")
        };
        let mut problems = Vec::new();
        if let Some(b) = &self.png_bad {
            problems.push(b.clone());
        }
        if self.png_first != Some(*b"IHDR") {
            problems.push("first chunk is not IHDR".into());
        }
        if self.png_last != Some(*b"IEND") || self.png_skip != 0 || !self.png_hdr.is_empty() {
            problems.push("the file does not end with a complete IEND chunk".into());
        }
        if !self.png_chunks.contains(b"IDAT") {
            problems.push("no IDAT chunk".into());
        }
        let valid = problems.is_empty();
        let chunks: Vec<String> = self
            .png_chunks
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        FormatId {
            puid: Some(puid.into()),
            name: "Portable Network Graphics".into(),
            version: Some(version.into()),
            mime: "image/png".into(),
            valid,
            check: if valid {
                format!(
                    "PNG signature and chunk structure intact (chunks: {})",
                    chunks.join(", ")
                )
            } else {
                format!("PNG structure broken: {}", problems.join("; "))
            },
        }
    }

    fn finish_pdf(self) -> FormatId {
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
            problems.push("no %PDF-x.y header".to_string());
        }
        if !eof {
            problems.push("no %%EOF marker at the end (truncated?)".to_string());
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
                format!(
                    "PDF header {} and %%EOF present{}; not a full ISO 19005 validation",
                    version.unwrap_or_default(),
                    match pdfa {
                        Some((_, l)) => format!(", XMP claims PDF/A-{l}"),
                        None => ", no PDF/A claim in XMP".into(),
                    }
                )
            } else {
                format!("PDF structure broken: {}", problems.join("; "))
            },
        }
    }

    fn finish_xml(self) -> FormatId {
        let is_xsd = looks_like_xsd(&self.head);
        let (wf, check) = if self.xml_too_big {
            (
                true,
                "XML declaration present; larger than 16 MiB, well-formedness not checked"
                    .to_string(),
            )
        } else {
            match std::str::from_utf8(&self.xml) {
                Err(e) => (false, format!("not UTF-8: {e}")),
                Ok(s) => match roxmltree::Document::parse_with_options(
                    s,
                    roxmltree::ParsingOptions {
                        allow_dtd: true,
                        ..Default::default()
                    },
                ) {
                    Ok(_) => (true, "well-formed XML (parsed)".to_string()),
                    Err(e) => (false, format!("not well-formed XML: {e}")),
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

    fn finish_text(self) -> FormatId {
        let utf8 = !self.utf8_bad && self.utf8_carry.is_empty();
        if self.total > 0 && !self.has_nul && utf8 {
            if self.name.to_ascii_lowercase().ends_with(".md") {
                return FormatId {
                    puid: Some("fmt/1149".into()),
                    name: "Markdown".into(),
                    version: None,
                    mime: "text/markdown".into(),
                    valid: true,
                    check: "UTF-8 text without NUL bytes".into(),
                };
            }
            return FormatId {
                puid: Some("x-fmt/111".into()),
                name: "Plain Text File".into(),
                version: None,
                mime: "text/plain".into(),
                valid: true,
                check: "UTF-8 text without NUL bytes".into(),
            };
        }
        FormatId {
            puid: None,
            name: "Unknown".into(),
            version: None,
            mime: "application/octet-stream".into(),
            valid: false,
            check: "format not identified".into(),
        }
    }
}

fn classify(head: &[u8]) -> Kind {
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Kind::Png;
    }
    if head.starts_with(b"%PDF-") {
        return Kind::Pdf;
    }
    let h = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    if h.starts_with(b"<?xml") {
        return Kind::Xml;
    }
    Kind::Unknown
}

fn pdf_header_version(head: &[u8]) -> Option<String> {
    let rest = head.strip_prefix(b"%PDF-")?;
    let v: Vec<u8> = rest.iter().take(3).copied().collect();
    if v.len() == 3 && v[0].is_ascii_digit() && v[1] == b'.' && v[2].is_ascii_digit() {
        Some(String::from_utf8_lossy(&v).into_owned())
    } else {
        None
    }
}

/// The value after `pdfaid:part` in either `>2<` or `="2"` form.
fn xmp_value(after: &[u8]) -> Option<String> {
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

fn looks_like_xsd(head: &[u8]) -> bool {
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

/// Identifies a whole byte slice (convenience for small in-memory files).
pub fn detect_format(name: &str, bytes: &[u8]) -> FormatId {
    let mut s = Sniffer::new(name);
    for chunk in bytes.chunks(64 * 1024) {
        s.feed(chunk);
    }
    s.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_versions_and_pdfa_claims() {
        let plain = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
        let f = detect_format("a.pdf", plain);
        assert_eq!(f.puid.as_deref(), Some("fmt/18"));
        assert!(f.valid);
        let a = b"%PDF-1.7\n<x pdfaid:part=\"2\" pdfaid:conformance=\"B\"/>\n%%EOF\n";
        assert_eq!(detect_format("a.pdf", a).puid.as_deref(), Some("fmt/477"));
        let a2 = b"%PDF-1.7\n<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>\n%%EOF";
        assert_eq!(detect_format("a.pdf", a2).puid.as_deref(), Some("fmt/476"));
        let trunc = b"%PDF-1.7\n1 0 obj\n";
        assert!(!detect_format("a.pdf", trunc).valid);
    }

    #[test]
    fn pdfa_claim_split_across_chunks_is_found() {
        let mut body = b"%PDF-1.7\n".to_vec();
        body.extend(std::iter::repeat_n(b'x', 65530));
        body.extend_from_slice(
            b"<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>\n%%EOF\n",
        );
        let mut s = Sniffer::new("x.pdf");
        for c in body.chunks(65536) {
            s.feed(c);
        }
        assert_eq!(s.finish().puid.as_deref(), Some("fmt/477"));
    }

    #[test]
    fn xsd_vs_xml_vs_text() {
        let xsd = b"<?xml version=\"1.0\"?>\n<!-- c -->\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>";
        assert_eq!(
            detect_format("s.xsd", xsd).puid.as_deref(),
            Some("x-fmt/280")
        );
        let xml = b"<?xml version=\"1.0\"?><a/>";
        assert_eq!(detect_format("s.xsd", xml).puid.as_deref(), Some("fmt/101"));
        let bad = b"<?xml version=\"1.0\"?><a>";
        assert!(!detect_format("b.xml", bad).valid);
        assert_eq!(
            detect_format("r.md", "# Rubrik åäö\n".as_bytes())
                .puid
                .as_deref(),
            Some("fmt/1149")
        );
        assert_eq!(
            detect_format("r.txt", b"hello").puid.as_deref(),
            Some("x-fmt/111")
        );
        assert_eq!(detect_format("r.bin", b"\0\x01\x02").puid, None);
    }

    #[test]
    fn text_of_any_size_is_identified_even_with_characters_split_across_chunks() {
        // A Markdown file of ~200 KiB (an export of ~1,000 snapshots writes
        // one that size), fed in chunks that cut 'ö' (2 bytes) in half.
        let line = "- Kulturnämnden på Facebook, ögonblicksbild 1: reason half-yearly\n";
        let md = format!("# Rubrik\n{}", line.repeat(3000));
        assert!(md.len() > 150 * 1024);
        let mut s = Sniffer::new("documentation/how-the-snapshots-were-taken.md");
        for c in md.as_bytes().chunks(4099) {
            s.feed(c);
        }
        let f = s.finish();
        assert_eq!(f.puid.as_deref(), Some("fmt/1149"), "{f:?}");
        assert!(f.valid);
        // Invalid UTF-8 or a NUL far beyond the first 64 KiB is still seen.
        let mut bad = md.clone().into_bytes();
        bad.extend_from_slice(b"\xff\xfe");
        assert_eq!(detect_format("x.md", &bad).puid, None);
        let mut nul = md.into_bytes();
        nul.push(0);
        assert_eq!(detect_format("x.md", &nul).puid, None);
    }
}
