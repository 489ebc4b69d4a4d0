//! The organisation's list of boards and units on PostgreSQL: a settings
//! document ([`OrgUnits`]), as in the SQLite store (`store/org_units.rs`),
//! changed with the channels it moves (a rename) and its audit entries in
//! one transaction.
//!
//! Locks: `settings` first (one change of the list at a time; a concurrent
//! `store_setting` takes the same lock and waits), then every channel row,
//! so the channels the change reads are the ones it moves. A moved
//! channel's board and unit are the only columns written, so the change
//! never waits for the address lock that an edit holding a row lock may be
//! waiting behind. Then `boards` and `units`, so that the rows no channel
//! uses any more (a rename's old name) can go, as in the SQLite store:
//! taken after the channel rows, so an edit that holds its row and then
//! inserts a board cannot deadlock with the change.

use ogonblick_model::{AuditEvent, Channel, OrgUnits, Setting};
use postgres::Transaction;

use super::channels::{load, org_ids};
use super::PgRegister;
use crate::store::{changed_fields, PRUNE_ORG_ROWS};
use crate::{OrgChangeFn, Result};

/// The list as stored in `tx` (empty when there is none).
pub(super) fn stored(tx: &mut Transaction<'_>) -> Result<OrgUnits> {
    let row = tx.query_opt(
        "SELECT value::TEXT FROM settings WHERE key = $1",
        &[&OrgUnits::KEY.as_str()],
    )?;
    Ok(match row {
        Some(r) => serde_json::from_str(r.get::<_, &str>(0))?,
        None => OrgUnits::default(),
    })
}

/// The list written to its row in `tx`.
pub(super) fn write_list(tx: &mut Transaction<'_>, list: &OrgUnits) -> Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ($1, CAST($2::TEXT AS JSONB))
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        &[&OrgUnits::KEY.as_str(), &serde_json::to_string(list)?],
    )?;
    Ok(())
}

/// A moved channel's board and unit, nothing else.
fn move_channel(tx: &mut Transaction<'_>, c: &Channel) -> Result<()> {
    let (board, unit) = org_ids(tx, c)?;
    tx.execute(
        "UPDATE channels SET board_id = $2, unit_id = $3 WHERE id = $1",
        &[&c.id, &board, &unit],
    )?;
    Ok(())
}

impl PgRegister {
    pub(super) fn pg_change_org_units(
        &self,
        actor: &str,
        change: OrgChangeFn<'_>,
    ) -> Result<OrgUnits> {
        let now = self.clock.now();
        let mut client = self.client();
        let mut tx = client.transaction()?;
        tx.execute("LOCK TABLE settings IN SHARE ROW EXCLUSIVE MODE", &[])?;
        tx.execute("SELECT id FROM channels ORDER BY id FOR UPDATE", &[])?;
        // Before the change inserts a row of its own: a channel being added
        // or edited that took a row (its INSERT holds ROW EXCLUSIVE) is
        // waited for, and one that comes later waits, so a row that a
        // channel is about to use is never deleted under it, and the two
        // never wait for each other's new row.
        tx.execute("LOCK TABLE boards, units IN SHARE ROW EXCLUSIVE MODE", &[])?;
        let channels = load(&mut tx, None, false)?;
        let mut list = stored(&mut tx)?;
        let done = change(&mut list, &channels)?;
        if done.events.is_empty() {
            return Ok(list);
        }
        write_list(&mut tx, &list)?;
        for c in &done.channels {
            let Some(old) = channels.iter().find(|o| o.id == c.id) else {
                continue;
            };
            move_channel(&mut tx, c)?;
            let event = AuditEvent::ChannelEdited {
                fields: changed_fields(old, c),
            };
            super::audit::append_in(&mut tx, now, actor, Some(c.id), event)?;
        }
        for e in done.events {
            super::audit::append_in(&mut tx, now, actor, None, e)?;
        }
        // The rows no channel uses any more (a rename's old name) go, as in
        // the SQLite store.
        tx.batch_execute(PRUNE_ORG_ROWS)?;
        tx.commit()?;
        Ok(list)
    }
}
