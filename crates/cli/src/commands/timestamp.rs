//! `ogonblick timestamp --pending | --verify SNAPSHOT`.

use std::process::ExitCode;

use clap::Args;
use ogonblick_app::{timestamp_status, AppError};
use ogonblick_model::messages::CliLine;

use super::Ctx;
use crate::{lang, output};

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["pending", "verify"])))]
pub struct TimestampArgs {
    /// Ask the authorities again for every snapshot whose timestamp is
    /// pending (exit 1 while some stay pending).
    #[arg(long)]
    pub pending: bool,
    /// Check a snapshot offline: its manifest against its files, and every
    /// token's signature, certificate chain to the configured roots,
    /// timeStamping usage and imprint (exit 1 when something does not hold).
    #[arg(long, value_name = "SNAPSHOT")]
    pub verify: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, a: TimestampArgs) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    if let Some(id) = a.verify {
        let check = app.verify_snapshot_timestamp(&id)?;
        if a.json {
            output::json(&check)?;
        } else {
            for m in check.verified.iter().chain(&check.problems) {
                output::line(lang::render(m))?;
            }
            if let Some(n) = &check.note {
                output::line(lang::render(n))?;
            }
        }
        return Ok(if check.ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    let states = app.stamp_pending()?;
    let still = states.iter().filter(|s| s.is_pending()).count();
    if a.json {
        output::json(&states)?;
    } else if states.is_empty() {
        output::line(lang::line(CliLine::CliTimestampNone {}))?;
    } else {
        for s in &states {
            output::line(format!(
                "{}: {}",
                s.snapshot_id,
                lang::render(&timestamp_status(Some(s)))
            ))?;
            for auth in s.authorities.iter().filter(|x| x.token.is_none()) {
                if let Some(e) = &auth.last_error {
                    output::line(format!("  {}", lang::render(e)))?;
                }
            }
        }
    }
    if still > 0 && !a.json {
        return Err(AppError::said(
            ogonblick_model::ErrorCode::Environment,
            ogonblick_model::Message::CliTimestampsPending {
                count: still as u64,
            },
        )
        .into());
    }
    Ok(if still > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
