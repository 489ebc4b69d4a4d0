//! `ogonblick org list`, `org board add|rename|remove`, `org unit
//! add|rename|remove` (h-ui19): the organisation's list of boards and units
//! that a channel's board and unit are picked from.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use ogonblick_app::{App, OrgEntry};
use ogonblick_model::messages::{CliLine, Column};
use ogonblick_model::OrgUnits;

use super::Ctx;
use crate::output;

#[derive(Debug, Subcommand)]
pub enum OrgCmd {
    /// List the boards and their units.
    List(JsonArg),
    /// Add, rename or remove a board (nämnd).
    #[command(subcommand)]
    Board(BoardCmd),
    /// Add, rename or remove a unit (förvaltning / enhet) of a board.
    #[command(subcommand)]
    Unit(UnitCmd),
}

#[derive(Debug, Subcommand)]
pub enum BoardCmd {
    /// Add a board.
    Add(BoardArgs),
    /// Rename a board; its channels move with it.
    Rename(RenameBoard),
    /// Remove a board and its units (refused while a channel uses it).
    Remove(BoardArgs),
}

#[derive(Debug, Subcommand)]
pub enum UnitCmd {
    /// Add a unit to a board.
    Add(UnitArgs),
    /// Rename a unit; its channels move with it.
    Rename(RenameUnit),
    /// Remove a unit (refused while a channel uses it).
    Remove(UnitArgs),
}

#[derive(Debug, Args)]
pub struct JsonArg {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BoardArgs {
    pub board: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RenameBoard {
    pub board: String,
    pub to: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct UnitArgs {
    pub board: String,
    pub unit: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RenameUnit {
    pub board: String,
    pub unit: String,
    pub to: String,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, cmd: OrgCmd) -> anyhow::Result<ExitCode> {
    let app: App = ctx.open()?;
    let (list, json) = match cmd {
        OrgCmd::List(a) => (app.org_units()?, a.json),
        OrgCmd::Board(BoardCmd::Add(a)) => (app.add_org_entry(OrgEntry::Board(&a.board))?, a.json),
        OrgCmd::Board(BoardCmd::Rename(a)) => (
            app.rename_org_entry(OrgEntry::Board(&a.board), &a.to)?,
            a.json,
        ),
        OrgCmd::Board(BoardCmd::Remove(a)) => {
            (app.remove_org_entry(OrgEntry::Board(&a.board))?, a.json)
        }
        OrgCmd::Unit(UnitCmd::Add(a)) => (
            app.add_org_entry(OrgEntry::Unit(&a.board, &a.unit))?,
            a.json,
        ),
        OrgCmd::Unit(UnitCmd::Rename(a)) => (
            app.rename_org_entry(OrgEntry::Unit(&a.board, &a.unit), &a.to)?,
            a.json,
        ),
        OrgCmd::Unit(UnitCmd::Remove(a)) => (
            app.remove_org_entry(OrgEntry::Unit(&a.board, &a.unit))?,
            a.json,
        ),
    };
    output::json_or(json, &list, print)?;
    Ok(ExitCode::SUCCESS)
}

fn print(list: &OrgUnits) -> anyhow::Result<()> {
    if list.boards.is_empty() {
        return output::line(crate::lang::line(CliLine::CliOrgNoBoards {}));
    }
    let rows: Vec<Vec<String>> = list
        .boards
        .iter()
        .map(|b| vec![b.name.clone(), b.units.join(", ")])
        .collect();
    output::table_of(&[Column::Board, Column::Units], &rows)
}
