//! `ogonblick due [--at DATE] [--json]`: what is due and overdue, per board
//! and unit, with the responsible person and substitute.

use std::process::ExitCode;

use clap::Args;
use ogonblick_app::schedule::DueCounts;
use ogonblick_app::DueReport;

use super::Ctx;
use crate::output::{self, cut, opt};

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
    if a.json {
        output::json(&report)?;
    } else {
        print_text(&report)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn counts_text(c: &DueCounts) -> String {
    let mut parts = Vec::new();
    for (n, word) in [
        (c.closure_due, "closure due"),
        (c.overdue, "overdue"),
        (c.due, "due"),
        (c.not_due, "not due"),
        (c.manual, "manual"),
        (c.closed, "closed"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {word}"));
        }
    }
    parts.join(", ")
}

fn print_text(r: &DueReport) -> anyhow::Result<()> {
    let local = r.at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M");
    output::line(format!(
        "What is due on {} ({}; {local} local time here).",
        r.local_date, r.timezone
    ))?;
    if let Some(b) = &r.blackout {
        output::line(format!(
            "Blackout '{}' ({} to {}): unattended runs capture only final snapshots of closing channels.",
            b.label, b.first_day, b.last_day
        ))?;
    }
    if r.channels.is_empty() {
        output::line("The register is empty: add channels with `ogonblick channel add`.")?;
        return Ok(());
    }
    for g in &r.summary.groups {
        output::line("")?;
        output::line(format!(
            "{} / {}: {}",
            g.board.as_deref().unwrap_or("(no board)"),
            g.unit.as_deref().unwrap_or("(no unit)"),
            counts_text(&g.counts)
        ))?;
        let rows: Vec<Vec<String>> = g
            .channel_ids
            .iter()
            .filter_map(|id| r.channels.iter().find(|e| e.assessment.channel_id == *id))
            .map(|e| {
                let a = &e.assessment;
                vec![
                    format!("  {}", a.state.as_str().to_uppercase()),
                    a.channel_id.to_string(),
                    cut(&a.name, 30),
                    cut(opt(&e.responsible), 20),
                    cut(opt(&e.substitute), 20),
                    a.explanation_en.clone(),
                ]
            })
            .collect();
        output::table(
            &[
                "  STATE",
                "ID",
                "CHANNEL",
                "RESPONSIBLE",
                "SUBSTITUTE",
                "WHY",
            ],
            &rows,
        )?;
    }
    let t = &r.summary.total;
    output::line("")?;
    output::line(format!(
        "{} channel(s): {}. An unattended run would capture {} now.",
        t.channels,
        counts_text(t),
        t.capture_now
    ))?;
    Ok(())
}
