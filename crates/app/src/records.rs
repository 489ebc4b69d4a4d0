//! Use cases of the records: history, audit log, settings, reindex.

use ogonblick_model::RoleAction;
use ogonblick_store::RegisterExt;
use std::sync::Arc;

use ogonblick_model::{AuditEntry, ChannelId, Clock, IdGen, OrgSettings, Snapshot};
use ogonblick_store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{check_config, App, AppConfig, Result};

/// What a rebuild of the register from the files found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReindexSummary {
    pub channels: u32,
    pub snapshots: u32,
    pub audit_entries: u32,
    /// What could not be restored, one sentence of the catalogue each.
    pub warnings: Vec<ogonblick_model::Message>,
}

impl From<ogonblick_store::ReindexReport> for ReindexSummary {
    fn from(r: ogonblick_store::ReindexReport) -> Self {
        ReindexSummary {
            channels: r.channels,
            snapshots: r.snapshots,
            audit_entries: r.audit_entries,
            warnings: r.warnings,
        }
    }
}

impl App {
    /// Snapshots, oldest first; one channel's when given.
    pub fn history(&self, channel: Option<ChannelId>) -> Result<Vec<Snapshot>> {
        if let Some(id) = channel {
            self.store().channel(id)?;
        }
        Ok(self.store().snapshots(channel)?)
    }

    /// The audit log, oldest first; one channel's entries when given.
    pub fn audit_log(&self, channel: Option<ChannelId>) -> Result<Vec<AuditEntry>> {
        if let Some(id) = channel {
            self.store().channel(id)?;
        }
        Ok(self.store().audit_log(channel)?)
    }

    /// The audit log as the desktop shows it: each entry with its Swedish text.
    pub fn audit_lines(&self, channel: Option<ChannelId>) -> Result<Vec<crate::AuditLine>> {
        Ok(self
            .audit_log(channel)?
            .into_iter()
            .map(crate::AuditLine::from)
            .collect())
    }

    pub fn settings(&self) -> Result<OrgSettings> {
        Ok(self.store().settings()?)
    }

    /// Stores the organisation settings. Once the organisation has a name
    /// (the first run sets it), it cannot be emptied: every export needs it.
    pub fn set_settings(&self, settings: OrgSettings) -> Result<OrgSettings> {
        self.require(RoleAction::Settings, None)?;
        if settings.name.trim().is_empty() && !self.settings()?.name.trim().is_empty() {
            return Err(crate::AppError::said(
                ogonblick_model::ErrorCode::InvalidInput,
                ogonblick_model::Message::SetupNameMissing {},
            ));
        }
        Ok(self.store().set_settings(&settings, self.operator())?)
    }

    /// Rebuilds the register database from the files in the data directory.
    /// Run it while no other Ögonblick program uses the directory.
    pub fn reindex(&self) -> Result<ReindexSummary> {
        self.require(RoleAction::Reindex, None)?;
        let r = self.store().reindex()?;
        self.log_reindex(&r)?;
        Ok(r.into())
    }

    /// Rebuilds the register of a data directory whose database may be
    /// damaged beyond opening, then opens it.
    pub fn reindex_data_dir(
        config: AppConfig,
        clock: Arc<dyn Clock>,
        ids: Arc<dyn IdGen>,
    ) -> Result<(App, ReindexSummary)> {
        App::reindex_data_dir_as(config, None, clock, ids)
    }

    /// [`App::reindex_data_dir`] by the person `login` (h-roles): the role
    /// check reads the roles from their mirror `roles.json` first.
    pub fn reindex_data_dir_as(
        config: AppConfig,
        login: Option<String>,
        clock: Arc<dyn Clock>,
        ids: Arc<dyn IdGen>,
    ) -> Result<(App, ReindexSummary)> {
        let config = check_config(config)?;
        if !config.data_dir.is_dir() {
            return Err(crate::AppError::said(
                ogonblick_model::ErrorCode::NotFound,
                ogonblick_model::Message::ReindexNoDataDir {
                    path: config.data_dir.display().to_string(),
                },
            ));
        }
        // When the database still opens, the open first finishes what a
        // killed process left (an import's channel files from the database),
        // so the rebuild from the files agrees with the register.
        crate::roles::require_offline(&config, login.as_deref(), &clock, RoleAction::Reindex)?;
        drop(Store::open(&config.data_dir, clock.clone()));
        let r = Store::rebuild(&config.data_dir)?;
        let app = App::open(config, clock, ids)?.with_login(login);
        app.log_reindex(&r)?;
        Ok((app, r.into()))
    }

    fn log_reindex(&self, r: &ogonblick_store::ReindexReport) -> Result<()> {
        self.store().append_audit(
            self.operator(),
            None,
            ogonblick_model::AuditEvent::RegisterRebuilt {
                channels: r.channels,
                snapshots: r.snapshots,
                audit_entries: r.audit_entries,
                warnings: r.warnings.len() as u32,
            },
        )?;
        Ok(())
    }
}

/// The background scheduler's settings are kept under their own key.
impl ogonblick_model::Setting for crate::SchedulerSettings {
    const KEY: ogonblick_model::SettingKey = ogonblick_model::SettingKey::Scheduler;
}
