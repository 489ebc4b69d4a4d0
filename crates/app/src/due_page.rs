//! A page of Att göra: the channels to capture now (due, overdue, final
//! snapshot due), filtered and grouped per board and unit as the due report
//! orders them, one page at a time. The report itself is the `due` query
//! (the register's summary, no snapshot record read); the window gets a
//! page of it, the counts and the filters' choices, never every channel.

use std::collections::HashSet;

use ogonblick_model::{
    filter_choices, lacks_substitute, page_start, swedish_key, ChannelId, Timestamp,
};
use ogonblick_schedule::{DueCounts, DueState, WindowSpan};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, DueEntry, Result};

/// Which channels to capture now, which rows. Every given criterion must
/// match; the text (any case) in name, board, unit, responsible or
/// substitute.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct DueQuery {
    pub text: String,
    pub board: Option<String>,
    pub unit: Option<String>,
    /// Responsible person or substitute ("mina kanaler").
    pub person: Option<String>,
    /// One of due, overdue, closure-due.
    pub state: Option<DueState>,
    /// Only channels whose latest snapshot failed.
    pub failed: bool,
    /// Only channels without a substitute.
    pub no_substitute: bool,
    /// Rows to skip (counted over the groups), then at most `limit`.
    pub offset: u32,
    pub limit: u32,
}

/// A board and unit's rows on the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DuePageGroup {
    pub board: Option<String>,
    pub unit: Option<String>,
    pub entries: Vec<DueEntry>,
}

/// One page of Att göra and what its header and filters need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DuePage {
    #[ts(type = "string")]
    pub at: Timestamp,
    /// The blackout period `at` falls in.
    pub blackout: Option<WindowSpan>,
    /// The register's counts (every channel).
    pub counts: DueCounts,
    /// Channels to capture now, before the filters.
    pub urgent: u32,
    /// Of those, the ones the filters keep.
    pub matching: u32,
    /// Where the page starts among them (held to the last page).
    pub offset: u32,
    pub groups: Vec<DuePageGroup>,
    /// The page's channels whose latest snapshot failed.
    #[ts(type = "number[]")]
    pub failed: Vec<ChannelId>,
    /// The filters' choices among the channels to capture now.
    pub boards: Vec<String>,
    pub units: Vec<String>,
    pub people: Vec<String>,
}

fn urgent(s: DueState) -> bool {
    matches!(s, DueState::Due | DueState::Overdue | DueState::ClosureDue)
}

fn keeps(q: &DueQuery, failed: &HashSet<ChannelId>, e: &DueEntry) -> bool {
    let a = &e.assessment;
    let is = |v: &Option<String>, want: &Option<String>| want.is_none() || v == want;
    let person = q.person.is_none() || e.responsible == q.person || e.substitute == q.person;
    let needle = swedish_key(&q.text);
    let text = needle.is_empty()
        || [
            &Some(a.name.clone()),
            &a.board,
            &a.unit,
            &e.responsible,
            &e.substitute,
        ]
        .iter()
        .any(|v| {
            v.as_deref()
                .is_some_and(|v| swedish_key(v).contains(&needle))
        });
    is(&a.board, &q.board)
        && is(&a.unit, &q.unit)
        && person
        && q.state.is_none_or(|s| s == a.state)
        && (!q.failed || failed.contains(&a.channel_id))
        && (!q.no_substitute
            || lacks_substitute(e.substitute.as_deref(), a.state == DueState::Closed))
        && text
}

/// The filter's choices among `values` ([`filter_choices`]).
fn choices<'a>(values: impl Iterator<Item = &'a Option<String>>) -> Vec<String> {
    filter_choices(values.flatten())
}

impl App {
    /// One channel's entry of the due report at `at` (default: now), for
    /// its page: the due query, without handing the window every channel.
    pub fn channel_due(&self, at: Option<Timestamp>, id: ChannelId) -> Result<Option<DueEntry>> {
        let report = self.due(at)?;
        Ok(report
            .channels
            .into_iter()
            .find(|e| e.assessment.channel_id == id))
    }

    /// A page of Att göra at `at` (default: now).
    pub fn due_page(&self, at: Option<Timestamp>, q: &DueQuery) -> Result<DuePage> {
        let report = self.due(at)?;
        let failed = self.store().failed_channels()?;
        let urgent: Vec<&DueEntry> = report
            .channels
            .iter()
            .filter(|e| urgent(e.assessment.state))
            .collect();
        let kept: Vec<&DueEntry> = urgent
            .iter()
            .copied()
            .filter(|e| keeps(q, &failed, e))
            .collect();
        let matching = kept.len() as u32;
        let offset = page_start(q.offset, q.limit, matching);
        // The report orders its channels by group; the page's groups are
        // runs of the same group.
        let group_of = |id: ChannelId| {
            report
                .summary
                .groups
                .iter()
                .position(|g| g.channel_ids.contains(&id))
        };
        let mut groups: Vec<(Option<usize>, DuePageGroup)> = Vec::new();
        for e in kept.iter().skip(offset as usize).take(q.limit as usize) {
            let g = group_of(e.assessment.channel_id);
            if groups.last().is_none_or(|(last, _)| *last != g) {
                let (board, unit) = g
                    .and_then(|i| report.summary.groups.get(i))
                    .map(|g| (g.board.clone(), g.unit.clone()))
                    .unwrap_or_default();
                let entries = Vec::new();
                groups.push((
                    g,
                    DuePageGroup {
                        board,
                        unit,
                        entries,
                    },
                ));
            }
            if let Some((_, last)) = groups.last_mut() {
                last.entries.push((*e).clone());
            }
        }
        let groups: Vec<DuePageGroup> = groups.into_iter().map(|(_, g)| g).collect();
        let failed_on_page = groups
            .iter()
            .flat_map(|g| &g.entries)
            .map(|e| e.assessment.channel_id)
            .filter(|id| failed.contains(id))
            .collect();
        let of_board = |e: &&&DueEntry| q.board.is_none() || e.assessment.board == q.board;
        Ok(DuePage {
            at: report.at,
            blackout: report.blackout.clone(),
            counts: report.summary.total.clone(),
            urgent: urgent.len() as u32,
            matching,
            offset,
            groups,
            failed: failed_on_page,
            boards: choices(urgent.iter().map(|e| &e.assessment.board)),
            units: choices(urgent.iter().filter(of_board).map(|e| &e.assessment.unit)),
            people: choices(urgent.iter().flat_map(|e| [&e.responsible, &e.substitute])),
        })
    }
}
