//! Grouping of assessments per board (nämnd) and unit.

use std::collections::BTreeMap;

use ogonblick_model::ChannelId;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Assessment, DueState};

/// Counts of channels per state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DueCounts {
    pub channels: u32,
    pub not_due: u32,
    pub due: u32,
    pub overdue: u32,
    pub closure_due: u32,
    pub closed: u32,
    pub manual: u32,
    /// Channels an unattended run would capture now.
    pub capture_now: u32,
}

impl DueCounts {
    fn add(&mut self, a: &Assessment) {
        self.channels += 1;
        match a.state {
            DueState::NotDue => self.not_due += 1,
            DueState::Due => self.due += 1,
            DueState::Overdue => self.overdue += 1,
            DueState::ClosureDue => self.closure_due += 1,
            DueState::Closed => self.closed += 1,
            DueState::Manual => self.manual += 1,
        }
        if a.capture_now {
            self.capture_now += 1;
        }
    }

    /// Due + overdue + closure-due.
    pub fn needing_snapshot(&self) -> u32 {
        self.due + self.overdue + self.closure_due
    }
}

/// One board/unit pair. `None` means the register has no board (or unit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DueGroup {
    pub board: Option<String>,
    pub unit: Option<String>,
    pub counts: DueCounts,
    /// The channels of the group, in the order of the assessments.
    #[ts(type = "Array<number>")]
    pub channel_ids: Vec<ChannelId>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DueSummary {
    pub total: DueCounts,
    /// Sorted by board then unit (case-insensitive); missing ones last.
    pub groups: Vec<DueGroup>,
}

fn norm(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Group assessments per board and unit and count the states.
pub fn summarise(assessments: &[Assessment]) -> DueSummary {
    type Key = (bool, String, bool, String);
    let mut groups: BTreeMap<Key, DueGroup> = BTreeMap::new();
    let mut total = DueCounts::default();
    for a in assessments {
        let (board, unit) = (norm(&a.board), norm(&a.unit));
        let key = (
            board.is_none(),
            board.as_deref().unwrap_or("").to_lowercase(),
            unit.is_none(),
            unit.as_deref().unwrap_or("").to_lowercase(),
        );
        let g = groups.entry(key).or_insert_with(|| DueGroup {
            board,
            unit,
            counts: DueCounts::default(),
            channel_ids: Vec::new(),
        });
        g.counts.add(a);
        g.channel_ids.push(a.channel_id);
        total.add(a);
    }
    DueSummary {
        total,
        groups: groups.into_values().collect(),
    }
}
