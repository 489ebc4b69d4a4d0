//! CSV import and export of the register.
//!
//! Import accepts UTF-8 with or without BOM, comma or semicolon as the
//! delimiter (sniffed from the header line), quoted fields, and English or
//! Swedish column names in any case. Several addresses go in one cell,
//! separated by `|` or line breaks. Every row is validated before anything
//! is written; then all rows go in in one transaction, or none.

use ogonblick_model::messages::IoAction;
use ogonblick_model::Message;
use std::collections::HashMap;
use std::path::Path;

use ogonblick_model::{Channel, ChannelStatus, NewChannel, Platform, SchedulePolicy};
use serde::{Deserialize, Serialize};

use crate::fsutil::write_atomic;
use crate::import::{register_conflicts, Import, ImportRow, OrgTakeIn};
use crate::validate::{check_new_channel, normalise_url};
use crate::{Register, RowError, Store, StoreError};

/// The delimiter of an exported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Delimiter {
    /// What Excel with Swedish settings reads and writes.
    #[default]
    Semicolon,
    Comma,
}

impl Delimiter {
    fn byte(self) -> u8 {
        match self {
            Delimiter::Semicolon => b';',
            Delimiter::Comma => b',',
        }
    }
}

/// The result of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub imported: Vec<Channel>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Col {
    Id,
    Name,
    Platform,
    Urls,
    Board,
    Unit,
    Responsible,
    Substitute,
    Purpose,
    Audience,
    Policy,
    Status,
    Notes,
}

const EXPORT_HEADER: [&str; 13] = [
    "id",
    "name",
    "platform",
    "urls",
    "board",
    "unit",
    "responsible",
    "substitute",
    "purpose",
    "audience",
    "policy",
    "status",
    "notes",
];

fn column(header: &str) -> Option<Col> {
    let h = header.trim().to_lowercase();
    Some(match h.as_str() {
        "id" => Col::Id,
        "name" | "namn" | "kanal" | "kanalnamn" => Col::Name,
        "platform" | "plattform" => Col::Platform,
        "urls" | "url" | "address" | "addresses" | "adress" | "adresser" | "länk" | "länkar" => {
            Col::Urls
        }
        "board" | "nämnd" => Col::Board,
        "unit" | "enhet" | "förvaltning" => Col::Unit,
        "responsible" | "ansvarig" => Col::Responsible,
        "substitute" | "ersättare" => Col::Substitute,
        "purpose" | "syfte" => Col::Purpose,
        "audience" | "målgrupp" => Col::Audience,
        "policy" | "intervall" | "intervall/policy" | "schedule" => Col::Policy,
        "status" => Col::Status,
        "notes" | "anteckningar" | "anteckning" | "kommentar" => Col::Notes,
        _ => return None,
    })
}

/// Picks `;` or `,` from the header line: whichever occurs more often
/// outside quotes (ties: `,`).
fn sniff_delimiter(text: &str) -> u8 {
    let mut in_quotes = false;
    let (mut semi, mut comma) = (0, 0);
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => break,
            ';' if !in_quotes => semi += 1,
            ',' if !in_quotes => comma += 1,
            _ => {}
        }
    }
    if semi > comma {
        b';'
    } else {
        b','
    }
}

impl Store {
    /// Imports a register CSV file: all rows or nothing. On bad rows the
    /// error lists every problem of every row.
    pub fn import_register(&self, path: &Path, actor: &str) -> Result<ImportReport, StoreError> {
        import_rows(self, path, actor, None)
    }

    /// [`Store::import_register`] that also changes the organisation's list
    /// in the import's transaction: `org` gets the list, every channel (the
    /// imported ones included) when the list is empty, and the imported
    /// ones, and returns the audit events of what it added (none: the list
    /// is not written).
    pub fn import_register_with(
        &self,
        path: &Path,
        actor: &str,
        org: OrgTakeIn<'_>,
    ) -> Result<ImportReport, StoreError> {
        import_rows(self, path, actor, Some(org))
    }

    /// Writes the register as CSV (UTF-8 with BOM, so Excel reads åäö) to
    /// `path`, atomically. Returns the number of channels written.
    pub fn export_register(&self, path: &Path, delimiter: Delimiter) -> Result<usize, StoreError> {
        export_register(self, path, delimiter)
    }
}

/// Reads, checks and imports a register CSV file into any register
/// ([`crate::RegisterExt::import_register_with`]): every row checked in
/// memory and against the register's addresses first, then all rows in one
/// call of [`Register::import_channels`] (one transaction), or none.
pub(crate) fn import_rows<R: Register + ?Sized>(
    reg: &R,
    path: &Path,
    actor: &str,
    org: Option<OrgTakeIn<'_>>,
) -> Result<ImportReport, StoreError> {
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(IoAction::ReadCsv, path, e))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        StoreError::Invalid(Message::CsvNotUtf8 {
            path: path.display().to_string(),
        })
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(StoreError::Invalid(Message::CsvEmpty {
            path: path.display().to_string(),
        }));
    }
    let delimiter = sniff_delimiter(text);
    if let Some(line) = unclosed_quote(text, delimiter) {
        return Err(StoreError::Invalid(Message::CsvOpenQuote {
            path: path.display().to_string(),
            line,
        }));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(path, e))?.clone();
    let mut cols: Vec<Option<Col>> = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashMap<Col, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        match column(h) {
            Some(c) => {
                if seen.insert(c, i).is_some() {
                    problems.push(Message::CsvColumnTwice {
                        column: h.trim().to_string(),
                    });
                }
                cols.push(Some(c));
            }
            None if h.trim().is_empty() => cols.push(None),
            None => problems.push(Message::CsvColumnUnknown {
                column: h.trim().to_string(),
                known: EXPORT_HEADER[1..].join(", "),
            }),
        }
    }
    for (c, name) in [
        (Col::Name, "name"),
        (Col::Platform, "platform"),
        (Col::Urls, "urls"),
    ] {
        if !seen.contains_key(&c) {
            problems.push(Message::CsvColumnMissing {
                column: name.to_string(),
            });
        }
    }
    if !problems.is_empty() {
        return Err(StoreError::Invalid(Message::CsvBadHeader {
            path: path.display().to_string(),
            problems,
        }));
    }

    let mut rows: Vec<ImportRow> = Vec::new();
    let mut row_errors: Vec<RowError> = Vec::new();
    let mut file_urls: HashMap<String, u64> = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, e))?;
        let row = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let mut errs = Vec::new();
        if record.len() > headers.len()
            && record
                .iter()
                .skip(headers.len())
                .any(|f| !f.trim().is_empty())
        {
            errs.push(Message::CsvRowFields {
                fields: record.len() as u64,
                header: headers.len() as u64,
            });
        }
        let get = |c: Col| -> Option<String> {
            let i = *seen.get(&c)?;
            record
                .get(i)
                .map(|s| unprotect(s.trim()).to_string())
                .filter(|s| !s.is_empty())
        };
        let platform = match get(Col::Platform) {
            Some(p) => match p.parse::<Platform>() {
                Ok(p) => Some(p),
                Err(e) => {
                    errs.push(e.message());
                    None
                }
            },
            None => None,
        };
        let policy = match get(Col::Policy) {
            None => None,
            Some(p) if ["default", "standard"].contains(&p.to_lowercase().as_str()) => None,
            Some(p) => match p.parse::<SchedulePolicy>() {
                Ok(p) => Some(p),
                Err(e) => {
                    errs.push(e.message());
                    None
                }
            },
        };
        let status = match get(Col::Status) {
            None => ChannelStatus::Active,
            Some(s) => match s.parse::<ChannelStatus>() {
                // A closed channel in Ögonblick is one whose pre-closure
                // snapshot was packaged and verified; an import cannot
                // show that, so it would be a closure without evidence.
                Ok(ChannelStatus::Closed) => {
                    errs.push(Message::CsvStatusClosed { status: s.clone() });
                    ChannelStatus::Active
                }
                Ok(s) => s,
                Err(e) => {
                    errs.push(e.message());
                    ChannelStatus::Active
                }
            },
        };
        let urls: Vec<String> = get(Col::Urls)
            .map(|u| {
                u.split(['|', '\n', '\r'])
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let new = NewChannel {
            name: get(Col::Name).unwrap_or_default(),
            platform,
            urls,
            board: get(Col::Board),
            unit: get(Col::Unit),
            responsible: get(Col::Responsible),
            substitute: get(Col::Substitute),
            purpose: get(Col::Purpose),
            audience: get(Col::Audience),
            policy,
            notes: get(Col::Notes),
        };
        let platform_known = new.platform.is_some() || get(Col::Platform).is_some();
        match check_new_channel(&new) {
            Ok(clean) => {
                for u in &clean.urls {
                    let key = normalise_url(u).unwrap_or_default();
                    if let Some(other) = file_urls.get(&key) {
                        errs.push(Message::CsvAddressInRow {
                            url: u.clone(),
                            row: *other,
                        });
                    } else {
                        file_urls.insert(key, row);
                    }
                }
                if errs.is_empty() {
                    rows.push(ImportRow {
                        row,
                        channel: clean,
                        status,
                    });
                }
            }
            Err(mut es) => {
                if platform_known {
                    es.retain(|e| !matches!(e, Message::ChannelPlatformMissing { .. }));
                }
                errs.extend(es);
            }
        }
        if !errs.is_empty() {
            row_errors.push(RowError {
                row,
                messages: errs,
            });
        }
    }
    // Against the register: one read of its addresses, not one per row.
    let owners = reg.url_owners()?;
    row_errors.extend(register_conflicts(&rows, &owners));
    if !row_errors.is_empty() {
        row_errors.sort_by_key(|e| e.row);
        let mut merged: Vec<RowError> = Vec::new();
        for e in row_errors {
            match merged.last_mut() {
                Some(last) if last.row == e.row => last.messages.extend(e.messages),
                _ => merged.push(e),
            }
        }
        return Err(StoreError::ImportRows(merged));
    }
    if rows.is_empty() {
        return Err(StoreError::Invalid(Message::CsvNoRows {
            path: path.display().to_string(),
        }));
    }
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let imported = reg.import_channels(Import {
        rows: &rows,
        actor,
        source: &source,
        org,
    })?;
    Ok(ImportReport { imported })
}

/// Writes the register as CSV to `path` ([`crate::RegisterExt::export_register`]).
pub(crate) fn export_register<R: Register + ?Sized>(
    reg: &R,
    path: &Path,
    delimiter: Delimiter,
) -> Result<usize, StoreError> {
    let channels = reg.channels()?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter.byte())
        .quote_style(csv::QuoteStyle::Necessary)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let to_err = |e: csv::Error| {
        StoreError::Invalid(Message::CsvCannotWrite {
            detail: e.to_string(),
        })
    };
    w.write_record(EXPORT_HEADER).map_err(to_err)?;
    for c in &channels {
        let o = |s: &Option<String>| protect(s.as_deref().unwrap_or_default());
        w.write_record([
            c.id.to_string(),
            protect(&c.name),
            c.platform.as_str().to_string(),
            c.urls.join(" | "),
            o(&c.board),
            o(&c.unit),
            o(&c.responsible),
            o(&c.substitute),
            o(&c.purpose),
            o(&c.audience),
            c.policy.map(|p| p.as_str().to_string()).unwrap_or_default(),
            c.status.as_str().to_string(),
            o(&c.notes),
        ])
        .map_err(to_err)?;
    }
    let body = w.into_inner().map_err(|e| {
        StoreError::Invalid(Message::CsvCannotWrite {
            detail: e.to_string(),
        })
    })?;
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(&body);
    write_atomic(path, &bytes)?;
    Ok(channels.len())
}

/// Characters that make a spreadsheet treat a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Guards a cell against formula injection when the file is opened in a
/// spreadsheet: a leading `=`, `+`, `-`, `@` gets an apostrophe in front
/// (which Excel does not show); [`unprotect`] removes it on import.
fn protect(s: &str) -> String {
    if s.starts_with(FORMULA_START) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn unprotect(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => s,
    }
}

/// The line on which a quoted field opens that is never closed, if any.
/// A field is quoted when its first character is `"`; inside it `""` is a
/// quote and a single `"` ends it. (A quote inside an unquoted field is a
/// plain character, as the CSV reader treats it.)
fn unclosed_quote(text: &str, delimiter: u8) -> Option<u64> {
    let delimiter = delimiter as char;
    let mut line = 1u64;
    let mut opened_at = 0u64;
    let mut in_quotes = false;
    let mut field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => in_quotes = false,
                '\n' => line += 1,
                _ => {}
            }
            continue;
        }
        match c {
            '"' if field_start => {
                in_quotes = true;
                opened_at = line;
                field_start = false;
            }
            '\n' => {
                line += 1;
                field_start = true;
            }
            '\r' => field_start = true,
            c if c == delimiter => field_start = true,
            _ => field_start = false,
        }
    }
    in_quotes.then_some(opened_at)
}

fn csv_error(path: &Path, e: csv::Error) -> StoreError {
    StoreError::Invalid(Message::CsvUnreadable {
        path: path.display().to_string(),
        row: e.position().map(|p| p.line()).unwrap_or(0),
        detail: e.to_string(),
    })
}
