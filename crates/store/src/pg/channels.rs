//! Channels on PostgreSQL: the same rules as the SQLite store
//! (`store/channel_logic.rs`, `validate.rs`), the rows in this dialect.

use std::collections::HashMap;

use ogonblick_model::{
    AuditEvent, Channel, ChannelBrief, ChannelId, ChannelPatch, ChannelStatus, ChannelSummary,
    Message, NewChannel, SchedulePolicy, Timestamp,
};
use postgres::types::Type;
use postgres::{GenericClient, Row, Transaction};

use super::PgRegister;
use crate::register::{ChangeStamp, ChannelRevision};
use crate::store::{
    apply_patch, changed_fields, channel_from_new, check_revision, status_change, ts,
    BRIEF_COLUMNS, REVISION_ACTIONS,
};
use crate::validate::{check_new_channel, normalise_url};
use crate::{ChannelFilter, Result, StoreError};

const CHANNEL_COLUMNS: &str =
    "SELECT c.id, c.name, c.platform, b.name, u.name, c.responsible, c.substitute, c.purpose,
            c.audience, c.policy, c.status, c.created_at, c.closing_started_at, c.closed_at, c.notes
     FROM channels c LEFT JOIN boards b ON b.id = c.board_id LEFT JOIN units u ON u.id = c.unit_id";

pub(super) fn parse_ts(s: &str) -> Result<Timestamp> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&chrono::Utc))
        .map_err(|e| unreadable_value(s, e))
}

pub(super) fn parse_word<T: std::str::FromStr>(s: &str) -> Result<T>
where
    T::Err: std::fmt::Display,
{
    s.parse::<T>().map_err(|e| unreadable_value(s, e))
}

/// A value in the register that this version cannot read (written by
/// another tool or a newer version).
pub(super) fn unreadable_value(value: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Integrity(Message::StorePgUnreadableValue {
        value: value.to_string(),
        detail: e.to_string(),
    })
}

fn channel_of(r: &Row) -> Result<Channel> {
    let opt_ts = |s: Option<String>| s.as_deref().map(parse_ts).transpose();
    Ok(Channel {
        id: r.get(0),
        name: r.get(1),
        platform: parse_word(r.get::<_, &str>(2))?,
        urls: Vec::new(),
        board: r.get(3),
        unit: r.get(4),
        responsible: r.get(5),
        substitute: r.get(6),
        purpose: r.get(7),
        audience: r.get(8),
        policy: r
            .get::<_, Option<&str>>(9)
            .map(parse_word::<SchedulePolicy>)
            .transpose()?,
        status: parse_word(r.get::<_, &str>(10))?,
        created_at: parse_ts(r.get::<_, &str>(11))?,
        closing_started_at: opt_ts(r.get(12))?,
        closed_at: opt_ts(r.get(13))?,
        notes: r.get(14),
    })
}

/// The channels (one when `id` is given, locked for update when `lock`),
/// by id, with their addresses. The statements go typed (`query_typed`:
/// no round trip to prepare them); two statements, not one with the
/// addresses as an array, which costs the server more (measured on the
/// load bench's 2,000 channels).
pub(super) fn load(
    c: &mut impl GenericClient,
    id: Option<ChannelId>,
    lock: bool,
) -> Result<Vec<Channel>> {
    let rows = match id {
        Some(id) => c.query_typed(
            &format!(
                "{CHANNEL_COLUMNS} WHERE c.id = $1{}",
                if lock { " FOR UPDATE OF c" } else { "" }
            ),
            &[(&id, Type::INT8)],
        )?,
        None => c.query_typed(&format!("{CHANNEL_COLUMNS} ORDER BY c.id"), &[])?,
    };
    let mut channels = rows.iter().map(channel_of).collect::<Result<Vec<_>>>()?;
    let urls = match id {
        Some(id) => c.query_typed(
            "SELECT channel_id, url FROM channel_urls WHERE channel_id = $1 ORDER BY position",
            &[(&id, Type::INT8)],
        )?,
        None => c.query_typed(
            "SELECT channel_id, url FROM channel_urls ORDER BY channel_id, position",
            &[],
        )?,
    };
    let mut by_channel: HashMap<ChannelId, Vec<String>> = HashMap::new();
    for r in urls {
        by_channel.entry(r.get(0)).or_default().push(r.get(1));
    }
    for ch in &mut channels {
        ch.urls = by_channel.remove(&ch.id).unwrap_or_default();
    }
    Ok(channels)
}

fn brief_of(r: &Row) -> Result<ChannelBrief> {
    let opt_ts = |s: Option<&str>| s.map(parse_ts).transpose();
    Ok(ChannelBrief {
        id: r.get(0),
        name: r.get(1),
        platform: parse_word(r.get::<_, &str>(2))?,
        board: r.get(3),
        unit: r.get(4),
        responsible: r.get(5),
        substitute: r.get(6),
        policy: r
            .get::<_, Option<&str>>(7)
            .map(parse_word::<SchedulePolicy>)
            .transpose()?,
        status: parse_word(r.get::<_, &str>(8))?,
        created_at: parse_ts(r.get::<_, &str>(9))?,
        closing_started_at: opt_ts(r.get(10))?,
        closed_at: opt_ts(r.get(11))?,
    })
}

impl PgRegister {
    /// Every channel as the schedule and the reports read it: one typed
    /// statement, no transaction (one statement reads one moment), no
    /// addresses.
    pub(super) fn pg_channel_briefs(&self) -> Result<Vec<ChannelBrief>> {
        let rows = self.client().query_typed(BRIEF_COLUMNS, &[])?;
        rows.iter().map(brief_of).collect()
    }
}

/// The latest change of channel `id` recorded in the audit log.
pub(super) fn revision(c: &mut impl GenericClient, id: ChannelId) -> Result<ChannelRevision> {
    let row = c.query_opt(
        &format!(
            "SELECT seq, actor, at, db_role FROM audit_log
             WHERE channel_id = $1 AND action IN {REVISION_ACTIONS}
             ORDER BY seq DESC LIMIT 1"
        ),
        &[&id],
    )?;
    Ok(match row {
        Some(r) => {
            let by: String = r.get(1);
            let login: Option<String> = r.get(3);
            ChannelRevision {
                seq: r.get(0),
                login: login.filter(|l| *l != by),
                by,
                at: Some(parse_ts(r.get::<_, &str>(2))?),
            }
        }
        None => ChannelRevision {
            seq: 0,
            by: String::new(),
            login: None,
            at: None,
        },
    })
}

pub(super) fn not_found(id: ChannelId) -> StoreError {
    StoreError::NotFound(Message::StoreNoChannel { id })
}

fn ensure_board(tx: &mut Transaction<'_>, name: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO boards (name) VALUES ($1) ON CONFLICT DO NOTHING",
        &[&name],
    )?;
    Ok(tx
        .query_one("SELECT id FROM boards WHERE name = $1", &[&name])?
        .get(0))
}

fn ensure_unit(tx: &mut Transaction<'_>, board: Option<i64>, name: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO units (board_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        &[&board, &name],
    )?;
    Ok(tx
        .query_one(
            "SELECT id FROM units WHERE coalesce(board_id, 0) = coalesce($1::BIGINT, 0) AND name = $2",
            &[&board, &name],
        )?
        .get(0))
}

pub(super) fn org_ids(tx: &mut Transaction<'_>, c: &Channel) -> Result<(Option<i64>, Option<i64>)> {
    let board = match &c.board {
        Some(b) => Some(ensure_board(tx, b)?),
        None => None,
    };
    let unit = match &c.unit {
        Some(u) => Some(ensure_unit(tx, board, u)?),
        None => None,
    };
    Ok((board, unit))
}

/// Refuses addresses that another channel owns (the same sentence as SQLite).
fn check_url_conflicts(
    tx: &mut Transaction<'_>,
    except: Option<ChannelId>,
    urls: &[String],
) -> Result<()> {
    let mut problems = Vec::new();
    for u in urls {
        let Some(key) = normalise_url(u) else {
            continue;
        };
        let owner = tx.query_opt(
            "SELECT c.id, c.name FROM channel_urls u JOIN channels c ON c.id = u.channel_id
             WHERE u.normalised = $1 AND ($2::BIGINT IS NULL OR u.channel_id <> $2)",
            &[&key, &except],
        )?;
        if let Some(r) = owner {
            problems.push(Message::StoreUrlTaken {
                url: u.clone(),
                id: r.get(0),
                name: r.get(1),
            });
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Conflict(Message::StoreUrlsTaken { problems }))
    }
}

fn write_urls(tx: &mut Transaction<'_>, c: &Channel) -> Result<()> {
    tx.execute("DELETE FROM channel_urls WHERE channel_id = $1", &[&c.id])?;
    for (i, u) in c.urls.iter().enumerate() {
        let key = normalise_url(u).unwrap_or_else(|| u.trim().to_string());
        tx.execute(
            "INSERT INTO channel_urls (channel_id, position, url, normalised) VALUES ($1, $2, $3, $4)",
            &[&c.id, &(i as i32), u, &key],
        )?;
    }
    Ok(())
}

fn insert_row(tx: &mut Transaction<'_>, c: &Channel) -> Result<()> {
    let (board, unit) = org_ids(tx, c)?;
    tx.execute(
        "INSERT INTO channels (id, name, platform, board_id, unit_id, responsible, substitute,
            purpose, audience, policy, status, created_at, closing_started_at, closed_at, notes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        &[
            &c.id,
            &c.name,
            &c.platform.as_str(),
            &board,
            &unit,
            &c.responsible,
            &c.substitute,
            &c.purpose,
            &c.audience,
            &c.policy.map(SchedulePolicy::as_str),
            &c.status.as_str(),
            &ts(&c.created_at),
            &c.closing_started_at.as_ref().map(ts),
            &c.closed_at.as_ref().map(ts),
            &c.notes,
        ],
    )?;
    write_urls(tx, c)
}

pub(super) fn update_row(tx: &mut Transaction<'_>, c: &Channel) -> Result<()> {
    let (board, unit) = org_ids(tx, c)?;
    tx.execute(
        "UPDATE channels SET name = $2, platform = $3, board_id = $4, unit_id = $5,
            responsible = $6, substitute = $7, purpose = $8, audience = $9, policy = $10,
            status = $11, closing_started_at = $12, closed_at = $13, notes = $14
         WHERE id = $1",
        &[
            &c.id,
            &c.name,
            &c.platform.as_str(),
            &board,
            &unit,
            &c.responsible,
            &c.substitute,
            &c.purpose,
            &c.audience,
            &c.policy.map(SchedulePolicy::as_str),
            &c.status.as_str(),
            &c.closing_started_at.as_ref().map(ts),
            &c.closed_at.as_ref().map(ts),
            &c.notes,
        ],
    )?;
    write_urls(tx, c)
}

impl PgRegister {
    pub(super) fn pg_add_channel(&self, new: &NewChannel, actor: &str) -> Result<Channel> {
        let new = check_new_channel(new).map_err(StoreError::invalid_list)?;
        let mut client = self.client();
        let mut tx = client.transaction()?;
        // One writer of the register's addresses at a time, so that two
        // desktops cannot both take the same address.
        tx.execute("LOCK TABLE channel_urls IN SHARE ROW EXCLUSIVE MODE", &[])?;
        check_url_conflicts(&mut tx, None, &new.urls)?;
        let id: i64 = tx
            .query_one(
                "SELECT nextval(pg_get_serial_sequence('channels', 'id'))",
                &[],
            )?
            .get(0);
        let now = self.clock.now();
        let channel = channel_from_new(id, &new, ChannelStatus::Active, now);
        insert_row(&mut tx, &channel)?;
        let event = AuditEvent::ChannelAdded {
            name: channel.name.clone(),
        };
        super::audit::append_in(&mut tx, now, actor, Some(id), event)?;
        tx.commit()?;
        Ok(channel)
    }

    pub(super) fn pg_channel(&self, id: ChannelId) -> Result<Channel> {
        self.read(|tx| load(tx, Some(id), false))?
            .pop()
            .ok_or_else(|| not_found(id))
    }

    pub(super) fn pg_channel_revision(&self, id: ChannelId) -> Result<ChannelRevision> {
        self.read(|tx| {
            load(tx, Some(id), false)?
                .pop()
                .ok_or_else(|| not_found(id))?;
            revision(tx, id)
        })
    }

    /// The register's change stamp (see [`ChangeStamp`]): one statement on
    /// the audit log's primary key.
    pub(super) fn pg_change_stamp(&self, since: i64) -> Result<ChangeStamp> {
        let row = self.client().query_one(
            "SELECT (SELECT COALESCE(MAX(seq), 0) FROM audit_log),
                    (SELECT COUNT(*) FROM audit_log WHERE seq > $1)",
            &[&since],
        )?;
        Ok(ChangeStamp {
            last: row.get(0),
            after: row.get(1),
        })
    }

    pub(super) fn pg_list_channels(&self, filter: &ChannelFilter) -> Result<Vec<ChannelSummary>> {
        // The channels, their addresses and their histories' summaries as
        // of one moment.
        let (channels, mut stats) =
            self.read(|tx| Ok((load(tx, None, false)?, super::snapshots::channel_stats(tx)?)))?;
        Ok(channels
            .into_iter()
            .filter(|c| filter.matches(c))
            .map(|channel| {
                let st = stats.remove(&channel.id).unwrap_or_default();
                ChannelSummary {
                    channel,
                    last_snapshot_at: st.last.map(|(at, _)| at),
                    last_snapshot_status: st.last.map(|(_, status)| status),
                    last_complete_at: st.last_complete_started_at,
                    snapshot_count: st.count,
                }
            })
            .collect())
    }

    pub(super) fn pg_edit_channel(
        &self,
        id: ChannelId,
        patch: &ChannelPatch,
        actor: &str,
        seen: Option<i64>,
    ) -> Result<Channel> {
        let mut client = self.client();
        let mut tx = client.transaction()?;
        if patch.urls.is_some() {
            tx.execute("LOCK TABLE channel_urls IN SHARE ROW EXCLUSIVE MODE", &[])?;
        }
        // The row lock orders concurrent edits: the revision read after it
        // sees the change of the edit that held it.
        let old = load(&mut tx, Some(id), true)?
            .pop()
            .ok_or_else(|| not_found(id))?;
        if let Some(seen) = seen {
            check_revision(&old, &revision(&mut tx, id)?, seen)?;
        }
        let c = apply_patch(&old, patch)?;
        if c == old {
            return Ok(old);
        }
        check_url_conflicts(&mut tx, Some(id), &c.urls)?;
        update_row(&mut tx, &c)?;
        let event = AuditEvent::ChannelEdited {
            fields: changed_fields(&old, &c),
        };
        super::audit::append_in(&mut tx, self.clock.now(), actor, Some(id), event)?;
        tx.commit()?;
        Ok(c)
    }

    pub(super) fn pg_change_status(
        &self,
        id: ChannelId,
        actor: &str,
        from: ChannelStatus,
        to: ChannelStatus,
        event: AuditEvent,
        note: Option<AuditEvent>,
    ) -> Result<Channel> {
        let mut client = self.client();
        let mut tx = client.transaction()?;
        let old = load(&mut tx, Some(id), true)?
            .pop()
            .ok_or_else(|| not_found(id))?;
        let now = self.clock.now();
        let c = status_change(&old, from, to, now)?;
        update_row(&mut tx, &c)?;
        super::audit::append_in(&mut tx, now, actor, Some(id), event)?;
        if let Some(note) = note {
            super::audit::append_in(&mut tx, now, actor, Some(id), note)?;
        }
        tx.commit()?;
        Ok(c)
    }
}
