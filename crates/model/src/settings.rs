//! The organisation's settings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::SchedulePolicy;

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
    /// Schedule windows (e.g. mid-term, not summer or Christmas); the shape is
    /// defined by the schedules crate. Stored as JSON text.
    #[serde(default)]
    #[ts(type = "unknown")]
    pub schedule_windows: Option<serde_json::Value>,
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
        }
    }
}
