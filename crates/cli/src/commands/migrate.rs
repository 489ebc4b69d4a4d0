//! `ogonblick migrate --to postgres://…` (issue 15): the SQLite register of
//! the data directory (`--data-dir`) moved into an empty PostgreSQL
//! database, which then is this data directory's shared register. The
//! source is always the local register, whatever `--database` names.

use std::process::ExitCode;

use clap::Args;
use ogonblick_model::messages::CliLine;

use super::Ctx;
use crate::lang;
use crate::output;

#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// The empty PostgreSQL database to move the register into
    /// (`postgres://user[:password]@host[:port]/database`).
    #[arg(long, value_name = "URL")]
    pub to: String,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, a: MigrateArgs) -> anyhow::Result<ExitCode> {
    let data_dir = &ctx.config.data_dir;
    let clock = ogonblick_app::clock_from_env()?;
    let r = ogonblick_app::migrate_to_postgres(data_dir, &a.to, clock.as_ref())?;
    if a.json {
        output::json(&r)?;
        return Ok(ExitCode::SUCCESS);
    }
    output::line(lang::line(CliLine::CliMigrated {
        address: r.address.clone(),
        channels: r.rows("channels"),
        snapshots: r.snapshots_checked,
        files: r.files_checked,
        audit_entries: r.rows("audit_log"),
        removals: r.rows("removals"),
    }))?;
    let tables: Vec<String> = r
        .tables
        .iter()
        .map(|t| format!("{} {}", t.table, t.rows))
        .collect();
    output::line(lang::line(CliLine::CliMigratedTables {
        tables: tables.join(", "),
    }))?;
    output::line(lang::line(CliLine::CliMigratedNext {
        path: data_dir.display().to_string(),
    }))?;
    Ok(ExitCode::SUCCESS)
}
