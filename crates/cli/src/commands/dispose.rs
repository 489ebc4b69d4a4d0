//! `ogonblick retention …` (retention rules), `ogonblick hold …` (legal
//! holds), `ogonblick diary keep|unkeep` and `ogonblick dispose …`
//! (disposal, *gallring*, and its log).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use ogonblick_app::{parse_period, AppError, DisposalItem, KeptItem};
use ogonblick_model::messages::{CliLine, CliWord, Column};
use ogonblick_model::{ErrorCode, Message, RetentionPeriod};

use super::Ctx;
use crate::lang::render;
use crate::output::{self, opt, time};

#[derive(Debug, Subcommand)]
pub enum RetentionCmd {
    /// Show the retention rules.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Add or replace the rule of a document kind (and board).
    Set(RetentionSetArgs),
    /// Remove the rule of a document kind (and board).
    Remove {
        /// snapshot, snapshot:<reason>, removal, removal-ground:<ground>,
        /// removal-action:<action> or report.
        #[arg(long)]
        kind: String,
        #[arg(long, value_name = "NAME")]
        board: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct RetentionSetArgs {
    /// snapshot, snapshot:<reason>, removal, removal-ground:<ground>,
    /// removal-action:<action> or report.
    #[arg(long)]
    pub kind: String,
    /// Only the channels of this board (nämnd).
    #[arg(long, value_name = "NAME")]
    pub board: Option<String>,
    /// Kept for ever (bevaras).
    #[arg(long)]
    pub keep: bool,
    /// Disposed of (gallras) this long after the document's date: 12m, 1y.
    #[arg(long, value_name = "PERIOD")]
    pub dispose_after: Option<String>,
    /// The disposal decision's reference (gallringsbeslut).
    #[arg(long, value_name = "REF")]
    pub decision: Option<String>,
    /// Dispose of a document only once a verified archive package holds it.
    #[arg(long)]
    pub deliver_first: bool,
}

#[derive(Debug, Subcommand)]
pub enum HoldCmd {
    /// Put a snapshot or removal record on hold: it is not disposed of.
    Set {
        id: String,
        #[arg(long)]
        reason: String,
    },
    /// Lift the hold.
    Clear { id: String },
    /// List the holds and the diary numbers marked to keep.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct DisposeArgs {
    #[command(subcommand)]
    pub log: Option<DisposeSub>,
    /// List what is due for disposal and what is kept, and change nothing.
    #[arg(long, conflicts_with = "confirm")]
    pub dry_run: bool,
    /// Dispose of what is due now (what --dry-run lists).
    #[arg(long)]
    pub confirm: bool,
    /// Who carries out the disposal (the archivist).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// A reference for this disposal (e.g. a protocol number), logged.
    #[arg(long, value_name = "REF")]
    pub decision: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum DisposeSub {
    /// The disposal log (gallringsprotokoll).
    Log {
        #[arg(long)]
        json: bool,
        /// Write it to this file: `.pdf` as PDF/A-2b (a block per document), else
        /// CSV (a row per deleted file).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

pub fn retention(ctx: &Ctx, cmd: RetentionCmd) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    let rules = match cmd {
        RetentionCmd::Show { json: true } => {
            output::json(&app.retention_rules()?)?;
            return Ok(ExitCode::SUCCESS);
        }
        RetentionCmd::Show { json: false } => app.retention_rules()?,
        RetentionCmd::Set(a) => {
            let period = match (a.keep, &a.dispose_after) {
                (true, None) => RetentionPeriod::Keep,
                (false, Some(p)) => RetentionPeriod::DisposeAfter {
                    months: parse_period(p)?,
                },
                _ => {
                    return Err(AppError::said(
                        ErrorCode::InvalidInput,
                        Message::RetentionKeepOrDispose {},
                    )
                    .into())
                }
            };
            app.set_retention_rule(
                &a.kind,
                a.board.as_deref(),
                period,
                a.decision.as_deref(),
                a.deliver_first,
            )?
        }
        RetentionCmd::Remove { kind, board } => {
            app.remove_retention_rule(&kind, board.as_deref())?
        }
    };
    let rows: Vec<Vec<String>> = rules
        .rules
        .iter()
        .map(|r| {
            vec![
                crate::lang::retention_kind(&r.kind),
                opt(&r.board).to_string(),
                crate::lang::period(r.period),
                opt(&r.decision).to_string(),
                if r.deliver_first {
                    crate::lang::word(CliWord::Yes)
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    output::table_of(
        &[
            Column::Kind,
            Column::Board,
            Column::Retention,
            Column::Decision,
            Column::DeliverFirst,
        ],
        &rows,
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn hold(ctx: &Ctx, cmd: HoldCmd) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    match cmd {
        HoldCmd::Set { id, reason } => {
            let h = app.set_hold(&id, &reason)?;
            output::line(render(&Message::CliHoldSet {
                id: h.item_id.clone(),
                reason: h.reason.clone(),
            }))?;
        }
        HoldCmd::Clear { id } => {
            app.clear_hold(&id)?;
            output::line(render(&Message::CliHoldLifted {
                id: id.trim().to_string(),
            }))?;
        }
        HoldCmd::List { json } => {
            let h = app.disposal_holds()?;
            if json {
                output::json(&h)?;
            } else {
                let mut rows: Vec<Vec<String>> = h
                    .holds
                    .iter()
                    .map(|x| {
                        vec![
                            crate::lang::word(CliWord::Hold),
                            x.item_id.clone(),
                            x.reason.clone(),
                            x.by.clone(),
                            time(&x.at),
                        ]
                    })
                    .collect();
                rows.extend(h.kept_diary_numbers.iter().map(|k| {
                    vec![
                        crate::lang::word(CliWord::DiaryNumberKept),
                        k.number.clone(),
                        String::new(),
                        k.by.clone(),
                        time(&k.at),
                    ]
                }));
                output::table_of(
                    &[
                        Column::What,
                        Column::IdOrNumber,
                        Column::Reason,
                        Column::By,
                        Column::At,
                    ],
                    &rows,
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `diary keep NUMBER` / `diary unkeep NUMBER`.
pub fn diary_keep(ctx: &Ctx, number: &str, keep: bool) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    app.keep_diary_number(number, keep)?;
    output::line(render(&Message::CliDiaryKept {
        number: number.trim().to_string(),
        keep,
    }))?;
    Ok(ExitCode::SUCCESS)
}

fn item_row(i: &DisposalItem) -> Vec<String> {
    vec![
        crate::lang::line(CliLine::CliDisposedKind {
            kind: i.item_kind.to_string(),
        }),
        i.item_id.clone(),
        format!("{} {}", i.channel_id, i.channel_name),
        time(&i.item_date),
        format!(
            "{} ({})",
            crate::lang::retention_kind(&i.rule.kind),
            crate::lang::period(i.rule.period)
        ),
        opt(&i.rule.decision).to_string(),
        time(&i.due_since),
    ]
}

const ITEM_COLUMNS: [Column; 7] = [
    Column::Kind,
    Column::Id,
    Column::Channel,
    Column::Date,
    Column::Rule,
    Column::Decision,
    Column::DueSince,
];

/// The header cells of `columns`, in the CLI's language.
fn header(columns: &[Column]) -> Vec<String> {
    columns
        .iter()
        .map(|&column| render(&Message::CliColumn { column }))
        .collect()
}

fn print_kept(kept: &[KeptItem]) -> anyhow::Result<()> {
    if kept.is_empty() {
        return Ok(());
    }
    output::line(render(&Message::CliDisposeKept {
        count: kept.len() as u64,
    }))?;
    let rows: Vec<Vec<String>> = kept
        .iter()
        .map(|k| {
            let mut r = item_row(&k.item);
            r.push(render(&k.message));
            r
        })
        .collect();
    let mut columns = ITEM_COLUMNS.to_vec();
    columns.push(Column::KeptBecause);
    let header = header(&columns);
    output::table(
        &header.iter().map(String::as_str).collect::<Vec<_>>(),
        &rows,
    )
}

pub fn dispose(ctx: &Ctx, a: DisposeArgs) -> anyhow::Result<ExitCode> {
    if let Some(DisposeSub::Log { json, out }) = a.log {
        let app = ctx.open()?;
        if let Some(path) = out
            .as_ref()
            .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
        {
            // The log as a document (PDF/A-2b), in the CLI's language.
            let (_, n) = app.write_disposal_log(path, crate::lang::get())?;
            output::line(crate::lang::line(CliLine::CliDisposalLogDocument {
                count: n as u64,
                path: path.display().to_string(),
            }))?;
            return Ok(ExitCode::SUCCESS);
        }
        if let Some(path) = out {
            let csv = app.disposal_log_csv()?;
            ogonblick_app::store::fsutil::write_atomic(&path, csv.as_bytes())
                .map_err(AppError::from)?;
            output::line(render(&Message::CliDisposalLogWritten {
                path: path.display().to_string(),
            }))?;
            return Ok(ExitCode::SUCCESS);
        }
        let log = app.disposal_log()?;
        if json {
            output::json(&log)?;
        } else {
            let rows: Vec<Vec<String>> = log
                .iter()
                .map(|e| {
                    vec![
                        time(&e.disposed_at),
                        e.disposed_by.clone(),
                        crate::lang::line(CliLine::CliDisposedKind {
                            kind: e.item_kind.to_string(),
                        }),
                        e.item_id.clone(),
                        format!("{} {}", e.channel_id, e.channel_name),
                        e.decision.clone(),
                        e.files.len().to_string(),
                    ]
                })
                .collect();
            output::table_of(
                &[
                    Column::Disposed,
                    Column::By,
                    Column::Kind,
                    Column::Id,
                    Column::Channel,
                    Column::Decision,
                    Column::Files,
                ],
                &rows,
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if a.dry_run {
        let app = ctx.open()?;
        let plan = app.disposal_plan()?;
        if a.json {
            output::json(&plan)?;
        } else {
            output::line(render(&Message::CliDisposeDue {
                count: plan.due.len() as u64,
            }))?;
            if !plan.due.is_empty() {
                let rows: Vec<Vec<String>> = plan.due.iter().map(item_row).collect();
                let header = header(&ITEM_COLUMNS);
                output::table(
                    &header.iter().map(String::as_str).collect::<Vec<_>>(),
                    &rows,
                )?;
            }
            print_kept(&plan.kept)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if !a.confirm {
        return Err(
            AppError::said(ErrorCode::InvalidInput, Message::DisposeNeedsConfirm {}).into(),
        );
    }
    let by = a.by.unwrap_or_default();
    if by.trim().is_empty() {
        return Err(AppError::said(ErrorCode::InvalidInput, Message::DisposeNeedsBy {}).into());
    }
    let app = ctx.open()?;
    let done = app.dispose(&by, a.decision.as_deref())?;
    if a.json {
        output::json(&done)?;
    } else {
        output::line(render(&Message::CliDisposedOf {
            count: done.disposed.len() as u64,
        }))?;
        for e in &done.disposed {
            output::line(render(&Message::CliDisposedItem {
                kind: crate::lang::line(CliLine::CliDisposedKind {
                    kind: e.item_kind.to_string(),
                }),
                id: e.item_id.clone(),
                files: e.files.len() as u64,
                decision: e.decision.clone(),
            }))?;
        }
        print_kept(&done.kept)?;
    }
    Ok(ExitCode::SUCCESS)
}
