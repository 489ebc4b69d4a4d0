//! `ogonblick compare A B` and `ogonblick changes [list|dismiss|register]`
//! (h-diff): what changed between two snapshots, and the suggested major
//! changes waiting for an answer.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use ogonblick_app::SnapshotComparison;
use ogonblick_model::messages::{CliLine, Column};
use ogonblick_model::{CancelToken, ChangeSignal, Message};

use super::capture::CliProgress;
use super::Ctx;
use crate::{lang, output};

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The older snapshot's id.
    #[arg(value_name = "OLDER")]
    pub older: String,
    /// The newer snapshot's id.
    #[arg(value_name = "NEWER")]
    pub newer: String,
    /// Also write the comparison as a document: `.pdf` (PDF/A-2b) or `.csv`.
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ChangesCmd {
    /// List the suggested major changes not yet registered or dismissed.
    List(ListArgs),
    /// Dismiss a suggestion: the channel did not change in a major way.
    Dismiss(DismissArgs),
    /// Register a suggestion: capture the channel now as a major change.
    Register(RegisterArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DismissArgs {
    /// The snapshot whose comparison suggests the change.
    #[arg(value_name = "SNAPSHOT")]
    pub snapshot: String,
    /// Why it is no major change.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// The snapshot whose comparison suggests the change.
    #[arg(value_name = "SNAPSHOT")]
    pub snapshot: String,
    /// What the major change was (kept as the new snapshot's note).
    #[arg(long, value_name = "TEXT")]
    pub note: String,
    #[arg(long)]
    pub json: bool,
}

pub fn compare(ctx: &Ctx, a: CompareArgs) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    let c = match &a.out {
        Some(out) => {
            app.write_comparison(&a.older, &a.newer, out, crate::lang::get())?
                .1
        }
        None => app.compare_snapshots(&a.older, &a.newer)?,
    };
    if a.json {
        output::json(&c)?;
    } else {
        print_comparison(&c)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_comparison(c: &SnapshotComparison) -> anyhow::Result<()> {
    output::line(lang::line(CliLine::CliCompareVerdict {
        older: c.older_snapshot_id.clone(),
        newer: c.newer_snapshot_id.clone(),
        major: c.suggests_major_change,
    }))?;
    for p in &c.pages {
        let k = &p.comparison;
        let changed = signals(&k.signals);
        output::line(format!(
            "{}{}",
            lang::line(CliLine::CliComparePage {
                url: p.url.clone(),
                text: format!("{:.0}", k.text_similarity * 100.0),
                header: format!("{:.0}", k.header_text_similarity * 100.0),
                regions: k.changed_regions.len() as u64,
            }),
            if changed.is_empty() {
                String::new()
            } else {
                format!("; {changed}")
            }
        ))?;
        for l in &k.text_removed {
            output::line(format!("  - {l}"))?;
        }
        for l in &k.text_added {
            output::line(format!("  + {l}"))?;
        }
    }
    Ok(())
}

/// "changed: title, …" in the CLI's language, or nothing.
fn signals(s: &[ChangeSignal]) -> String {
    if s.is_empty() {
        return String::new();
    }
    lang::line(CliLine::CliChangedSignals {
        signals: signal_words(s),
    })
}

/// The signals, each in the CLI's language (`change-signal-name`).
fn signal_words(s: &[ChangeSignal]) -> String {
    s.iter()
        .map(|s| lang::render(&Message::ChangeSignalName { name: s.name() }))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn changes(ctx: &Ctx, cmd: ChangesCmd) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    match cmd {
        ChangesCmd::List(a) => {
            let list = app.change_suggestions()?;
            if a.json {
                output::json(&list)?;
            } else {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|s| {
                        vec![
                            s.channel_id.to_string(),
                            s.channel_name.clone(),
                            s.snapshot_id.clone(),
                            s.previous_snapshot_id.clone(),
                            signal_words(&s.signals),
                        ]
                    })
                    .collect();
                output::table_of(
                    &[
                        Column::Channel,
                        Column::Name,
                        Column::Snapshot,
                        Column::ComparedWith,
                        Column::Changed,
                    ],
                    &rows,
                )?;
            }
        }
        ChangesCmd::Dismiss(a) => {
            app.dismiss_change(&a.snapshot, a.note)?;
            output::line(lang::line(CliLine::CliChangeDismissed {
                snapshot: a.snapshot.trim().to_string(),
            }))?;
        }
        ChangesCmd::Register(a) => {
            let progress = CliProgress::new();
            let s = app.register_change(&a.snapshot, &a.note, &progress, &CancelToken::new())?;
            if a.json {
                output::json(&s)?;
            } else {
                output::line(lang::line(CliLine::CliChangeRegistered {
                    snapshot: s.id.clone(),
                    status: lang::snapshot_status(s.status),
                }))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
