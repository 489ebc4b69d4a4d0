//! A register import on PostgreSQL: the checked rows of a CSV file
//! (`register_csv.rs`) added all or none in one transaction, as the SQLite
//! store's `import.rs` adds them (without its files: this backend keeps no
//! `channel.json` nor set file).
//!
//! Locks: `settings` first when the organisation's list takes the import's
//! boards and units in (the order a change of the list takes them,
//! `pg/org_units.rs`), then the address lock that adding a channel takes,
//! so that the addresses checked are still free at the commit.

use ogonblick_model::Channel;
use postgres::GenericClient;

use super::channels::{insert_row, load};
use super::org_units::{stored, write_list};
use super::PgRegister;
use crate::import::{register_conflicts, Import, UrlOwners, URL_OWNERS};
use crate::{Result, StoreError};

/// [`URL_OWNERS`] on PostgreSQL.
fn url_owners(c: &mut impl GenericClient) -> Result<UrlOwners> {
    Ok(c.query(URL_OWNERS, &[])?
        .iter()
        .map(|r| (r.get(0), (r.get(1), r.get(2))))
        .collect())
}

impl PgRegister {
    pub(super) fn pg_url_owners(&self) -> Result<UrlOwners> {
        self.read(|tx| url_owners(tx))
    }

    pub(super) fn pg_channels(&self) -> Result<Vec<Channel>> {
        self.read(|tx| load(tx, None, false))
    }

    pub(super) fn pg_import_channels(&self, import: Import<'_>) -> Result<Vec<Channel>> {
        let rows = import.rows;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let now = self.clock.now();
        let mut client = self.client();
        let mut tx = client.transaction()?;
        if import.org.is_some() {
            tx.execute("LOCK TABLE settings IN SHARE ROW EXCLUSIVE MODE", &[])?;
        }
        tx.execute("LOCK TABLE channel_urls IN SHARE ROW EXCLUSIVE MODE", &[])?;
        // Checked against the register before; again under the lock, in
        // case another desktop added since.
        let conflicts = register_conflicts(rows, &url_owners(&mut tx)?);
        if !conflicts.is_empty() {
            return Err(StoreError::ImportRows(conflicts));
        }
        // Ids in one block of the sequence, in the rows' order: every
        // taker of an id (`pg_add_channel`, an import) holds the address
        // lock first, so none comes between.
        let first: i64 = tx
            .query_one(
                "SELECT setval(pg_get_serial_sequence('channels', 'id'),
                    nextval(pg_get_serial_sequence('channels', 'id')) + $1::BIGINT - 1)
                    - $1::BIGINT + 1",
                &[&(rows.len() as i64)],
            )?
            .get(0);
        let (channels, mut audit) = import.channels(first, now);
        for c in &channels {
            insert_row(&mut tx, c)?;
        }
        // The organisation's list takes in the import's boards and units in
        // this transaction: with the channels or not at all.
        if import.org.is_some() {
            let mut list = stored(&mut tx)?;
            let events = import.org_events(&mut list, || load(&mut tx, None, false), &channels)?;
            if !events.is_empty() {
                write_list(&mut tx, &list)?;
                audit.extend(events.into_iter().map(|e| (None, e)));
            }
        }
        for (channel, event) in audit {
            super::audit::append_in(&mut tx, now, import.actor, channel, event)?;
        }
        tx.commit()?;
        Ok(channels)
    }
}
