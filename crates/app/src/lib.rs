//! The use cases of Ögonblick. Both the CLI (`crates/cli`) and the desktop
//! shell (`src-tauri`) call [`App`]; neither holds logic of its own. This
//! crate does not depend on Tauri.
//!
//! Each group of use cases is a module with an `impl App` block:
//! `register` (channels, CSV), `records` (history, audit log, settings,
//! reindex). Later capabilities add a module beside them (`capture.rs`,
//! `due.rs`, `package.rs`) with one `mod` line and one `pub use` line here,
//! and reach the store through [`App::store`].

mod capture;
mod closure;
mod diary;
mod disposal_log_doc;
pub mod documents;
mod due;
mod due_page;
mod error;
mod marks;
mod migrate;
pub use migrate::migrate_to_postgres;
pub mod package;
mod records;
mod register;
mod removal_checks;
mod removal_correct_form;
mod removal_form;
mod removal_grounds;
mod removal_recapture;
mod removal_report;
mod removal_text;
mod removal_versions;
mod removals;
mod revisions;
mod roles;
mod shared_register;
pub use capture::{
    AddressCaptureRequest, AddressRefusal, CaptureClaim, CaptureRequest, ChannelCapture,
    ChannelLock,
};
pub use closure::{ClosureStatus, ClosureStep, ClosureStepKind};
pub use diary::DiaryTargets;
pub use documents::{DocumentFormat, RowLayout, SummaryTable, TableDocument};
pub use due::{schedule, DueEntry, DueReport};
pub use due_page::{DuePage, DuePageGroup, DueQuery};
pub use ogonblick_capture::{DEFAULT_PAGES_AT_ONCE, NOSPEECH_DIR_ENV};
pub use removal_correct_form::RemovalCorrectionForm;
pub use removal_form::{EvidenceChoice, RemovalFilter, RemovalForm};
pub use removal_report::{RemovalReportRequest, ReportCount, ReportSummary};
pub use removal_text::{contact_template, Problem as RemovalProblem};
pub use removal_versions::RemovalCorrection;
pub use removals::{parse_date, parse_when, EvidenceSource, NewRemoval};
pub use revisions::EditableChannel;
pub use roles::{decide, grant, grants, CurrentAccess, Grant};
pub use shared_register::{
    check_address, choose_register, choose_register_in, config_dir, save_shared_register,
    save_shared_register_in, saved_address_for_settings, saved_address_for_settings_in,
    saved_shared_register, saved_shared_register_in, short_address, test_shared_register,
    RegisterChoice, RegisterSource, SavedAddress, CONFIG_DIR_ENV, DATABASE_ENV,
    SHARED_REGISTER_FILE,
};
mod disposal;
mod disposal_holds;
mod disposal_log;
mod retention;
pub use disposal::{DisposalItem, DisposalOutcome, DisposalPlan, KeptBecause, KeptItem};
pub use disposal_log::DISPOSAL_LOG_COLUMNS;
pub use retention::parse_period;
mod coverage;
pub use coverage::{CoverageCounts, CoverageGroup, CoverageReport, CoverageRow, CoverageSnapshot};
mod files;
pub use files::MAX_THUMBNAIL_WIDTH;
mod first_run;
pub use first_run::{
    emoji_font_candidates, environment_checks, FirstRunForm, FirstRunStatus, SetupCheck,
};
mod overview_doc;
pub use overview_doc::OverviewCounts;
mod coverage_page;
pub use coverage_page::{
    CoverageColumn, CoverageFilter, CoverageLine, CoveragePage, CoveragePageGroup, CoverageQuery,
    CoverageSummary, CoverageView,
};
mod audit_text;
pub use audit_text::{text_sv, AuditLine};
mod scheduler;
mod timestamp;
pub use scheduler::{
    CaptureAttempt, NoticeKey, SchedulerEvent, SchedulerNotice, SchedulerNoticeKind,
    SchedulerRunSummary, SchedulerSettings, SchedulerState, SchedulerStatus, TickPlan,
    DEFAULT_TICK_SECS, RETRY_AFTER_MINUTES, SCHEDULER_STATE_FILE,
};
pub use timestamp::{
    check_folder, timestamp_status, tsa_timeout, TimestampCheck, TSA_TIMEOUT_DEFAULT,
    TSA_TIMEOUT_MAX, TSA_TIMEOUT_MIN,
};
mod changes;
mod changes_doc;
mod changes_figures;
mod changes_settings;
mod region_boxes;
pub use changes::{ChangeSuggestion, ComparedPage, SnapshotComparison};
pub use changes_settings::check_comparison_settings;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ogonblick_model::{Clock, IdGen};
use ogonblick_model::{ErrorCode, Message};
use ogonblick_store::pg::PgRegister;
use ogonblick_store::{Register, Store};

pub use error::AppError;
pub use records::ReindexSummary;
mod channels_bulk;
mod closure_steps;
mod org_units;
pub use closure_steps::ClosureDecision;
pub use org_units::OrgEntry;
pub use register::{ChannelFilter, ClosureStarted, CsvDelimiter, RegisterExport, RegisterImport};

/// Re-exported so that callers need not depend on the crates themselves.
pub use ogonblick_model as model;
pub use ogonblick_store as store;

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// Where the data lives and who is working.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppConfig {
    pub data_dir: PathBuf,
    /// Written into the audit log and every snapshot's provenance.
    pub operator: String,
}

/// The environment variable that overrides the default data directory.
pub const DATA_DIR_ENV: &str = "OGONBLICK_DATA_DIR";
/// The environment variable that names the operator.
pub const OPERATOR_ENV: &str = "OGONBLICK_OPERATOR";
/// A test hook of the command-line tool: an RFC 3339 time the whole run
/// takes as "now" (end-to-end tests make documents that are a year old with
/// it). Unset, the system clock.
pub const TEST_NOW_ENV: &str = "OGONBLICK_TEST_NOW";

/// The clock of a command-line run: the system clock, or the fixed time of
/// [`TEST_NOW_ENV`] when that is set.
pub fn clock_from_env() -> Result<Arc<dyn Clock>> {
    match std::env::var(TEST_NOW_ENV) {
        Ok(v) if !v.trim().is_empty() => {
            let at = chrono::DateTime::parse_from_rfc3339(v.trim()).map_err(|_| {
                AppError::said(
                    ErrorCode::InvalidInput,
                    Message::ConfigBadTestNow {
                        var: TEST_NOW_ENV.to_string(),
                        value: v.clone(),
                    },
                )
            })?;
            Ok(Arc::new(ogonblick_model::FixedClock::new(
                at.with_timezone(&chrono::Utc),
            )))
        }
        _ => Ok(Arc::new(ogonblick_model::SystemClock)),
    }
}

/// The data directory: `$OGONBLICK_DATA_DIR` when set, else the operating
/// system's convention (Linux `~/.local/share/ogonblick`, macOS
/// `~/Library/Application Support/se.Ogonblick.Ogonblick`, Windows
/// `%APPDATA%\Ogonblick\Ogonblick\data`). A `--data-dir` option wins over both.
pub fn default_data_dir() -> Result<PathBuf> {
    if let Some(v) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(v));
    }
    directories::ProjectDirs::from("se", "Ogonblick", "Ogonblick")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or_else(|| AppError::said(ErrorCode::Environment, Message::ConfigNoHome {}))
}

/// The operator's name: `$OGONBLICK_OPERATOR`, else the login name
/// (`$USER` / `$USERNAME`), else "okänd".
pub fn default_operator() -> String {
    [OPERATOR_ENV, "USER", "USERNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "okänd".to_string())
}

/// The login name of whoever runs the program, which roles are looked up by
/// (h-roles): `$USER`, else `$LOGNAME`, else `%USERNAME%`; `None` when none
/// is set. Unlike [`default_operator`], `OGONBLICK_OPERATOR` plays no part.
/// For the front-ends, which give it to [`App::with_login`].
pub fn default_login() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
}

/// The application: one open data directory, the operator, the login the
/// roles are looked up by, and the injected clock and id source.
pub struct App {
    store: Arc<dyn Register>,
    config: AppConfig,
    login: Option<String>,
    clock: Arc<dyn Clock>,
    ids: Arc<dyn IdGen>,
    /// The lease of a capture's claim of its channel (`capture/lock.rs`).
    claim_lease: std::time::Duration,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl App {
    /// Opens (creating if needed) the data directory and its register.
    pub fn open(config: AppConfig, clock: Arc<dyn Clock>, ids: Arc<dyn IdGen>) -> Result<App> {
        let config = check_config(config)?;
        let store = Store::open(&config.data_dir, clock.clone())?;
        Ok(App::with_register(Arc::new(store), config, clock, ids))
    }

    /// Opens a register shared on PostgreSQL (`url`,
    /// `postgres://user[:password]@host[:port]/database`; the schema brought
    /// up to date, a newer one refused), with the data directory of
    /// `config` as the folder its snapshot files are in (a folder every
    /// desktop reaches).
    pub fn open_postgres(
        config: AppConfig,
        url: &str,
        clock: Arc<dyn Clock>,
        ids: Arc<dyn IdGen>,
    ) -> Result<App> {
        let config = check_config(config)?;
        let register = PgRegister::connect(url, clock.clone())?.with_data_dir(&config.data_dir)?;
        Ok(App::with_register(Arc::new(register), config, clock, ids))
    }

    fn with_register(
        store: Arc<dyn Register>,
        config: AppConfig,
        clock: Arc<dyn Clock>,
        ids: Arc<dyn IdGen>,
    ) -> App {
        App {
            store,
            config,
            login: None,
            clock,
            ids,
            claim_lease: capture::CLAIM_LEASE,
        }
    }

    /// The login name of the person working, which their roles are looked
    /// up by (the front-ends give [`default_login`]). Without one, a register
    /// with roles refuses every change. On PostgreSQL the person is the
    /// connection's role ([`Register::connection_login`]) whatever is given:
    /// the database's grants hold for that role, not for the OS login.
    pub fn with_login(mut self, login: Option<String>) -> App {
        self.login = self
            .store
            .connection_login()
            .or(login)
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty());
        self
    }

    pub fn login(&self) -> Option<&str> {
        self.login.as_deref()
    }

    /// The register (SQLite or PostgreSQL), for use cases in other modules
    /// and crates.
    pub fn store(&self) -> &dyn Register {
        &*self.store
    }
    /// A snapshot and its folder's path (the register records it relative
    /// to the data directory).
    pub fn snapshot_folder(&self, id: &str) -> Result<(ogonblick_model::Snapshot, PathBuf)> {
        let (s, folder) = self.store().snapshot(id)?;
        Ok((s, self.store().folder_path(&folder)?))
    }
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }
    pub fn ids(&self) -> &Arc<dyn IdGen> {
        &self.ids
    }
    pub fn operator(&self) -> &str {
        &self.config.operator
    }
    pub fn data_dir(&self) -> &Path {
        &self.config.data_dir
    }
    pub fn config(&self) -> &AppConfig {
        &self.config
    }
}

fn check_config(mut config: AppConfig) -> Result<AppConfig> {
    config.operator = config.operator.trim().to_string();
    if config.operator.is_empty() {
        return Err(AppError::said(
            ErrorCode::InvalidInput,
            Message::ConfigOperatorEmpty {},
        ));
    }
    if config.data_dir.as_os_str().is_empty() {
        return Err(AppError::said(
            ErrorCode::InvalidInput,
            Message::ConfigDataDirEmpty {},
        ));
    }
    if config.data_dir.exists() && !config.data_dir.is_dir() {
        return Err(AppError::said(
            ErrorCode::Environment,
            Message::ConfigDataDirFile {
                path: config.data_dir.display().to_string(),
            },
        ));
    }
    Ok(config)
}

mod channel_choices;
pub use channel_choices::ChannelChoice;
mod snapshot_lines;
pub use snapshot_lines::SnapshotLine;
