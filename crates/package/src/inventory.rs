//! The human-readable inventory of a package as PDF/A-2b.
//!
//! A plain text PDF is drawn with lopdf using DejaVu Sans (shipped in
//! `assets/`, embedded whole as a simple TrueType font with WinAnsiEncoding
//! and widths taken from the font's own metrics), then finished to PDF/A-2b
//! by `ogonblick-pdfa` (XMP pdfaid 2B, sRGB output intent, trailer ID),
//! the same finishing the captured PDFs get.

use std::path::Path;

use lopdf::{dictionary, Document, Object, Stream, StringFormat};
use ogonblick_messages::format::UtcTime;
use ogonblick_model::messages::InventoryPart;
use ogonblick_model::{Language, Message};

use crate::{inventory_failed, PackageError};

static FONT: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 48.0;
const SIZE: f32 = 8.5;
const LEAD: f32 = 11.5;
const MAX_CHARS: usize = 104;

/// One line of the inventory; `bold` lines are drawn larger (headings).
pub struct Line {
    pub text: String,
    pub heading: bool,
}

pub fn build(
    title: &str,
    lines: &[Line],
    created: chrono::DateTime<chrono::Utc>,
    source: &str,
    icc: &Path,
    lang: Language,
) -> Result<Vec<u8>, PackageError> {
    let face =
        ttf_parser::Face::parse(FONT, 0).map_err(|e| inventory_failed(InventoryPart::Font, e))?;
    let upem = face.units_per_em() as f32;
    let scale = |v: i16| -> i64 { (v as f32 * 1000.0 / upem).round() as i64 };
    let q_width = face
        .glyph_index('?')
        .and_then(|g| face.glyph_hor_advance(g))
        .map(|w| (w as f32 * 1000.0 / upem).round() as i64)
        .unwrap_or(600);
    let mut widths = Vec::new();
    for code in 32u32..=255 {
        let ch = winansi_char(code as u8);
        let w = ch
            .and_then(|c| face.glyph_index(c))
            .and_then(|g| face.glyph_hor_advance(g))
            .map(|w| (w as f32 * 1000.0 / upem).round() as i64)
            .unwrap_or(q_width);
        widths.push(Object::Integer(w));
    }
    let bbox = face.global_bounding_box();

    let mut doc = Document::with_version("1.7");
    let mut font_stream = Stream::new(
        dictionary! { "Length1" => FONT.len() as i64 },
        FONT.to_vec(),
    );
    let _ = font_stream.compress();
    let font_file = doc.add_object(font_stream);
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => "DejaVuSans",
        "Flags" => 32,
        "FontBBox" => vec![scale(bbox.x_min).into(), scale(bbox.y_min).into(), scale(bbox.x_max).into(), scale(bbox.y_max).into()],
        "ItalicAngle" => 0,
        "Ascent" => scale(face.ascender()),
        "Descent" => scale(face.descender()),
        "CapHeight" => scale(face.capital_height().unwrap_or(face.ascender())),
        "StemV" => 80,
        "FontFile2" => font_file,
    });
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "TrueType",
        "BaseFont" => "DejaVuSans",
        "FirstChar" => 32,
        "LastChar" => 255,
        "Widths" => widths,
        "Encoding" => "WinAnsiEncoding",
        "FontDescriptor" => descriptor,
    });
    let pages_id = doc.new_object_id();
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });

    // Wrap and paginate.
    let mut wrapped: Vec<(String, bool)> = Vec::new();
    for l in lines {
        let mut t = l.text.as_str();
        if t.is_empty() {
            wrapped.push((String::new(), false));
        }
        while !t.is_empty() {
            let cut = t
                .char_indices()
                .nth(MAX_CHARS)
                .map(|(i, _)| i)
                .unwrap_or(t.len());
            // A long line breaks at its last space that fits (a word is cut
            // only when it is longer than half a line, e.g. an address).
            let at_space = (cut < t.len())
                .then(|| t[..cut].rfind(' '))
                .flatten()
                .filter(|&i| i >= cut / 2);
            match at_space {
                Some(i) => {
                    wrapped.push((t[..i].to_string(), l.heading));
                    t = &t[i + 1..];
                }
                None => {
                    wrapped.push((t[..cut].to_string(), l.heading));
                    t = &t[cut..];
                }
            }
        }
    }
    let per_page = ((PAGE_H - 2.0 * MARGIN) / LEAD) as usize - 2;
    let chunks: Vec<&[(String, bool)]> = if wrapped.is_empty() {
        vec![&[][..]]
    } else {
        wrapped.chunks(per_page).collect()
    };
    let n_pages = chunks.len();
    let mut kids = Vec::new();
    for (pi, chunk) in chunks.iter().enumerate() {
        let mut content = String::new();
        content.push_str("BT\n");
        let mut y = PAGE_H - MARGIN;
        let header = Message::DocInvPage {
            title: title.to_string(),
            n: pi + 1,
            of: n_pages,
        }
        .render(lang);
        content.push_str(&format!(
            "/F1 7 Tf 1 0 0 1 {MARGIN} {y:.1} Tm ({}) Tj\n",
            pdf_text(&header)
        ));
        y -= LEAD * 2.0;
        for (text, heading) in chunk.iter() {
            let size = if *heading { SIZE + 2.5 } else { SIZE };
            content.push_str(&format!(
                "/F1 {size} Tf 1 0 0 1 {MARGIN} {y:.1} Tm ({}) Tj\n",
                pdf_text(text)
            ));
            y -= LEAD;
        }
        content.push_str("ET\n");
        let mut cs = Stream::new(dictionary! {}, content.into_bytes());
        let _ = cs.compress();
        let cid = doc.add_object(cs);
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_W.into(), PAGE_H.into()],
            "Resources" => resources,
            "Contents" => cid,
        });
        kids.push(Object::Reference(page));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => n_pages as i64 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id, "Lang" => Object::String(lang_tag(lang).as_bytes().to_vec(), StringFormat::Literal) });
    doc.trailer.set("Root", catalog);
    let mut raw = Vec::new();
    doc.save_to(&mut raw)
        .map_err(|e| inventory_failed(InventoryPart::Write, e))?;

    let meta = ogonblick_pdfa::PdfAMeta {
        title: title.to_string(),
        source_url: source.to_string(),
        created,
        producer: format!("{} {}", crate::SOFTWARE_NAME, crate::SOFTWARE_VERSION),
        creator_tool: format!("{} {}", crate::SOFTWARE_NAME, crate::SOFTWARE_VERSION),
        icc_profile: icc.to_path_buf(),
        subject: Some(
            Message::DocInvSubject {
                objid: source.to_string(),
                at: UtcTime(created),
            }
            .render(lang),
        ),
    };
    let (bytes, _report) = ogonblick_pdfa::finish(&raw, &meta)
        .map_err(|e| inventory_failed(InventoryPart::Write, e))?;
    Ok(bytes)
}

/// The document's language tag (the catalogue's `/Lang`).
fn lang_tag(lang: Language) -> &'static str {
    match lang {
        Language::Sv => "sv-SE",
        Language::En => "en-GB",
    }
}

/// The character WinAnsiEncoding gives a code (Latin-1 outside 0x80–0x9F).
fn winansi_char(code: u8) -> Option<char> {
    match code {
        0x20..=0x7e | 0xa0..=0xff => Some(code as char),
        0x80 => Some('€'),
        0x91 => Some('‘'),
        0x92 => Some('’'),
        0x93 => Some('“'),
        0x94 => Some('”'),
        0x95 => Some('•'),
        0x96 => Some('–'),
        0x97 => Some('—'),
        _ => None,
    }
}

/// A PDF literal string body in WinAnsi bytes; unmappable characters become '?'.
fn pdf_text(s: &str) -> String {
    let mut o = String::new();
    for c in s.chars() {
        let code: u8 = match c {
            ' '..='~' => c as u8,
            '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '€' => 0x80,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            _ => b'?',
        };
        match code {
            b'(' | b')' | b'\\' => {
                o.push('\\');
                o.push(code as char);
            }
            0x20..=0x7e => o.push(code as char),
            _ => o.push_str(&format!("\\{code:03o}")),
        }
    }
    o
}
