//! Removal record folders read back from the files: a folder's
//! `removal.json` checked for reindex, and folders without rows (a process
//! killed between the rename and the insert) recorded at open.

use ogonblick_model::{ChannelId, Evidence, Message, RemovalManifest};
use rusqlite::TransactionBehavior;
use std::fs;
use std::path::{Path, PathBuf};

use super::removals::{
    insert_removal_row, insert_version_row, removal_being_written, removal_recorded,
};
use super::{channel_dir, relative_to, Store};
use crate::{Result, StoreError};

/// Reads a record folder's `removal.json` for reindex: `Err` says why the
/// folder cannot be recorded (unreadable, another record's, a missing file).
pub(crate) fn read_removal_folder(
    folder: &Path,
    channel: ChannelId,
) -> std::result::Result<RemovalManifest, Message> {
    let path = folder.join(RemovalManifest::FILE_NAME);
    let unreadable = |detail: String| Message::ReindexRemovalUnreadable {
        path: path.display().to_string(),
        detail,
    };
    let bytes = fs::read(&path).map_err(|e| unreadable(e.to_string()))?;
    let m: RemovalManifest =
        serde_json::from_slice(&bytes).map_err(|e| unreadable(e.to_string()))?;
    if m.format != RemovalManifest::FORMAT {
        return Err(unreadable(format!("format '{}'", m.format)));
    }
    let name = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let consistent = !m.versions.is_empty()
        && m.versions
            .iter()
            .enumerate()
            .all(|(i, v)| v.id == name && v.channel_id == channel && v.version == i as u32 + 1);
    if !consistent {
        return Err(Message::ReindexRemovalElsewhere {
            path: path.display().to_string(),
            id: name,
            channel,
        });
    }
    if let Some(Evidence::File(f)) = m.current().map(|c| &c.evidence) {
        let ok = !f.path.contains('/')
            && !f.path.starts_with('.')
            && matches!(fs::metadata(folder.join(&f.path)), Ok(md) if md.is_file() && md.len() == f.size);
        if !ok {
            return Err(Message::ReindexRemovalFileMissing {
                folder: folder.display().to_string(),
                file: f.path.clone(),
            });
        }
    }
    Ok(m)
}

/// The complete removal folders in `data_dir` that have no row, each with
/// its `removal.json` and its folder relative to the data directory.
/// `counts` is every channel with its number of record rows: a channel
/// with as many folders is skipped unread; a folder whose writer still
/// holds its lock is left to it. Both backends recover through this.
pub(crate) fn unrecorded_removal_folders(
    data_dir: &Path,
    counts: Vec<(ChannelId, i64)>,
) -> Vec<(RemovalManifest, String)> {
    let mut found = Vec::new();
    for (id, count) in counts {
        let rdir = channel_dir(data_dir, id).join("removals");
        let Ok(entries) = fs::read_dir(&rdir) else {
            continue;
        };
        let folders: Vec<PathBuf> = entries
            .flatten()
            .filter(crate::fsutil::is_folder)
            .map(|e| e.path())
            .collect();
        if folders.len() as i64 == count {
            continue;
        }
        for folder in folders {
            let name = folder
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if removal_being_written(data_dir, &name) {
                continue;
            }
            if let Ok(m) = read_removal_folder(&folder, id) {
                found.push((m, relative_to(data_dir, &folder)));
            }
        }
    }
    found
}

impl Store {
    /// Records complete removal folders that have no row (a process killed
    /// between the rename and the insert). Cheap on every open: per channel,
    /// the folder count against the row count; a folder whose writer still
    /// holds its lock is left to it.
    pub(crate) fn record_removal_folders(&self) -> Result<()> {
        let counts: Vec<(ChannelId, i64)> = {
            let conn = self.conn();
            let mut stmt = conn.prepare(
                "SELECT c.id, (SELECT count(*) FROM removals r WHERE r.channel_id = c.id) FROM channels c ORDER BY c.id",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let found = unrecorded_removal_folders(&self.data_dir, counts);
        if found.is_empty() {
            return Ok(());
        }
        let mut conn = self.conn();
        conn.busy_timeout(std::time::Duration::from_millis(500))?;
        let result = (|| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            for (m, folder) in &found {
                let first = &m.versions[0];
                let exists: bool = tx.query_row(
                    "SELECT EXISTS(SELECT 1 FROM removals WHERE id = ?1)",
                    [&first.id],
                    |r| r.get(0),
                )?;
                if exists {
                    continue;
                }
                insert_removal_row(&tx, first, folder)?;
                for v in &m.versions {
                    insert_version_row(&tx, v)?;
                }
                self.audit_in(
                    &tx,
                    self.clock.now(),
                    &first.recorded_by,
                    Some(first.channel_id),
                    removal_recorded(first),
                )?;
            }
            tx.commit()?;
            Ok::<(), StoreError>(())
        })();
        conn.busy_timeout(super::BUSY_TIMEOUT)?;
        result
    }
}
