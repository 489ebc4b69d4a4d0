//! Översikt as a document for a board's report: the channels per board and
//! unit in each state (counting channels, never snapshots), then every
//! channel with its state, as PDF/A-2b or CSV through [`TableDocument`].
//! The states are the desktop's Översikt table's (its counts come from
//! [`App::coverage_summary`] with the same [`in_column`]): a channel may
//! count in several columns.

use ogonblick_model::RoleAction;
use ogonblick_store::RegisterExt;
use std::path::Path;

use ogonblick_model::messages::OverviewColumn;
use ogonblick_model::{
    lacks_substitute, ChannelStatus, ErrorCode, Language, Message, SnapshotStatus, Timestamp,
};
use ogonblick_schedule::DueState;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::coverage::CoverageRow;
use crate::coverage_page::CoverageColumn;
use crate::documents::{DocumentFormat, RowLayout, SummaryTable, TableDocument};
use crate::{App, AppError, Result};

/// Channels of a group in each state of the overview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OverviewCounts {
    pub channels: u32,
    /// Nothing to take now, and a complete snapshot behind it.
    pub documented: u32,
    /// A snapshot to take now: in the period, or the final one.
    pub due: u32,
    pub overdue: u32,
    /// The latest attempt failed.
    pub failed: u32,
    /// Being closed down.
    pub closing: u32,
    /// No substitute named (closed-down channels aside).
    pub no_substitute: u32,
}

impl OverviewCounts {
    /// Counts `row` in every column it belongs to.
    pub fn add(&mut self, row: &CoverageRow) {
        use CoverageColumn as C;
        self.channels += 1;
        let n = |col: C, count: &mut u32| *count += u32::from(in_column(row, col));
        n(C::Documented, &mut self.documented);
        n(C::Due, &mut self.due);
        n(C::Overdue, &mut self.overdue);
        n(C::Failed, &mut self.failed);
        n(C::Closing, &mut self.closing);
        n(C::NoSubstitute, &mut self.no_substitute);
    }

    fn cells(&self) -> Vec<String> {
        [
            self.channels,
            self.documented,
            self.due,
            self.overdue,
            self.failed,
            self.closing,
            self.no_substitute,
        ]
        .iter()
        .map(u32::to_string)
        .collect()
    }
}

/// Whether `row` counts in `column` of the table (every row counts in
/// `channels`).
pub fn in_column(row: &CoverageRow, column: CoverageColumn) -> bool {
    match column {
        CoverageColumn::Channels => true,
        // Nothing to take and a complete snapshot behind it (a channel new
        // between periods has nothing to take yet, but is not documented).
        CoverageColumn::Documented => row.state == DueState::NotDue && row.last_good.is_some(),
        CoverageColumn::Due => matches!(row.state, DueState::Due | DueState::ClosureDue),
        CoverageColumn::Overdue => row.state == DueState::Overdue,
        CoverageColumn::Failed => row
            .last_snapshot
            .as_ref()
            .is_some_and(|s| s.status == SnapshotStatus::Failed),
        CoverageColumn::Closing => row.status == ChannelStatus::Closing,
        CoverageColumn::NoSubstitute => lacks_substitute(row.substitute.as_deref(), row.closed),
    }
}

const COUNT_COLUMNS: [OverviewColumn; 9] = [
    OverviewColumn::Board,
    OverviewColumn::Unit,
    OverviewColumn::Channels,
    OverviewColumn::Documented,
    OverviewColumn::Due,
    OverviewColumn::Overdue,
    OverviewColumn::Failed,
    OverviewColumn::Closing,
    OverviewColumn::NoSubstitute,
];

const ROW_COLUMNS: [OverviewColumn; 7] = [
    OverviewColumn::Channel,
    OverviewColumn::Board,
    OverviewColumn::Unit,
    OverviewColumn::State,
    OverviewColumn::LastComplete,
    OverviewColumn::Responsible,
    OverviewColumn::Substitute,
];

fn local(t: &Timestamp) -> String {
    t.with_timezone(&chrono_tz::Europe::Stockholm)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

impl App {
    /// Översikt for `board` (every board when `None`) as a document in `lang`.
    /// A board with no channel in the register is refused with the boards there are.
    pub fn overview_document(&self, board: Option<&str>, lang: Language) -> Result<TableDocument> {
        let report = self.coverage(None)?;
        let t = |m: Message| m.render(lang);
        let none = t(Message::OverviewDocNone {});
        let groups: Vec<_> = report
            .groups
            .iter()
            .filter(|g| board.is_none_or(|b| g.board.as_deref() == Some(b)))
            .collect();
        if let (Some(b), true) = (board, groups.is_empty()) {
            let mut known: Vec<&str> = report
                .groups
                .iter()
                .filter_map(|g| g.board.as_deref())
                .collect();
            known.dedup();
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::OverviewUnknownBoard {
                    board: b.to_string(),
                    known: known.join(", "),
                },
            ));
        }
        let mut total = OverviewCounts::default();
        let mut counts = Vec::new();
        let mut rows = Vec::new();
        for g in &groups {
            let mut c = OverviewCounts::default();
            for r in &g.rows {
                c.add(r);
                total.add(r);
                rows.push(vec![
                    r.name.clone(),
                    g.board.clone().unwrap_or_else(|| none.clone()),
                    g.unit.clone().unwrap_or_else(|| none.clone()),
                    t(Message::OverviewDocState {
                        state: r.state.as_str().to_string(),
                    }),
                    r.last_good
                        .as_ref()
                        .map(|s| local(&s.finished_at))
                        .unwrap_or_default(),
                    r.responsible.clone().unwrap_or_default(),
                    r.substitute.clone().unwrap_or_default(),
                ]);
            }
            let mut line = vec![
                g.board.clone().unwrap_or_else(|| none.clone()),
                g.unit.clone().unwrap_or_else(|| none.clone()),
            ];
            line.extend(c.cells());
            counts.push(line);
        }
        let mut total_line = vec![t(Message::OverviewDocTotal {}), String::new()];
        total_line.extend(total.cells());
        counts.push(total_line);
        let column = |c: &OverviewColumn| t(Message::OverviewDocColumn { name: *c });
        let now = self.clock().now();
        let org = self.store().settings().map(|s| s.name).unwrap_or_default();
        Ok(TableDocument {
            language: lang,
            title: t(Message::OverviewDocTitle {}),
            lines: vec![
                match board {
                    Some(b) => t(Message::OverviewDocBoard {
                        board: b.to_string(),
                    }),
                    None => t(Message::OverviewDocAllBoards {}),
                },
                t(Message::OverviewDocMade {
                    organisation: org,
                    at: local(&now),
                    by: self.operator().to_string(),
                }),
            ],
            summaries: vec![SummaryTable {
                heading: t(Message::OverviewDocCounts {}),
                columns: COUNT_COLUMNS.iter().map(column).collect(),
                rows: counts,
            }],
            rows_heading: t(Message::OverviewDocRows {}),
            columns: ROW_COLUMNS.iter().map(column).collect(),
            rows,
            empty: t(Message::OverviewDocEmpty {}),
            layout: RowLayout::Table,
            source: "ogonblick:overview".into(),
            created: now,
        })
    }

    /// Writes Översikt for `board` to `out` (`.pdf`: PDF/A-2b, `.csv`: one
    /// line per channel), atomically; the format and the number of channels.
    pub fn write_overview(
        &self,
        board: Option<&str>,
        out: &Path,
        lang: Language,
    ) -> Result<(DocumentFormat, usize)> {
        self.require(RoleAction::Report, None)?;
        let doc = self.overview_document(board, lang)?;
        let n = doc.rows.len();
        let (format, _) = self.write_document(&doc, out)?;
        Ok((format, n))
    }
}
