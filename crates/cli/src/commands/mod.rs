//! One module per command group. A new group adds a module here, a variant
//! to `cli::Command` and one match arm in `main::run`.

pub mod capture;
pub mod changes;
pub mod channel;
pub mod channel_bulk;
pub mod claims;
pub mod closure;
pub mod coverage;
pub mod diary;
pub mod dispose;
pub mod due;
pub mod mark;
pub mod migrate;
pub mod org;
pub mod package;
pub mod records;
pub mod register;
pub mod removal;
pub mod removal_grounds;
pub mod removal_report;
pub mod removal_show;
pub mod role;
pub mod settings;
pub mod timestamp;

use std::path::PathBuf;
use std::sync::Arc;

use ogonblick_app::{
    choose_register, default_data_dir, default_login, default_operator, App, AppConfig, AppError,
};
use ogonblick_model::{RandomIds, SchedulePolicy};

/// What every command needs to open the application.
pub struct Ctx {
    pub config: AppConfig,
    /// The login name roles are looked up by (never `--operator`).
    pub login: Option<String>,
    /// The PostgreSQL register (`--database`, `OGONBLICK_DATABASE` or the
    /// address saved in the desktop's Inställningar), `None`: SQLite in the
    /// data directory.
    pub database: Option<String>,
}

impl Ctx {
    pub fn new(
        data_dir: Option<PathBuf>,
        operator: Option<String>,
        database: Option<String>,
    ) -> anyhow::Result<Ctx> {
        let data_dir = match data_dir {
            Some(d) => d,
            None => default_data_dir()?,
        };
        let operator = operator.unwrap_or_else(default_operator);
        Ok(Ctx {
            config: AppConfig { data_dir, operator },
            login: default_login(),
            // `--database`/`OGONBLICK_DATABASE`, else the desktop's saved
            // address, else SQLite.
            database: choose_register(database)?.database,
        })
    }

    /// Opens the application with the system clock (or the test hook
    /// `OGONBLICK_TEST_NOW`) and random ids.
    /// Partial files of killed exports in the folders the register knows are
    /// removed on the way (best effort).
    pub fn open(&self) -> Result<App, AppError> {
        let (config, clock, ids) = (
            self.config.clone(),
            ogonblick_app::clock_from_env()?,
            Arc::new(RandomIds),
        );
        let app = match &self.database {
            Some(url) => App::open_postgres(config, url, clock, ids)?,
            None => App::open(config, clock, ids)?,
        }
        .with_login(self.login.clone());
        app.clean_partial_exports();
        Ok(app)
    }
}

/// Parses a policy word; `default` means the organisation's default.
pub fn parse_policy(s: &str) -> Result<Option<SchedulePolicy>, AppError> {
    let t = s.trim().to_lowercase();
    if t == "default" || t == "standard" {
        return Ok(None);
    }
    t.parse::<SchedulePolicy>().map(Some).map_err(|e| {
        AppError::said(
            ogonblick_model::ErrorCode::InvalidInput,
            ogonblick_model::Message::CliPolicyOrDefault {
                why: Box::new(e.message()),
            },
        )
    })
}

/// Parses a channel id given on the command line.
pub fn parse_id(s: &str) -> Result<i64, AppError> {
    s.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            AppError::said(
                ogonblick_model::ErrorCode::InvalidInput,
                ogonblick_model::Message::CliBadChannelId {
                    given: s.to_string(),
                },
            )
        })
}
