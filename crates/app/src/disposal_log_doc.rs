//! The disposal log (*gallringsprotokoll*) as a document: PDF/A-2b or CSV,
//! one block per disposed document with every deleted file's name, size and
//! SHA-256, through the same table document as the removal report.

use ogonblick_model::RoleAction;
use ogonblick_store::RegisterExt;
use std::path::Path;

use ogonblick_model::{DisposalLogEntry, Language, Message, Timestamp};

use crate::documents::{DocumentFormat, RowLayout, TableDocument};
use crate::{App, Result};

fn local(t: &Timestamp) -> String {
    t.with_timezone(&chrono_tz::Europe::Stockholm)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The columns, in order: each a catalogue key's text.
const COLUMNS: [&str; 14] = [
    "disposed-at",
    "disposed-by",
    "kind",
    "id",
    "channel",
    "board",
    "address",
    "item-date",
    "diary-number",
    "rule",
    "period",
    "decision",
    "run-reference",
    "files",
];

fn row(e: &DisposalLogEntry) -> Vec<String> {
    let files: Vec<String> = e
        .files
        .iter()
        .map(|f| format!("{} ({} B) SHA-256 {}", f.name, f.size, f.sha256))
        .collect();
    vec![
        local(&e.disposed_at),
        e.disposed_by.clone(),
        e.item_kind.to_string(),
        e.item_id.clone(),
        format!("{} {}", e.channel_id, e.channel_name),
        e.board.clone().unwrap_or_default(),
        e.address.clone(),
        local(&e.item_date),
        e.diary_number.clone().unwrap_or_default(),
        e.rule_kind.to_string(),
        e.rule_period.to_string(),
        e.decision.clone(),
        e.run_reference.clone().unwrap_or_default(),
        files.join("\n"),
    ]
}

impl App {
    /// The disposal log as a document in `lang`.
    pub fn disposal_log_document(&self, lang: Language) -> Result<TableDocument> {
        let log = self.disposal_log()?;
        let now = self.clock().now();
        let t = |m: Message| m.render(lang);
        let org = self.store().settings().map(|s| s.name).unwrap_or_default();
        let files: usize = log.iter().map(|e| e.files.len()).sum();
        Ok(TableDocument {
            language: lang,
            title: t(Message::DisposalLogTitle {}),
            lines: vec![
                t(Message::DisposalLogMade {
                    organisation: org,
                    at: local(&now),
                    by: self.operator().to_string(),
                }),
                t(Message::DisposalLogCounts {
                    documents: log.len() as u64,
                    files: files as u64,
                }),
            ],
            summaries: Vec::new(),
            rows_heading: t(Message::DisposalLogRows {}),
            columns: COLUMNS
                .iter()
                .map(|c| {
                    t(Message::DisposalLogColumn {
                        name: c.to_string(),
                    })
                })
                .collect(),
            rows: log.iter().map(row).collect(),
            empty: t(Message::DisposalLogEmpty {}),
            layout: RowLayout::Cards,
            source: "ogonblick:disposal-log".into(),
            created: now,
        })
    }

    /// Writes the disposal log to `out` (`.pdf`: PDF/A-2b, `.csv`: CSV, one
    /// row per disposed document), atomically; the number of documents in it.
    pub fn write_disposal_log(
        &self,
        out: &Path,
        lang: Language,
    ) -> Result<(DocumentFormat, usize)> {
        self.require(RoleAction::Report, None)?;
        let doc = self.disposal_log_document(lang)?;
        let n = doc.rows.len();
        let (format, _) = self.write_document(&doc, out)?;
        Ok((format, n))
    }
}
