//! Facts about the installation, the organisation's settings, the
//! background scheduler's switch and status, and the desktop's language.

use ogonblick_app::package::package::PackageOrg;
use ogonblick_app::schedule::{ScheduleSettings, ScheduleSettingsForm};
use ogonblick_app::{
    CurrentAccess, FirstRunForm, FirstRunStatus, SchedulerSettings, SchedulerStatus,
};
use ogonblick_model::{
    ComparisonSettings, ErrorPayload, OrgSettings, PersonRoles, Role, TimestampSettings,
};
use serde::Serialize;
use ts_rs::TS;

use crate::lang::Language;
use crate::state::Desktop;

/// Facts about this installation, shown in the window's footer.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub operator: String,
    /// `host/database` of the shared register on PostgreSQL the window is
    /// on; null: the local register.
    pub shared_register: Option<String>,
}

pub fn app_info(d: &Desktop) -> Result<AppInfo, ErrorPayload> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        data_dir: d.data_dir.display().to_string(),
        operator: d.operator.clone(),
        shared_register: d
            .register
            .database
            .as_deref()
            .map(ogonblick_app::short_address),
    })
}

pub fn get_settings(d: &Desktop) -> Result<OrgSettings, ErrorPayload> {
    Ok(d.app()?.settings()?)
}

pub fn set_settings(d: &Desktop, settings: OrgSettings) -> Result<OrgSettings, ErrorPayload> {
    Ok(d.app()?.set_settings(settings)?)
}

pub fn get_schedule_settings(d: &Desktop) -> Result<ScheduleSettings, ErrorPayload> {
    Ok(d.app()?.schedule_settings()?)
}

pub fn set_schedule_settings(
    d: &Desktop,
    settings: ScheduleSettingsForm,
) -> Result<ScheduleSettings, ErrorPayload> {
    Ok(d.app()?.set_schedule_form(settings)?)
}

pub fn get_package_settings(d: &Desktop) -> Result<PackageOrg, ErrorPayload> {
    Ok(d.app()?.package_settings()?)
}

pub fn set_package_settings(d: &Desktop, settings: PackageOrg) -> Result<PackageOrg, ErrorPayload> {
    Ok(d.app()?.set_package_settings(&settings)?)
}

pub fn get_scheduler_settings(d: &Desktop) -> Result<SchedulerSettings, ErrorPayload> {
    Ok(d.app()?.scheduler_settings()?)
}

pub fn set_scheduler_settings(
    d: &Desktop,
    settings: SchedulerSettings,
) -> Result<SchedulerSettings, ErrorPayload> {
    Ok(d.app()?.set_scheduler_settings(settings)?)
}

pub fn scheduler_status(d: &Desktop) -> Result<SchedulerStatus, ErrorPayload> {
    Ok(d.scheduler_status())
}

pub fn set_language(d: &Desktop, language: Language) -> Result<(), ErrorPayload> {
    d.language.set(language);
    Ok(())
}

pub fn get_timestamp_settings(d: &Desktop) -> Result<TimestampSettings, ErrorPayload> {
    Ok(d.app()?.timestamp_settings()?)
}

/// The time-stamping authorities (empty: none) and the root certificate files
/// to copy in (empty: keep the roots there are).
pub fn set_timestamp_settings(
    d: &Desktop,
    authorities: Vec<String>,
    ca_files: Vec<String>,
) -> Result<TimestampSettings, ErrorPayload> {
    let files = ca_files.into_iter().map(std::path::PathBuf::from).collect();
    Ok(d.app()?.set_timestamp_settings(authorities, files)?)
}

/// How long each authority is given to answer, in seconds (1 to 120).
pub fn set_tsa_timeout(d: &Desktop, seconds: u32) -> Result<TimestampSettings, ErrorPayload> {
    Ok(d.app()?.set_tsa_timeout(seconds)?)
}

// h-deb: the first run.
pub fn first_run_status(d: &Desktop) -> Result<FirstRunStatus, ErrorPayload> {
    Ok(d.app()?.first_run_status()?)
}

pub fn complete_first_run(d: &Desktop, form: FirstRunForm) -> Result<FirstRunStatus, ErrorPayload> {
    Ok(d.app()?.complete_first_run(&form)?)
}

// h-win: the comparison thresholds.
pub fn get_comparison_settings(d: &Desktop) -> Result<ComparisonSettings, ErrorPayload> {
    Ok(d.app()?.comparison_settings()?)
}

pub fn set_comparison_settings(
    d: &Desktop,
    settings: ComparisonSettings,
) -> Result<ComparisonSettings, ErrorPayload> {
    Ok(d.app()?.set_comparison_settings(&settings)?)
}

// h-roles: who may do what.
pub fn current_access(d: &Desktop) -> Result<CurrentAccess, ErrorPayload> {
    Ok(d.app()?.current_access()?)
}

pub fn list_roles(d: &Desktop) -> Result<Vec<PersonRoles>, ErrorPayload> {
    Ok(d.app()?.roles()?)
}

// h-roles2: an administrator edits roles in Inställningar → Roller.
pub fn set_role(
    d: &Desktop,
    login: String,
    roles: Vec<Role>,
    units: Vec<String>,
) -> Result<Vec<PersonRoles>, ErrorPayload> {
    Ok(d.app()?.set_role(&login, &roles, &units)?)
}

pub fn remove_role(d: &Desktop, login: String) -> Result<Vec<PersonRoles>, ErrorPayload> {
    Ok(d.app()?.remove_role(&login)?)
}
