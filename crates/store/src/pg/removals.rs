//! Removal records and the organisation's removal grounds on PostgreSQL,
//! as in the SQLite store (`store/removals.rs`, `store/removal_grounds.rs`):
//! a record's versions are rows (each the whole record as JSON), its files
//! a folder in the data directory, written exactly as the SQLite store
//! writes it (`store::write_removal_folder`: staging, screenshot hashed,
//! `removal.json`, rename), and only then the rows and the audit entry
//! `removal.add`, in one transaction. `removal-grounds.json` is not
//! mirrored (see `pg/mod.rs`).

use ogonblick_model::{AuditEvent, ChannelId, Evidence, Message, RemovalGround, RemovalRecord};
use postgres::{GenericClient, Transaction};

use super::channels::{load, not_found};
use super::PgRegister;
use crate::store::{
    check_grounds, check_id, check_snapshot_evidence, follow_versions, own_folder, relative_to,
    removal_dir, removal_lock, removal_recorded, ts, unrecorded, unrecorded_removal_folders,
    write_removal_folder, write_versions, SuppliedSource,
};
use crate::{Result, StoreError};

fn insert_removal_row(tx: &mut Transaction<'_>, r: &RemovalRecord, folder: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO removals (id, channel_id, folder, created_at) VALUES ($1, $2, $3, $4)",
        &[&r.id, &r.channel_id, &folder, &ts(&r.recorded_at)],
    )?;
    Ok(())
}

fn insert_version_row(tx: &mut Transaction<'_>, r: &RemovalRecord) -> Result<()> {
    tx.execute(
        "INSERT INTO removal_versions (removal_id, version, recorded_at, recorded_by, removed_at,
            ground, diary_number, record)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            &r.id,
            &(r.version as i32),
            &ts(&r.recorded_at),
            &r.recorded_by,
            &ts(&r.removed_at),
            &r.ground.code,
            &r.diary_number,
            &serde_json::to_string(r)?,
        ],
    )?;
    Ok(())
}

/// The channel of the snapshot a record's evidence names (`None`: no such
/// snapshot; a file as evidence is refused).
fn snapshot_channel(c: &mut impl GenericClient, r: &RemovalRecord) -> Result<Option<ChannelId>> {
    let Evidence::Snapshot { snapshot_id } = &r.evidence else {
        return Err(StoreError::Invalid(Message::StoreRemovalNeedsFile {}));
    };
    Ok(c.query_opt(
        "SELECT channel_id FROM snapshots WHERE id = $1",
        &[snapshot_id],
    )?
    .map(|row| row.get(0)))
}

/// Every version of record `id`, oldest first, and its folder as recorded.
pub(super) fn load_removal(
    c: &mut impl GenericClient,
    id: &str,
) -> Result<(Vec<RemovalRecord>, String)> {
    let folder: String = c
        .query_opt("SELECT folder FROM removals WHERE id = $1", &[&id])?
        .ok_or_else(|| StoreError::NotFound(Message::StoreNoRemoval { id: id.to_string() }))?
        .get(0);
    let rows = c.query(
        "SELECT record FROM removal_versions WHERE removal_id = $1 ORDER BY version",
        &[&id],
    )?;
    let versions = rows
        .iter()
        .map(|r| Ok(serde_json::from_str(r.get::<_, &str>(0))?))
        .collect::<Result<Vec<RemovalRecord>>>()?;
    Ok((versions, folder))
}

/// More rows written in the transaction of new removal versions (a diary
/// number's snapshot rows).
pub(super) type AlsoInTx<'a> = &'a dyn Fn(&mut Transaction<'_>) -> Result<()>;

impl PgRegister {
    pub(super) fn pg_add_removal(
        &self,
        mut record: RemovalRecord,
        file: Option<&SuppliedSource>,
    ) -> Result<RemovalRecord> {
        check_id(&record.id)?;
        record.version = 1;
        let data_dir = self.data_dir()?;
        {
            let mut client = self.client();
            if load(&mut *client, Some(record.channel_id), false)?.is_empty() {
                return Err(not_found(record.channel_id));
            }
            let exists = client
                .query_opt("SELECT 1 FROM removals WHERE id = $1", &[&record.id])?
                .is_some();
            let dir = removal_dir(data_dir, record.channel_id, &record.id);
            if exists || dir.exists() {
                return Err(StoreError::Conflict(Message::StoreRemovalExists {
                    id: record.id.clone(),
                }));
            }
            if file.is_none() {
                let of = snapshot_channel(&mut *client, &record)?;
                check_snapshot_evidence(&record, of)?;
            }
        }
        let _lock = removal_lock(data_dir, &record.id)?;
        let final_dir = write_removal_folder(data_dir, &mut record, file)?;
        let folder = relative_to(data_dir, &final_dir);
        (|| -> Result<()> {
            let mut client = self.client();
            let mut tx = client.transaction()?;
            insert_removal_row(&mut tx, &record, &folder)?;
            insert_version_row(&mut tx, &record)?;
            let event = removal_recorded(&record);
            let (now, actor) = (self.clock.now(), &record.recorded_by);
            super::audit::append_in(&mut tx, now, actor, Some(record.channel_id), event)?;
            tx.commit()?;
            Ok(())
        })()
        .map_err(|e| unrecorded(&folder, e))?;
        Ok(record)
    }

    /// New versions of removal records, as the SQLite store adds them
    /// (`Store::add_removal_versions`): under each record's lock in the
    /// data directory and its row locked (`FOR UPDATE`, so two desktops
    /// number versions one after the other), `removal.json` rewritten with
    /// every version, then the rows, `also` (if given) and `event_of(new
    /// versions)` in one transaction.
    pub(super) fn pg_add_removal_versions(
        &self,
        new: Vec<RemovalRecord>,
        actor: &str,
        channel: Option<ChannelId>,
        event_of: &dyn Fn(&[RemovalRecord]) -> AuditEvent,
        also: Option<AlsoInTx<'_>>,
    ) -> Result<Vec<RemovalRecord>> {
        let data_dir = self.data_dir()?;
        let mut locks = Vec::new();
        for r in &new {
            locks.push(removal_lock(data_dir, &r.id)?);
        }
        let mut client = self.client();
        let mut tx = client.transaction()?;
        let mut out = Vec::new();
        for mut r in new {
            tx.query_opt("SELECT 1 FROM removals WHERE id = $1 FOR UPDATE", &[&r.id])?;
            let (mut all, folder) = load_removal(&mut tx, &r.id)?;
            follow_versions(&all, &mut r, |r| snapshot_channel(&mut tx, r))?;
            all.push(r.clone());
            let dir = own_folder(data_dir, &r, &folder)?;
            out.push((r, dir, all));
        }
        for (_, dir, all) in &out {
            write_versions(dir, all)?;
        }
        let records: Vec<RemovalRecord> = out.into_iter().map(|(r, _, _)| r).collect();
        for r in &records {
            insert_version_row(&mut tx, r)?;
        }
        if let Some(also) = also {
            also(&mut tx)?;
        }
        let event = event_of(&records);
        super::audit::append_in(&mut tx, self.clock.now(), actor, channel, event)?;
        tx.commit()?;
        drop(locks);
        Ok(records)
    }

    /// Records complete removal folders that have no rows (a process
    /// killed between the rename and the insert), as the SQLite store does
    /// on every open (`Store::record_removal_folders`): the rows of every
    /// version in the folder's `removal.json` and the audit entry
    /// `removal.add`. A folder another desktop records meanwhile is left
    /// to it.
    pub(super) fn pg_record_removal_folders(&self) -> Result<()> {
        let data_dir = self.data_dir()?;
        let counts = self
            .client()
            .query(
                "SELECT c.id, (SELECT count(*) FROM removals r WHERE r.channel_id = c.id)
                 FROM channels c ORDER BY c.id",
                &[],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let found = unrecorded_removal_folders(data_dir, counts);
        if found.is_empty() {
            return Ok(());
        }
        let mut client = self.client();
        let mut tx = client.transaction()?;
        for (m, folder) in &found {
            let first = &m.versions[0];
            let added = tx.execute(
                "INSERT INTO removals (id, channel_id, folder, created_at)
                 VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
                &[
                    &first.id,
                    &first.channel_id,
                    folder,
                    &ts(&first.recorded_at),
                ],
            )?;
            if added == 0 {
                continue;
            }
            for v in &m.versions {
                insert_version_row(&mut tx, v)?;
            }
            let (now, event) = (self.clock.now(), removal_recorded(first));
            let channel = Some(first.channel_id);
            super::audit::append_in(&mut tx, now, &first.recorded_by, channel, event)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub(super) fn pg_removal(&self, id: &str) -> Result<(Vec<RemovalRecord>, String)> {
        load_removal(&mut *self.client(), id)
    }

    pub(super) fn pg_removals(&self, channel: Option<ChannelId>) -> Result<Vec<RemovalRecord>> {
        let rows = self.client().query(
            "SELECT v.record FROM removal_versions v JOIN removals r ON r.id = v.removal_id
             WHERE v.version = (SELECT MAX(version) FROM removal_versions
                                WHERE removal_id = v.removal_id)
               AND ($1::BIGINT IS NULL OR r.channel_id = $1)
             ORDER BY v.removed_at, r.id",
            &[&channel],
        )?;
        rows.iter()
            .map(|r| Ok(serde_json::from_str(r.get::<_, &str>(0))?))
            .collect()
    }

    pub(super) fn pg_removal_grounds(&self) -> Result<Vec<RemovalGround>> {
        let rows = self.client().query(
            "SELECT code, label_sv, label_en, needs_text, retired FROM removal_grounds
             ORDER BY position",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(|r| RemovalGround {
                code: r.get(0),
                label_sv: r.get(1),
                label_en: r.get(2),
                needs_text: r.get(3),
                retired: r.get(4),
            })
            .collect())
    }

    pub(super) fn pg_set_removal_grounds(
        &self,
        grounds: &[RemovalGround],
        actor: &str,
        event: AuditEvent,
    ) -> Result<()> {
        check_grounds(grounds)?;
        let mut client = self.client();
        let mut tx = client.transaction()?;
        // One list at a time: two desktops replacing it at once leave one
        // of the two lists, never a mixture.
        tx.execute(
            "LOCK TABLE removal_grounds IN SHARE ROW EXCLUSIVE MODE",
            &[],
        )?;
        tx.execute("DELETE FROM removal_grounds", &[])?;
        for (i, g) in grounds.iter().enumerate() {
            tx.execute(
                "INSERT INTO removal_grounds (code, position, label_sv, label_en, needs_text,
                    retired)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    &g.code,
                    &(i as i32 + 1),
                    &g.label_sv,
                    &g.label_en,
                    &g.needs_text,
                    &g.retired,
                ],
            )?;
        }
        super::audit::append_in(&mut tx, self.clock.now(), actor, None, event)?;
        tx.commit()?;
        Ok(())
    }
}
