//! Which register a front-end opens (issue 15): a shared register on
//! PostgreSQL named by the command line (`--database`), by
//! `OGONBLICK_DATABASE` or by the address saved in the user's config
//! folder (Inställningar → Delat register), else the local SQLite register
//! in the data directory. The CLI and the desktop both ask
//! [`choose_register`]. The saved address never holds a password
//! ([`save_shared_register`] refuses one): the password comes the way the
//! IT department has it (`~/.pgpass`, Kerberos, …). A saved address applies
//! at the next start.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ogonblick_model::{Clock, ErrorCode, Message};
use ogonblick_store::pg::{DataDirIdentity, PgRegister};
use ogonblick_store::postgres::Config;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{AppError, Result};

/// The environment variable naming a shared register.
pub const DATABASE_ENV: &str = "OGONBLICK_DATABASE";
/// The environment variable overriding the user's config folder (tests).
pub const CONFIG_DIR_ENV: &str = "OGONBLICK_CONFIG_DIR";
/// The file in the config folder holding the saved address.
pub const SHARED_REGISTER_FILE: &str = "shared-register.json";

/// Where the register a front-end opens was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum RegisterSource {
    /// `--database` on the command line.
    Flag,
    /// `OGONBLICK_DATABASE`.
    Environment,
    /// The address saved in Inställningar.
    Saved,
    /// None: the local SQLite register in the data directory.
    Local,
}

/// The register a front-end opens: a shared one's address, or none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterChoice {
    pub source: RegisterSource,
    pub database: Option<String>,
}

impl RegisterChoice {
    /// The local register in the data directory.
    pub fn local() -> RegisterChoice {
        RegisterChoice {
            source: RegisterSource::Local,
            database: None,
        }
    }
}

/// The saved file's content.
#[derive(Debug, Serialize, Deserialize)]
struct SavedRegister {
    database: String,
}

/// The user's config folder of Ögonblick: `$OGONBLICK_CONFIG_DIR`, else
/// the operating system's (Linux `~/.config/ogonblick`).
pub fn config_dir() -> Result<PathBuf> {
    if let Some(v) = std::env::var_os(CONFIG_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(v));
    }
    directories::ProjectDirs::from("se", "Ogonblick", "Ogonblick")
        .map(|p| p.config_dir().to_path_buf())
        .ok_or_else(|| AppError::said(ErrorCode::Environment, Message::ConfigNoHome {}))
}

/// The register to open: `flag` (the command line's `--database`, `None`
/// when not given), else `OGONBLICK_DATABASE`, else the saved address,
/// else the local register. Empty values count as not given.
pub fn choose_register(flag: Option<String>) -> Result<RegisterChoice> {
    // Without a home folder there is no saved address (the local register).
    let dir = config_dir().ok();
    choose_register_in(flag, std::env::var(DATABASE_ENV).ok(), dir.as_deref())
}

/// [`choose_register`] with the environment's value and the config folder
/// (`None`: none, so no saved address) given.
pub fn choose_register_in(
    flag: Option<String>,
    environment: Option<String>,
    config_dir: Option<&Path>,
) -> Result<RegisterChoice> {
    let given = |v: Option<String>| v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    if let Some(d) = given(flag) {
        return Ok(RegisterChoice {
            source: RegisterSource::Flag,
            database: Some(d),
        });
    }
    if let Some(d) = given(environment) {
        return Ok(RegisterChoice {
            source: RegisterSource::Environment,
            database: Some(d),
        });
    }
    let saved = match config_dir {
        Some(dir) => saved_shared_register_in(dir)?,
        None => None,
    };
    Ok(match saved {
        Some(d) => RegisterChoice {
            source: RegisterSource::Saved,
            database: Some(d),
        },
        None => RegisterChoice::local(),
    })
}

/// The address saved in Inställningar, if any.
pub fn saved_shared_register() -> Result<Option<String>> {
    saved_shared_register_in(&config_dir()?)
}

/// [`saved_shared_register`] in the config folder `config_dir`.
pub fn saved_shared_register_in(config_dir: &Path) -> Result<Option<String>> {
    let path = config_dir.join(SHARED_REGISTER_FILE);
    let unreadable = |detail: String| {
        AppError::said(
            ErrorCode::Environment,
            Message::SharedRegisterFileUnreadable {
                path: path.display().to_string(),
                detail,
            },
        )
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e.to_string())),
    };
    let saved: SavedRegister =
        serde_json::from_slice(&bytes).map_err(|e| unreadable(e.to_string()))?;
    let d = saved.database.trim().to_string();
    Ok(Some(d).filter(|d| !d.is_empty()))
}

/// The saved address as Inställningar shows it (issue 15): a damaged or
/// unreadable file is no saved address plus the sentence saying so, so
/// that the user can save a new address over it or clear it there.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedAddress {
    pub saved: Option<String>,
    pub problem: Option<Message>,
}

/// [`SavedAddress`] in the user's config folder (an error only without one).
pub fn saved_address_for_settings() -> Result<SavedAddress> {
    Ok(saved_address_for_settings_in(&config_dir()?))
}

/// [`saved_address_for_settings`] in the config folder `config_dir`.
pub fn saved_address_for_settings_in(config_dir: &Path) -> SavedAddress {
    match saved_shared_register_in(config_dir) {
        Ok(saved) => SavedAddress {
            saved,
            problem: None,
        },
        Err(e) => SavedAddress {
            saved: None,
            problem: Some(e.message()),
        },
    }
}

/// Saves `database` (checked: a PostgreSQL address without a password) as
/// the shared register of the next start; `None` or an empty one removes
/// the saved address (the local register again).
pub fn save_shared_register(database: Option<&str>) -> Result<()> {
    save_shared_register_in(&config_dir()?, database)
}

/// [`save_shared_register`] in the config folder `config_dir`.
pub fn save_shared_register_in(config_dir: &Path, database: Option<&str>) -> Result<()> {
    let path = config_dir.join(SHARED_REGISTER_FILE);
    let io = |e: std::io::Error| {
        AppError::said(
            ErrorCode::Environment,
            Message::SharedRegisterFileUnreadable {
                path: path.display().to_string(),
                detail: e.to_string(),
            },
        )
    };
    match database.map(str::trim).filter(|d| !d.is_empty()) {
        None => match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(e)),
            _ => Ok(()),
        },
        Some(d) => {
            check_address(d)?;
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(io)?;
            }
            let saved = SavedRegister {
                database: d.to_string(),
            };
            let mut bytes = serde_json::to_vec_pretty(&saved).map_err(|e| io(e.into()))?;
            bytes.push(b'\n');
            let tmp = path.with_extension("json.tmp");
            std::fs::write(&tmp, bytes).map_err(io)?;
            std::fs::rename(&tmp, &path).map_err(io)
        }
    }
}

/// A PostgreSQL address that may be saved: `postgres://` or
/// `postgresql://`, parseable, and without a password.
pub fn check_address(database: &str) -> Result<Config> {
    let config = postgres_address(database)?;
    if config.get_password().is_some() {
        return Err(AppError::said(
            ErrorCode::InvalidInput,
            Message::SharedRegisterPassword {},
        ));
    }
    Ok(config)
}

/// A PostgreSQL address: `postgres://` or `postgresql://`, parseable (a
/// password allowed).
pub(crate) fn postgres_address(database: &str) -> Result<Config> {
    let not_pg = || {
        AppError::said(
            ErrorCode::InvalidInput,
            Message::SharedRegisterNotPostgres {
                address: masked(database),
            },
        )
    };
    if !(database.starts_with("postgres://") || database.starts_with("postgresql://")) {
        return Err(not_pg());
    }
    database.parse().map_err(|_| not_pg())
}

/// The address as typed with whatever may be a password masked, for a
/// refusal: the part after a `:` in the user info (`scheme://user:secret@…`,
/// also in a mistyped scheme) and the value of a `password=` parameter.
fn masked(address: &str) -> String {
    let mut out = address.to_string();
    if let Some(at) = out.rfind('@') {
        let start = out[..at].find("://").map_or(0, |i| i + 3);
        if let Some(colon) = out[start..at].find(':') {
            out.replace_range(start + colon + 1..at, "***");
        }
    }
    let lower = out.to_ascii_lowercase();
    if let Some(i) = lower.find("password=") {
        let from = i + "password=".len();
        let to = out[from..]
            .find(|c: char| c == '&' || c.is_whitespace())
            .map_or(out.len(), |n| from + n);
        out.replace_range(from..to, "***");
    }
    out
}

/// `host/database` of an address, for the window's status line (no user
/// name, no password); empty when it does not parse.
pub fn short_address(database: &str) -> String {
    let Ok(config) = database.parse::<Config>() else {
        return String::new();
    };
    let host = config
        .get_hosts()
        .iter()
        .map(|h| match h {
            ogonblick_store::postgres::config::Host::Tcp(name) => name.clone(),
            #[cfg(unix)]
            ogonblick_store::postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .collect::<Vec<_>>()
        .join(",");
    format!("{}/{}", host, config.get_dbname().unwrap_or(""))
}

/// Tests a connection as Inställningar's "Testa anslutningen" does:
/// checks the address (no password), connects (the schema created in an
/// empty database or upgraded, a newer one refused) and checks `data_dir`'s identity without
/// writing to it; the sentence to show when all is well.
pub fn test_shared_register(
    database: &str,
    data_dir: &Path,
    clock: Arc<dyn Clock>,
) -> Result<Message> {
    let config = check_address(database)?;
    let register = PgRegister::connect_with(config, clock)?;
    let identity = register.check_data_dir(data_dir)?;
    Ok(Message::SharedRegisterTestOk {
        address: register.address().to_string(),
        path: data_dir.display().to_string(),
        adopted: identity == DataDirIdentity::Adopted,
    })
}

#[cfg(test)]
mod tests {
    use super::masked;

    #[test]
    fn a_refused_address_never_repeats_a_password() {
        for (typed, shown) in [
            (
                "postgress://anna:hemligt@db/ogonblick",
                "postgress://anna:***@db/ogonblick",
            ),
            ("anna:hemligt@db/ogonblick", "anna:***@db/ogonblick"),
            (
                "host=db password=hemligt user=anna",
                "host=db password=*** user=anna",
            ),
            (
                "mysql://db/x?Password=hemligt&a=1",
                "mysql://db/x?Password=***&a=1",
            ),
            (
                "postgress://anna@db/ogonblick",
                "postgress://anna@db/ogonblick",
            ),
        ] {
            assert_eq!(masked(typed), shown);
        }
    }
}
