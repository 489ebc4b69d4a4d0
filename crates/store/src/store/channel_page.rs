//! A page of the register for Kanaler ([`ChannelQuery`] → [`ChannelPage`]):
//! the exact filters in SQL over the channel rows and their summary row
//! (`channel_summary`, migration 0012; no snapshot record is read), the
//! live text, "without a substitute" (the rule every list shares,
//! [`lacks_substitute`]) and the Swedish order over the few columns a row
//! is sorted by, then only the page's rows read in full. The filters'
//! choices are `DISTINCT` queries ([`filter_choices`]).

use std::collections::{HashMap, HashSet};

use ogonblick_model::{
    filter_choices, lacks_substitute, page_start, swedish_key, ChannelId, ChannelPage,
    ChannelQuery, ChannelSort, ChannelStatus, ChannelSummary, SnapshotStatus,
};
use rusqlite::{params, Connection};

use super::channel_rows::load_channel;
use super::{parse_word, Store};
use crate::Result;

/// What a row is filtered and sorted by, for every channel the exact
/// filters keep.
const LIGHT_ROWS: &str = "SELECT c.id, c.name, c.platform, b.name, u.name, c.responsible,
        c.substitute, c.status, s.last_started_at
     FROM channels c LEFT JOIN boards b ON b.id = c.board_id LEFT JOIN units u ON u.id = c.unit_id
     LEFT JOIN channel_summary s ON s.channel_id = c.id
     WHERE (?1 IS NULL OR b.name = ?1) AND (?2 IS NULL OR u.name = ?2)
       AND (?3 IS NULL OR c.responsible = ?3 OR c.substitute = ?3)
       AND (?4 IS NULL OR c.platform = ?4) AND (?5 IS NULL OR c.status = ?5)
       AND (?6 = 0 OR s.last_status = 'failed')";

/// One channel's history as the list shows it, by the summary's key.
const STATS_OF_CHANNEL: &str =
    "SELECT snapshots, last_started_at, last_status, last_complete_started_at
     FROM channel_summary WHERE channel_id = ?1";

/// The channels whose latest snapshot failed.
const FAILED: &str = "SELECT channel_id FROM channel_summary WHERE last_status = 'failed'";

struct Light {
    id: ChannelId,
    /// name, platform, board, unit, responsible, substitute, status.
    text: [Option<String>; 7],
    last: Option<String>,
}

impl Light {
    fn sort_key(&self, sort: ChannelSort) -> String {
        let t = |i: usize| self.text[i].as_deref().map(swedish_key).unwrap_or_default();
        match sort {
            ChannelSort::Name => t(0),
            ChannelSort::Platform => t(1),
            ChannelSort::Owner => {
                let (b, u) = (t(2), t(3));
                if b.is_empty() && u.is_empty() {
                    String::new()
                } else {
                    format!("{b}\u{0}{u}")
                }
            }
            ChannelSort::Responsible => t(4),
            ChannelSort::Status => t(6),
            ChannelSort::Last => self.last.clone().unwrap_or_default(),
        }
    }
}

impl Store {
    /// A page of the register: the channels `q` matches, in its order (empty
    /// values last either way, ties by name), rows `offset..offset+limit`
    /// (held to the last page), the counts and the filters' choices.
    ///
    /// Its statements are one deferred read transaction (WAL: one moment),
    /// so a snapshot or an edit committed between them cannot give a row
    /// its filter would not keep, nor counts, rows and `matching_ids` that
    /// disagree.
    pub fn channel_page(&self, q: &ChannelQuery) -> Result<ChannelPage> {
        let conn = self.conn();
        let conn = conn.unchecked_transaction()?;
        let mut light = light_rows(&conn, q)?;
        if q.no_substitute {
            let closed = Some(ChannelStatus::Closed.as_str());
            light
                .retain(|l| lacks_substitute(l.text[5].as_deref(), l.text[6].as_deref() == closed));
        }
        if let Some(ids) = &q.ids {
            let ids: HashSet<ChannelId> = ids.iter().copied().collect();
            light.retain(|l| ids.contains(&l.id));
        }
        let needle = swedish_key(&q.text);
        if !needle.is_empty() {
            let urls = all_urls(&conn)?;
            light.retain(|l| {
                let hit = |v: &str| swedish_key(v).contains(&needle);
                [0, 2, 3, 4, 5]
                    .iter()
                    .any(|&i| l.text[i].as_deref().is_some_and(hit))
                    || urls.get(&l.id).is_some_and(|u| u.iter().any(|v| hit(v)))
            });
        }
        let mut keyed: Vec<(String, String, ChannelId)> = light
            .iter()
            .map(|l| (l.sort_key(q.sort), l.sort_key(ChannelSort::Name), l.id))
            .collect();
        keyed.sort_by(|a, b| {
            let by_key = match (a.0.is_empty(), b.0.is_empty()) {
                (true, false) => return std::cmp::Ordering::Greater,
                (false, true) => return std::cmp::Ordering::Less,
                _ if q.descending => b.0.cmp(&a.0),
                _ => a.0.cmp(&b.0),
            };
            by_key.then_with(|| a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
        });
        let matching_ids: Vec<ChannelId> = keyed.into_iter().map(|k| k.2).collect();
        let matching = matching_ids.len() as u32;
        let offset = page_start(q.offset, q.limit, matching);
        let rows = matching_ids
            .iter()
            .skip(offset as usize)
            .take(q.limit as usize)
            .map(|id| summary_of(&conn, *id))
            .collect::<Result<Vec<_>>>()?;
        let total = conn.query_row("SELECT COUNT(*) FROM channels", [], |r| r.get(0))?;
        Ok(ChannelPage {
            rows,
            offset,
            matching,
            total,
            matching_ids,
            boards: distinct(
                &conn,
                "SELECT DISTINCT b.name FROM channels c JOIN boards b ON b.id = c.board_id",
                None,
            )?,
            units: distinct(
                &conn,
                "SELECT DISTINCT u.name FROM channels c JOIN units u ON u.id = c.unit_id
                 LEFT JOIN boards b ON b.id = c.board_id WHERE ?1 IS NULL OR b.name = ?1",
                Some(q.board.as_deref()),
            )?,
            people: distinct(
                &conn,
                "SELECT responsible FROM channels UNION SELECT substitute FROM channels",
                None,
            )?,
        })
    }

    /// The channels whose latest snapshot failed, from the summary rows.
    pub fn failed_channels(&self) -> Result<HashSet<ChannelId>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(FAILED)?;
        let ids = stmt.query_map([], |r| r.get::<_, ChannelId>(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }
}

fn light_rows(conn: &Connection, q: &ChannelQuery) -> Result<Vec<Light>> {
    let mut stmt = conn.prepare_cached(LIGHT_ROWS)?;
    let rows = stmt.query_map(
        params![
            q.board,
            q.unit,
            q.person,
            q.platform.map(|p| p.as_str()),
            q.status.map(|s| s.as_str()),
            q.failed
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

fn all_urls(conn: &Connection) -> Result<HashMap<ChannelId, Vec<String>>> {
    let mut stmt = conn.prepare_cached("SELECT channel_id, url FROM channel_urls")?;
    let mut out: HashMap<ChannelId, Vec<String>> = HashMap::new();
    for row in stmt.query_map([], |r| {
        Ok((r.get::<_, ChannelId>(0)?, r.get::<_, String>(1)?))
    })? {
        let (id, url) = row?;
        out.entry(id).or_default().push(url);
    }
    Ok(out)
}

/// One channel as listed: its row (by key) and its summary row (by key).
fn summary_of(conn: &Connection, id: ChannelId) -> Result<ChannelSummary> {
    let channel = load_channel(conn, id)?.ok_or_else(|| super::not_found(id))?;
    let mut stmt = conn.prepare_cached(STATS_OF_CHANNEL)?;
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

/// The choices of a one-column query ([`filter_choices`]).
fn distinct(conn: &Connection, sql: &str, arg: Option<Option<&str>>) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = match arg {
        Some(a) => stmt.query([a])?,
        None => stmt.query([])?,
    };
    let mut values = Vec::new();
    while let Some(r) = rows.next()? {
        values.extend(r.get::<_, Option<String>>(0)?);
    }
    Ok(filter_choices(values))
}
