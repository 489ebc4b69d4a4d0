//! Rebuilding the database from the files of the data directory.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use ogonblick_model::messages::IoAction;
use ogonblick_model::{
    AuditEntry, AuditEvent, Channel, ChannelId, Message, RemovalGround, SnapshotManifest,
};
use rusqlite::{params, Connection, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::channel_rows::insert_channel_row;
use super::removals;
use super::snapshots::insert_snapshot_row;
use super::{
    open_connection, ts, OpenLock, Store, AUDIT_FILE, CHANNEL_FILE, DB_FILE_NAME, REINDEX_TMP,
    SETTINGS_FILE,
};
use crate::fsutil::sync_dir;
use crate::{migrations, Result, StoreError};

/// What a rebuild of the database found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReindexReport {
    pub channels: u32,
    pub snapshots: u32,
    pub audit_entries: u32,
    #[serde(default)]
    pub removals: u32,
    /// Things that could not be restored, one sentence of the catalogue
    /// each (`reindex-*`).
    pub warnings: Vec<Message>,
}

impl Store {
    /// Rebuilds the database from the files (channel.json, snapshot.json,
    /// audit.jsonl, settings.json) and swaps it in atomically. Refused
    /// (`store-reindex-open`) while another Ögonblick program has the
    /// register open: it would go on writing the database replaced here.
    pub fn reindex(&self) -> Result<ReindexReport> {
        let _alone = self
            .open
            .try_alone()
            .ok_or_else(|| reindex_open(&self.data_dir))?;
        // First the files get everything the database holds that a killed
        // process did not write yet (an import's channel entries).
        self.restore_channel_files()?;
        let report = Store::build_index(&self.data_dir)?;
        let mut guard = self.conn();
        let old = std::mem::replace(&mut *guard, Connection::open_in_memory()?);
        let _ = old.close();
        let result = Store::swap_in_index(&self.data_dir);
        // Reopen whatever is there now, even when the swap failed.
        let mut conn = open_connection(&self.data_dir.join(DB_FILE_NAME), true)?;
        migrations::migrate(&mut conn)?;
        *guard = conn;
        result.map(|_| report)
    }

    /// Rebuilds the database of `data_dir` without opening the old one (for
    /// a database too damaged to open). Then [`Store::open`] it. Refused, as
    /// [`Store::reindex`], while another program has the register open.
    pub fn rebuild(data_dir: &Path) -> Result<ReindexReport> {
        crate::pg::refuse_if_shared(data_dir)?;
        let _alone = OpenLock::try_exclusive(data_dir)?.ok_or_else(|| reindex_open(data_dir))?;
        let report = Store::build_index(data_dir)?;
        Store::swap_in_index(data_dir)?;
        Ok(report)
    }

    fn swap_in_index(data_dir: &Path) -> Result<()> {
        let db = data_dir.join(DB_FILE_NAME);
        for suffix in ["-wal", "-shm", "-journal"] {
            let p = data_dir.join(format!("{DB_FILE_NAME}{suffix}"));
            match fs::remove_file(&p) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(StoreError::io(IoAction::Remove, &p, e)),
            }
        }
        let tmp = data_dir.join(REINDEX_TMP);
        fs::rename(&tmp, &db).map_err(|e| StoreError::io(IoAction::MoveIntoStore, &db, e))?;
        sync_dir(data_dir)
    }

    fn build_index(data_dir: &Path) -> Result<ReindexReport> {
        let tmp = data_dir.join(REINDEX_TMP);
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let _ = fs::remove_file(data_dir.join(format!("{REINDEX_TMP}{suffix}")));
        }
        let mut report = ReindexReport::default();
        {
            let mut conn = open_connection(&tmp, false)?;
            migrations::migrate(&mut conn)?;
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            restore_settings(&tx, data_dir, &mut report)?;
            restore_channels(&tx, data_dir, &mut report)?;
            restore_grounds(&tx, data_dir, &mut report)?;
            restore_audit(&tx, data_dir, &mut report)?;
            super::disposal::restore_disposal_log(&tx, data_dir, &mut report)?;
            super::marks::restore_marks(&tx, data_dir, &mut report)?;
            super::roles::restore_roles(&tx, data_dir)?;
            tx.commit()?;
            conn.close().map_err(|(_, e)| StoreError::from(e))?;
        }
        let f = File::open(&tmp).map_err(|e| StoreError::io(IoAction::Open, &tmp, e))?;
        f.sync_all()
            .map_err(|e| StoreError::io(IoAction::Sync, &tmp, e))?;
        Ok(report)
    }
}

fn restore_settings(
    tx: &Transaction<'_>,
    data_dir: &Path,
    report: &mut ReindexReport,
) -> Result<()> {
    let path = data_dir.join(SETTINGS_FILE);
    let bytes = match fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::io(IoAction::Read, &path, e)),
    };
    match serde_json::from_slice::<BTreeMap<String, serde_json::Value>>(&bytes) {
        Ok(map) => {
            for (k, v) in map {
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                    params![k, serde_json::to_string(&v)?],
                )?;
            }
        }
        Err(e) => report.warnings.push(Message::ReindexSettingsUnreadable {
            path: path.display().to_string(),
            detail: e.to_string(),
        }),
    }
    Ok(())
}

fn restore_channels(
    tx: &Transaction<'_>,
    data_dir: &Path,
    report: &mut ReindexReport,
) -> Result<()> {
    let root = data_dir.join("channels");
    let (mut sets, unreadable) = crate::import::read_channel_sets(data_dir);
    report.warnings.extend(unreadable);
    let mut ids: Vec<(ChannelId, PathBuf)> = Vec::new();
    if let Ok(entries) = fs::read_dir(&root) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            match name.parse::<ChannelId>() {
                Ok(id) if crate::fsutil::is_folder(&e) => ids.push((id, e.path())),
                _ => report.warnings.push(Message::ReindexNotChannelFolder {
                    path: e.path().display().to_string(),
                }),
            }
        }
    }
    // Channels imported in a set and never changed since have no folder.
    for id in sets.keys() {
        if !ids.iter().any(|(i, _)| i == id) {
            ids.push((*id, root.join(id.to_string())));
        }
    }
    ids.sort();
    for (id, dir) in ids {
        // Snapshots first: their manifests also carry the channel entry.
        let mut manifests: Vec<(PathBuf, SnapshotManifest)> = Vec::new();
        let sdir = dir.join("snapshots");
        if let Ok(entries) = fs::read_dir(&sdir) {
            for e in entries.flatten() {
                if !crate::fsutil::is_folder(&e) {
                    continue;
                }
                let folder = e.path();
                match super::read_snapshot_folder(&folder, id) {
                    Ok(m) => manifests.push((folder, m)),
                    Err(w) => report.warnings.push(w),
                }
            }
        }
        manifests.sort_by(|a, b| {
            (a.1.snapshot.started_at, &a.1.snapshot.id)
                .cmp(&(b.1.snapshot.started_at, &b.1.snapshot.id))
        });
        let cpath = dir.join(CHANNEL_FILE);
        let from_set = sets.remove(&id);
        let read = match (fs::read(&cpath), from_set) {
            // Its own file is newer than the set it was imported in.
            (Err(e), Some(c)) if e.kind() == std::io::ErrorKind::NotFound => Ok(c),
            (r, _) => r
                .map_err(|e| e.to_string())
                .and_then(|b| serde_json::from_slice::<Channel>(&b).map_err(|e| e.to_string())),
        };
        let channel = match read {
            Ok(c) if c.id == id => Some(c),
            Ok(c) => {
                report.warnings.push(Message::ReindexChannelOther {
                    path: cpath.display().to_string(),
                    found: c.id,
                    id,
                });
                None
            }
            Err(e) => {
                report.warnings.push(Message::ReindexChannelUnreadable {
                    path: cpath.display().to_string(),
                    detail: e,
                });
                None
            }
        };
        let channel = match channel {
            Some(c) => c,
            None => match manifests.last() {
                Some((_, m)) => {
                    report
                        .warnings
                        .push(Message::ReindexChannelFromSnapshot { id });
                    m.channel.clone()
                }
                None => {
                    report.warnings.push(Message::ReindexChannelSkipped { id });
                    continue;
                }
            },
        };
        let skipped = insert_channel_row(tx, &channel, true)?;
        for u in skipped {
            report
                .warnings
                .push(Message::ReindexAddressElsewhere { url: u, id });
        }
        report.channels += 1;
        for (folder, m) in manifests {
            let rel = folder.strip_prefix(data_dir).unwrap_or(&folder);
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            insert_snapshot_row(tx, &m.snapshot, &rel)?;
            super::timestamps::restore_state_row(tx, &folder, &m.snapshot.id)?;
            report.snapshots += 1;
        }
        super::summary_rows::refresh_channel(tx, id)?;
        restore_removals(tx, data_dir, id, &dir, report)?;
    }
    Ok(())
}

/// The removal records of one channel folder (`removals/<id>/removal.json`).
fn restore_removals(
    tx: &Transaction<'_>,
    data_dir: &Path,
    channel: ChannelId,
    dir: &Path,
    report: &mut ReindexReport,
) -> Result<()> {
    let Ok(entries) = fs::read_dir(dir.join("removals")) else {
        return Ok(());
    };
    let mut folders: Vec<PathBuf> = entries
        .flatten()
        .filter(crate::fsutil::is_folder)
        .map(|e| e.path())
        .collect();
    folders.sort();
    for folder in folders {
        match removals::read_removal_folder(&folder, channel) {
            Ok(m) => {
                let rel = folder.strip_prefix(data_dir).unwrap_or(&folder);
                let rel = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                removals::insert_removal_row(tx, &m.versions[0], &rel)?;
                for v in &m.versions {
                    removals::insert_version_row(tx, v)?;
                }
                report.removals += 1;
            }
            Err(w) => report.warnings.push(w),
        }
    }
    Ok(())
}

fn restore_grounds(
    tx: &Transaction<'_>,
    data_dir: &Path,
    report: &mut ReindexReport,
) -> Result<()> {
    let path = data_dir.join(removals::GROUNDS_FILE);
    let bytes = match fs::read(&path) {
        Ok(b) => b,
        // Never edited: the defaults of the migration stand.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::io(IoAction::Read, &path, e)),
    };
    match serde_json::from_slice::<Vec<RemovalGround>>(&bytes) {
        Ok(g) => removals::replace_grounds(tx, &g)?,
        Err(e) => report.warnings.push(Message::ReindexGroundsUnreadable {
            path: path.display().to_string(),
            detail: e.to_string(),
        }),
    }
    Ok(())
}

fn restore_audit(tx: &Transaction<'_>, data_dir: &Path, report: &mut ReindexReport) -> Result<()> {
    let path = data_dir.join(AUDIT_FILE);
    let text = match fs::read(&path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::io(IoAction::Read, &path, e)),
    };
    // A line whose commit failed may be followed by another with the same
    // seq: the later one is the real entry.
    let mut entries: BTreeMap<i64, AuditEntry> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<AuditEntry>(line) {
            Ok(e) => {
                entries.insert(e.seq, e);
            }
            Err(err) => report.warnings.push(Message::ReindexAuditLine {
                path: path.display().to_string(),
                line: i as u64 + 1,
                detail: err.to_string(),
            }),
        }
    }
    for e in entries.into_values() {
        // An entry read as Legacy keeps no event, so it is read again (by a
        // later version, perhaps better) from its detail.
        let event = match &e.event {
            AuditEvent::Legacy { .. } => None,
            typed => Some(typed.to_stored_json()),
        };
        tx.execute(
            "INSERT INTO audit_log (seq, at, actor, action, channel_id, detail, event) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![e.seq, ts(&e.at), e.actor, e.action, e.channel_id, e.detail, event],
        )?;
        report.audit_entries += 1;
    }
    Ok(())
}

/// The refusal of a rebuild while another process has the register open.
fn reindex_open(data_dir: &Path) -> StoreError {
    StoreError::Conflict(Message::StoreReindexOpen {
        path: data_dir.display().to_string(),
    })
}
