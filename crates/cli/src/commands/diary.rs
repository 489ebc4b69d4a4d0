//! `ogonblick diary set|keep|unkeep`: diary numbers (*diarienummer*) of
//! snapshots and removal records, one at a time or a collecting case.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use ogonblick_app::{AppError, DiaryTargets};
use ogonblick_model::messages::CliLine;

use super::{parse_id, Ctx};
use crate::output;

#[derive(Debug, Subcommand)]
pub enum DiaryCmd {
    /// Set the diary number of snapshots and removal records.
    Set(DiarySetArgs),
    /// Mark a diary number's documents to keep: they are not disposed of.
    Keep { number: String },
    /// No longer keep a diary number's documents.
    Unkeep { number: String },
}

#[derive(Debug, Args)]
pub struct DiarySetArgs {
    /// Snapshot or removal record ids.
    pub ids: Vec<String>,
    /// The diary (case) number, e.g. "KS 2027/12" ("" removes it).
    #[arg(long, value_name = "NUMBER")]
    pub number: String,
    /// Every snapshot and record of this channel (with --year: of that year).
    #[arg(long, value_name = "ID")]
    pub channel: Option<String>,
    /// Every snapshot and record of this board's channels.
    #[arg(long, value_name = "NAME")]
    pub board: Option<String>,
    #[arg(long)]
    pub year: Option<String>,
}

pub fn diary(ctx: &Ctx, cmd: DiaryCmd) -> anyhow::Result<ExitCode> {
    let a = match cmd {
        DiaryCmd::Set(a) => a,
        DiaryCmd::Keep { number } => return super::dispose::diary_keep(ctx, &number, true),
        DiaryCmd::Unkeep { number } => return super::dispose::diary_keep(ctx, &number, false),
    };
    let year = a
        .year
        .as_deref()
        .map(|y| {
            y.trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=9999).contains(y))
                .ok_or_else(|| {
                    AppError::from(ogonblick_app::RemovalProblem::BadYear { value: y.into() })
                })
        })
        .transpose()?;
    let t = DiaryTargets {
        ids: a.ids,
        channel: a.channel.as_deref().map(parse_id).transpose()?,
        board: a.board,
        year,
    };
    let app = ctx.open()?;
    let (snaps, rems) = app.set_diary_number(&t, Some(&a.number))?;
    output::line(crate::lang::line(CliLine::CliDiarySet {
        number: a.number.trim().to_string(),
        removed: a.number.trim().is_empty(),
        snapshots: snaps.len() as u64,
        removals: rems.len() as u64,
    }))?;
    Ok(ExitCode::SUCCESS)
}
