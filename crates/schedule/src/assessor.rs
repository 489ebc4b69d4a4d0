//! Many channels assessed at one moment: the window occurrences of each
//! policy and year range, and the blackout at the moment, are computed once
//! and shared by every channel (they depend on the settings, the policy and
//! the years only). The answers are those of [`Schedule::assess`], which is
//! an assessor used once.

use std::collections::HashMap;

use ogonblick_model::{SchedulePolicy, Timestamp};

use crate::{Assessment, ChannelScheduleInput, Schedule, WindowSpan};

/// Assesses channels at one moment; build one per report
/// ([`Schedule::assessor`]).
#[derive(Debug)]
pub struct Assessor<'a> {
    schedule: &'a Schedule,
    now: Timestamp,
    blackout: Option<Option<WindowSpan>>,
    windows: HashMap<(SchedulePolicy, i32, i32), Vec<WindowSpan>>,
    next: HashMap<SchedulePolicy, Option<WindowSpan>>,
}

impl<'a> Assessor<'a> {
    pub(crate) fn new(schedule: &'a Schedule, now: Timestamp) -> Self {
        Assessor {
            schedule,
            now,
            blackout: None,
            windows: HashMap::new(),
            next: HashMap::new(),
        }
    }

    /// Assess one channel at the assessor's moment.
    pub fn assess(&mut self, input: &ChannelScheduleInput) -> Assessment {
        crate::assess::assess(self, input)
    }

    pub(crate) fn schedule(&self) -> &'a Schedule {
        self.schedule
    }

    pub(crate) fn now(&self) -> Timestamp {
        self.now
    }

    /// [`Schedule::windows`], once per policy and year range.
    pub(crate) fn windows(
        &mut self,
        policy: SchedulePolicy,
        from_year: i32,
        to_year: i32,
    ) -> &[WindowSpan] {
        let schedule = self.schedule;
        self.windows
            .entry((policy, from_year, to_year))
            .or_insert_with(|| schedule.windows(policy, from_year, to_year))
    }

    /// [`Schedule::blackout_at`] the moment, once.
    pub(crate) fn blackout_now(&mut self) -> Option<WindowSpan> {
        let (schedule, now) = (self.schedule, self.now);
        self.blackout
            .get_or_insert_with(|| schedule.blackout_at(now))
            .clone()
    }

    /// [`Schedule::next_window`] after the moment, once per policy.
    pub(crate) fn next_window(&mut self, policy: SchedulePolicy) -> Option<WindowSpan> {
        let (schedule, now) = (self.schedule, self.now);
        self.next
            .entry(policy)
            .or_insert_with(|| schedule.next_window(policy, now))
            .clone()
    }
}
