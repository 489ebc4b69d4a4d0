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
//! * ZIP (`PK\x03\x04`): a snapshot's web archive, WACZ 1.1.1 when named
//!   `.wacz` (its first entry under `archive/`, `datapackage.json` in the
//!   central directory); PRONOM's ZIP Format (x-fmt/263), see `wacz.rs`.
//!
//! `mod.rs` streams the bytes and picks the kind; `png.rs`, `pdf.rs` and
//! `text.rs` (XML and plain text) check and name each kind.

mod pdf;
mod png;
mod text;
mod wacz;

use std::collections::BTreeSet;

use ogonblick_model::Message;

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
    /// What the structural check looked at and found (a message of the
    /// catalogue, written in the package's language).
    pub check: Message,
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
    Zip,
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
    png_bad: Option<Message>,
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
            Some(Kind::Zip) => {}
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

    pub fn finish(self) -> FormatId {
        match self.kind.unwrap_or(Kind::Unknown) {
            Kind::Png => self.finish_png(),
            Kind::Pdf => self.finish_pdf(),
            Kind::Xml => self.finish_xml(),
            Kind::Zip => self.finish_zip(),
            Kind::Unknown => self.finish_text(),
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
    if head.starts_with(b"PK\x03\x04") {
        return Kind::Zip;
    }
    let h = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    if h.starts_with(b"<?xml") {
        return Kind::Xml;
    }
    Kind::Unknown
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
