//! `ogonblick channel close|undo-close|account-deleted|closure` (h-close):
//! start a closure with its decision and diary number, undo it before the
//! final snapshot, record the day the account was deleted on the platform,
//! and show the checklist.

use std::process::ExitCode;

use clap::Args;
use ogonblick_app::{ClosureDecision, ClosureStatus, ClosureStepKind};

use ogonblick_model::messages::{StepName, StepState};
use ogonblick_model::Message;

use super::{parse_id, Ctx};
use crate::lang::render;
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
        output::line(render(&r.remaining))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn undo(ctx: &Ctx, a: ClosureIdArgs) -> anyhow::Result<ExitCode> {
    let id = parse_id(&a.id)?;
    let app = ctx.open()?;
    let s = app.undo_closure(id)?;
    output::json_or(a.json, &s, |s| {
        output::line(render(&Message::CliClosureUndone {
            id: s.channel.id,
            name: s.channel.name.clone(),
            status: s.channel.status.to_string(),
        }))
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

fn step_name(k: ClosureStepKind) -> String {
    let step = match k {
        ClosureStepKind::Start => StepName::Start,
        ClosureStepKind::Snapshot => StepName::Snapshot,
        ClosureStepKind::Review => StepName::Review,
        ClosureStepKind::Export => StepName::Export,
        ClosureStepKind::Verify => StepName::Verify,
        ClosureStepKind::Close => StepName::Close,
        ClosureStepKind::Deleted => StepName::Deleted,
    };
    render(&Message::ClosureStepName { step })
}

fn print_status(s: &ClosureStatus) -> anyhow::Result<()> {
    let mut lines = vec![
        render(&Message::CliClosureChannel {
            id: s.channel.id,
            name: s.channel.name.clone(),
            status: s.channel.status.to_string(),
        }),
        render(&Message::CliClosureDecision {
            decision: opt(&s.decision).to_string(),
        }),
        render(&Message::CliClosureDiary {
            number: opt(&s.diary_number).to_string(),
        }),
    ];
    for (i, step) in s.steps.iter().enumerate() {
        let state = match (step.done, Some(step.step) == s.current) {
            (true, _) => StepState::Done,
            (false, true) => StepState::Next,
            (false, false) => StepState::Open,
        };
        let mut state = render(&Message::ClosureStepState { state });
        if let (true, Some(who), Some(at)) = (step.done, &step.actor, &step.at) {
            state.push_str(&format!(" ({who}, {})", time(at)));
        }
        if step.step == ClosureStepKind::Deleted {
            if let Some(d) = s.deleted_on {
                let on = render(&Message::CliClosureDeletedOn {
                    date: d.to_string(),
                });
                state.push_str(&format!(": {on}"));
            }
        }
        let name = step_name(step.step);
        let pad = 32usize.saturating_sub(name.chars().count());
        lines.push(format!("{}. {name}{} {state}", i + 1, " ".repeat(pad)));
    }
    if s.can_undo {
        lines.push(render(&Message::CliClosureCanUndo { id: s.channel.id }));
    }
    output::line(lines.join("\n"))
}
