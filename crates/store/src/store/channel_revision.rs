//! A channel's revision (the audit entry of its latest change), so that an
//! edit made from a stale view is refused instead of overwriting another
//! person's change (issue 15: "changed by … at …, reload"); and the
//! register's change stamp ([`crate::ChangeStamp`]), which a desktop polls
//! to see changes made elsewhere.

use ogonblick_model::ChannelId;
use rusqlite::{Connection, OptionalExtension};

use super::channel_logic::REVISION_ACTIONS;
use super::{not_found, parse_ts, Store};
use crate::register::{ChangeStamp, ChannelRevision};
use crate::Result;

/// The latest change of channel `id` recorded in the audit log.
pub(super) fn revision(conn: &Connection, id: ChannelId) -> Result<ChannelRevision> {
    let row = conn
        .query_row(
            &format!(
                "SELECT seq, actor, at FROM audit_log
                 WHERE channel_id = ?1 AND action IN {REVISION_ACTIONS}
                 ORDER BY seq DESC LIMIT 1"
            ),
            [id],
            |r| {
                Ok(ChannelRevision {
                    seq: r.get(0)?,
                    by: r.get(1)?,
                    login: None,
                    at: Some(parse_ts(&r.get::<_, String>(2)?)?),
                })
            },
        )
        .optional()?;
    Ok(row.unwrap_or(ChannelRevision {
        seq: 0,
        by: String::new(),
        login: None,
        at: None,
    }))
}

impl Store {
    /// The latest change of a channel's entry (`NotFound` for no channel).
    pub fn channel_revision(&self, id: ChannelId) -> Result<ChannelRevision> {
        let conn = self.conn();
        super::channel_rows::load_channel(&conn, id)?.ok_or_else(|| not_found(id))?;
        revision(&conn, id)
    }

    /// The register's change stamp: the newest audit entry and the number
    /// of entries after `since` (the primary key's index, both).
    pub fn change_stamp(&self, since: i64) -> Result<ChangeStamp> {
        let conn = self.conn();
        Ok(conn.query_row(
            "SELECT (SELECT COALESCE(MAX(seq), 0) FROM audit_log),
                    (SELECT COUNT(*) FROM audit_log WHERE seq > ?1)",
            [since],
            |r| {
                Ok(ChangeStamp {
                    last: r.get(0)?,
                    after: r.get(1)?,
                })
            },
        )?)
    }
}
