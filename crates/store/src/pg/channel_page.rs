//! A page of the register for Kanaler on PostgreSQL: the statements and
//! rules of `channel_query.rs` (shared with SQLite) in one read-only
//! REPEATABLE READ transaction ([`PgRegister::read`]), and the channels
//! whose latest snapshot failed.

use std::collections::{HashMap, HashSet};

use ogonblick_model::{ChannelId, ChannelPage, ChannelQuery, ChannelSummary, SnapshotStatus};
use postgres::Transaction;

use super::channels::{load, not_found, parse_ts, parse_word};
use super::PgRegister;
use crate::channel_query::{
    channel_page, Light, PageSource, ALL_URLS, FAILED, LIGHT_ROWS, STATS_OF_CHANNEL, TOTAL,
};
use crate::Result;

impl PgRegister {
    pub(super) fn pg_channel_page(&self, q: &ChannelQuery) -> Result<ChannelPage> {
        self.read(|tx| channel_page(&mut Pg(tx), q))
    }

    pub(super) fn pg_failed_channels(&self) -> Result<HashSet<ChannelId>> {
        let rows = self.client().query(FAILED, &[])?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }
}

struct Pg<'a, 'b>(&'a mut Transaction<'b>);

impl PageSource for Pg<'_, '_> {
    fn light_rows(&mut self, q: &ChannelQuery) -> Result<Vec<Light>> {
        let rows = self.0.query(
            LIGHT_ROWS,
            &[
                &q.board,
                &q.unit,
                &q.person,
                &q.platform.map(|p| p.as_str()),
                &q.status.map(|s| s.as_str()),
                &(q.failed as i32),
            ],
        )?;
        Ok(rows
            .iter()
            .map(|r| Light {
                id: r.get(0),
                text: [
                    r.get(1),
                    r.get(2),
                    r.get(3),
                    r.get(4),
                    r.get(5),
                    r.get(6),
                    r.get(7),
                ],
                last: r.get(8),
            })
            .collect())
    }

    fn urls(&mut self) -> Result<HashMap<ChannelId, Vec<String>>> {
        let mut out: HashMap<ChannelId, Vec<String>> = HashMap::new();
        for r in self.0.query(ALL_URLS, &[])? {
            out.entry(r.get(0)).or_default().push(r.get(1));
        }
        Ok(out)
    }

    fn summary(&mut self, id: ChannelId) -> Result<ChannelSummary> {
        let channel = load(self.0, Some(id), false)?
            .pop()
            .ok_or_else(|| not_found(id))?;
        let mut s = ChannelSummary {
            channel,
            last_snapshot_at: None,
            last_snapshot_status: None,
            last_complete_at: None,
            snapshot_count: 0,
        };
        if let Some(r) = self.0.query_opt(STATS_OF_CHANNEL, &[&id])? {
            let ts = |v: Option<&str>| v.map(parse_ts).transpose();
            s.snapshot_count = r.get::<_, i64>(0) as u32;
            s.last_snapshot_at = ts(r.get(1))?;
            s.last_snapshot_status = r
                .get::<_, Option<&str>>(2)
                .map(parse_word::<SnapshotStatus>)
                .transpose()?;
            s.last_complete_at = ts(r.get(3))?;
        }
        Ok(s)
    }

    fn total(&mut self) -> Result<u32> {
        Ok(self.0.query_one(TOTAL, &[])?.get::<_, i64>(0) as u32)
    }

    fn revisions(&mut self) -> Result<HashMap<ChannelId, i64>> {
        let rows = self.0.query(&crate::channel_query::revisions_sql(), &[])?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn column(&mut self, sql: &str, board: Option<Option<&str>>) -> Result<Vec<String>> {
        let rows = match board {
            Some(b) => self.0.query(sql, &[&b])?,
            None => self.0.query(sql, &[])?,
        };
        Ok(rows
            .iter()
            .filter_map(|r| r.get::<_, Option<String>>(0))
            .collect())
    }
}
