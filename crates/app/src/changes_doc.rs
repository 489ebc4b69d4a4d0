//! Two snapshots compared, as a document (PDF/A-2b or CSV, by the name's
//! extension) through the same table document as the removal report: a
//! block per page with its similarity, what changed in the channel's
//! identity, the changed regions and the lines removed and added. The
//! lines are captured text (hostile input): the table document escapes them.
//! The PDF also shows the top of both pictures of each page, the changed
//! regions marked (`changes_figures.rs`).

use ogonblick_model::RoleAction;
use std::path::Path;

use ogonblick_model::messages::ChangeColumn;
use ogonblick_model::{Language, Message, Timestamp};

use crate::changes::SnapshotComparison;
use crate::documents::{DocumentFormat, RowLayout, TableDocument};
use crate::{App, Result};

fn local(t: &Timestamp) -> String {
    t.with_timezone(&chrono_tz::Europe::Stockholm)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The columns, in order: each a catalogue key's text.
const COLUMNS: [ChangeColumn; 6] = [
    ChangeColumn::Page,
    ChangeColumn::Similarity,
    ChangeColumn::Identity,
    ChangeColumn::Regions,
    ChangeColumn::Removed,
    ChangeColumn::Added,
];

impl App {
    /// Snapshot `newer` compared with `older`, as a document in `lang`.
    pub fn comparison_document(
        &self,
        c: &SnapshotComparison,
        lang: Language,
    ) -> Result<TableDocument> {
        let now = self.clock().now();
        let t = |m: Message| m.render(lang);
        let rows = c
            .pages
            .iter()
            .map(|p| {
                let k = &p.comparison;
                let signals: Vec<String> = k
                    .signals
                    .iter()
                    .map(|s| t(Message::ChangeSignalName { name: s.name() }))
                    .collect();
                let regions: Vec<String> = k
                    .changed_regions
                    .iter()
                    .take(40)
                    .map(|r| format!("{}×{} px @ {},{}", r.width, r.height, r.x, r.y))
                    .collect();
                vec![
                    p.url.clone(),
                    t(Message::ChangeSimilarity {
                        text: format!("{:.0}", k.text_similarity * 100.0),
                        header: format!("{:.0}", k.header_text_similarity * 100.0),
                    }),
                    signals.join(", "),
                    format!("{}: {}", k.changed_regions.len(), regions.join("; ")),
                    k.text_removed.join("\n"),
                    k.text_added.join("\n"),
                ]
            })
            .collect();
        Ok(TableDocument {
            language: lang,
            title: t(Message::ChangeReportTitle {
                older: c.older_snapshot_id.clone(),
                newer: c.newer_snapshot_id.clone(),
            }),
            lines: vec![
                t(Message::ChangeReportMade {
                    at: local(&now),
                    by: self.operator().to_string(),
                }),
                t(Message::ChangeReportVerdict {
                    major: if c.suggests_major_change { "yes" } else { "no" }.into(),
                }),
            ],
            summaries: Vec::new(),
            rows_heading: t(Message::ChangeReportRows {}),
            columns: COLUMNS
                .iter()
                .map(|c| t(Message::ChangeReportColumn { name: *c }))
                .collect(),
            rows,
            empty: t(Message::ChangeReportRows {}),
            layout: RowLayout::Cards,
            source: "ogonblick:comparison".into(),
            created: now,
        })
    }

    /// Writes snapshot `newer` compared with `older` to `out` (`.pdf`:
    /// PDF/A-2b, `.csv`: CSV), atomically.
    pub fn write_comparison(
        &self,
        older: &str,
        newer: &str,
        out: &Path,
        lang: Language,
    ) -> Result<(DocumentFormat, SnapshotComparison)> {
        self.require(RoleAction::Report, None)?;
        crate::documents::check_document_path(out)?;
        let c = self.compare_snapshots(older, newer)?;
        let doc = self.comparison_document(&c, lang)?;
        let figures = match crate::documents::DocumentFormat::of(out) {
            Some(crate::documents::DocumentFormat::Pdf) => self.comparison_figures(&c, lang),
            _ => String::new(),
        };
        let (format, _) = self.write_document_with(&doc, out, &figures)?;
        Ok((format, c))
    }
}
