//! `ogonblick removal grounds add|edit|retire`: the organisation's removal
//! grounds edited (each change audited).

use std::process::ExitCode;

use clap::{Args, Subcommand};

use ogonblick_model::messages::{CliLine, GroundEdit};

use super::Ctx;
use crate::output;

#[derive(Debug, Subcommand)]
pub enum GroundsCmd {
    /// Add a ground (offered for new records).
    Add(AddGround),
    /// Change a ground's wording (old records keep theirs).
    Edit(EditGround),
    /// Retire a ground: no longer offered for new records.
    Retire(RetireGround),
}

#[derive(Debug, Args)]
pub struct AddGround {
    /// The short name (a-z, 0-9, '-') given to `removal add --ground`.
    #[arg(long, value_name = "NAME")]
    pub short: String,
    /// The wording in Swedish.
    #[arg(long, value_name = "TEXT")]
    pub sv: String,
    /// The wording in English (default: the Swedish).
    #[arg(long, value_name = "TEXT")]
    pub en: Option<String>,
}

#[derive(Debug, Args)]
pub struct EditGround {
    /// The ground's short name.
    pub short: String,
    #[arg(long, value_name = "TEXT")]
    pub sv: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub en: Option<String>,
}

#[derive(Debug, Args)]
pub struct RetireGround {
    /// The ground's short name.
    pub short: String,
}

pub fn run(ctx: &Ctx, cmd: GroundsCmd) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    let (g, change) = match cmd {
        GroundsCmd::Add(a) => (
            app.add_removal_ground(&a.short, &a.sv, a.en.as_deref())?,
            GroundEdit::Added,
        ),
        GroundsCmd::Edit(a) => (
            app.edit_removal_ground(&a.short, a.sv.as_deref(), a.en.as_deref())?,
            GroundEdit::Edited,
        ),
        GroundsCmd::Retire(a) => (app.retire_removal_ground(&a.short)?, GroundEdit::Retired),
    };
    output::line(crate::lang::line(CliLine::CliGroundChanged {
        code: g.code,
        change,
    }))?;
    Ok(ExitCode::SUCCESS)
}
