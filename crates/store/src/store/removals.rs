//! Removal records: the append-only versions in the database, and the
//! self-describing folder `channels/<id>/removals/<record-id>/` (the
//! `removal.json` of every version, and a screenshot supplied by hand).
//!
//! Write order, so that no row points at a missing file: the folder is
//! built under `staging/removal-<id>/` (held by an OS lock), made durable and
//! renamed into place, and only then are the rows inserted. A kill between
//! leaves a complete folder that `reindex` records. A new version rewrites
//! `removal.json` atomically first, then inserts its row.

//!
//! The grounds are in `removal_grounds.rs`, a supplied screenshot's copy in
//! `removal_files.rs`, and finding folders without rows in `removal_folders.rs`.

use ogonblick_model::messages::IoAction;
use ogonblick_model::Message;
use std::fs;
use std::path::{Path, PathBuf};

use ogonblick_model::{AuditEvent, ChannelId, Evidence, RemovalManifest, RemovalRecord};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::channel_rows::load_channel;
use super::removal_files::copy_screenshot;
use super::{channel_dir, not_found, retry_busy, ts, Store};
use crate::fsutil::{
    sync_dir, sync_tree, under, write_json_atomic, write_json_atomic_existing, LockFile,
};
use crate::{Result, StoreError};

pub use super::removal_files::{sniff_screenshot, SuppliedSource, MAX_SUPPLIED_FILE};
pub(crate) use super::removal_folders::read_removal_folder;
pub(crate) use super::removal_grounds::{replace_grounds, GROUNDS_FILE};

impl Store {
    /// The folder of a removal record.
    pub fn removal_dir(&self, channel_id: ChannelId, id: &str) -> PathBuf {
        removal_dir(&self.data_dir, channel_id, id)
    }

    fn removal_lock(&self, id: &str) -> Result<LockFile> {
        removal_lock(&self.data_dir, id)
    }

    /// Stores a new removal record (its version 1). With `file`, the
    /// screenshot is copied into the record's folder, hashed, and the
    /// record's evidence becomes that file; otherwise the evidence must name
    /// a snapshot of the same channel.
    pub fn add_removal(
        &self,
        mut record: RemovalRecord,
        file: Option<&SuppliedSource>,
    ) -> Result<RemovalRecord> {
        check_id(&record.id)?;
        record.version = 1;
        {
            let conn = self.conn();
            if load_channel(&conn, record.channel_id)?.is_none() {
                return Err(not_found(record.channel_id));
            }
            let exists: bool = conn.query_row(
                "SELECT EXISTS(SELECT 1 FROM removals WHERE id = ?1)",
                [&record.id],
                |r| r.get(0),
            )?;
            if exists || self.removal_dir(record.channel_id, &record.id).exists() {
                return Err(StoreError::Conflict(Message::StoreRemovalExists {
                    id: record.id.clone(),
                }));
            }
            if file.is_none() {
                let of = snapshot_channel(&conn, &record)?;
                check_snapshot_evidence(&record, of)?;
            }
        }
        let _lock = self.removal_lock(&record.id)?;
        let final_dir = write_removal_folder(&self.data_dir, &mut record, file)?;
        let folder = self.relative(&final_dir);
        retry_busy(|| {
            let mut conn = self.conn();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            insert_removal_row(&tx, &record, &folder)?;
            insert_version_row(&tx, &record)?;
            self.audit_in(
                &tx,
                self.clock.now(),
                &record.recorded_by,
                Some(record.channel_id),
                removal_recorded(&record),
            )?;
            tx.commit()?;
            Ok(())
        })
        .map_err(|e| unrecorded(&folder, e))?;
        Ok(record)
    }

    /// Adds versions to removal records (all or none in the register): each
    /// record's `removal.json` is rewritten with the new version first, then
    /// the rows and `event_of(the new versions)` go in in one transaction. Each new record must
    /// keep the id, channel and evidence of the record it follows, but for a
    /// new snapshot of the same channel (the item captured again).
    pub(crate) fn add_removal_versions(
        &self,
        new: Vec<RemovalRecord>,
        actor: &str,
        event_of: impl FnOnce(&[RemovalRecord]) -> AuditEvent,
        channel: Option<ChannelId>,
        also: impl Fn(&rusqlite::Transaction<'_>) -> Result<()>,
    ) -> Result<Vec<RemovalRecord>> {
        let mut locks = Vec::new();
        let mut out = Vec::new();
        for mut r in new {
            locks.push(self.removal_lock(&r.id)?);
            let (versions, folder) = self.removal(&r.id)?;
            follow_versions(&versions, &mut r, |r| snapshot_channel(&self.conn(), r))?;
            let mut all = versions;
            all.push(r.clone());
            let dir = own_folder(&self.data_dir, &r, &folder)?;
            out.push((r, dir, all));
        }
        for (_, dir, all) in &out {
            write_versions(dir, all)?;
        }
        // Numbered under the records' locks: the event names the versions
        // written.
        let event = event_of(&out.iter().map(|(r, _, _)| r.clone()).collect::<Vec<_>>());
        retry_busy(|| {
            let mut conn = self.conn();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            for (r, _, _) in &out {
                insert_version_row(&tx, r)?;
            }
            also(&tx)?;
            self.audit_in(&tx, self.clock.now(), actor, channel, event.clone())?;
            tx.commit()?;
            Ok(())
        })?;
        drop(locks);
        Ok(out.into_iter().map(|(r, _, _)| r).collect())
    }

    /// Adds one version to a removal record (a correction, a certification).
    pub fn add_removal_version(
        &self,
        record: RemovalRecord,
        event_of: impl FnOnce(u32) -> AuditEvent,
    ) -> Result<RemovalRecord> {
        let actor = record.recorded_by.clone();
        let channel = record.channel_id;
        let event_of = |new: &[RemovalRecord]| event_of(new[0].version);
        let mut v =
            self.add_removal_versions(vec![record], &actor, event_of, Some(channel), |_| Ok(()))?;
        Ok(v.remove(0))
    }

    /// Every version of a removal record, oldest first, and its folder
    /// relative to the data directory (`/`-separated, as
    /// [`Register::removal`](crate::Register::removal) gives it; the path is
    /// [`Store::folder_path`]).
    pub fn removal(&self, id: &str) -> Result<(Vec<RemovalRecord>, String)> {
        let conn = self.conn();
        let folder: Option<String> = conn
            .query_row("SELECT folder FROM removals WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let folder = folder
            .ok_or_else(|| StoreError::NotFound(Message::StoreNoRemoval { id: id.to_string() }))?;
        let mut stmt = conn.prepare(
            "SELECT record FROM removal_versions WHERE removal_id = ?1 ORDER BY version",
        )?;
        let rows = stmt.query_map([id], |r| r.get::<_, String>(0))?;
        let mut versions = Vec::new();
        for json in rows {
            versions.push(serde_json::from_str::<RemovalRecord>(&json?)?);
        }
        Ok((versions, folder))
    }

    /// The current version of every removal record, in the order they were
    /// removed; one channel's when given.
    pub fn removals(&self, channel: Option<ChannelId>) -> Result<Vec<RemovalRecord>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT v.record FROM removal_versions v JOIN removals r ON r.id = v.removal_id
             WHERE v.version = (SELECT MAX(version) FROM removal_versions WHERE removal_id = v.removal_id)
               AND (?1 IS NULL OR r.channel_id = ?1)
             ORDER BY v.removed_at, r.id",
        )?;
        let rows = stmt.query_map([channel], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for json in rows {
            out.push(serde_json::from_str::<RemovalRecord>(&json?)?);
        }
        Ok(out)
    }
}

/// The folder of a removal record in a data directory.
pub(crate) fn removal_dir(data_dir: &Path, channel_id: ChannelId, id: &str) -> PathBuf {
    channel_dir(data_dir, channel_id).join("removals").join(id)
}

/// The file of the OS lock a writer of removal record `id` holds.
fn removal_lock_path(data_dir: &Path, id: &str) -> PathBuf {
    data_dir.join("staging").join(format!("removal-{id}.lock"))
}

/// Whether a writer of removal record `id` holds its lock now (its folder
/// is being written: left to it).
pub(crate) fn removal_being_written(data_dir: &Path, id: &str) -> bool {
    LockFile::is_held(&removal_lock_path(data_dir, id))
}

/// The OS lock a writer of removal record `id` holds (refused: someone
/// else is writing it).
pub(crate) fn removal_lock(data_dir: &Path, id: &str) -> Result<LockFile> {
    LockFile::try_acquire(&removal_lock_path(data_dir, id))?
        .ok_or_else(|| StoreError::Conflict(Message::StoreRemovalBusy { id: id.to_string() }))
}

/// Builds a new record's folder under `staging/removal-<id>/` (the
/// supplied screenshot copied and hashed, `removal.json`), makes it durable
/// and renames it into place; returns the final folder. The caller holds
/// the record's lock and then inserts the rows. On the
/// database of either backend, the folder is the same.
pub(crate) fn write_removal_folder(
    data_dir: &Path,
    record: &mut RemovalRecord,
    file: Option<&SuppliedSource>,
) -> Result<PathBuf> {
    let staging = data_dir
        .join("staging")
        .join(format!("removal-{}", record.id));
    if staging.exists() {
        fs::remove_dir_all(&staging).map_err(|e| StoreError::io(IoAction::Remove, &staging, e))?;
    }
    fs::create_dir(&staging).map_err(|e| StoreError::io(IoAction::Create, &staging, e))?;
    let built = (|| {
        if let Some(src) = file {
            let f = copy_screenshot(src, &staging)?;
            record.evidence = Evidence::File(f);
            record.supplied_by_hand = true;
        } else {
            record.supplied_by_hand = false;
        }
        let manifest = RemovalManifest {
            format: RemovalManifest::FORMAT.into(),
            versions: vec![record.clone()],
        };
        write_json_atomic(&staging.join(RemovalManifest::FILE_NAME), &manifest)?;
        sync_tree(&staging)?;
        let final_dir = removal_dir(data_dir, record.channel_id, &record.id);
        let parent = crate::fsutil::create_parent(&final_dir)?;
        fs::rename(&staging, &final_dir)
            .map_err(|e| StoreError::io(IoAction::MoveIntoStore, &final_dir, e))?;
        sync_dir(&parent)?;
        if let Some(ch) = parent.parent() {
            sync_dir(ch)?;
        }
        Ok::<PathBuf, StoreError>(final_dir)
    })();
    if built.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    built
}

/// Numbers `r` as the version after `versions` (the record's, oldest
/// first): it must keep the id, channel and evidence of the last one, but
/// for a new snapshot of the same channel (the item captured again;
/// `snapshot_of` gives a snapshot's channel). Both backends add versions
/// through this.
pub(crate) fn follow_versions(
    versions: &[RemovalRecord],
    r: &mut RemovalRecord,
    snapshot_of: impl FnOnce(&RemovalRecord) -> Result<Option<ChannelId>>,
) -> Result<()> {
    let last = versions.last().expect("a record has a version");
    // The evidence changes only to a new snapshot of the same channel
    // (the item captured again); earlier versions keep theirs.
    let recaptured = r.evidence != last.evidence && matches!(r.evidence, Evidence::Snapshot { .. });
    if r.channel_id != last.channel_id || (r.evidence != last.evidence && !recaptured) {
        return Err(StoreError::Invalid(Message::StoreRemovalFixed {
            id: r.id.clone(),
        }));
    }
    if recaptured {
        let of = snapshot_of(r)?;
        check_snapshot_evidence(r, of)?;
    }
    r.version = last.version + 1;
    r.supplied_by_hand = !recaptured && last.supplied_by_hand;
    Ok(())
}

/// The folder of record `r` as its row records it (`folder`), refused
/// unless it is the record's own (`removal_dir`): a new version is written
/// nowhere else.
pub(crate) fn own_folder(data_dir: &Path, r: &RemovalRecord, folder: &str) -> Result<PathBuf> {
    let dir = under(data_dir, folder)?;
    if dir != removal_dir(data_dir, r.channel_id, &r.id) {
        return Err(StoreError::Integrity(Message::StoreRemovalWrongFolder {
            id: r.id.clone(),
            folder: folder.to_string(),
        }));
    }
    Ok(dir)
}

/// Rewrites a record folder's `removal.json` with every version, `all`
/// (atomically), before the new version's row goes in; refused
/// (`StoreFolderGone`, nothing written) when the folder is missing (a
/// disposal moved it away), so that it never comes back.
pub(crate) fn write_versions(dir: &Path, all: &[RemovalRecord]) -> Result<()> {
    let manifest = RemovalManifest {
        format: RemovalManifest::FORMAT.into(),
        versions: all.to_vec(),
    };
    write_json_atomic_existing(&dir.join(RemovalManifest::FILE_NAME), &manifest)
}

/// The audit event of a new record.
pub(crate) fn removal_recorded(record: &RemovalRecord) -> AuditEvent {
    AuditEvent::RemovalRecorded {
        removal_id: record.id.clone(),
        item: record.kind,
        action: record.action,
        ground: record.ground.code.clone(),
        evidence: match &record.evidence {
            Evidence::Snapshot { snapshot_id } => snapshot_id.clone(),
            Evidence::File(f) => f.sha256.clone(),
        },
        supplied_by_hand: record.supplied_by_hand,
    }
}

/// A record whose folder is in place but whose rows could not be written.
pub(crate) fn unrecorded(folder: &str, e: StoreError) -> StoreError {
    StoreError::Integrity(Message::StoreRemovalUnrecorded {
        folder: folder.to_string(),
        cause: Box::new(e.message()),
    })
}

pub(crate) fn check_id(id: &str) -> Result<()> {
    let ok = !id.is_empty()
        && id.len() <= 100
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(StoreError::Invalid(Message::StoreBadRemovalId {
            id: id.to_string(),
        }))
    }
}

/// The channel of the snapshot a record's evidence names (`None`: no such
/// snapshot; a file as evidence is refused).
fn snapshot_channel(conn: &Connection, r: &RemovalRecord) -> Result<Option<ChannelId>> {
    let Evidence::Snapshot { snapshot_id } = &r.evidence else {
        return Err(StoreError::Invalid(Message::StoreRemovalNeedsFile {}));
    };
    Ok(conn
        .query_row(
            "SELECT channel_id FROM snapshots WHERE id = ?1",
            [snapshot_id],
            |row| row.get(0),
        )
        .optional()?)
}

/// A record's snapshot evidence checked: `of` is the channel of the
/// snapshot it names, if that snapshot exists.
pub(crate) fn check_snapshot_evidence(r: &RemovalRecord, of: Option<ChannelId>) -> Result<()> {
    let Evidence::Snapshot { snapshot_id } = &r.evidence else {
        return Err(StoreError::Invalid(Message::StoreRemovalNeedsFile {}));
    };
    match of {
        None => Err(StoreError::NotFound(Message::StoreNoChannelSnapshot {
            id: snapshot_id.to_string(),
            channel: r.channel_id,
        })),
        Some(c) if c != r.channel_id => {
            Err(StoreError::Invalid(Message::StoreSnapshotOtherChannel {
                id: snapshot_id.to_string(),
                of: c,
                channel: r.channel_id,
            }))
        }
        Some(_) => Ok(()),
    }
}

pub(crate) fn insert_removal_row(conn: &Connection, r: &RemovalRecord, folder: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO removals (id, channel_id, folder, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![r.id, r.channel_id, folder, ts(&r.recorded_at)],
    )?;
    Ok(())
}

pub(crate) fn insert_version_row(conn: &Connection, r: &RemovalRecord) -> Result<()> {
    conn.execute(
        "INSERT INTO removal_versions (removal_id, version, recorded_at, recorded_by, removed_at, ground, diary_number, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            r.id,
            r.version,
            ts(&r.recorded_at),
            r.recorded_by,
            ts(&r.removed_at),
            r.ground.code,
            r.diary_number,
            serde_json::to_string(r)?,
        ],
    )?;
    Ok(())
}
