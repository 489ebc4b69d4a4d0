//! Documents of rows the engine writes for people outside the platform (the
//! period report of removals; the disposal log): a typed [`TableDocument`]
//! written as PDF/A-2b (printed by Chromium from escaped HTML, see
//! `ogonblick_capture::print_html_to_pdfa`) or as CSV (UTF-8 with BOM,
//! `;`-separated, CRLF, like the register's export), chosen by the file
//! name's extension.
//!
//! To export a document: build a [`TableDocument`] (texts already in the
//! reader's language, from the catalogue) and call
//! [`App::write_document`]`(&doc, &out)`, which checks `out` (extension,
//! folder, writable) before anything is made, and writes atomically.

use std::path::{Path, PathBuf};

use ogonblick_capture::{print_html_to_pdfa, DocumentMeta};
use ogonblick_model::{ErrorCode, Language, Message, Timestamp};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, AppError, Result};

/// How the rows are laid out in the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum RowLayout {
    /// One table, a row per row (few columns).
    #[default]
    Table,
    /// A block per row with each column's label and value (many columns).
    Cards,
}

/// A small table before the rows (e.g. counts per ground), with a heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SummaryTable {
    pub heading: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A document of rows. The CSV holds `columns` and `rows` only (one line
/// per row); the PDF shows everything: the title, `lines`, the summaries,
/// then the rows under `rows_heading` (or `empty` when there are none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TableDocument {
    pub language: Language,
    pub title: String,
    /// Lines under the title: the period, the selection, who made it when.
    pub lines: Vec<String>,
    pub summaries: Vec<SummaryTable>,
    pub rows_heading: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Said in place of the rows when there are none.
    pub empty: String,
    pub layout: RowLayout,
    /// What the document is (`dc:source` of the PDF/A), e.g. `ogonblick:removal-report`.
    pub source: String,
    #[ts(type = "string")]
    pub created: Timestamp,
}

/// The format of a document file, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum DocumentFormat {
    /// PDF/A-2b.
    Pdf,
    /// CSV, UTF-8 with BOM, `;`-separated.
    Csv,
}

impl DocumentFormat {
    /// `.pdf` or `.csv` (any case); `None` for anything else.
    pub fn of(path: &Path) -> Option<DocumentFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(DocumentFormat::Pdf),
            "csv" => Some(DocumentFormat::Csv),
            _ => None,
        }
    }
}

fn said(m: Message) -> AppError {
    AppError::said(ErrorCode::InvalidInput, m)
}

/// Checks where a document is to go, before anything is made: a `.pdf` or
/// `.csv` name, in a folder that exists and takes a file (tried with an
/// empty probe file, removed again), not an existing folder.
pub fn check_document_path(out: &Path) -> Result<DocumentFormat> {
    let shown = out.display().to_string();
    let format = DocumentFormat::of(out).ok_or_else(|| {
        said(Message::RemovalReportBadFormat {
            path: shown.clone(),
        })
    })?;
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(said(Message::RemovalReportNoFolder { path: shown }));
    }
    if out.is_dir() {
        return Err(said(Message::RemovalReportCannotWrite {
            path: shown,
            detail: "is a folder".into(),
        }));
    }
    let probe = dir.join(format!(
        ".{}.ogonblick-probe-{}",
        out.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
        }
        Err(e) => {
            return Err(said(Message::RemovalReportCannotWrite {
                path: shown,
                detail: e.to_string(),
            }))
        }
    }
    Ok(format)
}

impl App {
    /// Writes `doc` to `out` as PDF/A-2b (`.pdf`) or CSV (`.csv`): checks
    /// `out` first ([`check_document_path`]), then writes under a temporary
    /// name in the same folder and renames; on failure nothing is left
    /// under `out`. Returns the format and, for a PDF, its page count.
    pub fn write_document(
        &self,
        doc: &TableDocument,
        out: &Path,
    ) -> Result<(DocumentFormat, Option<u32>)> {
        self.write_document_with(doc, out, "")
    }

    /// The same with `figures` after the rows of the PDF (see
    /// [`TableDocument::to_html_with`]); the CSV has none.
    pub(crate) fn write_document_with(
        &self,
        doc: &TableDocument,
        out: &Path,
        figures: &str,
    ) -> Result<(DocumentFormat, Option<u32>)> {
        let format = check_document_path(out)?;
        let cannot = |e: &dyn std::fmt::Display| {
            said(Message::RemovalReportCannotWrite {
                path: out.display().to_string(),
                detail: e.to_string(),
            })
        };
        match format {
            DocumentFormat::Csv => {
                ogonblick_store::fsutil::write_atomic(out, &doc.to_csv())
                    .map_err(|e| cannot(&e))?;
                Ok((format, None))
            }
            DocumentFormat::Pdf => {
                let meta = DocumentMeta {
                    title: doc.title.clone(),
                    source: doc.source.clone(),
                    created: doc.created,
                };
                let printed = print_html_to_pdfa(
                    &self.document_options(),
                    &doc.to_html_with(figures),
                    &meta,
                    out,
                )
                .map_err(|e| match e {
                    ogonblick_capture::CaptureError::Io { source, .. } => cannot(&source),
                    other => AppError::said(ErrorCode::Environment, other.message()),
                })?;
                Ok((format, Some(printed.pages)))
            }
        }
    }

    /// The browser options for printing a document: this installation's
    /// Chromium and sRGB profile, no organisation profile.
    fn document_options(&self) -> ogonblick_capture::CaptureOptions {
        let mut o = self.capture_options();
        o.profile_dir = None;
        o
    }
}

/// Text as HTML: every character that means something in HTML escaped,
/// control characters (but line breaks and tabs) dropped.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Characters that make a spreadsheet treat a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn csv_field(s: &str) -> String {
    // A leading formula character gets an apostrophe (as the register's export).
    let s = if s.starts_with(FORMULA_START) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([';', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

const CSS: &str = "@page{size:A4;margin:14mm 12mm 16mm 12mm}\
body{font-family:'DejaVu Sans',sans-serif;font-size:8.5pt;color:#000;margin:0}\
h1{font-size:15pt;margin:0 0 4pt}h2{font-size:11pt;margin:12pt 0 4pt}\
p.line{margin:1pt 0}\
table{border-collapse:collapse;width:100%;margin:2pt 0 6pt}\
th,td{border:0.5pt solid #777;padding:2pt 4pt;text-align:left;vertical-align:top;\
white-space:pre-wrap;overflow-wrap:anywhere}\
th{background:#e8e8e8}\
table.summary{width:auto;min-width:40%}\
table.card{break-inside:avoid;page-break-inside:avoid;margin-bottom:8pt}\
table.card th{width:28%}\
table.card caption{text-align:left;font-weight:bold;padding:2pt 0}";

impl TableDocument {
    /// The CSV: a BOM, the columns, one line per row; `;`, CRLF.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut s = String::from("\u{feff}");
        for row in std::iter::once(&self.columns).chain(self.rows.iter()) {
            let cells: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
            s.push_str(&cells.join(";"));
            s.push_str("\r\n");
        }
        s.into_bytes()
    }

    /// The document as one self-contained HTML page: inline CSS, no script,
    /// no resource, a policy that allows none, every text escaped.
    pub fn to_html(&self) -> String {
        self.to_html_with("")
    }

    /// The same with `figures` (HTML the caller made safe: escaped text,
    /// pictures as `data:` PNGs only) after the rows; the policy then also
    /// allows `data:` pictures.
    pub(crate) fn to_html_with(&self, figures: &str) -> String {
        let e = escape_html;
        let images = if figures.is_empty() {
            ""
        } else {
            "; img-src data:"
        };
        let lang = match self.language {
            Language::Sv => "sv",
            Language::En => "en",
        };
        let mut h = format!(
            "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'{images}\">\
             <title>{}</title><style>{CSS}</style></head><body><h1>{}</h1>",
            e(&self.title),
            e(&self.title)
        );
        for l in &self.lines {
            h.push_str(&format!("<p class=\"line\">{}</p>", e(l)));
        }
        let table = |h: &mut String, class: &str, columns: &[String], rows: &[Vec<String>]| {
            h.push_str(&format!("<table class=\"{class}\"><thead><tr>"));
            for c in columns {
                h.push_str(&format!("<th>{}</th>", e(c)));
            }
            h.push_str("</tr></thead><tbody>");
            for r in rows {
                h.push_str("<tr>");
                for c in r {
                    h.push_str(&format!("<td>{}</td>", e(c)));
                }
                h.push_str("</tr>");
            }
            h.push_str("</tbody></table>");
        };
        for s in &self.summaries {
            h.push_str(&format!("<h2>{}</h2>", e(&s.heading)));
            table(&mut h, "summary", &s.columns, &s.rows);
        }
        h.push_str(&format!("<h2>{}</h2>", e(&self.rows_heading)));
        if self.rows.is_empty() {
            h.push_str(&format!("<p class=\"line\">{}</p>", e(&self.empty)));
        } else {
            match self.layout {
                RowLayout::Table => table(&mut h, "rows", &self.columns, &self.rows),
                RowLayout::Cards => {
                    for (i, r) in self.rows.iter().enumerate() {
                        h.push_str(&format!(
                            "<table class=\"card\"><caption>{}.</caption><tbody>",
                            i + 1
                        ));
                        for (c, v) in self.columns.iter().zip(r) {
                            h.push_str(&format!("<tr><th>{}</th><td>{}</td></tr>", e(c), e(v)));
                        }
                        h.push_str("</tbody></table>");
                    }
                }
            }
        }
        h.push_str(figures);
        h.push_str("</body></html>");
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_stays_text() {
        assert_eq!(
            escape_html("<script>x</script></td><img src=http://a/>&\"'\u{7}"),
            "&lt;script&gt;x&lt;/script&gt;&lt;/td&gt;&lt;img src=http://a/&gt;&amp;&quot;&#39;"
        );
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("a;b \"c\""), "\"a;b \"\"c\"\"\"");
        assert_eq!(csv_field("rad\nrad"), "\"rad\nrad\"");
        assert_eq!(
            DocumentFormat::of(Path::new("/x/R.PDF")),
            Some(DocumentFormat::Pdf)
        );
        assert_eq!(DocumentFormat::of(Path::new("/x/r.txt")), None);
    }
}
