//! `ogonblick claims [--json]` (issue 15): which channels are being
//! captured now and from which computer, read from the register's claims
//! (on a shared register, every desktop's). A claim of a computer that
//! stopped ends with its lease.

use std::process::ExitCode;

use clap::Args;
use ogonblick_model::messages::{CliLine, Column};

use super::Ctx;
use crate::{lang, output};

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Print the claims as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, a: ClaimsArgs) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    let claims = app.current_claims()?;
    output::json_or(a.json, &claims, |claims| {
        if claims.is_empty() {
            return output::line(lang::line(CliLine::CliClaimsNone {}));
        }
        let rows: Vec<Vec<String>> = claims
            .iter()
            .map(|c| {
                vec![
                    c.channel_id.to_string(),
                    c.name.clone(),
                    c.host.clone(),
                    output::time(&c.claimed_at),
                    output::time(&c.expires_at),
                ]
            })
            .collect();
        output::table_of(
            &[
                Column::Id,
                Column::Channel,
                Column::Computer,
                Column::Started,
                Column::Until,
            ],
            &rows,
        )
    })?;
    Ok(ExitCode::SUCCESS)
}
