//! A page of the register for Kanaler and Att göra ([`ChannelQuery`] →
//! [`ChannelPage`]), the same on both backends: the exact filters in SQL
//! over the channel rows and their summary row (`channel_summary`; no
//! snapshot record is read), then here the live text, "without a
//! substitute" (the rule every list shares, [`lacks_substitute`]) and the
//! Swedish order over the few columns a row is sorted by ([`swedish_key`],
//! never the database's collation), then only the page's rows read in
//! full. The filters' choices are `DISTINCT` queries ([`filter_choices`]).
//!
//! The statements are written once, with `$n` parameters (PostgreSQL's;
//! SQLite reads them through [`sqlite_params`]); each backend runs them in
//! one read transaction through a [`PageSource`].

use std::collections::{HashMap, HashSet};

use ogonblick_model::{
    filter_choices, lacks_substitute, page_start, swedish_key, ChannelId, ChannelPage,
    ChannelQuery, ChannelSort, ChannelStatus, ChannelSummary,
};

use crate::Result;

/// What a row is filtered and sorted by, for every channel the exact
/// filters keep: `$1` board, `$2` unit, `$3` person (responsible or
/// substitute), `$4` platform, `$5` status, `$6` only those whose latest
/// snapshot failed (1) or all (0).
pub(crate) const LIGHT_ROWS: &str = "SELECT c.id, c.name, c.platform, b.name, u.name,
        c.responsible, c.substitute, c.status, s.last_started_at
     FROM channels c LEFT JOIN boards b ON b.id = c.board_id LEFT JOIN units u ON u.id = c.unit_id
     LEFT JOIN channel_summary s ON s.channel_id = c.id
     WHERE (CAST($1 AS TEXT) IS NULL OR b.name = $1)
       AND (CAST($2 AS TEXT) IS NULL OR u.name = $2)
       AND (CAST($3 AS TEXT) IS NULL OR c.responsible = $3 OR c.substitute = $3)
       AND (CAST($4 AS TEXT) IS NULL OR c.platform = $4)
       AND (CAST($5 AS TEXT) IS NULL OR c.status = $5)
       AND ($6 = 0 OR s.last_status = 'failed')";

/// One channel's history as the list shows it, by the summary's key.
pub(crate) const STATS_OF_CHANNEL: &str =
    "SELECT snapshots, last_started_at, last_status, last_complete_started_at
     FROM channel_summary WHERE channel_id = $1";

/// Every address of every channel.
pub(crate) const ALL_URLS: &str = "SELECT channel_id, url FROM channel_urls";

/// The channels whose latest snapshot failed.
pub(crate) const FAILED: &str =
    "SELECT channel_id FROM channel_summary WHERE last_status = 'failed'";

pub(crate) const TOTAL: &str = "SELECT COUNT(*) FROM channels";

/// The choices of the board filter.
pub(crate) const BOARDS: &str =
    "SELECT DISTINCT b.name FROM channels c JOIN boards b ON b.id = c.board_id";
/// The choices of the unit filter: the units of the board `$1`, or all.
pub(crate) const UNITS: &str =
    "SELECT DISTINCT u.name FROM channels c JOIN units u ON u.id = c.unit_id
     LEFT JOIN boards b ON b.id = c.board_id WHERE CAST($1 AS TEXT) IS NULL OR b.name = $1";
/// The choices of the person filter.
pub(crate) const PEOPLE: &str =
    "SELECT responsible FROM channels UNION SELECT substitute FROM channels";

/// A statement above as SQLite reads it (`?n` for `$n`).
pub(crate) fn sqlite_params(sql: &str) -> String {
    sql.replace('$', "?")
}

/// A row of [`LIGHT_ROWS`].
pub(crate) struct Light {
    pub id: ChannelId,
    /// name, platform, board, unit, responsible, substitute, status.
    pub text: [Option<String>; 7],
    pub last: Option<String>,
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

/// The statements of a page as one backend runs them, inside one read
/// transaction.
pub(crate) trait PageSource {
    /// [`LIGHT_ROWS`] with the query's exact filters.
    fn light_rows(&mut self, q: &ChannelQuery) -> Result<Vec<Light>>;
    /// [`ALL_URLS`], by channel.
    fn urls(&mut self) -> Result<HashMap<ChannelId, Vec<String>>>;
    /// One channel as listed: its row and its summary row ([`STATS_OF_CHANNEL`]).
    fn summary(&mut self, id: ChannelId) -> Result<ChannelSummary>;
    /// [`TOTAL`].
    fn total(&mut self) -> Result<u32>;
    /// [`revisions_sql`]: every channel's revision (the number of the
    /// latest entry that changed its register entry), by channel.
    fn revisions(&mut self) -> Result<HashMap<ChannelId, i64>>;
    /// The values of a one-column query ([`BOARDS`], [`UNITS`] with the
    /// board, [`PEOPLE`]), NULLs left out.
    fn column(&mut self, sql: &str, board: Option<Option<&str>>) -> Result<Vec<String>>;
}

/// A page of the register: the channels `q` matches, in its order (empty
/// values last either way, ties by name, then id), rows
/// `offset..offset+limit` (held to the last page), the counts and the
/// filters' choices.
pub(crate) fn channel_page(src: &mut impl PageSource, q: &ChannelQuery) -> Result<ChannelPage> {
    // Read in the page's one read transaction, so each channel's revision
    // is that of the row shown: a bulk change from it refuses a channel
    // changed since, whatever order the changes' numbers committed in.
    let mut by_channel = src.revisions()?;
    let mut light = src.light_rows(q)?;
    if q.no_substitute {
        let closed = Some(ChannelStatus::Closed.as_str());
        light.retain(|l| lacks_substitute(l.text[5].as_deref(), l.text[6].as_deref() == closed));
    }
    if let Some(ids) = &q.ids {
        let ids: HashSet<ChannelId> = ids.iter().copied().collect();
        light.retain(|l| ids.contains(&l.id));
    }
    let needle = swedish_key(&q.text);
    if !needle.is_empty() {
        let urls = src.urls()?;
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
    let revisions = matching_ids
        .iter()
        .map(|id| by_channel.remove(id).unwrap_or(0))
        .collect();
    let offset = page_start(q.offset, q.limit, matching);
    let rows = matching_ids
        .iter()
        .skip(offset as usize)
        .take(q.limit as usize)
        .map(|id| src.summary(*id))
        .collect::<Result<Vec<_>>>()?;
    Ok(ChannelPage {
        rows,
        offset,
        matching,
        total: src.total()?,
        matching_ids,
        boards: filter_choices(src.column(BOARDS, None)?),
        units: filter_choices(src.column(UNITS, Some(q.board.as_deref()))?),
        people: filter_choices(src.column(PEOPLE, None)?),
        revisions,
    })
}

/// Every channel's revision ([`PageSource::revisions`]): the newest of its
/// entries that changed its register entry, through the partial index
/// `audit_log_revision` (whose condition this repeats).
pub(crate) fn revisions_sql() -> String {
    format!(
        "SELECT channel_id, MAX(seq) FROM audit_log
         WHERE action IN {} AND channel_id IS NOT NULL GROUP BY channel_id",
        crate::store::REVISION_ACTIONS
    )
}
