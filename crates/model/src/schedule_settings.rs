//! The organisation's schedule settings as data: windows per policy,
//! blackout periods, whether major-change snapshots reset the schedule, the
//! time zone. Stored in the organisation settings
//! ([`crate::OrgSettings::schedule_windows`]) and sent to the window as they
//! are; the schedules crate validates them (`Schedule::new`) and answers
//! questions with them.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::SchedulePolicy;

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
    pub fn new(month: u32, day: u32) -> Result<Self, DayError> {
        const DAYS: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        if !(1..=12).contains(&month) {
            return Err(DayError::BadDay {
                given: format!("{month:02}-{day:02}"),
                why: DayProblem::NoMonth { month },
            });
        }
        let max = DAYS[(month - 1) as usize];
        if day < 1 || day > max {
            return Err(DayError::BadDay {
                given: format!("{month:02}-{day:02}"),
                why: DayProblem::NoDay { month, max },
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
    type Err = DayError;
    /// `MM-DD` (also `M-D`), e.g. `03-01` for 1 March.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let bad = || DayError::BadDay {
            given: s.to_string(),
            why: DayProblem::Form,
        };
        let (m, d) = t.split_once('-').ok_or_else(bad)?;
        let m: u32 = m.parse().map_err(|_| bad())?;
        let d: u32 = d.parse().map_err(|_| bad())?;
        MonthDay::new(m, d).map_err(|DayError::BadDay { why, .. }| DayError::BadDay {
            given: s.to_string(),
            why,
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
    pub fn new(label: &str, start: (u32, u32), end: (u32, u32)) -> Result<Self, DayError> {
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

/// A period as a person writes it, the days as text: what the window sends
/// (in [`ScheduleSettingsForm`]). [`ScheduleSettingsForm::read`] reads the
/// days, so a day that is no day of the year is refused with its
/// [`DayError`] (the catalogue's `schedule-bad-day`), not while the
/// command's arguments are decoded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct PeriodForm {
    #[serde(default)]
    pub label: String,
    /// `MM-DD`, as written.
    pub start: String,
    /// `MM-DD`, as written.
    pub end: String,
}

/// [`ScheduleSettings`] as the window sends them: the periods' days as
/// text ([`PeriodForm`]), read by [`ScheduleSettingsForm::read`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default, deny_unknown_fields)]
pub struct ScheduleSettingsForm {
    pub default_policy: SchedulePolicy,
    pub half_yearly_windows: Vec<PeriodForm>,
    pub yearly_windows: Vec<PeriodForm>,
    pub blackouts: Vec<PeriodForm>,
    pub major_change_resets_schedule: bool,
    pub timezone: String,
}

impl ScheduleSettingsForm {
    /// The settings with their days read; the first day that is no day of
    /// the year is the error. (The windows and blackouts are checked
    /// against each other by the schedules crate, `Schedule::new`.)
    pub fn read(self) -> Result<ScheduleSettings, DayError> {
        fn periods(list: Vec<PeriodForm>) -> Result<Vec<Period>, DayError> {
            list.into_iter()
                .map(|p| {
                    Ok(Period {
                        start: p.start.parse()?,
                        end: p.end.parse()?,
                        label: p.label,
                    })
                })
                .collect()
        }
        Ok(ScheduleSettings {
            default_policy: self.default_policy,
            half_yearly_windows: periods(self.half_yearly_windows)?,
            yearly_windows: periods(self.yearly_windows)?,
            blackouts: periods(self.blackouts)?,
            major_change_resets_schedule: self.major_change_resets_schedule,
            timezone: self.timezone,
        })
    }
}

impl From<ScheduleSettings> for ScheduleSettingsForm {
    fn from(s: ScheduleSettings) -> Self {
        let periods = |list: Vec<Period>| {
            list.into_iter()
                .map(|p| PeriodForm {
                    label: p.label,
                    start: p.start.to_string(),
                    end: p.end.to_string(),
                })
                .collect()
        };
        ScheduleSettingsForm {
            default_policy: s.default_policy,
            half_yearly_windows: periods(s.half_yearly_windows),
            yearly_windows: periods(s.yearly_windows),
            blackouts: periods(s.blackouts),
            major_change_resets_schedule: s.major_change_resets_schedule,
            timezone: s.timezone,
        }
    }
}

impl Default for ScheduleSettingsForm {
    fn default() -> Self {
        ScheduleSettings::default().into()
    }
}

/// A day of the year that does not exist, or is not written `MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DayError {
    #[error("'{given}' is not a day of the year: {}", why.message())]
    BadDay { given: String, why: DayProblem },
}

/// What is wrong with a day of the year (typed, so it renders in the
/// user's language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayProblem {
    /// Not written `MM-DD`.
    Form,
    /// No month with that number.
    NoMonth { month: u32 },
    /// No such day in the month (`max` is its last day).
    NoDay { month: u32, max: u32 },
}

impl DayProblem {
    /// The sentence as a catalogue message.
    pub fn message(self) -> crate::Message {
        match self {
            DayProblem::Form => crate::Message::DayForm {},
            DayProblem::NoMonth { month } => crate::Message::DayNoMonth { month },
            DayProblem::NoDay { month, max } => crate::Message::DayNoDay { month, max },
        }
    }
}
