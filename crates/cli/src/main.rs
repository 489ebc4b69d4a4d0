//! `ogonblick`: the command-line interface of Ögonblick, for unattended
//! and scripted runs. Every command is a thin adapter over
//! [`ogonblick_app::App`]; this binary holds no logic of its own.
//!
//! Exit codes: 0 success; 1 a user error (bad input, unknown id, conflict,
//! cancelled, something in the environment to fix), with one line
//! `error: <message>` on stderr (`fel: …` with `--lang sv`); 2 an internal fault.

mod cli;
mod commands;
mod lang;
mod output;

use std::process::ExitCode;

use clap::Parser;
use ogonblick_app::AppError;
use ogonblick_model::ErrorCode;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => report(&err),
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let _ = e.print();
            return Ok(match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => ExitCode::SUCCESS,
                // A usage error is a user error: exit 1, not clap's 2.
                _ => ExitCode::from(1),
            });
        }
    };
    lang::set_explicit(cli.lang);
    lang::set(lang::choose(cli.lang));
    let ctx = commands::Ctx::new(cli.data_dir, cli.operator, cli.database)?;
    match cli.command {
        Command::Channel(cmd) => commands::channel::run(&ctx, cmd),
        Command::Register(cmd) => commands::register::run(&ctx, cmd),
        Command::Reindex(args) => commands::records::reindex(&ctx, args),
        Command::Capture(args) => commands::capture::run(&ctx, args),
        Command::History(args) => commands::records::history(&ctx, args),
        Command::Audit(args) => commands::records::audit(&ctx, args),
        Command::Settings(cmd) => commands::settings::run(&ctx, cmd),
        Command::Timestamp(args) => commands::timestamp::run(&ctx, args),
        Command::Claims(args) => commands::claims::run(&ctx, args),
        Command::Due(args) => commands::due::run(&ctx, args),
        Command::Coverage(args) => commands::coverage::run(&ctx, args),
        Command::Export(args) => commands::package::export(&ctx, args),
        Command::Verify(args) => commands::package::verify(&ctx, args),
        Command::CloseComplete(args) => commands::package::close_complete(&ctx, args),
        Command::Removal(cmd) => commands::removal::run(&ctx, cmd),
        Command::Diary(cmd) => commands::removal::diary(&ctx, cmd),
        Command::Retention(cmd) => commands::dispose::retention(&ctx, cmd),
        Command::Hold(cmd) => commands::dispose::hold(&ctx, cmd),
        Command::Dispose(args) => commands::dispose::dispose(&ctx, args),
        Command::Mark(cmd) => commands::mark::run(&ctx, cmd),
        Command::Compare(args) => commands::changes::compare(&ctx, args),
        Command::Changes(cmd) => commands::changes::changes(&ctx, cmd),
        Command::Role(cmd) => commands::role::run(&ctx, cmd),
        Command::Org(cmd) => commands::org::run(&ctx, cmd),
        Command::Migrate(args) => commands::migrate::run(&ctx, args),
    }
}

/// Prints the error as one line and picks the exit code. A closed output
/// pipe (`ogonblick due | head -1`) is no error: the reader has what it
/// wanted, so the program ends quietly with status 0.
fn report(err: &anyhow::Error) -> ExitCode {
    if output::is_closed_pipe(err) {
        return ExitCode::SUCCESS;
    }
    let (code, message) = match err.downcast_ref::<AppError>() {
        Some(e) => (e.code(), lang::render(&e.message())),
        None => (ErrorCode::Internal, format!("{err:#}")),
    };
    let one_line = message.split_whitespace().collect::<Vec<_>>().join(" ");
    output::err_line(format!("{}: {one_line}", lang::error_word()));
    match code {
        ErrorCode::Internal => ExitCode::from(2),
        _ => ExitCode::from(1),
    }
}
