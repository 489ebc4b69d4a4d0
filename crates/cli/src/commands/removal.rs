//! `ogonblick removal …` (removal records, *borttaget innehåll*): the
//! arguments, add, certify and correct; `list` and `show` are in
//! `removal_show.rs`, `ogonblick diary …` in `diary.rs`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use ogonblick_app::{
    parse_date, parse_when, AppError, EvidenceSource, NewRemoval, RemovalCorrection,
};
use ogonblick_model::messages::{CliLine, CliWord, Column};
use ogonblick_model::{RemovalAction, RemovedKind, Timestamp};

use super::{parse_id, Ctx};
use crate::output::{self};

#[derive(Debug, Subcommand)]
pub enum RemovalCmd {
    /// Record a removed, hidden or blocked item, with what shows it.
    Add(AddArgs),
    /// List removal records.
    List(ListArgs),
    /// Show a removal record with all its versions.
    Show(ShowArgs),
    /// A second person certifies a record (a new version).
    Certify(CertifyArgs),
    /// Correct a record (a new version; the earlier ones stay).
    Correct(CorrectArgs),
    /// List the organisation's removal grounds and their short names; add, edit or retire one.
    Grounds(GroundsArgs),
    /// Write the period report (PDF/A or CSV) for the social-media lead and the board.
    Report(super::removal_report::ReportArgs),
    /// Capture a record's item again (a new version links the new snapshot).
    Recapture(super::removal_report::RecaptureArgs),
}

/// The fields a record's add and correct share.
#[derive(Debug, Args)]
pub struct Fields {
    /// What was done: avpublicerad, raderad, dold, blockerad.
    #[arg(long)]
    pub action: Option<String>,
    /// The author as the platform showed them.
    #[arg(long)]
    pub author: Option<String>,
    /// When the item was published (YYYY-MM-DD [HH:MM], Swedish time, or RFC 3339).
    #[arg(long, value_name = "WHEN")]
    pub published_at: Option<String>,
    /// The item's text.
    #[arg(long)]
    pub text: Option<String>,
    /// When it was removed (default: now).
    #[arg(long, value_name = "WHEN")]
    pub removed_at: Option<String>,
    /// Who removed it (default: the operator).
    #[arg(long, value_name = "NAME")]
    pub removed_by: Option<String>,
    /// The text of the ground "annat" (other).
    #[arg(long, value_name = "TEXT")]
    pub ground_text: Option<String>,
    /// The police report's reference (the item was reported).
    #[arg(long, value_name = "REF")]
    pub police_report: Option<String>,
    /// The date of the police report.
    #[arg(long, value_name = "DATE")]
    pub police_report_date: Option<String>,
    /// Reported to the police, also without a reference or date (`no`: not reported).
    #[arg(long, value_name = "yes|no", num_args = 0..=1, default_missing_value = "yes",
          value_parser = clap::builder::BoolishValueParser::new())]
    pub police_reported: Option<bool>,
    /// When the author was contacted.
    #[arg(long, value_name = "WHEN")]
    pub contacted_at: Option<String>,
    /// How the author was contacted (e.g. "privat meddelande").
    #[arg(long, value_name = "HOW")]
    pub contact_how: Option<String>,
    /// The message to the author (default: the Swedish template).
    #[arg(long, value_name = "TEXT")]
    pub contact_message: Option<String>,
    /// Forwarded to the social-media lead: who.
    #[arg(long, value_name = "NAME")]
    pub forwarded_to: Option<String>,
    /// Forwarded: when (default: now).
    #[arg(long, value_name = "WHEN")]
    pub forwarded_at: Option<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[arg(long, value_name = "ID")]
    pub channel: String,
    /// The address of the removed item.
    #[arg(long)]
    pub url: String,
    /// post, comment, reply, image, private-message, account-blocked.
    #[arg(long)]
    pub kind: String,
    /// The ground's short name (`ogonblick removal grounds`).
    #[arg(long)]
    pub ground: String,
    #[command(flatten)]
    pub fields: Fields,
    /// The channel's rules page, named in the message template.
    #[arg(long, value_name = "URL")]
    pub rules_page: Option<String>,
    /// The diary (case) number.
    #[arg(long, value_name = "NUMBER")]
    pub diary: Option<String>,
    /// A snapshot of the channel that shows the item.
    #[arg(long, value_name = "ID")]
    pub snapshot: Option<String>,
    /// Your own screenshot of the item (PNG, JPEG or PDF), when it is gone.
    #[arg(long, value_name = "SCREENSHOT")]
    pub file: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, value_name = "ID")]
    pub channel: Option<String>,
    /// Removed on or after (YYYY-MM-DD …).
    #[arg(long, value_name = "WHEN")]
    pub from: Option<String>,
    /// Removed on or before (a date alone: to the end of that day).
    #[arg(long, value_name = "WHEN")]
    pub to: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    pub id: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CertifyArgs {
    pub id: String,
    /// The name of the person who certifies.
    #[arg(long, value_name = "NAME")]
    pub by: String,
}

#[derive(Debug, Args)]
pub struct CorrectArgs {
    pub id: String,
    #[arg(long)]
    pub url: Option<String>,
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long)]
    pub ground: Option<String>,
    #[command(flatten)]
    pub fields: Fields,
    /// Why the record is corrected.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct GroundsArgs {
    #[command(subcommand)]
    pub cmd: Option<super::removal_grounds::GroundsCmd>,
    #[arg(long)]
    pub json: bool,
}

pub(super) fn when(s: &Option<String>) -> Result<Option<Timestamp>, AppError> {
    s.as_deref().map(parse_when).transpose()
}

fn date(s: &Option<String>) -> Result<Option<chrono::NaiveDate>, AppError> {
    s.as_deref().map(parse_date).transpose()
}

fn word<T: std::str::FromStr<Err = ogonblick_model::UnknownWord>>(
    s: &Option<String>,
) -> Result<Option<T>, AppError> {
    s.as_deref()
        .map(|v| {
            v.parse::<T>()
                .map_err(|e| AppError::said(ogonblick_model::ErrorCode::InvalidInput, e.message()))
        })
        .transpose()
}

pub fn run(ctx: &Ctx, cmd: RemovalCmd) -> anyhow::Result<ExitCode> {
    match cmd {
        RemovalCmd::Add(a) => add(ctx, a),
        RemovalCmd::List(a) => super::removal_show::list(ctx, a),
        RemovalCmd::Show(a) => super::removal_show::show(ctx, a),
        RemovalCmd::Certify(a) => {
            let app = ctx.open()?;
            let r = app.certify_removal(&a.id, &a.by)?;
            output::line(crate::lang::line(CliLine::CliRemovalCertified {
                id: r.id.clone(),
                version: u64::from(r.version),
            }))?;
            Ok(ExitCode::SUCCESS)
        }
        RemovalCmd::Correct(a) => correct(ctx, a),
        RemovalCmd::Report(a) => super::removal_report::report(ctx, a),
        RemovalCmd::Recapture(a) => super::removal_report::recapture(ctx, a),
        RemovalCmd::Grounds(GroundsArgs { cmd: Some(c), .. }) => {
            super::removal_grounds::run(ctx, c)
        }
        RemovalCmd::Grounds(a) => {
            let app = ctx.open()?;
            let g = app.removal_grounds()?;
            if a.json {
                output::json(&g)?;
            } else {
                let rows: Vec<Vec<String>> = g
                    .iter()
                    .map(|g| {
                        let status = if g.retired {
                            crate::lang::word(CliWord::Retired)
                        } else {
                            String::new()
                        };
                        vec![
                            g.code.clone(),
                            g.label_sv.clone(),
                            g.label_en.clone(),
                            status,
                        ]
                    })
                    .collect();
                output::table_of(
                    &[
                        Column::Ground,
                        Column::InSwedish,
                        Column::InEnglish,
                        Column::Status,
                    ],
                    &rows,
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn add(ctx: &Ctx, a: AddArgs) -> anyhow::Result<ExitCode> {
    let channel_id = parse_id(&a.channel)?;
    let f = &a.fields;
    let evidence = match (a.snapshot, a.file) {
        (Some(_), Some(_)) => {
            return Err(AppError::from(ogonblick_app::RemovalProblem::BothEvidence).into())
        }
        (Some(s), None) => EvidenceSource::Snapshot(s),
        (None, Some(p)) => EvidenceSource::File(p),
        (None, None) => EvidenceSource::CaptureFirst,
    };
    let n = NewRemoval {
        channel_id,
        url: a.url,
        kind: a
            .kind
            .parse::<RemovedKind>()
            .map_err(|e| AppError::said(ogonblick_model::ErrorCode::InvalidInput, e.message()))?,
        ground: a.ground,
        ground_text: f.ground_text.clone(),
        action: word::<RemovalAction>(&f.action)?,
        author: f.author.clone(),
        published_at: when(&f.published_at)?,
        text: f.text.clone(),
        removed_at: when(&f.removed_at)?,
        removed_by: f.removed_by.clone(),
        police_report: f.police_report.clone(),
        police_report_date: date(&f.police_report_date)?,
        police_reported: f.police_reported,
        contacted_at: when(&f.contacted_at)?,
        contact_how: f.contact_how.clone(),
        contact_message: f.contact_message.clone(),
        rules_page: a.rules_page,
        forwarded_to: f.forwarded_to.clone(),
        forwarded_at: when(&f.forwarded_at)?,
        diary_number: a.diary,
        evidence,
    };
    let app = ctx.open()?;
    let r = app.add_removal(n)?;
    if a.json {
        output::json(&r)?;
    } else {
        output::line(&r.id)?;
    }
    // A capture first that failed: the record is made, and says so.
    if let Some(m) = app.removal_capture_failed(&r) {
        output::err_line(crate::lang::render(&m));
    }
    Ok(ExitCode::SUCCESS)
}

fn correct(ctx: &Ctx, a: CorrectArgs) -> anyhow::Result<ExitCode> {
    let f = &a.fields;
    let c = RemovalCorrection {
        url: a.url,
        kind: word::<RemovedKind>(&a.kind)?,
        ground: a.ground,
        ground_text: f.ground_text.clone(),
        action: word::<RemovalAction>(&f.action)?,
        author: f.author.clone(),
        published_at: when(&f.published_at)?,
        text: f.text.clone(),
        removed_at: when(&f.removed_at)?,
        removed_by: f.removed_by.clone(),
        police_report: f.police_report.clone(),
        police_report_date: date(&f.police_report_date)?,
        police_reported: f.police_reported,
        contacted_at: when(&f.contacted_at)?,
        contact_how: f.contact_how.clone(),
        contact_message: f.contact_message.clone(),
        forwarded_to: f.forwarded_to.clone(),
        forwarded_at: when(&f.forwarded_at)?,
        note: a.note,
    };
    let app = ctx.open()?;
    let r = app.correct_removal(&a.id, c)?;
    output::line(crate::lang::line(CliLine::CliRemovalCorrected {
        id: r.id.clone(),
        version: u64::from(r.version),
    }))?;
    Ok(ExitCode::SUCCESS)
}

pub use super::diary::{diary, DiaryCmd};
