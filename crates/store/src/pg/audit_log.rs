//! The audit log's rows on PostgreSQL: appending entries inside a change's
//! transaction, and reading them back with the database role that wrote
//! each (migration 0008) when it is not the recorded person, and the time
//! the server recorded each (migration 0010).

use ogonblick_model::{AuditEntry, AuditEvent, ChannelId, Timestamp};
use postgres::{Row, Transaction};

use crate::import::AuditItems;
use crate::store::ts;
use crate::Result;

/// Appends an entry inside the change's transaction.
pub(super) fn append_in(
    tx: &mut Transaction<'_>,
    at: Timestamp,
    actor: &str,
    channel_id: Option<ChannelId>,
    event: AuditEvent,
) -> Result<AuditEntry> {
    let stored = event.to_stored_json();
    let entry = AuditEntry::new(0, at, actor, channel_id, event);
    let row = tx.query_one(
        &format!(
            "INSERT INTO audit_log (at, actor, action, channel_id, detail, event)
             VALUES ($1, $2, $3, $4, $5, CAST($6::TEXT AS JSONB))
             RETURNING seq, db_role, {RECORDED_AT}"
        ),
        &[
            &ts(&at),
            &actor,
            &entry.action,
            &channel_id,
            &entry.detail,
            &stored,
        ],
    )?;
    let db_role = other_role(actor, row.get(1));
    Ok(AuditEntry {
        seq: row.get(0),
        db_role,
        recorded_at: recorded_at(row.get(2))?,
        ..entry
    })
}

/// Appends many entries inside the change's transaction, in their order,
/// in one statement.
pub(super) fn append_all_in(
    tx: &mut Transaction<'_>,
    at: Timestamp,
    actor: &str,
    items: &AuditItems,
) -> Result<()> {
    let entries: Vec<AuditEntry> = items
        .iter()
        .map(|(channel, event)| AuditEntry::new(0, at, actor, *channel, event.clone()))
        .collect();
    tx.execute(
        "INSERT INTO audit_log (at, actor, action, channel_id, detail, event)
         SELECT $1, $2, a, c, d, CAST(e AS JSONB)
         FROM unnest($3::TEXT[], $4::BIGINT[], $5::TEXT[], $6::TEXT[]) WITH ORDINALITY
            AS t(a, c, d, e, n)
         ORDER BY n",
        &[
            &ts(&at),
            &actor,
            &entries
                .iter()
                .map(|e| e.action.as_str())
                .collect::<Vec<_>>(),
            &entries.iter().map(|e| e.channel_id).collect::<Vec<_>>(),
            &entries
                .iter()
                .map(|e| e.detail.as_str())
                .collect::<Vec<_>>(),
            &entries
                .iter()
                .map(|e| e.event.to_stored_json())
                .collect::<Vec<_>>(),
        ],
    )?;
    Ok(())
}

/// The server's time of an entry as RFC 3339 text in UTC (microseconds,
/// PostgreSQL's precision), as the register's other times are read.
const RECORDED_AT: &str =
    r#"to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"#;

pub(super) fn audit_columns() -> String {
    format!(
        "SELECT seq, at, actor, action, channel_id, detail, event::TEXT, db_role, {RECORDED_AT}
         FROM audit_log"
    )
}

fn recorded_at(text: Option<&str>) -> Result<Option<Timestamp>> {
    text.map(|t| {
        chrono::DateTime::parse_from_rfc3339(t)
            .map(|d| d.with_timezone(&chrono::Utc))
            .map_err(|e| super::channels::unreadable_value(t, e))
    })
    .transpose()
}

/// The database role that wrote an entry (set by the server, migration
/// 0008), when it is not the recorded person.
fn other_role(actor: &str, db_role: Option<String>) -> Option<String> {
    db_role.filter(|r| r != actor)
}

/// An audit entry read back: its typed event, or for a row without one
/// the event read from its words.
pub(super) fn entry_of(r: &Row) -> Result<AuditEntry> {
    let (action, detail): (String, String) = (r.get(3), r.get(5));
    let event = r
        .get::<_, Option<&str>>(6)
        .and_then(|json| serde_json::from_str::<serde_json::Value>(json).ok());
    let at: &str = r.get(1);
    let at = chrono::DateTime::parse_from_rfc3339(at)
        .map_err(|e| super::channels::unreadable_value(at, e))?
        .with_timezone(&chrono::Utc);
    let actor: String = r.get(2);
    Ok(AuditEntry {
        seq: r.get(0),
        at,
        db_role: other_role(&actor, r.get(7)),
        recorded_at: recorded_at(r.get(8))?,
        actor,
        event: AuditEvent::read(&action, &detail, event.as_ref()),
        action,
        channel_id: r.get(4),
        detail,
    })
}
