//! Finishes a PDF printed by Chromium into PDF/A-2b.
//!
//! Chromium (Skia) prints PDF 1.4 with embedded font subsets and a text
//! layer, but without XMP metadata, output intent or trailer ID. [`finish`]
//! adds what PDF/A-2b (ISO 19005-2, level B) needs and removes what it forbids:
//!
//! * XMP metadata (uncompressed stream): `pdfaid:part` 2, `pdfaid:conformance`
//!   B, `dc:title`, `dc:description`, `dc:source` (the captured URL),
//!   `xmp:CreateDate`/`ModifyDate`/`MetadataDate`, `xmp:CreatorTool`,
//!   `pdf:Producer`, `xmpMM:DocumentID`, mirrored in the Info dictionary
//!   (Title, Subject, Creator, Producer, CreationDate, ModDate) as UTF-16BE;
//! * an sRGB output intent (`/S /GTS_PDFA1`) embedding the ICC profile given
//!   in [`PdfAMeta::icc_profile`] (Debian's `icc-profiles-free` ships
//!   `/usr/share/color/icc/sRGB.icc`, an lcms ICC v2 sRGB profile under the
//!   zlib licence);
//! * a trailer `/ID` (derived from the content, so the same input and
//!   metadata give the same file);
//! * annotation `/F` print flag; removal of `/AA`, JavaScript and other
//!   forbidden actions, `/OpenAction`, embedded files, `/Encrypt`;
//! * header version 1.7 (PDF/A-2 is based on ISO 32000-1).
//!
//! [`ImagePdf`] writes a PDF/A-2b itself, page by page, from images of the
//! stitched screenshot with an invisible text layer (see `image_pdf.rs`),
//! with the same metadata, output intent and ID.
//!
//! It refuses (error) a PDF with a font that is not embedded, since that
//! cannot be repaired here. It does not re-encode content streams: what
//! Chromium drew (transparency, DeviceRGB) stays and is allowed by PDF/A-2
//! with an RGB output intent.

mod glyphless;
mod image_pdf;

pub use image_pdf::{ImagePdf, TextLine};

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

/// What goes into the XMP and the Info dictionary.
#[derive(Debug, Clone)]
pub struct PdfAMeta {
    pub title: String,
    /// The captured page's address (`dc:source`).
    pub source_url: String,
    pub created: DateTime<Utc>,
    /// e.g. "Ögonblick 0.1.0".
    pub producer: String,
    /// e.g. "Ögonblick 0.1.0 with Chrome/156.0.8078.79".
    pub creator_tool: String,
    /// An RGB ICC profile (sRGB) for the output intent.
    pub icc_profile: PathBuf,
    /// The document's subject (XMP `dc:description`, Info `Subject`) in its
    /// reader's language; `None`: "Snapshot of <source> taken <time>".
    pub subject: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct FinishReport {
    pub pages: u32,
    /// What was removed, e.g. "JavaScript name tree", for the record.
    pub removed: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfAError {
    #[error("could not read or write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the PDF could not be read: {0}")]
    Parse(String),
    #[error("the PDF is encrypted; an encrypted PDF cannot become PDF/A")]
    Encrypted,
    #[error("the font {0} is not embedded, so the PDF cannot become PDF/A")]
    FontNotEmbedded(String),
    #[error("{path} is not an RGB ICC profile: give the path of an sRGB .icc file (Debian: icc-profiles-free)")]
    BadIcc { path: PathBuf },
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// Reads `input`, finishes it, writes `output` (fsynced). `output` should be a
/// temporary name; the caller renames it.
pub fn finish_file(
    input: &Path,
    output: &Path,
    meta: &PdfAMeta,
) -> Result<FinishReport, PdfAError> {
    let bytes = std::fs::read(input).map_err(|e| PdfAError::Io {
        path: input.into(),
        source: e,
    })?;
    let (out, rep) = finish(&bytes, meta)?;
    let mut f = std::fs::File::create(output).map_err(|e| PdfAError::Io {
        path: output.into(),
        source: e,
    })?;
    f.write_all(&out)
        .and_then(|_| f.sync_all())
        .map_err(|e| PdfAError::Io {
            path: output.into(),
            source: e,
        })?;
    Ok(rep)
}

fn pdf_text(s: &str) -> Object {
    let mut b = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        b.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(b, StringFormat::Hexadecimal)
}

fn pdf_date(t: &DateTime<Utc>) -> Object {
    Object::String(
        t.format("D:%Y%m%d%H%M%S+00'00'").to_string().into_bytes(),
        StringFormat::Literal,
    )
}

fn xml_escape(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

pub(crate) fn xmp(meta: &PdfAMeta, subject: &str, doc_id: &str) -> Vec<u8> {
    let d = meta.created.to_rfc3339_opts(SecondsFormat::Secs, false);
    let d = d.replace("Z", "+00:00");
    format!(
        "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
 <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
  <rdf:Description rdf:about=\"\"\n\
    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n\
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n\
    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n\
    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n\
   <pdfaid:part>2</pdfaid:part>\n\
   <pdfaid:conformance>B</pdfaid:conformance>\n\
   <dc:format>application/pdf</dc:format>\n\
   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{subject}</rdf:li></rdf:Alt></dc:description>\n\
   <dc:source>{source}</dc:source>\n\
   <xmp:CreateDate>{d}</xmp:CreateDate>\n\
   <xmp:ModifyDate>{d}</xmp:ModifyDate>\n\
   <xmp:MetadataDate>{d}</xmp:MetadataDate>\n\
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>\n\
   <pdf:Producer>{producer}</pdf:Producer>\n\
   <xmpMM:DocumentID>uuid:{doc_id}</xmpMM:DocumentID>\n\
  </rdf:Description>\n\
 </rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"w\"?>",
        title = xml_escape(&meta.title),
        subject = xml_escape(subject),
        source = xml_escape(&meta.source_url),
        creator = xml_escape(&meta.creator_tool),
        producer = xml_escape(&meta.producer),
    )
    .into_bytes()
}

/// The document's subject (XMP `dc:description`, Info `Subject`).
pub(crate) fn subject(meta: &PdfAMeta) -> String {
    if let Some(s) = &meta.subject {
        return s.clone();
    }
    format!(
        "Snapshot of {} taken {}",
        meta.source_url,
        meta.created.format("%Y-%m-%d %H:%M:%S UTC")
    )
}

/// Reads the output intent's ICC profile, which must be an RGB one.
pub(crate) fn read_icc(path: &Path) -> Result<Vec<u8>, PdfAError> {
    let icc = std::fs::read(path).map_err(|e| PdfAError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    if icc.len() < 128 || &icc[16..20] != b"RGB " || &icc[36..40] != b"acsp" {
        return Err(PdfAError::BadIcc {
            path: path.to_path_buf(),
        });
    }
    Ok(icc)
}

/// Action types PDF/A-2 permits (ISO 19005-2, 6.5.1).
const ALLOWED_ACTIONS: &[&[u8]] = &[
    b"GoTo",
    b"GoToR",
    b"GoToE",
    b"Thread",
    b"URI",
    b"Named",
    b"SubmitForm",
];

fn action_allowed(doc: &Document, a: &Object) -> bool {
    let dict = match a {
        Object::Dictionary(d) => d,
        Object::Reference(id) => match doc.get_object(*id) {
            Ok(Object::Dictionary(d)) => d,
            _ => return false,
        },
        _ => return false,
    };
    let s = dict.get(b"S").and_then(|o| o.as_name()).unwrap_or(b"");
    if !ALLOWED_ACTIONS.contains(&s) {
        return false;
    }
    if s == b"Named" {
        let n = dict.get(b"N").and_then(|o| o.as_name()).unwrap_or(b"");
        return [
            b"NextPage".as_slice(),
            b"PrevPage",
            b"FirstPage",
            b"LastPage",
        ]
        .contains(&n);
    }
    // A chained /Next action is checked too.
    match dict.get(b"Next") {
        Ok(next) => action_allowed(doc, next),
        Err(_) => true,
    }
}

/// Finishes a PDF held in memory; returns the new bytes.
pub fn finish(input: &[u8], meta: &PdfAMeta) -> Result<(Vec<u8>, FinishReport), PdfAError> {
    let icc = read_icc(&meta.icc_profile)?;
    let mut doc = Document::load_mem(input).map_err(|e| PdfAError::Parse(e.to_string()))?;
    if doc.trailer.get(b"Encrypt").is_ok() {
        return Err(PdfAError::Encrypted);
    }
    let mut rep = FinishReport::default();
    let mut removed = BTreeSet::new();

    // Walk every dictionary: annotations, actions, fonts.
    let ids: Vec<ObjectId> = doc.objects.keys().copied().collect();
    let mut unembedded = Vec::new();
    // Type 3 glyphs are content streams: their descriptor has no font file.
    let type3_descriptors: BTreeSet<ObjectId> = doc
        .objects
        .values()
        .filter_map(|o| match o {
            Object::Dictionary(d)
                if d.get(b"Subtype").and_then(|s| s.as_name()).ok()
                    == Some(b"Type3".as_slice()) =>
            {
                d.get(b"FontDescriptor").and_then(|r| r.as_reference()).ok()
            }
            _ => None,
        })
        .collect();
    for id in &ids {
        let snapshot = doc.objects.get(id).cloned();
        let Some(obj) = snapshot else { continue };
        let dict = match &obj {
            Object::Dictionary(d) => d.clone(),
            Object::Stream(s) => s.dict.clone(),
            _ => continue,
        };
        let mut d = dict.clone();
        if d.remove(b"AA").is_some() {
            removed.insert("additional actions (/AA)".to_string());
        }
        if let Ok(a) = d.get(b"A") {
            if !action_allowed(&doc, a) {
                d.remove(b"A");
                removed.insert("forbidden actions (JavaScript, Launch, ...)".to_string());
            }
        }
        let ty = d
            .get(b"Type")
            .and_then(|o| o.as_name())
            .unwrap_or(b"")
            .to_vec();
        let subtype = d
            .get(b"Subtype")
            .and_then(|o| o.as_name())
            .unwrap_or(b"")
            .to_vec();
        if ty == b"Annot" || (d.has(b"Rect") && d.has(b"Subtype") && ty.is_empty() && d.has(b"P")) {
            // Print flag on, Hidden/Invisible/NoView/ToggleNoView off.
            let f = d.get(b"F").and_then(|o| o.as_i64()).unwrap_or(0);
            let f = (f | 4) & !(1 | 2 | 32 | 256);
            d.set("F", Object::Integer(f));
        }
        if ty == b"FontDescriptor"
            && !type3_descriptors.contains(id)
            && !(d.has(b"FontFile") || d.has(b"FontFile2") || d.has(b"FontFile3"))
        {
            let name = d
                .get(b"FontName")
                .and_then(|o| o.as_name())
                .ok()
                .map(|n| String::from_utf8_lossy(n).into_owned());
            unembedded.push(name.unwrap_or_else(|| format!("{id:?}")));
        }
        if ty == b"Font"
            && (subtype == b"TrueType" || subtype == b"Type1" || subtype == b"MMType1")
            && !d.has(b"FontDescriptor")
        {
            let name = d
                .get(b"BaseFont")
                .and_then(|o| o.as_name())
                .ok()
                .map(|n| String::from_utf8_lossy(n).into_owned());
            unembedded.push(name.unwrap_or_else(|| format!("{id:?}")));
        }
        if d != dict {
            match doc.objects.get_mut(id) {
                Some(Object::Dictionary(x)) => *x = d,
                Some(Object::Stream(s)) => s.dict = d,
                _ => {}
            }
        }
    }
    if let Some(f) = unembedded.into_iter().next() {
        return Err(PdfAError::FontNotEmbedded(f));
    }

    // Catalog.
    let root_id = doc
        .trailer
        .get(b"Root")
        .and_then(|o| o.as_reference())
        .map_err(|_| PdfAError::Parse("the PDF has no catalog".into()))?;
    let mut catalog = doc
        .get_dictionary(root_id)
        .map_err(|_| PdfAError::Parse("the PDF has no catalog".into()))?
        .clone();
    for (key, what) in [
        (&b"OpenAction"[..], "open action"),
        (b"AA", "additional actions (/AA)"),
        (b"AcroForm", "form"),
        (b"Perms", "permissions"),
        (b"Requirements", "requirements"),
        (b"Collection", "portfolio"),
    ] {
        if catalog.remove(key).is_some() {
            removed.insert(what.to_string());
        }
    }
    if let Ok(names) = catalog.get(b"Names").cloned() {
        let (nid, mut nd) = match names {
            Object::Reference(id) => (
                Some(id),
                doc.get_dictionary(id).cloned().unwrap_or_default(),
            ),
            Object::Dictionary(d) => (None, d),
            _ => (None, Dictionary::new()),
        };
        if nd.remove(b"JavaScript").is_some() {
            removed.insert("JavaScript name tree".to_string());
        }
        if nd.remove(b"EmbeddedFiles").is_some() {
            removed.insert("embedded files".to_string());
        }
        match nid {
            Some(id) => {
                doc.objects.insert(id, Object::Dictionary(nd));
            }
            None => catalog.set("Names", Object::Dictionary(nd)),
        }
    }

    let doc_hash = {
        let mut h = Sha256::new();
        h.update(input);
        h.update(meta.title.as_bytes());
        h.update(meta.source_url.as_bytes());
        h.update(meta.created.to_rfc3339().as_bytes());
        h.finalize()
    };
    let idb = doc_hash[..16].to_vec();
    let uuid = {
        let h = hex::encode(&idb);
        format!(
            "{}-{}-{}-{}-{}",
            &h[0..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..32]
        )
    };
    let subject = subject(meta);

    let mut md = Dictionary::new();
    md.set("Type", Object::Name(b"Metadata".to_vec()));
    md.set("Subtype", Object::Name(b"XML".to_vec()));
    let xmp_id = doc.add_object(Object::Stream(
        Stream::new(md, xmp(meta, &subject, &uuid)).with_compression(false),
    ));
    catalog.set("Metadata", Object::Reference(xmp_id));

    let mut icc_dict = Dictionary::new();
    icc_dict.set("N", Object::Integer(3));
    let icc_id = doc.add_object(Object::Stream(
        Stream::new(icc_dict, icc).with_compression(false),
    ));
    let mut oi = Dictionary::new();
    oi.set("Type", Object::Name(b"OutputIntent".to_vec()));
    oi.set("S", Object::Name(b"GTS_PDFA1".to_vec()));
    oi.set(
        "OutputConditionIdentifier",
        Object::string_literal("sRGB IEC61966-2.1"),
    );
    oi.set("Info", Object::string_literal("sRGB IEC61966-2.1"));
    oi.set(
        "RegistryName",
        Object::string_literal("http://www.color.org"),
    );
    oi.set("DestOutputProfile", Object::Reference(icc_id));
    catalog.set("OutputIntents", Object::Array(vec![Object::Dictionary(oi)]));
    doc.objects.insert(root_id, Object::Dictionary(catalog));

    let mut info = Dictionary::new();
    info.set("Title", pdf_text(&meta.title));
    info.set("Subject", pdf_text(&subject));
    info.set("Creator", pdf_text(&meta.creator_tool));
    info.set("Producer", pdf_text(&meta.producer));
    info.set("CreationDate", pdf_date(&meta.created));
    info.set("ModDate", pdf_date(&meta.created));
    let info_id = doc.add_object(Object::Dictionary(info));
    doc.trailer.set("Info", Object::Reference(info_id));
    doc.trailer.remove(b"Encrypt");
    doc.trailer.remove(b"Prev");
    doc.trailer.remove(b"XRefStm");
    let id_str = Object::String(idb, StringFormat::Hexadecimal);
    doc.trailer
        .set("ID", Object::Array(vec![id_str.clone(), id_str]));
    doc.version = "1.7".to_string();

    rep.pages = doc.get_pages().len() as u32;
    rep.removed = removed.into_iter().collect();
    let mut out = Vec::with_capacity(input.len() + 16_384);
    doc.save_to(&mut out)
        .map_err(|e| PdfAError::Write(e.to_string()))?;
    ensure_binary_comment(&mut out);
    Ok((out, rep))
}

/// PDF/A requires the header line to be followed by a comment of at least
/// four bytes above 127.
fn ensure_binary_comment(out: &mut [u8]) {
    let Some(nl) = out.iter().position(|b| *b == b'\n') else {
        return;
    };
    let second = &out[nl + 1..(nl + 7).min(out.len())];
    let ok = second.first() == Some(&b'%') && second.iter().skip(1).take(4).all(|b| *b > 127);
    if ok {
        return;
    }
    // Inserting bytes would shift every xref offset; lopdf always writes the
    // comment, so this is only a guard for a future version.
    debug_assert!(
        ok,
        "lopdf no longer writes a binary comment after the header"
    );
}
