//! The due list's and the overview's read on PostgreSQL
//! ([`crate::Register::report_rows`], issue 15's load goal): the channels'
//! briefs, then one row per channel of its summary: its latest good
//! snapshots as the schedule tells them apart (migration 0012) and its
//! latest history step (migration 0009), instead of every reason's row of
//! `channel_good` and a search of `history_steps`. Those are the answer at
//! `at` whenever they finished by then, which is every channel in a report
//! asked now. When any finished after `at` (a report of the past, a
//! backdated clock), that part is read as before (`LATEST_GOOD`,
//! `HISTORY_SUMMARIES` in `snapshots.rs`, which search only the channels
//! concerned), for every channel.

use std::collections::HashMap;

use ogonblick_model::{ChannelId, Timestamp};
use postgres::Row;

use super::channels::{parse_ts, parse_word};
use super::snapshots::brief;
use super::PgRegister;
use crate::report_rows::join;
use crate::store::ts;
use crate::{ChannelHistorySummary, GoodTimes, ReportRow, Result};

/// Per channel with snapshots: the latest good ones (1–4).
const GOOD: &str = "SELECT channel_id, good_pre_closure_at, good_major_change_at,
            good_other_reason, good_other_at
     FROM channel_summary";

/// [`GOOD`] and the latest step: when it finished (5), the counts (6, 7),
/// the latest snapshot (8–12) and the latest good one (13–17).
const GOOD_AND_STEP: &str = "SELECT channel_id, good_pre_closure_at, good_major_change_at,
            good_other_reason, good_other_at,
            step_finished_at, step_snapshots, step_failures,
            step_last_id, step_last_reason, step_last_status, step_last_started_at,
            step_last_finished_at, step_good_id, step_good_reason, 'complete',
            step_good_started_at, step_good_finished_at
     FROM channel_summary";

/// A summary row's parts, and whether one finished after the moment.
struct Summary {
    good: GoodTimes,
    history: Option<ChannelHistorySummary>,
}

/// Reads one summary row; sets `good_after`/`step_after` when its good
/// snapshots or its step finished after `at` (compared as stored, as the
/// SQL compares them).
fn summary(
    r: &Row,
    at: &str,
    with_history: bool,
    good_after: &mut bool,
    step_after: &mut bool,
) -> Result<Summary> {
    let id: ChannelId = r.get(0);
    let mut good = GoodTimes::default();
    let mut take = |reason: Option<&str>, finished: Option<&str>| -> Result<()> {
        if let (Some(reason), Some(finished)) = (reason, finished) {
            *good_after |= finished > at;
            good.add(parse_word(reason)?, parse_ts(finished)?);
        }
        Ok(())
    };
    take(Some("pre-closure"), r.get(1))?;
    take(Some("major-change"), r.get(2))?;
    take(r.get(3), r.get(4))?;
    let mut history = None;
    if with_history {
        if let Some(step) = r.get::<_, Option<&str>>(5) {
            *step_after |= step > at;
            history = Some(ChannelHistorySummary {
                channel_id: id,
                snapshots: r.get::<_, i64>(6) as u32,
                failures: r.get::<_, i64>(7) as u32,
                last: brief(r, 8, id)?,
                last_good: match r.get::<_, Option<&str>>(13) {
                    Some(_) => Some(brief(r, 13, id)?),
                    None => None,
                },
            });
        }
    }
    Ok(Summary { good, history })
}

impl PgRegister {
    pub(super) fn pg_report_rows(
        &self,
        at: Timestamp,
        with_history: bool,
    ) -> Result<Vec<ReportRow>> {
        let briefs = self.pg_channel_briefs()?;
        let sql = if with_history { GOOD_AND_STEP } else { GOOD };
        let at_text = ts(&at);
        let (mut good_after, mut step_after) = (false, false);
        let mut of: HashMap<ChannelId, Summary> = HashMap::with_capacity(briefs.len());
        for r in self.client().query_typed(sql, &[])? {
            let s = summary(&r, &at_text, with_history, &mut good_after, &mut step_after)?;
            of.insert(r.get(0), s);
        }
        if good_after || step_after {
            // Read as before, for every channel.
            let history = if with_history {
                self.pg_history_summaries(at)?
            } else {
                Vec::new()
            };
            return Ok(join(briefs, self.pg_latest_good(at)?, history));
        }
        Ok(briefs
            .into_iter()
            .map(|brief| {
                let s = of.remove(&brief.id);
                ReportRow {
                    good: s.as_ref().map(|s| s.good).unwrap_or_default(),
                    history: s.and_then(|s| s.history),
                    brief,
                }
            })
            .collect())
    }
}
