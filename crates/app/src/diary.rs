//! Diary (case) numbers (*diarienummer*) of snapshots and removal records,
//! one at a time or in bulk (a collecting case, *samlingsärende*).

use ogonblick_model::{ChannelId, RoleAction, TextField, Timestamp};

use crate::removal_text::Problem;
use crate::removals::check_texts;
use crate::{App, Result};

/// Which snapshots and records a diary number goes to: named ones, or (a
/// collecting case, *samlingsärende*) all of a channel's or a board's,
/// optionally of one year.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct DiaryTargets {
    /// Snapshot or removal record ids.
    pub ids: Vec<String>,
    #[ts(type = "number | null")]
    pub channel: Option<ChannelId>,
    pub board: Option<String>,
    /// With `channel` or `board`: the year (Swedish time) taken or removed.
    pub year: Option<i32>,
}

impl App {
    /// Sets (or with `None` removes) the diary number of the snapshots and
    /// removal records `t` names: all or none. Returns the ids it set.
    pub fn set_diary_number(
        &self,
        t: &DiaryTargets,
        number: Option<&str>,
    ) -> Result<(Vec<String>, Vec<String>)> {
        self.require(RoleAction::DiaryNumber, None)?;
        let number = number.map(str::trim).filter(|n| !n.is_empty());
        check_texts(&[(TextField::DiaryNumber, &number.map(str::to_string), false)])?;
        if t.year.is_some() && t.channel.is_none() && t.board.is_none() {
            return Err(Problem::NoDiaryTargets.into());
        }
        let (mut snaps, mut rems) = (Vec::new(), Vec::new());
        for id in &t.ids {
            let id = id.trim();
            if self.store().snapshot(id).is_ok() {
                snaps.push(id.to_string());
            } else if self.store().removal(id).is_ok() {
                rems.push(id.to_string());
            } else {
                return Err(Problem::UnknownDiaryTarget { id: id.into() }.into());
            }
        }
        if t.channel.is_some() || t.board.is_some() {
            let channels: Vec<ChannelId> = self
                .store()
                .channels()?
                .into_iter()
                .filter(|c| t.channel.is_none_or(|id| c.id == id))
                .filter(|c| {
                    t.board
                        .as_ref()
                        .is_none_or(|b| c.board.as_deref() == Some(b.trim()))
                })
                .map(|c| c.id)
                .collect();
            if let Some(id) = t.channel {
                self.store().channel(id)?;
            }
            let in_year = |at: &Timestamp| {
                t.year.is_none_or(|y| {
                    use chrono::Datelike;
                    at.with_timezone(&chrono_tz::Europe::Stockholm).year() == y
                })
            };
            for s in self.store().snapshots(None)? {
                if channels.contains(&s.channel_id) && in_year(&s.started_at) {
                    snaps.push(s.id);
                }
            }
            for r in self.store().removals(None)? {
                if channels.contains(&r.channel_id) && in_year(&r.removed_at) {
                    rems.push(r.id);
                }
            }
        }
        snaps.sort();
        snaps.dedup();
        rems.sort();
        rems.dedup();
        if snaps.is_empty() && rems.is_empty() {
            return Err(Problem::NoDiaryTargets.into());
        }
        self.store()
            .set_diary_number(&snaps, &rems, number, self.operator())?;
        Ok((snaps, rems))
    }
}
