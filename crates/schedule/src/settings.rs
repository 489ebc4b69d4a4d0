//! The organisation's schedule settings: windows per policy, blackout
//! periods, whether major-change snapshots reset the schedule, time zone.
//! The types are the model's (stored in the organisation settings, sent to
//! the window as they are); they are validated here.

use ogonblick_model::{DayError, DayProblem, Message, OrgSettings, SchedulePolicy};
pub use ogonblick_model::{MonthDay, Period, PeriodForm, ScheduleSettings, ScheduleSettingsForm};

/// Schedule settings read and validated: `ScheduleSettings::from_json(…)`
/// and `ScheduleSettings::from_org(…)` (the type is the model's, shared with
/// the organisation settings and the window).
pub trait ValidSettings: Sized {
    /// Parse a settings JSON document (missing fields take their defaults)
    /// and validate it.
    fn from_json(json: &str) -> Result<Self, SettingsError>;
    /// The schedule settings of an organisation: `OrgSettings::schedule_windows`
    /// holds them (absent: the defaults); the organisation's top-level
    /// `default_policy` is authoritative and overrides the one in them.
    fn from_org(org: &OrgSettings) -> Result<Self, SettingsError>;
}

impl ValidSettings for ScheduleSettings {
    fn from_json(json: &str) -> Result<Self, SettingsError> {
        let s: ScheduleSettings =
            serde_json::from_str(json).map_err(|e| SettingsError::Json(e.to_string()))?;
        crate::Schedule::new(s.clone())?;
        Ok(s)
    }

    fn from_org(org: &OrgSettings) -> Result<Self, SettingsError> {
        let mut s = org.schedule_windows.clone().unwrap_or_default();
        s.default_policy = org.default_policy;
        crate::Schedule::new(s.clone())?;
        Ok(s)
    }
}

/// What is wrong with schedule settings; every message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("schedule settings are not valid: {0}")]
    Json(String),
    #[error("'{given}' is not a day of the year: {}", why.message())]
    BadDay { given: String, why: DayProblem },
    #[error(
        "the {policy} policy needs exactly {expected} window(s), the settings have {got}: {hint}"
    )]
    WindowCount {
        policy: SchedulePolicy,
        expected: usize,
        got: usize,
        hint: &'static str,
    },
    #[error("the {policy} window {window} lies entirely inside the blackout {blackout}: nothing could ever be due in it; move the window or shorten the blackout")]
    WindowInBlackout {
        policy: SchedulePolicy,
        window: String,
        blackout: String,
    },
    #[error("the blackout {blackout} splits the {policy} window {window} in two: split the window into two windows or move the blackout")]
    WindowSplit {
        policy: SchedulePolicy,
        window: String,
        blackout: String,
    },
    #[error("the {policy} windows {a} and {b} overlap (after blackouts are taken away): make them separate")]
    WindowsOverlap {
        policy: SchedulePolicy,
        a: String,
        b: String,
    },
    #[error("unknown time zone '{0}': use an IANA name such as Europe/Stockholm")]
    UnknownTimezone(String),
}

impl SettingsError {
    /// The sentence as a key of the message catalogue.
    pub fn message(&self) -> Message {
        match self.clone() {
            SettingsError::Json(detail) => Message::ScheduleSettingsJson { detail },
            SettingsError::BadDay { given, why } => Message::ScheduleBadDay {
                given,
                detail: Box::new(why.message()),
            },
            SettingsError::WindowCount {
                policy,
                expected,
                got,
                ..
            } => Message::ScheduleWindowCount {
                policy: policy.to_string(),
                expected: expected as u64,
                got: got as u64,
            },
            SettingsError::WindowInBlackout {
                policy,
                window,
                blackout,
            } => Message::ScheduleWindowInBlackout {
                policy: policy.to_string(),
                window,
                blackout,
            },
            SettingsError::WindowSplit {
                policy,
                window,
                blackout,
            } => Message::ScheduleWindowSplit {
                policy: policy.to_string(),
                window,
                blackout,
            },
            SettingsError::WindowsOverlap { policy, a, b } => Message::ScheduleWindowsOverlap {
                policy: policy.to_string(),
                a,
                b,
            },
            SettingsError::UnknownTimezone(timezone) => {
                Message::ScheduleUnknownTimezone { timezone }
            }
        }
    }
}

impl From<DayError> for SettingsError {
    fn from(e: DayError) -> Self {
        let DayError::BadDay { given, why } = e;
        SettingsError::BadDay { given, why }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn month_day_parses_and_rejects() {
        assert_eq!(
            "03-01".parse::<MonthDay>().unwrap(),
            MonthDay::new(3, 1).unwrap()
        );
        assert_eq!("3-1".parse::<MonthDay>().unwrap().to_string(), "03-01");
        assert_eq!(
            "02-29".parse::<MonthDay>().unwrap().in_year(2027),
            NaiveDate::from_ymd_opt(2027, 2, 28).unwrap()
        );
        assert_eq!(
            "02-29".parse::<MonthDay>().unwrap().in_year(2028),
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()
        );
        for bad in [
            "02-30",
            "04-31",
            "13-01",
            "00-10",
            "01-00",
            "1 mars",
            "",
            "03-01-2027",
        ] {
            let e = bad.parse::<MonthDay>().unwrap_err().to_string();
            assert!(e.contains("not a day of the year"), "{bad}: {e}");
        }
        let e = "04-31".parse::<MonthDay>().unwrap_err().to_string();
        assert!(e.contains("01–30"), "{e}");
    }

    /// h-voc3: why a day is wrong is typed, so it reads in Swedish too.
    #[test]
    fn a_bad_day_reads_in_swedish() {
        use ogonblick_model::Language;
        for (bad, sv) in [
            (
                "04-31",
                "'04-31' är ingen dag på året: månaden 4 har dagarna 01–30",
            ),
            (
                "13-01",
                "'13-01' är ingen dag på året: månaden 13 finns inte",
            ),
            (
                "1 mars",
                "'1 mars' är ingen dag på året: skriv dagen som MM-DD",
            ),
        ] {
            let e: SettingsError = bad.parse::<MonthDay>().unwrap_err().into();
            let text = e.message().render(Language::Sv);
            assert!(text.starts_with(sv), "{bad}: {text}");
        }
    }
}
