//! The organisation's schedule settings: windows per policy, blackout
//! periods, whether major-change snapshots reset the schedule, time zone.
//! Stored by the app as JSON in the organisation settings; validated here.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use ogonblick_model::SchedulePolicy;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

/// A day of the year, `MM-DD`, without a year. `02-29` is allowed and means
/// the last day of February: 28 February in common years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthDay {
    month: u32,
    day: u32,
}

impl MonthDay {
    /// A valid month and day (1–12, and a day that exists in that month in
    /// a leap year).
    pub fn new(month: u32, day: u32) -> Result<Self, SettingsError> {
        const DAYS: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        if !(1..=12).contains(&month) {
            return Err(SettingsError::BadDay {
                given: format!("{month:02}-{day:02}"),
                reason: format!("month {month} does not exist (use 01–12)"),
            });
        }
        let max = DAYS[(month - 1) as usize];
        if day < 1 || day > max {
            return Err(SettingsError::BadDay {
                given: format!("{month:02}-{day:02}"),
                reason: format!("month {month:02} has days 01–{max:02}"),
            });
        }
        Ok(MonthDay { month, day })
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn day(self) -> u32 {
        self.day
    }

    /// This day in `year`; 29 February becomes 28 February in common years.
    pub fn in_year(self, year: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day - 1))
            // Unreachable for a validated MonthDay; a safe value anyway.
            .unwrap_or(NaiveDate::MIN)
    }

    pub fn of(date: NaiveDate) -> Self {
        MonthDay {
            month: date.month(),
            day: date.day(),
        }
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

impl FromStr for MonthDay {
    type Err = SettingsError;
    /// `MM-DD` (also `M-D`), e.g. `03-01` for 1 March.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let bad = |reason: &str| SettingsError::BadDay {
            given: s.to_string(),
            reason: reason.to_string(),
        };
        let (m, d) = t
            .split_once('-')
            .ok_or_else(|| bad("write the day as MM-DD, e.g. 03-01 for 1 March"))?;
        let m: u32 = m
            .parse()
            .map_err(|_| bad("write the day as MM-DD, e.g. 03-01 for 1 March"))?;
        let d: u32 = d
            .parse()
            .map_err(|_| bad("write the day as MM-DD, e.g. 03-01 for 1 March"))?;
        MonthDay::new(m, d).map_err(|e| match e {
            SettingsError::BadDay { reason, .. } => SettingsError::BadDay {
                given: s.to_string(),
                reason,
            },
            other => other,
        })
    }
}

impl Serialize for MonthDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A recurring period of the year, from `start` to `end`, both days
/// included. When `end` comes before `start` the period runs over New Year
/// (e.g. Christmas `12-15` to `01-07`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// A short name for people, e.g. "vår", "höst", "sommar", "jul".
    #[serde(default)]
    pub label: String,
    /// `MM-DD`.
    #[ts(type = "string")]
    pub start: MonthDay,
    /// `MM-DD`, included.
    #[ts(type = "string")]
    pub end: MonthDay,
}

impl Period {
    pub fn new(label: &str, start: (u32, u32), end: (u32, u32)) -> Result<Self, SettingsError> {
        Ok(Period {
            label: label.to_string(),
            start: MonthDay::new(start.0, start.1)?,
            end: MonthDay::new(end.0, end.1)?,
        })
    }

    /// Whether the period runs over New Year.
    pub fn wraps(&self) -> bool {
        self.end < self.start
    }

    /// The occurrence of the period that starts in `year`: first and last
    /// day, both included.
    pub fn in_year(&self, year: i32) -> (NaiveDate, NaiveDate) {
        let first = self.start.in_year(year);
        let last = if self.wraps() {
            self.end.in_year(year + 1)
        } else {
            self.end.in_year(year)
        };
        (first, last)
    }

    /// The label, or `MM-DD–MM-DD` when it has none.
    pub fn name(&self) -> String {
        if self.label.trim().is_empty() {
            format!("{}–{}", self.start, self.end)
        } else {
            self.label.trim().to_string()
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.label.trim().is_empty() {
            write!(f, "{}–{}", self.start, self.end)
        } else {
            write!(f, "'{}' ({}–{})", self.label.trim(), self.start, self.end)
        }
    }
}

/// The organisation's schedule settings. Every field has a default that
/// follows the guidelines, so `{}` is a valid settings document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default, deny_unknown_fields)]
pub struct ScheduleSettings {
    /// Policy of channels that have none of their own.
    pub default_policy: SchedulePolicy,
    /// Exactly two windows; a good snapshot is due in each.
    pub half_yearly_windows: Vec<Period>,
    /// Exactly one window; a good snapshot is due in it every year.
    pub yearly_windows: Vec<Period>,
    /// Nothing is scheduled in these periods: windows are clipped by them.
    pub blackouts: Vec<Period>,
    /// Whether a complete major-change snapshot also counts for the regular
    /// (half-yearly/yearly) schedule.
    pub major_change_resets_schedule: bool,
    /// IANA time zone of the calendar dates, e.g. `Europe/Stockholm`.
    pub timezone: String,
}

fn p(label: &str, start: (u32, u32), end: (u32, u32)) -> Period {
    Period {
        label: label.to_string(),
        start: MonthDay {
            month: start.0,
            day: start.1,
        },
        end: MonthDay {
            month: end.0,
            day: end.1,
        },
    }
}

impl Default for ScheduleSettings {
    fn default() -> Self {
        ScheduleSettings {
            default_policy: SchedulePolicy::HalfYearly,
            half_yearly_windows: vec![p("vår", (3, 1), (4, 30)), p("höst", (10, 1), (11, 30))],
            yearly_windows: vec![p("höst", (10, 1), (11, 30))],
            blackouts: vec![p("sommar", (6, 15), (8, 15)), p("jul", (12, 15), (1, 7))],
            major_change_resets_schedule: false,
            timezone: "Europe/Stockholm".to_string(),
        }
    }
}

impl ScheduleSettings {
    /// Parse a settings JSON document (missing fields take their defaults)
    /// and validate it.
    pub fn from_json(json: &str) -> Result<Self, SettingsError> {
        let s: ScheduleSettings =
            serde_json::from_str(json).map_err(|e| SettingsError::Json(e.to_string()))?;
        crate::Schedule::new(s.clone())?;
        Ok(s)
    }

    /// The schedule settings of an organisation: `OrgSettings::schedule_windows`
    /// holds this document (absent: the defaults); the organisation's
    /// top-level `default_policy` is authoritative and overrides the one in
    /// the document.
    pub fn from_org(org: &ogonblick_model::OrgSettings) -> Result<Self, SettingsError> {
        let mut s = match &org.schedule_windows {
            None | Some(serde_json::Value::Null) => ScheduleSettings::default(),
            Some(v) => {
                serde_json::from_value(v.clone()).map_err(|e| SettingsError::Json(e.to_string()))?
            }
        };
        s.default_policy = org.default_policy;
        crate::Schedule::new(s.clone())?;
        Ok(s)
    }

    /// The settings as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string())
    }

    /// The windows of a policy (empty for `manual`).
    pub fn windows(&self, policy: SchedulePolicy) -> &[Period] {
        match policy {
            SchedulePolicy::HalfYearly => &self.half_yearly_windows,
            SchedulePolicy::Yearly => &self.yearly_windows,
            SchedulePolicy::Manual => &[],
        }
    }
}

/// What is wrong with schedule settings; every message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("schedule settings are not valid: {0}")]
    Json(String),
    #[error("'{given}' is not a day of the year: {reason}")]
    BadDay { given: String, reason: String },
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

#[cfg(test)]
mod tests {
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
}
