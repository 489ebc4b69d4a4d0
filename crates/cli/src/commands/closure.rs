//! `ogonblick channel close|undo-close|account-deleted|closure` (h-close):
//! start a closure with its decision and diary number, undo it before the
//! final snapshot, record the day the account was deleted on the platform,
//! and show the checklist.

use std::process::ExitCode;

use clap::Args;
use ogonblick_app::{ClosureDecision, ClosureStatus, ClosureStepKind};

use super::{parse_id, Ctx};
use crate::output::{self, opt, time};

#[derive(Debug, Args)]
pub struct CloseArgs {
    /// The channel id (see `ogonblick channel list`).
    pub id: String,
    /// The decision to close the account, e.g. "KS 2027-03-01 §12".
    #[arg(long)]
    pub decision: Option<String>,
    /// The decision's diary number (diarienummer), e.g. "KS 2027/31".
    #[arg(long = "diary", value_name = "NUMBER")]
    pub diary: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ClosureIdArgs {
    /// The channel id (see `ogonblick channel list`).
    pub id: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct AccountDeletedArgs {
    /// The channel id (see `ogonblick channel list`).
    pub id: String,
    /// The day the account was deleted on the platform (YYYY-MM-DD).
    #[arg(long)]
    pub date: String,
    #[arg(long)]
    pub json: bool,
}

pub fn close(ctx: &Ctx, a: CloseArgs) -> anyhow::Result<ExitCode> {
    let id = parse_id(&a.id)?;
    let app = ctx.open()?;
    let decision = ClosureDecision {
        decision: a.decision,
        diary_number: a.diary,
    };
    let r = app.start_closure_with(id, &decision)?;
    if a.json {
        output::json(&r)?;
    } else {
        output::line(&r.remaining)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn undo(ctx: &Ctx, a: ClosureIdArgs) -> anyhow::Result<ExitCode> {
    let id = parse_id(&a.id)?;
    let app = ctx.open()?;
    let s = app.undo_closure(id)?;
    output::json_or(a.json, &s, |s| {
        output::line(format!(
            "the closure of channel {} ({}) is undone: the channel is {} again",
            s.channel.id, s.channel.name, s.channel.status
        ))
    })?;
    Ok(ExitCode::SUCCESS)
}

pub fn deleted(ctx: &Ctx, a: AccountDeletedArgs) -> anyhow::Result<ExitCode> {
    let id = parse_id(&a.id)?;
    let app = ctx.open()?;
    let s = app.record_account_deleted(id, &a.date)?;
    output::json_or(a.json, &s, print_status)?;
    Ok(ExitCode::SUCCESS)
}

pub fn checklist(ctx: &Ctx, a: ClosureIdArgs) -> anyhow::Result<ExitCode> {
    let id = parse_id(&a.id)?;
    let app = ctx.open()?;
    let s = app.closure_status(id)?;
    output::json_or(a.json, &s, print_status)?;
    Ok(ExitCode::SUCCESS)
}

fn step_name(k: ClosureStepKind) -> &'static str {
    match k {
        ClosureStepKind::Start => "start the closure",
        ClosureStepKind::Snapshot => "final snapshot",
        ClosureStepKind::Review => "review the snapshot",
        ClosureStepKind::Export => "export the package",
        ClosureStepKind::Verify => "verify the package",
        ClosureStepKind::Close => "mark closed",
        ClosureStepKind::Deleted => "account deleted on the platform",
    }
}

fn print_status(s: &ClosureStatus) -> anyhow::Result<()> {
    let mut lines = vec![
        format!(
            "channel {} ({}): {}",
            s.channel.id, s.channel.name, s.channel.status
        ),
        format!("decision:     {}", opt(&s.decision)),
        format!("diary number: {}", opt(&s.diary_number)),
    ];
    for (i, step) in s.steps.iter().enumerate() {
        let mut state = match (step.done, Some(step.step) == s.current) {
            (true, _) => "done".to_string(),
            (false, true) => "next".to_string(),
            (false, false) => "-".to_string(),
        };
        if let (true, Some(who), Some(at)) = (step.done, &step.actor, &step.at) {
            state.push_str(&format!(" ({who}, {})", time(at)));
        }
        if step.step == ClosureStepKind::Deleted {
            if let Some(d) = s.deleted_on {
                state.push_str(&format!(": deleted on {d}"));
            }
        }
        lines.push(format!("{}. {:<32} {state}", i + 1, step_name(step.step)));
    }
    if s.can_undo {
        lines.push(format!(
            "the closure can still be undone: ogonblick channel undo-close {}",
            s.channel.id
        ));
    }
    output::line(lines.join("\n"))
}
