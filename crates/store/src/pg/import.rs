//! A register import on PostgreSQL: the checked rows of a CSV file
//! (`register_csv.rs`) added all or none in one transaction, as the SQLite
//! store's `import.rs` adds them (without its files: this backend keeps no
//! `channel.json` nor set file).
//!
//! Locks: `settings` first when the organisation's list takes the import's
//! boards and units in (the order a change of the list takes them,
//! `pg/org_units.rs`), then the address lock that adding a channel takes,
//! so that the addresses checked are still free at the commit.

use std::collections::HashMap;

use ogonblick_model::{Channel, SchedulePolicy};
use postgres::{GenericClient, Transaction};

use super::channels::{load, org_ids};
use super::org_units::{stored, write_list};
use super::PgRegister;
use crate::import::{register_conflicts, Import, UrlOwners, URL_OWNERS};
use crate::store::ts;
use crate::validate::normalise_url;
use crate::{Result, StoreError};

/// [`URL_OWNERS`] on PostgreSQL.
fn url_owners(c: &mut impl GenericClient) -> Result<UrlOwners> {
    Ok(c.query(URL_OWNERS, &[])?
        .iter()
        .map(|r| (r.get(0), (r.get(1), r.get(2))))
        .collect())
}

/// The channels' rows and addresses in two statements whatever their
/// number (arrays unnested: 100,000 rows are not 100,000 round trips), the
/// board and unit ids looked up once per pair.
fn insert_rows(tx: &mut Transaction<'_>, channels: &[Channel]) -> Result<()> {
    type Pair<'a> = (Option<&'a str>, Option<&'a str>);
    let mut org: HashMap<Pair<'_>, (Option<i64>, Option<i64>)> = HashMap::new();
    let (mut boards, mut units) = (Vec::new(), Vec::new());
    for c in channels {
        let pair = (c.board.as_deref(), c.unit.as_deref());
        let ids = match org.get(&pair) {
            Some(ids) => *ids,
            None => *org.entry(pair).or_insert(org_ids(tx, c)?),
        };
        boards.push(ids.0);
        units.push(ids.1);
    }
    let text = |f: fn(&Channel) -> Option<String>| channels.iter().map(f).collect::<Vec<_>>();
    tx.execute(
        "INSERT INTO channels (id, name, platform, board_id, unit_id, responsible, substitute,
            purpose, audience, policy, status, created_at, closing_started_at, closed_at, notes)
         SELECT * FROM unnest($1::BIGINT[], $2::TEXT[], $3::TEXT[], $4::BIGINT[], $5::BIGINT[],
            $6::TEXT[], $7::TEXT[], $8::TEXT[], $9::TEXT[], $10::TEXT[], $11::TEXT[],
            $12::TEXT[], $13::TEXT[], $14::TEXT[], $15::TEXT[])",
        &[
            &channels.iter().map(|c| c.id).collect::<Vec<_>>(),
            &text(|c| Some(c.name.clone())),
            &text(|c| Some(c.platform.as_str().to_string())),
            &boards,
            &units,
            &text(|c| c.responsible.clone()),
            &text(|c| c.substitute.clone()),
            &text(|c| c.purpose.clone()),
            &text(|c| c.audience.clone()),
            &text(|c| c.policy.map(SchedulePolicy::as_str).map(str::to_string)),
            &text(|c| Some(c.status.as_str().to_string())),
            &text(|c| Some(ts(&c.created_at))),
            &text(|c| c.closing_started_at.as_ref().map(ts)),
            &text(|c| c.closed_at.as_ref().map(ts)),
            &text(|c| c.notes.clone()),
        ],
    )?;
    let (mut ids, mut positions, mut urls, mut keys) = (vec![], vec![], vec![], vec![]);
    for c in channels {
        for (i, u) in c.urls.iter().enumerate() {
            ids.push(c.id);
            positions.push(i as i32);
            urls.push(u.as_str());
            keys.push(normalise_url(u).unwrap_or_else(|| u.trim().to_string()));
        }
    }
    tx.execute(
        "INSERT INTO channel_urls (channel_id, position, url, normalised)
         SELECT * FROM unnest($1::BIGINT[], $2::INT[], $3::TEXT[], $4::TEXT[])",
        &[&ids, &positions, &urls, &keys],
    )?;
    Ok(())
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
        insert_rows(&mut tx, &channels)?;
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
        super::audit::append_all_in(&mut tx, now, import.actor, &audit)?;
        tx.commit()?;
        Ok(channels)
    }
}
