//! What is due: the schedule logic of Ögonblick. Pure: no I/O, no clock of
//! its own (every answer takes `now`), no database. The app feeds it the
//! register and the snapshot history; the CLI `ogonblick due`, the
//! unattended `capture --due` and the desktop scheduler read its answers.
//!
//! # Calendar
//!
//! Windows and blackouts are recurring periods of local calendar days
//! (`MM-DD` to `MM-DD`, both included) in the organisation's time zone
//! (Europe/Stockholm by default). A window opens at local midnight of its
//! first day and closes at local midnight after its last day; instants are
//! UTC. `02-29` means the last day of February. A period whose end comes
//! before its start runs over New Year. Blackout days are taken off the ends
//! of windows (a window is *clipped*); a blackout that would split a window
//! in two, or swallow it, is a settings error. Windows of one policy must not
//! overlap. Half-yearly has exactly two windows (default 1 March–30 April and
//! 1 October–30 November), yearly exactly one (default 1 October–30
//! November); blackouts default to summer 15 June–15 August and Christmas 15
//! December–7 January.
//!
//! # Due semantics
//!
//! Only a **good** snapshot counts: status `complete`, finished at or before
//! `now`. Partial and failed snapshots never count. For the regular schedule
//! every reason counts (half-yearly, yearly, ad hoc, pre-closure) except
//! major-change, which counts only when the settings say
//! `major_change_resets_schedule`. A one-address capture (a snapshot with
//! `single_address`, whatever its reason) is not a snapshot of the channel
//! and never counts: [`ChannelScheduleInput::from_channel`] leaves it out.
//!
//! A window occurrence *applies* to a channel when the channel existed
//! before it closed (a channel created in the middle of a window is due in
//! that window: it is new and has never been documented). An applying
//! window is *covered* when a counting snapshot finished at or after the
//! window opened (in the window, or later as a catch-up). Then, in order:
//!
//! 1. `closed` channel (closed at or before `now`): **Closed**, never due.
//! 2. `closing` channel (closure started at or before `now`): **ClosureDue**
//!    until a complete `pre-closure` snapshot finished at or after the
//!    closure started; after that **NotDue** (waiting for the package flow).
//!    This holds whatever the policy, manual included.
//! 3. policy `manual`: **Manual**, never due.
//! 4. some applying window has *ended* uncovered: **Overdue**, since that
//!    window closed (`due_since` = when the first missed window opened).
//!    A snapshot now clears it. Overdue wins over Due.
//! 5. a window is open now and is uncovered: **Due**.
//! 6. otherwise **NotDue**.
//!
//! So half-yearly means a good snapshot in every one of the two windows,
//! yearly one in every year's window; a snapshot taken between windows
//! (e.g. in December) makes up for the window just missed but not for the
//! next one. A channel whose `created_at` is after `now` was not there yet:
//! NotDue. `capture_now` tells an unattended run what to capture: Due and
//! ClosureDue always, Overdue only outside blackouts.

mod assess;
mod assessor;
mod settings;
mod summary;

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use ogonblick_model::{Message, SchedulePolicy, Timestamp};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use assess::{Assessment, ChannelScheduleInput, DueState, SnapshotFact};
pub use assessor::Assessor;
pub use settings::{
    MonthDay, Period, PeriodForm, ScheduleSettings, ScheduleSettingsForm, SettingsError,
    ValidSettings,
};
pub use summary::{summarise, DueCounts, DueGroup, DueSummary};

/// One occurrence of a window (or blackout) in a given year, after
/// clipping: local days and the UTC instants it opens and closes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WindowSpan {
    pub label: String,
    /// First local day, included.
    #[ts(type = "string")]
    pub first_day: NaiveDate,
    /// Last local day, included.
    #[ts(type = "string")]
    pub last_day: NaiveDate,
    /// Local midnight at the start of `first_day`, UTC.
    #[ts(type = "string")]
    pub opens_at: Timestamp,
    /// Local midnight after `last_day` (exclusive), UTC.
    #[ts(type = "string")]
    pub closes_at: Timestamp,
}

impl WindowSpan {
    /// Whether `t` lies in the span (`opens_at <= t < closes_at`).
    pub fn contains(&self, t: Timestamp) -> bool {
        self.opens_at <= t && t < self.closes_at
    }
}

/// A moment that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{given}' is not a date or time: give YYYY-MM-DD (noon, {timezone} time) or an RFC 3339 time such as 2027-03-01T08:00:00+01:00")]
pub struct BadInstant {
    pub given: String,
    pub timezone: String,
}

impl BadInstant {
    /// The sentence as a key of the message catalogue.
    pub fn message(&self) -> Message {
        Message::ScheduleBadInstant {
            given: self.given.clone(),
            timezone: self.timezone.clone(),
        }
    }
}

enum Clip {
    Kept(NaiveDate, NaiveDate),
    Covered(usize),
    Split(usize),
}

/// Validated settings, ready to answer questions. Build once, ask often.
#[derive(Debug, Clone)]
pub struct Schedule {
    settings: ScheduleSettings,
    tz: Tz,
}

/// Years over which settings are validated: contains leap and common years,
/// and the day pattern only depends on leap-ness.
const CHECK_YEARS: std::ops::RangeInclusive<i32> = 2023..=2030;

impl Schedule {
    /// Validate `settings`: time zone known, two half-yearly windows, one
    /// yearly window, no window inside or split by a blackout, no
    /// overlapping windows within a policy.
    pub fn new(settings: ScheduleSettings) -> Result<Self, SettingsError> {
        let tz: Tz = settings
            .timezone
            .trim()
            .parse()
            .map_err(|_| SettingsError::UnknownTimezone(settings.timezone.clone()))?;
        let schedule = Schedule { settings, tz };
        for (policy, expected, hint) in [
            (
                SchedulePolicy::HalfYearly,
                2,
                "one in spring and one in autumn, e.g. 03-01–04-30 and 10-01–11-30",
            ),
            (SchedulePolicy::Yearly, 1, "e.g. 10-01–11-30"),
        ] {
            let windows = schedule.settings.windows(policy);
            if windows.len() != expected {
                return Err(SettingsError::WindowCount {
                    policy,
                    expected,
                    got: windows.len(),
                    hint,
                });
            }
            for w in windows {
                for year in CHECK_YEARS {
                    let (f, l) = w.in_year(year);
                    match schedule.clip(f, l) {
                        Clip::Kept(..) => {}
                        Clip::Covered(b) => {
                            return Err(SettingsError::WindowInBlackout {
                                policy,
                                window: w.to_string(),
                                blackout: schedule.settings.blackouts[b].to_string(),
                            })
                        }
                        Clip::Split(b) => {
                            return Err(SettingsError::WindowSplit {
                                policy,
                                window: w.to_string(),
                                blackout: schedule.settings.blackouts[b].to_string(),
                            })
                        }
                    }
                }
            }
            let mut occ: Vec<(NaiveDate, NaiveDate, usize)> = Vec::new();
            for (i, w) in windows.iter().enumerate() {
                for year in *CHECK_YEARS.start()..=*CHECK_YEARS.end() + 1 {
                    let (f, l) = w.in_year(year);
                    if let Clip::Kept(f, l) = schedule.clip(f, l) {
                        occ.push((f, l, i));
                    }
                }
            }
            occ.sort();
            for pair in occ.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                if b.0 <= a.1 {
                    return Err(SettingsError::WindowsOverlap {
                        policy,
                        a: windows[a.2].to_string(),
                        b: windows[b.2].to_string(),
                    });
                }
            }
        }
        Ok(schedule)
    }

    /// The default settings (which are valid).
    pub fn default_settings() -> Self {
        Schedule {
            settings: ScheduleSettings::default(),
            tz: chrono_tz::Europe::Stockholm,
        }
    }

    pub fn settings(&self) -> &ScheduleSettings {
        &self.settings
    }

    pub fn timezone(&self) -> Tz {
        self.tz
    }

    /// The policy a channel follows: its own, or the organisation default.
    pub fn effective_policy(&self, own: Option<SchedulePolicy>) -> SchedulePolicy {
        own.unwrap_or(self.settings.default_policy)
    }

    /// The local calendar day of an instant.
    pub fn local_date(&self, t: Timestamp) -> NaiveDate {
        t.with_timezone(&self.tz).date_naive()
    }

    /// The instant a local day begins (local midnight), in UTC. If midnight
    /// does not exist that day (a zone that springs forward at midnight),
    /// the first existing hour; if it occurs twice, the earlier.
    pub fn local_midnight(&self, day: NaiveDate) -> Timestamp {
        for hour in 0..=3 {
            let Some(naive) = day.and_hms_opt(hour, 0, 0) else {
                break;
            };
            if let Some(t) = self.tz.from_local_datetime(&naive).earliest() {
                return t.with_timezone(&Utc);
            }
        }
        // No zone has a gap of four hours; fall back to UTC midnight.
        DateTime::<Utc>::from_naive_utc_and_offset(day.and_time(chrono::NaiveTime::MIN), Utc)
    }

    /// Local noon of a day, in UTC (what `due --at YYYY-MM-DD` means).
    pub fn local_noon(&self, day: NaiveDate) -> Timestamp {
        day.and_hms_opt(12, 0, 0)
            .and_then(|n| self.tz.from_local_datetime(&n).earliest())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|| self.local_midnight(day) + chrono::Duration::hours(12))
    }

    /// Reads a moment given by a person: `YYYY-MM-DD` means local noon of
    /// that day (in the settings' time zone); otherwise an RFC 3339 time.
    pub fn parse_at(&self, input: &str) -> Result<Timestamp, BadInstant> {
        let s = input.trim();
        if let Ok(day) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(self.local_noon(day));
        }
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| BadInstant {
                given: input.to_string(),
                timezone: self.tz.name().to_string(),
            })
    }

    fn span(&self, label: &str, first: NaiveDate, last: NaiveDate) -> WindowSpan {
        WindowSpan {
            label: label.to_string(),
            first_day: first,
            last_day: last,
            opens_at: self.local_midnight(first),
            closes_at: self.local_midnight(last.succ_opt().unwrap_or(last)),
        }
    }

    fn clip(&self, first: NaiveDate, last: NaiveDate) -> Clip {
        let (mut f, mut l) = (first, last);
        loop {
            let mut changed = false;
            for (i, b) in self.settings.blackouts.iter().enumerate() {
                for y in [f.year() - 1, f.year(), f.year() + 1] {
                    let (bf, bl) = b.in_year(y);
                    if bl < f || bf > l {
                        continue;
                    }
                    if bf <= f && bl >= l {
                        return Clip::Covered(i);
                    }
                    if bf <= f {
                        f = bl.succ_opt().unwrap_or(bl);
                    } else if bl >= l {
                        l = bf.pred_opt().unwrap_or(bf);
                    } else {
                        return Clip::Split(i);
                    }
                    changed = true;
                }
            }
            if !changed {
                return Clip::Kept(f, l);
            }
        }
    }

    /// The (clipped) window occurrences of `policy` that start in the years
    /// `from_year..=to_year`, in time order. Empty for `manual`.
    pub fn windows(&self, policy: SchedulePolicy, from_year: i32, to_year: i32) -> Vec<WindowSpan> {
        let mut out = Vec::new();
        for w in self.settings.windows(policy) {
            for year in from_year..=to_year {
                let (f, l) = w.in_year(year);
                if let Clip::Kept(f, l) = self.clip(f, l) {
                    out.push(self.span(&w.name(), f, l));
                }
            }
        }
        out.sort_by_key(|s| s.opens_at);
        out
    }

    /// The blackout period `t` falls in, if any.
    pub fn blackout_at(&self, t: Timestamp) -> Option<WindowSpan> {
        let day = self.local_date(t);
        for b in &self.settings.blackouts {
            for y in [day.year() - 1, day.year()] {
                let (f, l) = b.in_year(y);
                if f <= day && day <= l {
                    return Some(self.span(&b.name(), f, l));
                }
            }
        }
        None
    }

    /// The window of `policy` open at `t`, if any.
    pub fn window_at(&self, policy: SchedulePolicy, t: Timestamp) -> Option<WindowSpan> {
        let y = self.local_date(t).year();
        self.windows(policy, y - 1, y)
            .into_iter()
            .find(|w| w.contains(t))
    }

    /// The next window of `policy` opening after `t`.
    pub fn next_window(&self, policy: SchedulePolicy, t: Timestamp) -> Option<WindowSpan> {
        let y = self.local_date(t).year();
        self.windows(policy, y - 1, y + 2)
            .into_iter()
            .find(|w| w.opens_at > t)
    }

    /// Assess one channel at `now`.
    pub fn assess(&self, input: &ChannelScheduleInput, now: Timestamp) -> Assessment {
        self.assessor(now).assess(input)
    }

    /// An assessor of many channels at `now`: what does not depend on the
    /// channel is worked out once (see [`Assessor`]).
    pub fn assessor(&self, now: Timestamp) -> Assessor<'_> {
        Assessor::new(self, now)
    }

    /// Assess many channels at `now`, in the order given.
    pub fn assess_all(&self, inputs: &[ChannelScheduleInput], now: Timestamp) -> Vec<Assessment> {
        let mut assessor = self.assessor(now);
        inputs.iter().map(|i| assessor.assess(i)).collect()
    }
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule::default_settings()
    }
}
