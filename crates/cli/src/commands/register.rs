//! `ogonblick register import|export`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use ogonblick_app::CsvDelimiter;
use ogonblick_model::messages::CliLine;

use super::Ctx;
use crate::{lang, output};

#[derive(Debug, Subcommand)]
pub enum RegisterCmd {
    /// Import channels from a CSV file (comma or semicolon, UTF-8 with or
    /// without BOM, English or Swedish headers). All rows or none.
    Import(ImportArgs),
    /// Export the register as CSV (semicolons and a BOM, as Swedish Excel
    /// expects, unless --comma).
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    pub file: PathBuf,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    pub file: PathBuf,
    /// Separate fields with commas instead of semicolons.
    #[arg(long)]
    pub comma: bool,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, cmd: RegisterCmd) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    match cmd {
        RegisterCmd::Import(a) => {
            let r = app.import_register(&a.file)?;
            if a.json {
                output::json(&r)?;
            } else {
                let ids: Vec<String> = r.imported.iter().map(|c| c.id.to_string()).collect();
                output::line(lang::line(CliLine::CliImported {
                    count: ids.len() as u64,
                    ids: ids.join(", "),
                }))?;
            }
        }
        RegisterCmd::Export(a) => {
            let d = if a.comma {
                CsvDelimiter::Comma
            } else {
                CsvDelimiter::Semicolon
            };
            let r = app.export_register(&a.file, d)?;
            if a.json {
                output::json(&r)?;
            } else {
                output::line(lang::line(CliLine::CliExported {
                    count: r.channels as u64,
                    path: r.path.clone(),
                }))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
