//! What the next open finishes after a process was killed or a write was
//! refused, cheaply enough to run on every open: channel rows that no file
//! describes (an import killed after its commit, see `import.rs`), and
//! complete snapshot folders without their row.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;
use std::time::Duration;

use ogonblick_model::messages::IoAction;
use ogonblick_model::{ChannelId, Snapshot};
use rusqlite::TransactionBehavior;

use crate::fsutil::LockFile;
use crate::import::{settle_imports, write_channel_set, IMPORTS_DIR};
use crate::store::{capture_in_progress, insert_snapshot_row, load_channels, read_snapshot_folder};
use crate::{Result, Store, StoreError};

/// How long the open waits for the write lock to record a snapshot folder
/// it found; when another program holds it longer, the next open records it.
const OPEN_WRITE_WAIT: Duration = Duration::from_millis(500);

/// The numeric names of the folders in `dir`.
fn numeric_folders(dir: &Path) -> HashSet<ChannelId> {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.file_name().to_str()?.parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

impl Store {
    /// Finishes what a killed process left (see the module documentation).
    pub(crate) fn recover(&self) -> Result<()> {
        // A disposal that cannot be finished now does not hold up the rest.
        let disposals = self.finish_disposals();
        self.restore_channel_files()?;
        self.record_snapshot_folders()?;
        self.record_removal_folders()?;
        disposals
    }

    /// Writes the entries of every channel the database holds that no file
    /// describes (an import killed between its commit and its file), from the
    /// database, as one set. Cheap when there are none: the ids against the
    /// folder names in `channels/` and the id ranges of the sets' names.
    pub(crate) fn restore_channel_files(&self) -> Result<()> {
        let ids: Vec<ChannelId> = {
            let conn = self.conn();
            let mut stmt = conn.prepare("SELECT id FROM channels")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        // After the query: an import that committed before it holds its lock
        // or has written its set.
        let imports = settle_imports(self.data_dir())?;
        let on_disk = numeric_folders(&self.data_dir().join("channels"));
        let missing: HashSet<ChannelId> = ids
            .into_iter()
            .filter(|id| !on_disk.contains(id) && !imports.covers(*id))
            .collect();
        let (Some(first), Some(last)) = (missing.iter().min(), missing.iter().max()) else {
            return Ok(());
        };
        let channels: Vec<_> = load_channels(&self.conn())?
            .into_iter()
            .filter(|c| missing.contains(&c.id))
            .collect();
        let name = format!("{first}-{last}");
        let dir = self.data_dir().join(IMPORTS_DIR);
        fs::create_dir_all(&dir).map_err(|e| StoreError::io(IoAction::Create, &dir, e))?;
        if dir.join(format!("{name}.json")).exists() {
            return Ok(());
        }
        let Some(lock) = LockFile::try_acquire(&dir.join(format!("{name}.lock")))? else {
            return Ok(());
        };
        write_channel_set(self.data_dir(), &name, &channels, lock)
    }

    /// Records every complete snapshot folder that has no row (a capture
    /// that could not write its row: a busy or full register, or a kill
    /// between the rename and the insert). Cheap when there are none: one
    /// count per channel against the folders in its `snapshots/`; only a
    /// channel whose counts differ has its folder names compared.
    pub(crate) fn record_snapshot_folders(&self) -> Result<()> {
        let counts: HashMap<ChannelId, usize> = {
            let conn = self.conn();
            let mut stmt = conn.prepare(
                "SELECT c.id, (SELECT count(*) FROM snapshots s WHERE s.channel_id = c.id) FROM channels c",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let found = unrecorded_snapshot_folders(self.data_dir(), &counts, |id| {
            let conn = self.conn();
            let mut stmt = conn.prepare("SELECT id FROM snapshots WHERE channel_id = ?1")?;
            let rows = stmt.query_map([id], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })?;
        if found.is_empty() {
            return Ok(());
        }
        let mut conn = self.conn();
        conn.busy_timeout(OPEN_WRITE_WAIT)?;
        let result = (|| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            for (s, folder) in &found {
                let exists: bool = tx.query_row(
                    "SELECT EXISTS(SELECT 1 FROM snapshots WHERE id = ?1)",
                    [&s.id],
                    |r| r.get(0),
                )?;
                if exists {
                    continue;
                }
                insert_snapshot_row(&tx, s, folder)?;
                crate::store::restore_state_row(&tx, &self.data_dir().join(folder), &s.id)?;
                self.audit_snapshot_stored(&tx, s)?;
            }
            let mut channels: Vec<ChannelId> = found.iter().map(|(s, _)| s.channel_id).collect();
            channels.dedup();
            for id in channels {
                crate::store::refresh_channel(&tx, id)?;
            }
            tx.commit()?;
            Ok::<(), StoreError>(())
        })();
        conn.busy_timeout(crate::store::BUSY_TIMEOUT)?;
        match result {
            // Another program is writing: the next open records them.
            Err(StoreError::Busy) => Ok(()),
            other => other,
        }
    }
}

/// The complete snapshot folders in `data_dir` that have no row, with the
/// folder each row would name (on any register): `counts` has each
/// channel's number of rows, `known` a channel's snapshot ids (asked only
/// of a channel whose folders are more than its rows). A folder whose
/// capture may still write its row (`capture_in_progress`), or whose
/// manifest does not match its name or its files, is left alone.
pub(crate) fn unrecorded_snapshot_folders(
    data_dir: &Path,
    counts: &HashMap<ChannelId, usize>,
    mut known: impl FnMut(ChannelId) -> Result<HashSet<String>>,
) -> Result<Vec<(Snapshot, String)>> {
    let mut found: Vec<(Snapshot, String)> = Vec::new();
    let mut ids: Vec<&ChannelId> = counts.keys().collect();
    ids.sort();
    for id in ids {
        let sdir = data_dir
            .join("channels")
            .join(id.to_string())
            .join("snapshots");
        let Ok(entries) = fs::read_dir(&sdir) else {
            continue;
        };
        let folders: Vec<String> = entries
            .flatten()
            .filter(crate::fsutil::is_folder)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        if folders.len() == counts[id] {
            continue;
        }
        let known = known(*id)?;
        for name in folders.into_iter().filter(|n| !known.contains(n)) {
            // A capture that holds its staging lock records it itself.
            if capture_in_progress(data_dir, &name) {
                continue;
            }
            let Ok(m) = read_snapshot_folder(&sdir.join(&name), *id) else {
                continue;
            };
            found.push((m.snapshot, crate::store::snapshot_folder(*id, &name)));
        }
    }
    Ok(found)
}
