//! `ogonblick due [--at DATE] [--json]`: what is due and overdue, per board
//! and unit, with the responsible person and substitute.

use std::process::ExitCode;

use clap::Args;
use ogonblick_app::schedule::DueCounts;
use ogonblick_app::DueReport;

use ogonblick_model::messages::{CliLine, Column, Day, Tally};

use super::Ctx;
use crate::{lang, output};

#[derive(Debug, Args)]
pub struct DueArgs {
    /// Assess at this moment instead of now: YYYY-MM-DD (noon, Stockholm
    /// time) or an RFC 3339 time such as 2027-03-01T08:00:00+01:00.
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,
    /// Print the whole report as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, a: DueArgs) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    let at = a.at.as_deref().map(|s| app.parse_at(s)).transpose()?;
    let report = app.due(at)?;
    output::json_or(a.json, &report, print_text)?;
    Ok(ExitCode::SUCCESS)
}

fn counts_text(c: &DueCounts) -> String {
    output::nonzero_counts(&[
        (c.closure_due, Tally::ClosureDue),
        (c.overdue, Tally::Overdue),
        (c.due, Tally::Due),
        (c.not_due, Tally::NotDue),
        (c.manual, Tally::Manual),
        (c.closed, Tally::Closed),
    ])
    .join(", ")
}

fn print_text(r: &DueReport) -> anyhow::Result<()> {
    let local = r.at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M");
    output::line(lang::line(CliLine::CliDueHeader {
        date: Day::new(r.local_date),
        timezone: r.timezone.clone(),
        local: local.to_string(),
    }))?;
    if let Some(b) = &r.blackout {
        output::line(lang::line(CliLine::CliDueBlackout {
            label: b.label.clone(),
            from: Day::new(b.first_day),
            to: Day::new(b.last_day),
        }))?;
    }
    if r.channels.is_empty() {
        output::line(lang::line(CliLine::CliRegisterEmpty {}))?;
        return Ok(());
    }
    for g in &r.summary.groups {
        let rows: Vec<Vec<String>> = g
            .channel_ids
            .iter()
            .filter_map(|id| r.channels.iter().find(|e| e.assessment.channel_id == *id))
            .map(|e| {
                let a = &e.assessment;
                let mut cells = output::channel_cells(a.state.as_str(), a.channel_id, &a.name);
                cells.extend(output::people_cells(&e.responsible, &e.substitute));
                cells.push(lang::render(&a.message));
                cells
            })
            .collect();
        output::group_table(
            g.board.as_deref(),
            g.unit.as_deref(),
            &counts_text(&g.counts),
            &[
                &output::CHANNEL_COLUMNS[..],
                &[Column::Responsible, Column::Substitute, Column::Why],
            ]
            .concat(),
            &rows,
        )?;
    }
    let t = &r.summary.total;
    output::line("")?;
    output::line(lang::line(CliLine::CliDueTotal {
        channels: t.channels.into(),
        counts: counts_text(t),
        now: t.capture_now.into(),
    }))?;
    Ok(())
}
