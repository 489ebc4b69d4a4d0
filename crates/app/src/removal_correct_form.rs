//! A correction as the desktop's *Rätta* form sends it: dates as staff type
//! them, an empty text is no change. It ends in
//! [`App::correct_removal`](crate::App::correct_removal); nothing here checks
//! anything that does not.

use ogonblick_model::{RemovalAction, RemovalRecord, RemovedKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::removals::{parse_date, parse_when};
use crate::{App, RemovalCorrection, Result};

/// The fields to change (others stay) and why. Dates as in `RemovalForm`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct RemovalCorrectionForm {
    pub url: Option<String>,
    pub kind: Option<RemovedKind>,
    pub ground: Option<String>,
    pub ground_text: Option<String>,
    pub action: Option<RemovalAction>,
    pub author: Option<String>,
    pub published_at: Option<String>,
    pub text: Option<String>,
    pub removed_at: Option<String>,
    pub removed_by: Option<String>,
    pub police_report: Option<String>,
    pub police_report_date: Option<String>,
    /// Reported to the police (yes/no); none: unchanged.
    pub police_reported: Option<bool>,
    pub contacted_at: Option<String>,
    pub contact_how: Option<String>,
    pub contact_message: Option<String>,
    pub forwarded_to: Option<String>,
    pub forwarded_at: Option<String>,
    /// Why the record is corrected.
    pub note: Option<String>,
}

fn given(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

impl App {
    /// Corrects record `id` from the form: a new version with the changed
    /// fields and the reason.
    pub fn correct_removal_form(
        &self,
        id: &str,
        f: &RemovalCorrectionForm,
    ) -> Result<RemovalRecord> {
        let when = |s: &Option<String>| given(s).as_deref().map(parse_when).transpose();
        let c = RemovalCorrection {
            url: given(&f.url),
            kind: f.kind,
            ground: given(&f.ground),
            ground_text: given(&f.ground_text),
            action: f.action,
            author: given(&f.author),
            published_at: when(&f.published_at)?,
            text: given(&f.text),
            removed_at: when(&f.removed_at)?,
            removed_by: given(&f.removed_by),
            police_report: given(&f.police_report),
            police_report_date: given(&f.police_report_date)
                .as_deref()
                .map(parse_date)
                .transpose()?,
            police_reported: f.police_reported,
            contacted_at: when(&f.contacted_at)?,
            contact_how: given(&f.contact_how),
            contact_message: given(&f.contact_message),
            forwarded_to: given(&f.forwarded_to),
            forwarded_at: when(&f.forwarded_at)?,
            note: given(&f.note),
        };
        self.correct_removal(id, c)
    }
}
