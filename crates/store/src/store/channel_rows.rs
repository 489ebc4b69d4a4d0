//! The rows of the channel tables: insert, update, load, and the address checks.

use ogonblick_model::Message;
use std::collections::HashMap;
use std::fs;
use std::path::Path;

use ogonblick_model::{
    Channel, ChannelBrief, ChannelField, ChannelId, ChannelStatus, NewChannel, Platform,
    SchedulePolicy, Timestamp,
};
use rusqlite::{params, Connection, OptionalExtension};

use super::{parse_ts, parse_word, ts};
use crate::validate::normalise_url;
use crate::{Result, StoreError};

pub(crate) fn channel_from_new(
    id: ChannelId,
    n: &NewChannel,
    status: ChannelStatus,
    now: Timestamp,
) -> Channel {
    Channel {
        id,
        name: n.name.clone(),
        platform: n.platform.unwrap_or(Platform::Other),
        urls: n.urls.clone(),
        board: n.board.clone(),
        unit: n.unit.clone(),
        responsible: n.responsible.clone(),
        substitute: n.substitute.clone(),
        purpose: n.purpose.clone(),
        audience: n.audience.clone(),
        policy: n.policy,
        status,
        created_at: now,
        closing_started_at: (status != ChannelStatus::Active).then_some(now),
        closed_at: (status == ChannelStatus::Closed).then_some(now),
        notes: n.notes.clone(),
    }
}

pub(crate) fn changed_fields(a: &Channel, b: &Channel) -> Vec<ChannelField> {
    let mut out = Vec::new();
    macro_rules! cmp {
        ($($f:ident = $v:ident),*) => { $( if a.$f != b.$f { out.push(ChannelField::$v); } )* };
    }
    cmp!(
        name = Name,
        platform = Platform,
        urls = Urls,
        board = Board,
        unit = Unit,
        responsible = Responsible,
        substitute = Substitute,
        purpose = Purpose,
        audience = Audience,
        policy = Policy,
        notes = Notes
    );
    out
}

pub(crate) fn next_channel_id(conn: &Connection, data_dir: &Path) -> Result<ChannelId> {
    let max_db: i64 =
        conn.query_row("SELECT ifnull(max(id), 0) FROM channels", [], |r| r.get(0))?;
    // Never reuse the id of a channel folder or set entry on disk that the
    // database does not know (a database lost without reindex).
    let mut max_dir = crate::import::import_folder(data_dir).max_id();
    if let Ok(entries) = fs::read_dir(data_dir.join("channels")) {
        for e in entries.flatten() {
            if let Some(n) = e.file_name().to_str().and_then(|s| s.parse::<i64>().ok()) {
                max_dir = max_dir.max(n);
            }
        }
    }
    Ok(max_db.max(max_dir) + 1)
}

fn ensure_board(conn: &Connection, name: &str) -> Result<i64> {
    conn.prepare_cached("INSERT OR IGNORE INTO boards (name) VALUES (?1)")?
        .execute([name])?;
    Ok(conn
        .prepare_cached("SELECT id FROM boards WHERE name = ?1")?
        .query_row([name], |r| r.get(0))?)
}

fn ensure_unit(conn: &Connection, board_id: Option<i64>, name: &str) -> Result<i64> {
    let found: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM units WHERE ifnull(board_id, 0) = ifnull(?1, 0) AND name = ?2",
        )?
        .query_row(params![board_id, name], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO units (board_id, name) VALUES (?1, ?2)",
        params![board_id, name],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn insert_channel_row(
    conn: &Connection,
    c: &Channel,
    lenient_urls: bool,
) -> Result<Vec<String>> {
    let (board_id, unit_id) = org_ids(conn, c)?;
    conn.prepare_cached(
        "INSERT INTO channels (id, name, platform, board_id, unit_id, responsible, substitute, purpose,
            audience, policy, status, created_at, closing_started_at, closed_at, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
            c.id,
            c.name,
            c.platform.as_str(),
            board_id,
            unit_id,
            c.responsible,
            c.substitute,
            c.purpose,
            c.audience,
            c.policy.map(SchedulePolicy::as_str),
            c.status.as_str(),
            ts(&c.created_at),
            c.closing_started_at.as_ref().map(ts),
            c.closed_at.as_ref().map(ts),
            c.notes,
        ],
    )?;
    insert_urls(conn, c, lenient_urls)
}

fn org_ids(conn: &Connection, c: &Channel) -> Result<(Option<i64>, Option<i64>)> {
    let board_id = match &c.board {
        Some(b) => Some(ensure_board(conn, b)?),
        None => None,
    };
    let unit_id = match &c.unit {
        Some(u) => Some(ensure_unit(conn, board_id, u)?),
        None => None,
    };
    Ok((board_id, unit_id))
}

/// Inserts the addresses; with `lenient`, an address already owned by
/// another channel is skipped and returned instead of failing.
fn insert_urls(conn: &Connection, c: &Channel, lenient: bool) -> Result<Vec<String>> {
    let mut skipped = Vec::new();
    for (i, u) in c.urls.iter().enumerate() {
        let key = normalise_url(u).unwrap_or_else(|| u.trim().to_string());
        let sql = if lenient {
            "INSERT OR IGNORE INTO channel_urls (channel_id, position, url, normalised) VALUES (?1, ?2, ?3, ?4)"
        } else {
            "INSERT INTO channel_urls (channel_id, position, url, normalised) VALUES (?1, ?2, ?3, ?4)"
        };
        let n = conn
            .prepare_cached(sql)?
            .execute(params![c.id, i as i64, u, key])?;
        if n == 0 {
            skipped.push(u.clone());
        }
    }
    Ok(skipped)
}

pub(super) fn update_channel_row(conn: &Connection, c: &Channel) -> Result<()> {
    let (board_id, unit_id) = org_ids(conn, c)?;
    conn.execute(
        "UPDATE channels SET name = ?2, platform = ?3, board_id = ?4, unit_id = ?5, responsible = ?6,
            substitute = ?7, purpose = ?8, audience = ?9, policy = ?10, status = ?11,
            closing_started_at = ?12, closed_at = ?13, notes = ?14
         WHERE id = ?1",
        params![
            c.id,
            c.name,
            c.platform.as_str(),
            board_id,
            unit_id,
            c.responsible,
            c.substitute,
            c.purpose,
            c.audience,
            c.policy.map(SchedulePolicy::as_str),
            c.status.as_str(),
            c.closing_started_at.as_ref().map(ts),
            c.closed_at.as_ref().map(ts),
            c.notes,
        ],
    )?;
    conn.execute("DELETE FROM channel_urls WHERE channel_id = ?1", [c.id])?;
    insert_urls(conn, c, false)?;
    Ok(())
}

fn url_owner(
    conn: &Connection,
    key: &str,
    except: Option<ChannelId>,
) -> Result<Option<(ChannelId, String)>> {
    Ok(conn
        .query_row(
            "SELECT c.id, c.name FROM channel_urls u JOIN channels c ON c.id = u.channel_id
             WHERE u.normalised = ?1 AND (?2 IS NULL OR u.channel_id != ?2)",
            params![key, except],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

pub(super) fn check_url_conflicts(
    conn: &Connection,
    except: Option<ChannelId>,
    urls: &[String],
) -> Result<()> {
    let mut msgs = Vec::new();
    for u in urls {
        let Some(key) = normalise_url(u) else {
            continue;
        };
        if let Some((id, name)) = url_owner(conn, &key, except)? {
            msgs.push(Message::StoreUrlTaken {
                url: u.clone(),
                id,
                name,
            });
        }
    }
    if msgs.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Conflict(Message::StoreUrlsTaken {
            problems: msgs,
        }))
    }
}

pub(crate) fn load_channels(conn: &Connection) -> Result<Vec<Channel>> {
    load_channels_where(conn, None)
}

pub(super) fn load_channel(conn: &Connection, id: ChannelId) -> Result<Option<Channel>> {
    Ok(load_channels_where(conn, Some(id))?.into_iter().next())
}

/// The channels' columns; one channel is read by its key (`?1 IS NULL OR
/// c.id = ?1` would scan every channel).
const CHANNEL_COLUMNS: &str =
    "SELECT c.id, c.name, c.platform, b.name, u.name, c.responsible, c.substitute, c.purpose,
            c.audience, c.policy, c.status, c.created_at, c.closing_started_at, c.closed_at, c.notes
     FROM channels c LEFT JOIN boards b ON b.id = c.board_id LEFT JOIN units u ON u.id = c.unit_id";
/// One channel's addresses, through their index.
pub(super) const URLS_OF_CHANNEL: &str =
    "SELECT channel_id, url FROM channel_urls WHERE channel_id = ?1 ORDER BY position";

pub(super) fn one_channel_sql() -> String {
    format!("{CHANNEL_COLUMNS} WHERE c.id = ?1")
}

/// Every channel as the schedule and the reports read it: the columns
/// they need, by id, no addresses. One statement for both backends
/// (`pg/channels.rs` too), as the claims' are.
pub(crate) const BRIEF_COLUMNS: &str =
    "SELECT c.id, c.name, c.platform, b.name, u.name, c.responsible, c.substitute, c.policy,
            c.status, c.created_at, c.closing_started_at, c.closed_at
     FROM channels c LEFT JOIN boards b ON b.id = c.board_id LEFT JOIN units u ON u.id = c.unit_id
     ORDER BY c.id";

/// Every channel as the schedule and the reports read it
/// ([`BRIEF_COLUMNS`]: one statement, no addresses), by id.
pub(crate) fn load_channel_briefs(conn: &Connection) -> Result<Vec<ChannelBrief>> {
    let mut stmt = conn.prepare_cached(BRIEF_COLUMNS)?;
    let rows = stmt.query_map([], |r| {
        let opt_ts = |s: Option<String>| s.map(|s| parse_ts(&s)).transpose();
        Ok(ChannelBrief {
            id: r.get(0)?,
            name: r.get(1)?,
            platform: parse_word(&r.get::<_, String>(2)?)?,
            board: r.get(3)?,
            unit: r.get(4)?,
            responsible: r.get(5)?,
            substitute: r.get(6)?,
            policy: r
                .get::<_, Option<String>>(7)?
                .map(|s| parse_word(&s))
                .transpose()?,
            status: parse_word(&r.get::<_, String>(8)?)?,
            created_at: parse_ts(&r.get::<_, String>(9)?)?,
            closing_started_at: opt_ts(r.get(10)?)?,
            closed_at: opt_ts(r.get(11)?)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn load_channels_where(conn: &Connection, id: Option<ChannelId>) -> Result<Vec<Channel>> {
    let mut stmt = conn.prepare_cached(&match id {
        Some(_) => one_channel_sql(),
        None => format!("{CHANNEL_COLUMNS} WHERE ?1 IS NULL ORDER BY c.id"),
    })?;
    let rows = stmt.query_map([id], |r| {
        let opt_ts = |s: Option<String>| s.map(|s| parse_ts(&s)).transpose();
        Ok(Channel {
            id: r.get(0)?,
            name: r.get(1)?,
            platform: parse_word(&r.get::<_, String>(2)?)?,
            urls: Vec::new(),
            board: r.get(3)?,
            unit: r.get(4)?,
            responsible: r.get(5)?,
            substitute: r.get(6)?,
            purpose: r.get(7)?,
            audience: r.get(8)?,
            policy: r
                .get::<_, Option<String>>(9)?
                .map(|s| parse_word(&s))
                .transpose()?,
            status: parse_word(&r.get::<_, String>(10)?)?,
            created_at: parse_ts(&r.get::<_, String>(11)?)?,
            closing_started_at: opt_ts(r.get(12)?)?,
            closed_at: opt_ts(r.get(13)?)?,
            notes: r.get(14)?,
        })
    })?;
    let mut channels = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut ustmt = conn.prepare_cached(match id {
        Some(_) => URLS_OF_CHANNEL,
        None => "SELECT channel_id, url FROM channel_urls WHERE ?1 IS NULL ORDER BY channel_id, position",
    })?;
    let mut by_channel: HashMap<ChannelId, Vec<String>> = HashMap::new();
    for row in ustmt.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (cid, url) = row?;
        by_channel.entry(cid).or_default().push(url);
    }
    for c in &mut channels {
        c.urls = by_channel.remove(&c.id).unwrap_or_default();
    }
    Ok(channels)
}
