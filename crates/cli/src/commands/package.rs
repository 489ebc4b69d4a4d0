//! `ogonblick export`, `ogonblick verify` and `ogonblick close-complete`:
//! archive packages (FGS 2.0 / E-ARK SIP) and the last step of closing a channel.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use ogonblick_app::package::package::PackageFormat;
use ogonblick_app::package::{ExportRequest, MarkedMode, RemovalsMode};
use ogonblick_app::AppError;
use ogonblick_model::{CancelToken, Message, ProgressEvent, Timestamp};

use super::{parse_id, Ctx};
use crate::lang::render;
use crate::output;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Only this channel's snapshots (id from `ogonblick channel list`).
    #[arg(long, value_name = "ID")]
    pub channel: Option<String>,
    /// Only snapshots of channels owned by this board.
    #[arg(long, value_name = "BOARD")]
    pub board: Option<String>,
    /// Only snapshots started on or after this day (YYYY-MM-DD or RFC 3339).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only snapshots started before this day (YYYY-MM-DD or RFC 3339).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Exactly these snapshots (repeat the option).
    #[arg(long = "snapshot", value_name = "SNAPSHOT_ID")]
    pub snapshots: Vec<String>,
    /// Also package partial and failed snapshots.
    #[arg(long)]
    pub include_incomplete: bool,
    /// The package file to write, or a folder to write `uuid-….zip` into.
    #[arg(long, value_name = "FILE", required_unless_present = "dry_run")]
    pub out: Option<PathBuf>,
    /// Write nothing: list what each package would hold, and the channels of
    /// the channel or board without a complete snapshot in the period.
    #[arg(long)]
    pub dry_run: bool,
    /// zip (default) or tar.
    #[arg(long, default_value = "zip")]
    pub format: String,
    /// The package's label (METS LABEL).
    #[arg(long)]
    pub label: Option<String>,
    /// The archive creator (arkivbildare, the owning board) if not the default.
    #[arg(long, value_name = "BOARD")]
    pub archive_creator: Option<String>,
    /// The classification code if not the default.
    #[arg(long, value_name = "CODE")]
    pub classification: Option<String>,
    /// Removal records (borttaget innehåll): none (default, snapshots only),
    /// with (in the same package as the snapshots) or only (a package of
    /// removal records and their evidence alone).
    #[arg(long, value_name = "none|with|only", default_value = "none")]
    pub removals: String,
    /// Leave out items marked as holding sensitive personal data or secret
    /// information (`ogonblick mark set`).
    #[arg(long)]
    pub leave_out_marked: bool,
    /// Put marked items in a package of their own (two packages; --out must
    /// be a folder).
    #[arg(long)]
    pub marked_separately: bool,
    /// Print JSON: with --marked-separately, a list of packages.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The package file (its `.sha256` sidecar is read from beside it).
    #[arg(value_name = "PACKAGE")]
    pub package: PathBuf,
    /// Also record the result in the register's audit log (needs the data
    /// folder, writable). Without it, verify only reads the package.
    #[arg(long)]
    pub record: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CloseCompleteArgs {
    /// The closing channel.
    #[arg(value_name = "ID")]
    pub id: String,
    /// The exported package holding the pre-closure snapshot.
    #[arg(long, value_name = "FILE")]
    pub package: PathBuf,
    #[arg(long)]
    pub json: bool,
}

fn parse_time(s: &str) -> Result<Timestamp, AppError> {
    let t = s.trim();
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(t) {
        return Ok(d.with_timezone(&chrono::Utc));
    }
    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
        .ok_or_else(|| {
            AppError::said(
                ogonblick_model::ErrorCode::InvalidInput,
                ogonblick_model::Message::CliBadDate {
                    given: s.to_string(),
                },
            )
        })
}

/// Byte progress on stderr when it is a terminal.
fn progress() -> impl Fn(ProgressEvent) + Send + Sync {
    let tty = std::io::stderr().is_terminal();
    move |e: ProgressEvent| {
        if let (true, ProgressEvent::Bytes { done, total }) = (tty, &e) {
            eprint!("\r{} / {} MB", done / 1_000_000, total / 1_000_000);
            if done == total {
                eprintln!();
            }
        }
    }
}

pub fn export(ctx: &Ctx, a: ExportArgs) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    let format = match a.format.trim().to_lowercase().as_str() {
        "zip" => PackageFormat::Zip,
        "tar" => PackageFormat::Tar,
        other => {
            return Err(AppError::said(
                ogonblick_model::ErrorCode::InvalidInput,
                ogonblick_model::Message::CliBadFormat {
                    given: other.to_string(),
                },
            )
            .into())
        }
    };
    let removals = match a.removals.trim().to_lowercase().as_str() {
        "none" => RemovalsMode::None,
        "with" => RemovalsMode::With,
        "only" => RemovalsMode::Only,
        other => {
            return Err(AppError::said(
                ogonblick_model::ErrorCode::InvalidInput,
                ogonblick_model::Message::CliBadRemovals {
                    given: other.to_string(),
                },
            )
            .into())
        }
    };
    let marked = match (a.leave_out_marked, a.marked_separately) {
        (false, false) => MarkedMode::Include,
        (true, false) => MarkedMode::LeaveOut,
        (false, true) => MarkedMode::Separately,
        (true, true) => {
            return Err(AppError::said(
                ogonblick_model::ErrorCode::InvalidInput,
                ogonblick_model::Message::ExportMarkedModes {},
            )
            .into())
        }
    };
    let req = ExportRequest {
        channel_id: a.channel.as_deref().map(parse_id).transpose()?,
        board: a.board,
        from: a.from.as_deref().map(parse_time).transpose()?,
        to: a.to.as_deref().map(parse_time).transpose()?,
        snapshot_ids: a.snapshots,
        include_incomplete: a.include_incomplete,
        format,
        label: a.label,
        archive_creator: a.archive_creator,
        classification_code: a.classification,
        removals,
        marked,
    };
    if a.dry_run {
        return preview(&app, &req, a.json);
    }
    let Some(out) = a.out else {
        return Err(AppError::said(
            ogonblick_model::ErrorCode::InvalidInput,
            ogonblick_model::Message::ExportNoOut {},
        )
        .into());
    };
    let all = app.export_packages(&req, &out, &progress(), &CancelToken::new())?;
    if a.json {
        if marked == MarkedMode::Separately {
            output::json(&all)?;
        } else {
            output::json(&all[0])?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    for s in all {
        output::line(render(&Message::CliPackageWritten {
            objid: s.objid.clone(),
            path: s.path.display().to_string(),
            files: s.files as u64,
            snapshots: s.snapshots as u64,
            bytes: s.size,
        }))?;
        output::line(render(&Message::CliPackageSha {
            sha256: s.sha256.clone(),
            sidecar: s.sidecar.display().to_string(),
        }))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `export --dry-run`: the preview, in lines or JSON.
fn preview(app: &ogonblick_app::App, req: &ExportRequest, json: bool) -> anyhow::Result<ExitCode> {
    let p = app.export_preview(req)?;
    if json {
        output::json(&p)?;
        return Ok(ExitCode::SUCCESS);
    }
    for pkg in &p.packages {
        output::line(render(&Message::CliPreviewPackage {
            marked: pkg.marked,
            snapshots: pkg.snapshots.len() as u64,
            removals: pkg.removals.len() as u64,
            marks: pkg.marks as u64,
            bytes: pkg.bytes,
        }))?;
        for s in &pkg.snapshots {
            output::line(format!(
                "  {}  {}  {}  {}  {}  {}",
                s.id,
                s.started_at.format("%Y-%m-%d"),
                s.reason,
                s.status,
                render(&Message::CliPreviewSnapshotPages {
                    pages: s.pages as u64
                }),
                s.channel
            ))?;
        }
        for r in &pkg.removals {
            output::line(format!(
                "  {}  {}  {}  {}",
                r.id,
                r.removed_at.format("%Y-%m-%d"),
                render(&Message::CliPreviewRemoval {}),
                r.channel
            ))?;
        }
    }
    if p.packages.is_empty() {
        output::line(render(&Message::CliPreviewNothing {}))?;
    }
    let missing = p.without_snapshot.as_deref().unwrap_or_default();
    if !missing.is_empty() {
        output::line(render(&Message::CliPreviewWithoutSnapshot {
            count: missing.len() as u64,
        }))?;
        for c in missing {
            output::line(format!(
                "  {}  {}  {}",
                c.id,
                c.name,
                c.board.as_deref().unwrap_or("-")
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn verify(ctx: &Ctx, a: VerifyArgs) -> anyhow::Result<ExitCode> {
    // Checking a file needs no register: it must work on read-only media,
    // on a machine without Ögonblick's data, at the e-archive.
    let r = if a.record {
        ctx.open()?
            .verify_package(&a.package, &progress(), &CancelToken::new())?
    } else {
        ogonblick_app::package::verify_package_file(&a.package, &progress(), &CancelToken::new())?
    };
    if a.json {
        output::json(&r)?;
    } else if r.ok {
        output::line(render(&Message::CliVerifyOk {
            objid: r.objid.clone().unwrap_or_default(),
            files: r.files_checked as u64,
            schemas: r.schemas_checked,
        }))?;
    } else {
        output::line(render(&Message::CliVerifyNotOk {
            count: r.problems.len() as u64,
            package: a.package.display().to_string(),
        }))?;
        for p in &r.problems {
            output::line(format!("  {}", p.render(crate::lang::get())))?;
        }
    }
    // A package with problems is a failed check: exit 1 for scripts.
    Ok(if r.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub fn close_complete(ctx: &Ctx, a: CloseCompleteArgs) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    let id = parse_id(&a.id)?;
    let done = app.complete_closure(id, &a.package, &progress(), &CancelToken::new())?;
    if a.json {
        output::json(&done)?;
    } else {
        output::line(render(&Message::CliClosureComplete {
            id: done.channel.id,
            name: done.channel.name.clone(),
            snapshot: done.snapshot_id.clone(),
            package: done.package.objid.clone().unwrap_or_default(),
        }))?;
    }
    Ok(ExitCode::SUCCESS)
}
