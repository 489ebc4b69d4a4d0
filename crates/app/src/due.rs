//! Use cases of the schedule: what is due and overdue, per board and unit.
//! The rules live in `crates/schedule`; this module feeds it the register,
//! the history and the organisation's schedule settings.

use std::collections::HashMap;

use chrono::NaiveDate;
use ogonblick_model::{ChannelBrief, ChannelId, Platform, SnapshotStatus, Timestamp};
use ogonblick_model::{ErrorCode, Message};
use ogonblick_schedule::{
    summarise, Assessment, ChannelScheduleInput, DueState, DueSummary, Schedule, ScheduleSettings,
    ScheduleSettingsForm, SettingsError, SnapshotFact, ValidSettings, WindowSpan,
};
use ogonblick_store::ChannelHistorySummary;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, AppError, Result};

pub use ogonblick_schedule as schedule;

/// One channel in the due report: the assessment and who answers for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DueEntry {
    #[serde(flatten)]
    #[ts(flatten)]
    pub assessment: Assessment,
    pub platform: Platform,
    pub responsible: Option<String>,
    /// Ersättare.
    pub substitute: Option<String>,
}

/// What is due at a moment, for the CLI `ogonblick due` and the desktop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DueReport {
    /// The moment assessed (UTC).
    #[ts(type = "string")]
    pub at: Timestamp,
    /// Its calendar day in the schedule's time zone.
    #[ts(type = "string")]
    pub local_date: NaiveDate,
    pub timezone: String,
    /// The blackout period `at` falls in: nothing is captured unattended
    /// then, except final snapshots of channels being closed.
    pub blackout: Option<WindowSpan>,
    /// Counts in total and per board and unit.
    pub summary: DueSummary,
    /// Every channel, ordered by board and unit (as in `summary.groups`),
    /// then the most urgent first, then by name.
    pub channels: Vec<DueEntry>,
}

impl DueReport {
    /// The entries an unattended run should capture now.
    pub fn to_capture(&self) -> impl Iterator<Item = &DueEntry> {
        self.channels.iter().filter(|e| e.assessment.capture_now)
    }
}

fn urgency(s: DueState) -> u8 {
    match s {
        DueState::ClosureDue => 0,
        DueState::Overdue => 1,
        DueState::Due => 2,
        DueState::NotDue => 3,
        DueState::Manual => 4,
        DueState::Closed => 5,
    }
}

fn settings_error(e: ogonblick_schedule::SettingsError) -> AppError {
    AppError::said(
        ErrorCode::InvalidInput,
        Message::ScheduleSettingsUnusable {
            why: Box::new(e.message()),
        },
    )
}

/// Reads the days of schedule settings as the window sends them: a day
/// that is no day of the year is refused with the catalogue's
/// `schedule-bad-day` (`invalid_input`).
pub(crate) fn read_schedule_form(form: ScheduleSettingsForm) -> Result<ScheduleSettings> {
    form.read()
        .map_err(|e| AppError::said(ErrorCode::InvalidInput, SettingsError::from(e).message()))
}

impl App {
    /// The organisation's schedule settings (defaults when never set).
    pub fn schedule_settings(&self) -> Result<ScheduleSettings> {
        ScheduleSettings::from_org(&self.settings()?).map_err(settings_error)
    }

    /// Validates and stores the schedule settings (windows, blackouts,
    /// major-change rule, time zone, default policy) in the organisation
    /// settings.
    pub fn set_schedule_settings(&self, settings: ScheduleSettings) -> Result<ScheduleSettings> {
        Schedule::new(settings.clone())
            .map_err(|e| AppError::said(ErrorCode::InvalidInput, e.message()))?;
        let mut org = self.settings()?;
        org.default_policy = settings.default_policy;
        org.schedule_windows = Some(settings);
        self.set_settings(org)?;
        self.schedule_settings()
    }

    /// [`App::set_schedule_settings`] with the settings as the window
    /// sends them (the days as text, read here first).
    pub fn set_schedule_form(&self, form: ScheduleSettingsForm) -> Result<ScheduleSettings> {
        self.set_schedule_settings(read_schedule_form(form)?)
    }

    /// The validated schedule of the organisation.
    pub fn schedule(&self) -> Result<Schedule> {
        Schedule::new(self.schedule_settings()?).map_err(settings_error)
    }

    /// Reads a moment given by a person: `YYYY-MM-DD` (local noon in the
    /// schedule's time zone) or an RFC 3339 time.
    pub fn parse_at(&self, input: &str) -> Result<Timestamp> {
        self.schedule()?
            .parse_at(input)
            .map_err(|e| AppError::said(ErrorCode::InvalidInput, e.message()))
    }

    /// What is due and overdue at `at` (default: now), per board and unit,
    /// with the responsible person and substitute of every channel.
    pub fn due(&self, at: Option<Timestamp>) -> Result<DueReport> {
        Ok(self.due_and_channels(at, false)?.0)
    }

    /// [`App::due`] and the channels it assessed, and with `with_history`
    /// each channel's history summary (the overview's). One register read
    /// ([`ogonblick_store::Register::report_rows`]): the channels' narrow
    /// rows (no addresses, purpose, audience or notes, which no report
    /// shows) with the register's summary of their history (the latest good
    /// snapshots as the schedule tells them apart, all it reads), never the
    /// full records.
    pub(crate) fn due_and_channels(
        &self,
        at: Option<Timestamp>,
        with_history: bool,
    ) -> Result<(
        DueReport,
        Vec<ChannelBrief>,
        HashMap<ChannelId, ChannelHistorySummary>,
    )> {
        let at = at.unwrap_or_else(|| self.clock().now());
        let schedule = self.schedule()?;
        let rows = self.store().report_rows(at, with_history)?;
        let mut channels = Vec::with_capacity(rows.len());
        let mut facts = Vec::with_capacity(rows.len());
        let mut histories = HashMap::new();
        for row in rows {
            // The latest good snapshot of each reason the schedule tells
            // apart: all it reads.
            facts.push(
                row.good
                    .each()
                    .map(|(reason, finished_at)| SnapshotFact {
                        finished_at,
                        reason,
                        status: SnapshotStatus::Complete,
                    })
                    .collect::<Vec<_>>(),
            );
            if let Some(h) = row.history {
                histories.insert(row.brief.id, h);
            }
            channels.push(row.brief);
        }
        let mut assessor = schedule.assessor(at);
        let assessments: Vec<Assessment> = channels
            .iter()
            .zip(facts)
            .map(|(ch, facts)| assessor.assess(&ChannelScheduleInput::from_facts(ch, facts)))
            .collect();
        // Counted once; the groups' channel ids are put in report order below.
        let mut summary = summarise(&assessments);
        let mut entries: Vec<DueEntry> = assessments
            .into_iter()
            .zip(&channels)
            .map(|(assessment, ch)| DueEntry {
                assessment,
                platform: ch.platform,
                responsible: ch.responsible.clone(),
                substitute: ch.substitute.clone(),
            })
            .collect();
        // Order by group (as the summary orders them), urgency, name.
        let group_rank: HashMap<ChannelId, usize> = summary
            .groups
            .iter()
            .enumerate()
            .flat_map(|(i, g)| g.channel_ids.iter().map(move |id| (*id, i)))
            .collect();
        entries.sort_by_cached_key(|e| {
            let a = &e.assessment;
            (
                group_rank.get(&a.channel_id).copied(),
                urgency(a.state),
                a.name.to_lowercase(),
                a.channel_id,
            )
        });
        // Group channel ids follow the report order.
        for g in &mut summary.groups {
            g.channel_ids.clear();
        }
        // A group is named as its first channel in report order spells it
        // (the board "Kultur" and "kultur" are one group).
        let norm = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        for e in &entries {
            let a = &e.assessment;
            if let Some(g) = group_rank
                .get(&a.channel_id)
                .and_then(|&i| summary.groups.get_mut(i))
            {
                if g.channel_ids.is_empty() {
                    g.board = norm(&a.board);
                    g.unit = norm(&a.unit);
                }
                g.channel_ids.push(a.channel_id);
            }
        }
        let report = DueReport {
            at,
            local_date: schedule.local_date(at),
            timezone: schedule.timezone().name().to_string(),
            blackout: schedule.blackout_at(at),
            summary,
            channels: entries,
        };
        Ok((report, channels, histories))
    }
}
