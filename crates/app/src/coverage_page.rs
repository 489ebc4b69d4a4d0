//! Översikt as the desktop draws it (issue 18): the table's counts per board
//! and unit in each state (`coverage_summary`, a few lines whatever the
//! register's size) and one page of the channels behind a cell or a filter
//! (`coverage_rows`), or both from one report (`coverage_view`), so the
//! window never receives every channel's row.
//!
//! Both are the coverage report ([`App::coverage`]: the due query and the
//! register's summary, no snapshot record read) filtered here; the counts
//! follow [`crate::OverviewCounts`] (the rules of the table and of the
//! board's report document), so the summary equals what the full report
//! counts.

use chrono::NaiveDate;
use ogonblick_model::{filter_choices, page_start, swedish_key, Platform, Timestamp};
use ogonblick_schedule::DueState;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::coverage::{CoverageGroup, CoverageReport, CoverageRow};
use crate::overview_doc::in_column;
use crate::{App, OverviewCounts, Result};

/// A column of Översikt's table: every channel of the line, or those in a
/// state (a channel may count in several).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum CoverageColumn {
    Channels,
    Documented,
    Due,
    Overdue,
    Failed,
    Closing,
    NoSubstitute,
}

/// Which channels Översikt counts and lists. Every given criterion must
/// match; the text (any case) in name, board, unit, responsible or
/// substitute.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CoverageFilter {
    pub text: String,
    /// A board; `""` for the channels without one.
    pub board: Option<String>,
    /// Responsible person or substitute.
    pub person: Option<String>,
    pub platform: Option<Platform>,
    /// The schedule's state.
    pub state: Option<DueState>,
    /// Only channels that failed since their last good snapshot.
    pub failures: bool,
}

/// A page of the channels of a cell (`line` and `column`; none: every
/// channel the filter keeps).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CoverageQuery {
    pub filter: CoverageFilter,
    /// A line's `key` of the summary.
    pub line: Option<String>,
    pub column: Option<CoverageColumn>,
    /// Rows to skip (counted over the groups), then at most `limit`.
    pub offset: u32,
    pub limit: u32,
}

/// A line of the table: a board and unit, or a board's total over its units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoverageLine {
    /// Names the line in a [`CoverageQuery`].
    pub key: String,
    pub board: Option<String>,
    /// `None` on a board's total line, and for channels without a unit.
    pub unit: Option<String>,
    /// A board's total line (before its units, when it has more than one).
    pub board_total: bool,
    pub counts: OverviewCounts,
}

/// Översikt's table at a moment, after the filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoverageSummary {
    #[ts(type = "string")]
    pub at: Timestamp,
    #[ts(type = "string")]
    pub local_date: NaiveDate,
    pub timezone: String,
    /// By board then unit, as the report orders its groups; lines the
    /// filter leaves empty are left out.
    pub lines: Vec<CoverageLine>,
    pub total: OverviewCounts,
    /// The filters' choices, before the filter: the boards (null: channels
    /// without one) in the report's order, the people in Swedish order.
    pub boards: Vec<Option<String>>,
    pub people: Vec<String>,
}

/// A board and unit's rows on a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoveragePageGroup {
    pub board: Option<String>,
    pub unit: Option<String>,
    pub rows: Vec<CoverageRow>,
}

/// One page of Översikt's channels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoveragePage {
    #[ts(type = "string")]
    pub at: Timestamp,
    #[ts(type = "string")]
    pub local_date: NaiveDate,
    /// Channels of the cell the filter keeps.
    pub matching: u32,
    /// Where the page starts among them (held to the last page).
    pub offset: u32,
    pub groups: Vec<CoveragePageGroup>,
}

const NONE: &str = "\u{0}";

fn board_key(g: &CoverageGroup) -> String {
    format!("b:{}", g.board.as_deref().unwrap_or(NONE))
}

fn unit_key(g: &CoverageGroup) -> String {
    format!(
        "u:{}{NONE}{}",
        g.board.as_deref().unwrap_or(NONE),
        g.unit.as_deref().unwrap_or(NONE)
    )
}

fn keeps(f: &CoverageFilter, g: &CoverageGroup, r: &CoverageRow) -> bool {
    let board = match f.board.as_deref() {
        None => true,
        Some("") => g.board.is_none(),
        Some(b) => g.board.as_deref() == Some(b),
    };
    let person = f.person.is_none() || r.responsible == f.person || r.substitute == f.person;
    let needle = swedish_key(&f.text);
    let text = needle.is_empty()
        || [Some(&r.name), g.board.as_ref(), g.unit.as_ref()]
            .into_iter()
            .chain([r.responsible.as_ref(), r.substitute.as_ref()])
            .flatten()
            .any(|v| swedish_key(v).contains(&needle));
    board
        && person
        && text
        && f.platform.is_none_or(|p| p == r.platform)
        && f.state.is_none_or(|s| s == r.state)
        && (!f.failures || r.failures > 0)
}

/// The groups' rows the filter keeps, groups left empty dropped.
fn kept<'a>(
    report: &'a CoverageReport,
    f: &'a CoverageFilter,
) -> impl Iterator<Item = (&'a CoverageGroup, Vec<&'a CoverageRow>)> {
    report.groups.iter().filter_map(move |g| {
        let rows: Vec<&CoverageRow> = g.rows.iter().filter(|r| keeps(f, g, r)).collect();
        (!rows.is_empty()).then_some((g, rows))
    })
}

fn counts<'a>(rows: impl IntoIterator<Item = &'a CoverageRow>) -> OverviewCounts {
    let mut c = OverviewCounts::default();
    for r in rows {
        c.add(r);
    }
    c
}

/// The table's lines: each group's, and a board's total before its units
/// when it has more than one (as the desktop's `overviewTable.ts` did).
fn lines(kept: &[(&CoverageGroup, Vec<&CoverageRow>)]) -> Vec<CoverageLine> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < kept.len() {
        let bk = board_key(kept[i].0);
        let n = kept[i..]
            .iter()
            .take_while(|(g, _)| board_key(g) == bk)
            .count();
        let board = &kept[i..i + n];
        if n > 1 {
            out.push(CoverageLine {
                key: bk,
                board: board[0].0.board.clone(),
                unit: None,
                board_total: true,
                counts: counts(board.iter().flat_map(|(_, rows)| rows.iter().copied())),
            });
        }
        for (g, rows) in board {
            out.push(CoverageLine {
                key: unit_key(g),
                board: g.board.clone(),
                unit: g.unit.clone(),
                board_total: false,
                counts: counts(rows.iter().copied()),
            });
        }
        i += n;
    }
    out
}

/// Both answers of Översikt's first paint, from one coverage report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoverageView {
    pub summary: CoverageSummary,
    pub page: CoveragePage,
}

fn summary_of(report: CoverageReport, filter: &CoverageFilter) -> CoverageSummary {
    let kept: Vec<_> = kept(&report, filter).collect();
    let total = counts(kept.iter().flat_map(|(_, rows)| rows.iter().copied()));
    let mut boards: Vec<Option<String>> = Vec::new();
    for g in &report.groups {
        if !boards.contains(&g.board) {
            boards.push(g.board.clone());
        }
    }
    let all = report.groups.iter().flat_map(|g| &g.rows);
    let people = filter_choices(all.flat_map(|r| [&r.responsible, &r.substitute]).flatten());
    CoverageSummary {
        lines: lines(&kept),
        total,
        boards,
        people,
        at: report.at,
        local_date: report.local_date,
        timezone: report.timezone,
    }
}

fn page_of(report: &CoverageReport, q: &CoverageQuery) -> CoveragePage {
    let column = q.column.unwrap_or(CoverageColumn::Channels);
    let in_line = |g: &CoverageGroup| {
        q.line
            .as_ref()
            .is_none_or(|k| *k == unit_key(g) || *k == board_key(g))
    };
    let rows: Vec<(&CoverageGroup, &CoverageRow)> = kept(report, &q.filter)
        .filter(|(g, _)| in_line(g))
        .flat_map(|(g, rows)| rows.into_iter().map(move |r| (g, r)))
        .filter(|(_, r)| in_column(r, column))
        .collect();
    let matching = rows.len() as u32;
    let offset = page_start(q.offset, q.limit, matching);
    let mut groups: Vec<CoveragePageGroup> = Vec::new();
    let mut last: Option<&CoverageGroup> = None;
    for (g, r) in rows
        .into_iter()
        .skip(offset as usize)
        .take(q.limit as usize)
    {
        if last.is_none_or(|l| !std::ptr::eq(l, g)) {
            groups.push(CoveragePageGroup {
                board: g.board.clone(),
                unit: g.unit.clone(),
                rows: Vec::new(),
            });
            last = Some(g);
        }
        if let Some(p) = groups.last_mut() {
            p.rows.push(r.clone());
        }
    }
    CoveragePage {
        at: report.at,
        local_date: report.local_date,
        matching,
        offset,
        groups,
    }
}

impl App {
    /// Översikt's table at `at` (default: now): the channels per board and
    /// unit in each state after `filter`, the totals and the filters'
    /// choices; no channel's row.
    pub fn coverage_summary(
        &self,
        at: Option<Timestamp>,
        filter: &CoverageFilter,
    ) -> Result<CoverageSummary> {
        Ok(summary_of(self.coverage(at)?, filter))
    }

    /// A page of the channels of a cell of Översikt's table at `at`
    /// (default: now), in the report's order (by board and unit, the most
    /// urgent first, then by name).
    pub fn coverage_rows(&self, at: Option<Timestamp>, q: &CoverageQuery) -> Result<CoveragePage> {
        Ok(page_of(&self.coverage(at)?, q))
    }

    /// [`App::coverage_summary`] for `q.filter` and [`App::coverage_rows`]
    /// for `q`, from one coverage report (the view opened or filtered).
    pub fn coverage_view(&self, at: Option<Timestamp>, q: &CoverageQuery) -> Result<CoverageView> {
        let report = self.coverage(at)?;
        let page = page_of(&report, q);
        Ok(CoverageView {
            summary: summary_of(report, &q.filter),
            page,
        })
    }
}
