//! The organisation's settings, and the keys under which the register keeps
//! each settings document.

use std::fmt;
use std::str::FromStr;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{SchedulePolicy, ScheduleSettings};

/// The organisation's settings (one per data directory).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrgSettings {
    /// The organisation's name, e.g. "Nacka kommun".
    #[serde(default)]
    pub name: String,
    /// Organisationsnummer.
    #[serde(default)]
    pub org_number: Option<String>,
    /// Name of the e-archive packages are delivered to.
    #[serde(default)]
    pub e_archive_name: Option<String>,
    /// Leveransöverenskommelse (submission agreement) reference.
    #[serde(default)]
    pub submission_agreement: Option<String>,
    /// Applies to channels whose own policy is `None`.
    #[serde(default = "default_policy")]
    pub default_policy: SchedulePolicy,
    /// Schedule windows (e.g. mid-term, not summer or Christmas), blackouts
    /// and time zone; `None`: the defaults. Validated by the schedules crate;
    /// `default_policy` above overrides the one in them.
    #[serde(default)]
    pub schedule_windows: Option<ScheduleSettings>,
    /// Keep a web archive (WACZ) of every snapshot beside its PNG and PDF/A;
    /// on unless the organisation turns it off. Stored only when off, so
    /// the settings of earlier versions read and are written the same.
    #[serde(default = "default_true", skip_serializing_if = "is_true")]
    #[ts(optional, as = "Option<bool>")]
    pub web_archive: bool,
}

fn default_true() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn default_policy() -> SchedulePolicy {
    SchedulePolicy::HalfYearly
}

impl Default for OrgSettings {
    fn default() -> Self {
        OrgSettings {
            name: String::new(),
            org_number: None,
            e_archive_name: None,
            submission_agreement: None,
            default_policy: default_policy(),
            schedule_windows: None,
            web_archive: true,
        }
    }
}

/// The settings documents the register keeps, one row each (and mirrored in
/// `settings.json` under [`SettingKey::as_str`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SettingKey {
    /// [`OrgSettings`].
    Organisation,
    /// The archival package defaults (`ogonblick_package::PackageOrg`).
    Package,
    /// What the background scheduler may do (`ogonblick_app::SchedulerSettings`).
    Scheduler,
    /// The retention rules (`RetentionRules`).
    Retention,
    /// Legal holds and kept diary numbers (`DisposalHolds`).
    DisposalHolds,
    /// The time-stamping authorities ([`crate::TimestampSettings`]).
    Timestamp,
    /// When a comparison suggests a major change ([`crate::ComparisonSettings`]).
    Comparison,
    /// The organisation's boards and units ([`crate::OrgUnits`], h-ui19).
    OrgUnits,
}

impl SettingKey {
    pub const ALL: [SettingKey; 8] = [
        SettingKey::Organisation,
        SettingKey::Package,
        SettingKey::Scheduler,
        SettingKey::Retention,
        SettingKey::DisposalHolds,
        SettingKey::Timestamp,
        SettingKey::Comparison,
        SettingKey::OrgUnits,
    ];

    /// The stored name (the `settings` table's key, `settings.json`'s field).
    pub fn as_str(self) -> &'static str {
        match self {
            SettingKey::Organisation => "organisation",
            SettingKey::Package => "package",
            SettingKey::Scheduler => "scheduler",
            SettingKey::Retention => "retention",
            SettingKey::DisposalHolds => "disposal-holds",
            SettingKey::Timestamp => "timestamp",
            SettingKey::Comparison => "comparison",
            SettingKey::OrgUnits => "boards",
        }
    }
}

impl fmt::Display for SettingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A settings key that does not exist; the message lists the ones that do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown settings key '{0}': use one of {known}", known = SettingKey::ALL.map(SettingKey::as_str).join(", "))]
pub struct UnknownSettingKey(pub String);

impl FromStr for SettingKey {
    type Err = UnknownSettingKey;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SettingKey::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or_else(|| UnknownSettingKey(s.to_string()))
    }
}

/// A settings document and the key it is kept under: the store reads and
/// writes it typed (`Store::setting::<T>()`), its default standing in when
/// it was never set.
pub trait Setting: Serialize + DeserializeOwned + Default {
    const KEY: SettingKey;
}

impl Setting for OrgSettings {
    const KEY: SettingKey = SettingKey::Organisation;
}
