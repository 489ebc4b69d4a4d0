//! The organisation's list of boards and units (h-ui19), a settings
//! document ([`OrgUnits`], mirrored in `settings.json`, so `reindex`
//! restores it). A change reads the list and the channels and writes the
//! list, the channels it moves and the audit entries in one transaction,
//! and drops the board and unit rows no channel uses any more (a rename's
//! old name).

use ogonblick_model::{AuditEvent, Channel, OrgUnits, Setting};
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};

use super::channel_rows::{changed_fields, load_channel, load_channels, update_channel_row};
use super::settings::load_settings;
use super::{channel_dir, Store, CHANNEL_FILE, SETTINGS_FILE};
use crate::fsutil::write_json_atomic;
use crate::Result;

/// What a change of the list does: its audit events (none: nothing is
/// written) and the channels it moves to a new name (renames).
#[derive(Debug, Default)]
pub struct OrgChange {
    pub events: Vec<AuditEvent>,
    pub channels: Vec<Channel>,
}

impl Store {
    /// Changes the organisation's list under the register's write lock:
    /// `change` gets the stored list to change and every channel, and says
    /// what it did. Returns the list as stored afterwards.
    pub fn change_org_units(
        &self,
        actor: &str,
        change: impl FnOnce(&mut OrgUnits, &[Channel]) -> Result<OrgChange>,
    ) -> Result<OrgUnits> {
        let now = self.clock.now();
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let channels = load_channels(&tx)?;
        let (list, done) = self.org_list_change_in(&tx, &channels, change)?;
        if done.events.is_empty() {
            return Ok(list);
        }
        let mut written = Vec::new();
        let result = (|| -> Result<()> {
            for c in &done.channels {
                let Some(old) = load_channel(&tx, c.id)? else {
                    continue;
                };
                update_channel_row(&tx, c)?;
                write_json_atomic(&channel_dir(&self.data_dir, c.id).join(CHANNEL_FILE), c)?;
                written.push(old.clone());
                let fields = changed_fields(&old, c);
                self.audit_in(
                    &tx,
                    now,
                    actor,
                    Some(c.id),
                    AuditEvent::ChannelEdited { fields },
                )?;
            }
            for e in done.events {
                self.audit_in(&tx, now, actor, None, e)?;
            }
            tx.execute_batch(PRUNE_ORG_ROWS)?;
            Ok(())
        })()
        .and_then(|_| tx.commit().map_err(Into::into));
        if let Err(e) = result {
            // Put back the channel files this change wrote; the database
            // rolled back with the transaction.
            for old in &written {
                let _ =
                    write_json_atomic(&channel_dir(&self.data_dir, old.id).join(CHANNEL_FILE), old);
            }
            return Err(e);
        }
        Ok(list)
    }

    /// The list changed inside `tx`: the stored list read, `change` run on
    /// it with `channels`, and, when the change has events, the list written
    /// to its row and the settings mirror. The caller audits the events and
    /// moves the channels.
    fn org_list_change_in(
        &self,
        tx: &Transaction<'_>,
        channels: &[Channel],
        change: impl FnOnce(&mut OrgUnits, &[Channel]) -> Result<OrgChange>,
    ) -> Result<(OrgUnits, OrgChange)> {
        let mut list = stored_org_units(tx)?;
        let done = change(&mut list, channels)?;
        if done.events.is_empty() {
            return Ok((list, done));
        }
        self.write_org_units_in(tx, &list)?;
        Ok((list, done))
    }

    /// The list written to its row in `tx` and to the settings mirror.
    pub(crate) fn write_org_units_in(&self, tx: &Transaction<'_>, list: &OrgUnits) -> Result<()> {
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![OrgUnits::KEY.as_str(), serde_json::to_string(list)?],
        )?;
        let all = load_settings(tx)?;
        write_json_atomic(&self.data_dir.join(SETTINGS_FILE), &all)
    }
}

/// Deletes the board and unit rows no channel uses (a renamed board or
/// unit's old name), so that the tables hold the names in use, as on
/// PostgreSQL (`pg/org_units.rs`). A channel given the name again gets a
/// new row.
pub(crate) const PRUNE_ORG_ROWS: &str =
    "DELETE FROM units WHERE NOT EXISTS (SELECT 1 FROM channels c WHERE c.unit_id = units.id);
     DELETE FROM boards WHERE NOT EXISTS (SELECT 1 FROM channels c WHERE c.board_id = boards.id)
         AND NOT EXISTS (SELECT 1 FROM units u WHERE u.board_id = boards.id);";

/// The organisation's list as stored in `tx` (empty when there is none).
pub(crate) fn stored_org_units(tx: &Transaction<'_>) -> Result<OrgUnits> {
    let stored: Option<String> = tx
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [OrgUnits::KEY.as_str()],
            |r| r.get(0),
        )
        .optional()?;
    Ok(match stored {
        Some(s) => serde_json::from_str(&s)?,
        None => OrgUnits::default(),
    })
}
