//! `ogonblick coverage [--at DATE] [--include-closed] [--json]`: the
//! overview for managers, per board and unit: every channel's last good
//! snapshot, what is due next, failures since the last good snapshot.

use std::process::ExitCode;

use clap::Args;
use ogonblick_app::schedule::DueState;
use ogonblick_app::{CoverageCounts, CoverageReport, CoverageRow};

use super::Ctx;
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
    let mut parts = vec![format!(
        "{} channel(s), {} with a good snapshot",
        c.channels, c.with_good_snapshot
    )];
    parts.extend(output::nonzero_counts(&[
        (c.closure_due, "closure due"),
        (c.overdue, "overdue"),
        (c.due, "due"),
        (c.failures, "failure(s) since the last good snapshot"),
        (c.closed, "closed"),
    ]));
    parts.join(", ")
}

/// When the next snapshot is due.
fn next_text(r: &CoverageRow) -> String {
    match r.state {
        DueState::Overdue => "now (overdue)".into(),
        DueState::ClosureDue => "now (final snapshot)".into(),
        DueState::Due => r
            .current_window
            .as_ref()
            .map(|w| format!("by {}", w.last_day))
            .unwrap_or_else(|| "now".into()),
        DueState::NotDue => r
            .next_window
            .as_ref()
            .map(|w| format!("from {}", w.first_day))
            .unwrap_or_default(),
        DueState::Manual | DueState::Closed => String::new(),
    }
}

fn print_text(r: &CoverageReport) -> anyhow::Result<()> {
    output::line(format!("Coverage on {} ({}).", r.local_date, r.timezone))?;
    if r.groups.is_empty() {
        output::line(if r.totals.closed > 0 && !r.include_closed {
            "Every channel is closed: add --include-closed to list them."
        } else {
            "The register is empty: add channels with `ogonblick channel add`."
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
                cells.push(row.platform.as_str().to_string());
                cells.extend(output::people_cells(&row.responsible, &row.substitute));
                cells.extend([
                    row.last_good
                        .as_ref()
                        .map(|s| format!("{} {}", time(&s.started_at), s.reason))
                        .unwrap_or_else(|| "never".into()),
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
                    "PLATFORM",
                    "RESPONSIBLE",
                    "SUBSTITUTE",
                    "LAST GOOD",
                    "NEXT",
                    "FAILURES",
                    "SNAPSHOTS",
                ],
            ]
            .concat(),
            &rows,
        )?;
    }
    output::line("")?;
    output::line(format!("In total: {}.", counts_text(&r.totals)))?;
    Ok(())
}
