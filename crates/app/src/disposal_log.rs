//! The disposal log (*gallringsprotokoll*) as the register keeps it, and
//! as CSV.

use ogonblick_model::DisposalLogEntry;

use crate::{App, Result};

impl App {
    /// The disposal log (*gallringsprotokoll*), oldest first.
    pub fn disposal_log(&self) -> Result<Vec<DisposalLogEntry>> {
        Ok(self.store().disposal_log()?)
    }

    /// The disposal log as CSV (`;`-separated, UTF-8 with BOM, for Excel):
    /// one row per deleted file, with its document's columns.
    pub fn disposal_log_csv(&self) -> Result<String> {
        let mut out = String::from("\u{feff}");
        out.push_str(&DISPOSAL_LOG_COLUMNS.join(";"));
        out.push_str("\r\n");
        for e in self.disposal_log()? {
            for f in &e.files {
                let cells = [
                    e.disposed_at.to_rfc3339(),
                    e.disposed_by.clone(),
                    e.item_kind.to_string(),
                    e.item_id.clone(),
                    e.channel_id.to_string(),
                    e.channel_name.clone(),
                    e.board.clone().unwrap_or_default(),
                    e.address.clone(),
                    e.item_date.to_rfc3339(),
                    e.diary_number.clone().unwrap_or_default(),
                    e.rule_kind.to_string(),
                    e.rule_period.to_string(),
                    e.decision.clone(),
                    e.run_reference.clone().unwrap_or_default(),
                    f.name.clone(),
                    f.size.to_string(),
                    f.sha256.clone(),
                ];
                let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
                out.push_str(&row.join(";"));
                out.push_str("\r\n");
            }
        }
        Ok(out)
    }
}

/// The columns of the disposal log's CSV (and of its PDF/A table).
pub const DISPOSAL_LOG_COLUMNS: [&str; 17] = [
    "disposed_at",
    "disposed_by",
    "kind",
    "id",
    "channel_id",
    "channel",
    "board",
    "address",
    "item_date",
    "diary_number",
    "rule",
    "period",
    "decision",
    "run_reference",
    "file",
    "size",
    "sha256",
];

/// A CSV cell: quoted when needed; a leading `=`, `+`, `-`, `@` is escaped
/// so that a spreadsheet does not run it as a formula.
fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}
