//! The audit log: one entry per change, in the database and its `audit.jsonl` mirror.

use ogonblick_model::{AuditEntry, AuditEvent, ChannelId, Timestamp};
use rusqlite::{params, Transaction, TransactionBehavior};

use super::{parse_ts, ts, Store, AUDIT_FILE};
use crate::fsutil::append_line;
use crate::Result;

impl Store {
    pub(super) fn audit_in(
        &self,
        tx: &Transaction<'_>,
        at: Timestamp,
        actor: &str,
        channel_id: Option<ChannelId>,
        event: AuditEvent,
    ) -> Result<AuditEntry> {
        let stored = event.to_stored_json();
        let entry = AuditEntry::new(0, at, actor, channel_id, event);
        tx.execute(
            "INSERT INTO audit_log (at, actor, action, channel_id, detail, event) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![ts(&at), actor, entry.action, channel_id, entry.detail, stored],
        )?;
        let entry = AuditEntry {
            seq: tx.last_insert_rowid(),
            ..entry
        };
        // The mirror is written before the commit: it may hold an entry of a
        // change whose commit then failed, but never misses one.
        append_line(
            &self.data_dir.join(AUDIT_FILE),
            &serde_json::to_string(&entry)?,
        )?;
        Ok(entry)
    }

    /// Appends an audit entry (for use cases of other crates: captures,
    /// packages, schedules).
    pub fn append_audit(
        &self,
        actor: &str,
        channel_id: Option<ChannelId>,
        event: AuditEvent,
    ) -> Result<AuditEntry> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let e = self.audit_in(&tx, self.clock.now(), actor, channel_id, event)?;
        tx.commit()?;
        Ok(e)
    }

    /// The audit log, oldest first; only one channel's entries when given.
    /// Rows written before events were typed are read from their English
    /// detail ([`AuditEvent::read`]).
    pub fn audit_log(&self, channel: Option<ChannelId>) -> Result<Vec<AuditEntry>> {
        self.audit_rows("WHERE ?1 IS NULL OR channel_id = ?1", channel)
    }

    /// The entries of one action (a stable verb, [`AuditEvent::action`]),
    /// oldest first: only those rows are read and parsed.
    pub fn audit_log_of_action(&self, action: &str) -> Result<Vec<AuditEntry>> {
        self.audit_rows("WHERE action = ?1", action)
    }

    fn audit_rows(&self, filter: &str, param: impl rusqlite::ToSql) -> Result<Vec<AuditEntry>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT seq, at, actor, action, channel_id, detail, event FROM audit_log {filter} ORDER BY seq"
        ))?;
        let rows = stmt.query_map([param], |r| {
            let (action, detail): (String, String) = (r.get(3)?, r.get(5)?);
            let event = r
                .get::<_, Option<String>>(6)?
                .and_then(|json| serde_json::from_str::<serde_json::Value>(&json).ok());
            Ok(AuditEntry {
                seq: r.get(0)?,
                at: parse_ts(&r.get::<_, String>(1)?)?,
                actor: r.get(2)?,
                event: AuditEvent::read(&action, &detail, event.as_ref()),
                action,
                channel_id: r.get(4)?,
                detail,
                db_role: None,
                recorded_at: None,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
