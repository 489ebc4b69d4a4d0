//! A PDF/A-2b written page by page from the screenshot itself: each page is
//! an image of a band of the stitched screenshot, under an invisible text
//! layer (text render mode 3) placed where the page's text was on screen.
//!
//! [`ImagePdf`] streams to a file: a page's image and text are written when
//! the page is added, so memory stays at about one page whatever the
//! document's length. The text layer uses the glyphless font of
//! [`crate::glyphless`] as a Type0 font (`Identity-H`): CIDs are given to
//! characters in order of first use, every CID draws glyph 1, and the
//! `ToUnicode` CMap maps each CID back to its character (UTF-16, so emoji
//! outside the BMP map through surrogate pairs). The metadata are the same
//! as [`crate::finish`] writes: XMP (pdfaid 2B) mirrored in Info, an sRGB
//! output intent, a trailer `/ID` derived from the content.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::{glyphless, read_icc, subject, xmp, FinishReport, PdfAError, PdfAMeta};

/// One line of text on a page, in CSS px from the page's top left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub text: String,
}

/// PDF points per CSS pixel (96 px = 72 pt).
const PT: f32 = 0.75;

// Fixed object numbers; pages follow from FIRST_PAGE_OBJ on, three each.
const CATALOG: u32 = 1;
const PAGES: u32 = 2;
const FONT: u32 = 3;
const CID_FONT: u32 = 4;
const DESCRIPTOR: u32 = 5;
const FONT_FILE: u32 = 6;
const CID_TO_GID: u32 = 7;
const TO_UNICODE: u32 = 8;
const METADATA: u32 = 9;
const ICC: u32 = 10;
const INFO: u32 = 11;
const FIRST_PAGE_OBJ: u32 = 12;

/// Counts and hashes what is written (the trailer ID is the hash).
struct Out {
    w: BufWriter<File>,
    at: u64,
    hash: Sha256,
}

impl Out {
    fn put(&mut self, b: &[u8]) -> std::io::Result<()> {
        self.w.write_all(b)?;
        self.hash.update(b);
        self.at += b.len() as u64;
        Ok(())
    }
}

/// A PDF/A-2b being written, one page at a time.
pub struct ImagePdf {
    out: Out,
    path: PathBuf,
    meta: PdfAMeta,
    icc: Vec<u8>,
    offsets: HashMap<u32, u64>,
    pages: Vec<u32>,
    cids: HashMap<char, u16>,
    chars: Vec<char>,
}

impl ImagePdf {
    /// Starts the file at `path` (a temporary name; the caller renames it).
    pub fn create(path: &Path, meta: &PdfAMeta) -> Result<ImagePdf, PdfAError> {
        let icc = read_icc(&meta.icc_profile)?;
        let f = File::create(path).map_err(|e| io(path, e))?;
        let mut pdf = ImagePdf {
            out: Out {
                w: BufWriter::with_capacity(1 << 20, f),
                at: 0,
                hash: Sha256::new(),
            },
            path: path.to_path_buf(),
            meta: meta.clone(),
            icc,
            offsets: HashMap::new(),
            pages: Vec::new(),
            cids: HashMap::new(),
            chars: Vec::new(),
        };
        pdf.put(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")?;
        Ok(pdf)
    }

    fn put(&mut self, b: &[u8]) -> Result<(), PdfAError> {
        let path = &self.path;
        self.out.put(b).map_err(|e| io(path, e))
    }

    fn object(&mut self, id: u32, body: &str) -> Result<(), PdfAError> {
        self.offsets.insert(id, self.out.at);
        self.put(format!("{id} 0 obj\n{body}\nendobj\n").as_bytes())
    }

    fn stream(&mut self, id: u32, dict: &str, data: &[u8]) -> Result<(), PdfAError> {
        self.offsets.insert(id, self.out.at);
        self.put(format!("{id} 0 obj\n<< {dict} /Length {} >>\nstream\n", data.len()).as_bytes())?;
        self.put(data)?;
        self.put(b"\nendstream\nendobj\n")
    }

    /// Adds a page showing `rgb` (`width` × `height` px, 8-bit RGB rows) with
    /// `text` as its invisible text layer, in the order given (the order a
    /// reader extracts it in).
    pub fn add_page(
        &mut self,
        width: u32,
        height: u32,
        rgb: &[u8],
        text: &[TextLine],
    ) -> Result<(), PdfAError> {
        let row = width as usize * 3;
        if rgb.len() != row * height as usize || width == 0 || height == 0 {
            return Err(PdfAError::Write(format!(
                "a page image of {width} × {height} px needs {} bytes, got {}",
                row * height as usize,
                rgb.len()
            )));
        }
        let n = FIRST_PAGE_OBJ + 3 * self.pages.len() as u32;
        let (img, content, page) = (n, n + 1, n + 2);
        // PNG "Up" predictor rows: screenshots repeat down the page.
        let mut z = flate2::write::ZlibEncoder::new(
            Vec::with_capacity(rgb.len() / 8),
            flate2::Compression::fast(),
        );
        let mut filtered = vec![0u8; row + 1];
        for y in 0..height as usize {
            let cur = &rgb[y * row..(y + 1) * row];
            filtered[0] = 2;
            if y == 0 {
                filtered[1..].copy_from_slice(cur);
            } else {
                let prev = &rgb[(y - 1) * row..y * row];
                for ((d, c), p) in filtered[1..].iter_mut().zip(cur).zip(prev) {
                    *d = c.wrapping_sub(*p);
                }
            }
            z.write_all(&filtered)
                .map_err(|e| PdfAError::Write(e.to_string()))?;
        }
        let data = z.finish().map_err(|e| PdfAError::Write(e.to_string()))?;
        self.stream(
            img,
            &format!(
                "/Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceRGB \
                 /BitsPerComponent 8 /Filter /FlateDecode \
                 /DecodeParms << /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns {width} >>"
            ),
            &data,
        )?;
        drop(data);
        let (pw, ph) = (width as f32 * PT, height as f32 * PT);
        let mut c = format!("q {pw:.2} 0 0 {ph:.2} 0 0 cm /Im0 Do Q\n");
        if !text.is_empty() {
            c.push_str("BT 3 Tr\n");
            for l in text {
                let codes = self.codes(&l.text);
                if codes.is_empty() || l.w <= 0.0 || l.h <= 0.0 {
                    continue;
                }
                let n_chars = codes.len() / 4;
                let size = (l.h * PT).max(1.0);
                let natural = n_chars as f32 * size * glyphless::ADVANCE as f32 / 1000.0;
                let scale = (100.0 * l.w * PT / natural).clamp(1.0, 10_000.0);
                let x = l.x * PT;
                let y = ph - (l.y + l.h * 0.8) * PT;
                c.push_str(&format!(
                    "/F1 {size:.2} Tf {scale:.2} Tz 1 0 0 1 {x:.2} {y:.2} Tm <{codes}> Tj\n"
                ));
            }
            c.push_str("ET\n");
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(c.as_bytes())
            .map_err(|e| PdfAError::Write(e.to_string()))?;
        let data = z.finish().map_err(|e| PdfAError::Write(e.to_string()))?;
        self.stream(content, "/Filter /FlateDecode", &data)?;
        self.object(
            page,
            &format!(
                "<< /Type /Page /Parent {PAGES} 0 R /MediaBox [0 0 {pw:.2} {ph:.2}] \
                 /Resources << /XObject << /Im0 {img} 0 R >> /Font << /F1 {FONT} 0 R >> >> \
                 /Contents {content} 0 R >>"
            ),
        )?;
        self.pages.push(page);
        Ok(())
    }

    /// The hex codes (four digits a character) of `s`; control characters
    /// and noncharacters are left out, and characters beyond 65,534
    /// distinct ones.
    fn codes(&mut self, s: &str) -> String {
        let mut out = String::with_capacity(s.len() * 4);
        for ch in s.chars() {
            // PDF/A-2u forbids mapping a glyph to U+FEFF or U+FFFE.
            if ch.is_control() || matches!(ch, '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}') {
                continue;
            }
            let cid = match self.cids.get(&ch) {
                Some(c) => *c,
                None if self.chars.len() < 65_534 => {
                    self.chars.push(ch);
                    let c = self.chars.len() as u16;
                    self.cids.insert(ch, c);
                    c
                }
                None => continue,
            };
            out.push_str(&format!("{cid:04X}"));
        }
        out
    }

    /// Writes the font, the metadata and the cross-reference table, and
    /// syncs the file.
    pub fn finish(mut self) -> Result<FinishReport, PdfAError> {
        if self.pages.is_empty() {
            return Err(PdfAError::Write("the PDF has no page".into()));
        }
        let kids: Vec<String> = self.pages.iter().map(|p| format!("{p} 0 R")).collect();
        self.object(
            PAGES,
            &format!(
                "<< /Type /Pages /Kids [{}] /Count {} >>",
                kids.join(" "),
                self.pages.len()
            ),
        )?;
        self.fonts()?;
        let icc = std::mem::take(&mut self.icc);
        self.stream(ICC, "/N 3", &icc)?;
        // The document's identity: a hash of everything so far and of the metadata.
        let mut h = self.out.hash.clone();
        h.update(self.meta.title.as_bytes());
        h.update(self.meta.source_url.as_bytes());
        h.update(self.meta.created.to_rfc3339().as_bytes());
        let idb = h.finalize()[..16].to_vec();
        let hx = hex::encode(&idb);
        let uuid = format!(
            "{}-{}-{}-{}-{}",
            &hx[0..8],
            &hx[8..12],
            &hx[12..16],
            &hx[16..20],
            &hx[20..32]
        );
        let subject = subject(&self.meta);
        let x = xmp(&self.meta, &subject, &uuid);
        self.stream(METADATA, "/Type /Metadata /Subtype /XML", &x)?;
        self.object(
            CATALOG,
            &format!(
                "<< /Type /Catalog /Pages {PAGES} 0 R /Metadata {METADATA} 0 R \
                 /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 \
                 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) \
                 /RegistryName (http://www.color.org) /DestOutputProfile {ICC} 0 R >>] >>"
            ),
        )?;
        let date = self
            .meta
            .created
            .format("D:%Y%m%d%H%M%S+00'00'")
            .to_string();
        let info = format!(
            "<< /Title {} /Subject {} /Creator {} /Producer {} /CreationDate ({date}) /ModDate ({date}) >>",
            hex_text(&self.meta.title),
            hex_text(&subject),
            hex_text(&self.meta.creator_tool),
            hex_text(&self.meta.producer),
        );
        self.object(INFO, &info)?;
        let size = FIRST_PAGE_OBJ + 3 * self.pages.len() as u32;
        let xref_at = self.out.at;
        let mut x = format!("xref\n0 {size}\n0000000000 65535 f \n");
        for id in 1..size {
            let off = self
                .offsets
                .get(&id)
                .copied()
                .ok_or_else(|| PdfAError::Write(format!("object {id} was never written")))?;
            x.push_str(&format!("{off:010} 00000 n \n"));
        }
        x.push_str(&format!(
            "trailer\n<< /Size {size} /Root {CATALOG} 0 R /Info {INFO} 0 R /ID [<{hx}> <{hx}>] >>\nstartxref\n{xref_at}\n%%EOF\n"
        ));
        self.put(x.as_bytes())?;
        let path = self.path.clone();
        let f = self
            .out
            .w
            .into_inner()
            .map_err(|e| io(&path, e.into_error()))?;
        f.sync_all().map_err(|e| io(&path, e))?;
        Ok(FinishReport {
            pages: self.pages.len() as u32,
            removed: Vec::new(),
        })
    }

    /// The Type0 font of the text layer, its CID font, descriptor, program,
    /// CID → glyph map and ToUnicode CMap.
    fn fonts(&mut self) -> Result<(), PdfAError> {
        let name = glyphless::NAME;
        let adv = glyphless::ADVANCE;
        self.object(
            FONT,
            &format!(
                "<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H \
                 /DescendantFonts [{CID_FONT} 0 R] /ToUnicode {TO_UNICODE} 0 R >>"
            ),
        )?;
        self.object(
            CID_FONT,
            &format!(
                "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} \
                 /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
                 /FontDescriptor {DESCRIPTOR} 0 R /DW {adv} /CIDToGIDMap {CID_TO_GID} 0 R >>"
            ),
        )?;
        self.object(
            DESCRIPTOR,
            &format!(
                "<< /Type /FontDescriptor /FontName /{name} /Flags 4 /FontBBox [0 0 {adv} 700] \
                 /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 \
                 /FontFile2 {FONT_FILE} 0 R >>"
            ),
        )?;
        let font = glyphless::font();
        self.stream(FONT_FILE, &format!("/Length1 {}", font.len()), &font)?;
        // CID 0 → glyph 0, every other CID in use → glyph 1.
        let mut map = vec![0u8, 0];
        for _ in &self.chars {
            map.extend_from_slice(&[0, 1]);
        }
        self.stream(CID_TO_GID, "", &map)?;
        let cmap = to_unicode(&self.chars);
        self.stream(TO_UNICODE, "", cmap.as_bytes())
    }
}

/// The ToUnicode CMap of CIDs `1..=chars.len()`.
fn to_unicode(chars: &[char]) -> String {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for (k, group) in chars.chunks(100).enumerate() {
        s.push_str(&format!("{} beginbfchar\n", group.len()));
        for (j, ch) in group.iter().enumerate() {
            let cid = k * 100 + j + 1;
            let mut buf = [0u16; 2];
            let utf16: String = ch
                .encode_utf16(&mut buf)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            s.push_str(&format!("<{cid:04X}> <{utf16}>\n"));
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}

/// A PDF text string (UTF-16BE with BOM, hex).
fn hex_text(s: &str) -> String {
    let mut out = String::from("<FEFF");
    for u in s.encode_utf16() {
        out.push_str(&format!("{u:04X}"));
    }
    out.push('>');
    out
}

fn io(path: &Path, e: std::io::Error) -> PdfAError {
    PdfAError::Io {
        path: path.to_path_buf(),
        source: e,
    }
}
