//! `ogonblick removal report` (the period report, PDF/A or CSV) and
//! `ogonblick removal recapture` (capture a record's item again).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use ogonblick_app::RemovalReportRequest;
use ogonblick_model::messages::CliLine;
use ogonblick_model::Language;

use super::{parse_id, Ctx};
use crate::output;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// First day of the period (YYYY-MM-DD, Swedish time).
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// Last day of the period (inclusive).
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// The file to write: NAME.pdf (PDF/A-2b) or NAME.csv (UTF-8, `;`).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Only this channel's removals.
    #[arg(long, value_name = "ID")]
    pub channel: Option<String>,
    /// Only the removals of this board's channels.
    #[arg(long, value_name = "NAME")]
    pub board: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RecaptureArgs {
    /// The removal record's id.
    pub id: String,
    #[arg(long)]
    pub json: bool,
}

pub fn report(ctx: &Ctx, a: ReportArgs) -> anyhow::Result<ExitCode> {
    // The report is for the board: Swedish unless `--lang` (or
    // `$OGONBLICK_LANG`) asks for English; `$LANG` does not decide it.
    let language = crate::lang::explicit().unwrap_or(Language::Sv);
    let req = RemovalReportRequest {
        from: a.from,
        to: a.to,
        channel: a.channel.as_deref().map(parse_id).transpose()?,
        board: a.board,
        language,
        out: a.out,
    };
    let app = ctx.open()?;
    let s = app.removal_report(&req)?;
    if a.json {
        output::json(&s)?;
    } else {
        output::line(crate::lang::line(CliLine::CliRemovalReportWritten {
            count: s.records as u64,
            path: s.path.display().to_string(),
        }))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn recapture(ctx: &Ctx, a: RecaptureArgs) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    let r = app.recapture_removal(&a.id)?;
    if a.json {
        output::json(&r)?;
    } else {
        let snapshot = match &r.evidence {
            ogonblick_model::Evidence::Snapshot { snapshot_id } => snapshot_id.as_str(),
            ogonblick_model::Evidence::File(_) => "",
        };
        output::line(crate::lang::line(CliLine::CliRemovalRecaptured {
            id: r.id.clone(),
            snapshot: snapshot.to_string(),
            version: u64::from(r.version),
        }))?;
    }
    Ok(ExitCode::SUCCESS)
}
