//! A page of the register for Kanaler on SQLite: the statements and rules
//! of `channel_query.rs` (shared with PostgreSQL) over this connection, in
//! one deferred read transaction.

use std::collections::{HashMap, HashSet};

use ogonblick_model::{ChannelId, ChannelPage, ChannelQuery, ChannelSummary, SnapshotStatus};
use rusqlite::{params, Connection};

use super::channel_rows::load_channel;
use super::{parse_word, Store};
use crate::channel_query::{
    channel_page, sqlite_params, Light, PageSource, ALL_URLS, FAILED, LIGHT_ROWS, STATS_OF_CHANNEL,
    TOTAL,
};
use crate::Result;

impl Store {
    /// A page of the register ([`crate::Register::channel_page`]).
    ///
    /// Its statements are one deferred read transaction (WAL: one moment),
    /// so a snapshot or an edit committed between them cannot give a row
    /// its filter would not keep, nor counts, rows and `matching_ids` that
    /// disagree.
    pub fn channel_page(&self, q: &ChannelQuery) -> Result<ChannelPage> {
        let conn = self.conn();
        let tx = conn.unchecked_transaction()?;
        channel_page(&mut Sqlite(&tx), q)
    }

    /// The channels whose latest snapshot failed, from the summary rows.
    pub fn failed_channels(&self) -> Result<HashSet<ChannelId>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(FAILED)?;
        let ids = stmt.query_map([], |r| r.get::<_, ChannelId>(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }
}

struct Sqlite<'a>(&'a Connection);

impl PageSource for Sqlite<'_> {
    fn light_rows(&mut self, q: &ChannelQuery) -> Result<Vec<Light>> {
        let mut stmt = self.0.prepare_cached(&sqlite_params(LIGHT_ROWS))?;
        let rows = stmt.query_map(
            params![
                q.board,
                q.unit,
                q.person,
                q.platform.map(|p| p.as_str()),
                q.status.map(|s| s.as_str()),
                q.failed as i32
            ],
            |r| {
                Ok(Light {
                    id: r.get(0)?,
                    text: [
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                    ],
                    last: r.get(8)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn urls(&mut self) -> Result<HashMap<ChannelId, Vec<String>>> {
        let mut stmt = self.0.prepare_cached(ALL_URLS)?;
        let mut out: HashMap<ChannelId, Vec<String>> = HashMap::new();
        for row in stmt.query_map([], |r| {
            Ok((r.get::<_, ChannelId>(0)?, r.get::<_, String>(1)?))
        })? {
            let (id, url) = row?;
            out.entry(id).or_default().push(url);
        }
        Ok(out)
    }

    fn summary(&mut self, id: ChannelId) -> Result<ChannelSummary> {
        let channel = load_channel(self.0, id)?.ok_or_else(|| super::not_found(id))?;
        let mut stmt = self.0.prepare_cached(&sqlite_params(STATS_OF_CHANNEL))?;
        let stats = stmt
            .query_map([id], |r| {
                let ts = |s: Option<String>| s.map(|s| super::parse_ts(&s)).transpose();
                Ok((
                    r.get::<_, u32>(0)?,
                    ts(r.get(1)?)?,
                    r.get::<_, Option<String>>(2)?
                        .map(|s| parse_word::<SnapshotStatus>(&s))
                        .transpose()?,
                    ts(r.get(3)?)?,
                ))
            })?
            .next()
            .transpose()?;
        let (snapshot_count, last_snapshot_at, last_snapshot_status, last_complete_at) =
            stats.unwrap_or_default();
        Ok(ChannelSummary {
            channel,
            last_snapshot_at,
            last_snapshot_status,
            last_complete_at,
            snapshot_count,
        })
    }

    fn total(&mut self) -> Result<u32> {
        Ok(self.0.query_row(TOTAL, [], |r| r.get(0))?)
    }

    fn revisions(&mut self) -> Result<HashMap<ChannelId, i64>> {
        let mut stmt = self
            .0
            .prepare_cached(&crate::channel_query::revisions_sql())?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn column(&mut self, sql: &str, board: Option<Option<&str>>) -> Result<Vec<String>> {
        let mut stmt = self.0.prepare_cached(&sqlite_params(sql))?;
        let mut rows = match board {
            Some(b) => stmt.query([b])?,
            None => stmt.query([])?,
        };
        let mut values = Vec::new();
        while let Some(r) = rows.next()? {
            values.extend(r.get::<_, Option<String>>(0)?);
        }
        Ok(values)
    }
}
