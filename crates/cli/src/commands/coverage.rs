//! `ogonblick coverage [--at DATE] [--include-closed] [--json]`: the
//! overview for managers, per board and unit: every channel's last good
//! snapshot, what is due next, failures since the last good snapshot.

use std::process::ExitCode;

use clap::Args;
use ogonblick_app::schedule::DueState;
use ogonblick_app::{CoverageCounts, CoverageReport, CoverageRow};

use ogonblick_model::messages::{CliLine, CliWord, Column, Day, Tally};

use super::Ctx;
use crate::lang;
use crate::output::{self, time};

#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// Report as of this moment instead of now: YYYY-MM-DD (noon, Stockholm
    /// time) or an RFC 3339 time such as 2027-03-01T08:00:00+01:00.
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,
    /// List closed channels too (marked CLOSED).
    #[arg(long)]
    pub include_closed: bool,
    /// Print the whole report as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, a: CoverageArgs) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    let at = a.at.as_deref().map(|s| app.parse_at(s)).transpose()?;
    let report = app.coverage_with(at, a.include_closed)?;
    output::json_or(a.json, &report, print_text)?;
    Ok(ExitCode::SUCCESS)
}

fn counts_text(c: &CoverageCounts) -> String {
    let mut parts = vec![lang::line(CliLine::CliCoverageChannels {
        channels: c.channels.into(),
        good: c.with_good_snapshot.into(),
    })];
    parts.extend(output::nonzero_counts(&[
        (c.closure_due, Tally::ClosureDue),
        (c.overdue, Tally::Overdue),
        (c.due, Tally::Due),
        (c.failures, Tally::Failures),
        (c.closed, Tally::Closed),
    ]));
    parts.join(", ")
}

/// When the next snapshot is due.
fn next_text(r: &CoverageRow) -> String {
    match r.state {
        DueState::Overdue => lang::line(CliLine::CliNextOverdue {}),
        DueState::ClosureDue => lang::line(CliLine::CliNextFinal {}),
        DueState::Due => r
            .current_window
            .as_ref()
            .map(|w| {
                lang::line(CliLine::CliNextBy {
                    day: w.last_day.to_string(),
                })
            })
            .unwrap_or_else(|| lang::word(CliWord::Now)),
        DueState::NotDue => r
            .next_window
            .as_ref()
            .map(|w| {
                lang::line(CliLine::CliNextFrom {
                    day: w.first_day.to_string(),
                })
            })
            .unwrap_or_default(),
        DueState::Manual | DueState::Closed => String::new(),
    }
}

fn print_text(r: &CoverageReport) -> anyhow::Result<()> {
    output::line(lang::line(CliLine::CliCoverageHeader {
        date: Day::new(r.local_date),
        timezone: r.timezone.clone(),
    }))?;
    if r.groups.is_empty() {
        output::line(if r.totals.closed > 0 && !r.include_closed {
            lang::line(CliLine::CliCoverageAllClosed {})
        } else {
            lang::line(CliLine::CliRegisterEmpty {})
        })?;
        return Ok(());
    }
    for g in &r.groups {
        let rows: Vec<Vec<String>> = g
            .rows
            .iter()
            .map(|row| {
                let mut cells =
                    output::channel_cells(row.state.as_str(), row.channel_id, &row.name);
                cells.push(lang::platform(row.platform));
                cells.extend(output::people_cells(&row.responsible, &row.substitute));
                cells.extend([
                    row.last_good
                        .as_ref()
                        .map(|s| format!("{} {}", time(&s.started_at), lang::reason(s.reason)))
                        .unwrap_or_else(|| lang::word(CliWord::Never)),
                    next_text(row),
                    row.failures.to_string(),
                    row.snapshot_count.to_string(),
                ]);
                cells
            })
            .collect();
        output::group_table(
            g.board.as_deref(),
            g.unit.as_deref(),
            &counts_text(&g.counts),
            &[
                &output::CHANNEL_COLUMNS[..],
                &[
                    Column::Platform,
                    Column::Responsible,
                    Column::Substitute,
                    Column::LastGood,
                    Column::Next,
                    Column::Failures,
                    Column::Snapshots,
                ],
            ]
            .concat(),
            &rows,
        )?;
    }
    output::line("")?;
    output::line(lang::line(CliLine::CliCoverageTotal {
        counts: counts_text(&r.totals),
    }))?;
    Ok(())
}
