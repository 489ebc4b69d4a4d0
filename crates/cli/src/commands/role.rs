//! `ogonblick role set|list|remove` (h-roles): who may do what. A person is
//! their login name; only an administrator changes roles (anyone while the
//! register has none: the first `role set` makes whoever runs it an
//! administrator too).

use std::process::ExitCode;

use clap::{Args, Subcommand};
use ogonblick_model::messages::{CliLine, Column};
use ogonblick_model::{PersonRoles, Role};

use super::Ctx;
use crate::{lang, output};

#[derive(Debug, Subcommand)]
pub enum RoleCmd {
    /// Set a person's roles (replacing theirs); --role may be given more than once.
    Set(SetRole),
    /// List every person with a role.
    List(ListRoles),
    /// Remove every role of a person (the last person's: roles are off again).
    Remove(RemoveRole),
}

#[derive(Debug, Args)]
pub struct SetRole {
    /// The person's login name (as `$USER` / `%USERNAME%` gives it).
    pub login: String,
    /// handlaggare (unit staff), arkivarie (archivist), chef (manager) or
    /// administrator.
    #[arg(long = "role", value_name = "ROLE", required = true, value_parser = parse_role)]
    pub roles: Vec<Role>,
    /// A unit (as the register names it) whose channels a handlaggare works
    /// on; once per unit.
    #[arg(long = "unit", value_name = "UNIT")]
    pub units: Vec<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ListRoles {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RemoveRole {
    /// The person's login name.
    pub login: String,
}

fn parse_role(s: &str) -> Result<Role, String> {
    s.parse::<Role>().map_err(|e| e.to_string())
}

pub fn run(ctx: &Ctx, cmd: RoleCmd) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    match cmd {
        RoleCmd::Set(a) => {
            let first = app.roles()?.is_empty();
            let all = app.set_role(&a.login, &a.roles, &a.units)?;
            if a.json {
                output::json(&all)?;
            } else {
                let login = a.login.trim();
                for p in all.iter().filter(|p| p.login == login) {
                    output::line(format!("{login}: {}", describe(p)))?;
                }
                // The register's first roles: whoever set them is an
                // administrator too.
                let me = app.login().filter(|me| first && *me != login);
                for p in all.iter().filter(|p| Some(p.login.as_str()) == me) {
                    output::line(format!(
                        "{}: {} {}",
                        p.login,
                        describe(p),
                        lang::line(CliLine::CliRoleFirst {})
                    ))?;
                }
            }
        }
        RoleCmd::List(a) => {
            let all = app.roles()?;
            output::json_or(a.json, &all, |all| {
                if all.is_empty() {
                    return output::line(lang::line(CliLine::CliRolesNone {}));
                }
                let rows: Vec<Vec<String>> = all
                    .iter()
                    .map(|p| {
                        vec![
                            p.login.clone(),
                            roles_text(p),
                            p.units.join(", "),
                            output::time(&p.set_at),
                            p.set_by.clone(),
                        ]
                    })
                    .collect();
                output::table_of(
                    &[
                        Column::Login,
                        Column::Roles,
                        Column::Units,
                        Column::Set,
                        Column::By,
                    ],
                    &rows,
                )
            })?;
        }
        RoleCmd::Remove(a) => {
            let all = app.remove_role(&a.login)?;
            output::line(lang::line(CliLine::CliRoleRemoved {
                login: a.login.trim().to_string(),
                last: all.is_empty(),
            }))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The roles, each in the CLI's language (`cli-role`).
fn roles_text(p: &PersonRoles) -> String {
    p.roles
        .iter()
        .map(|r| {
            lang::line(CliLine::CliRole {
                role: r.as_str().into(),
            })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn describe(p: &PersonRoles) -> String {
    if p.units.is_empty() {
        roles_text(p)
    } else {
        lang::line(CliLine::CliRoleUnits {
            roles: roles_text(p),
            units: p.units.join(", "),
        })
    }
}
