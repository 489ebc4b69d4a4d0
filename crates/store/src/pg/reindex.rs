//! `reindex` on PostgreSQL: the register is the database every desktop
//! shares, so it is not rebuilt from the files as SQLite's is (those files,
//! `channel.json`, `audit.jsonl`, …, are not written on PostgreSQL).
//! Instead the shared data directory is checked against it: a snapshot
//! folder without a row gets its row (as SQLite's reindex gives it one),
//! a row whose folder lacks a file is reported and kept (a removal
//! record's screenshot too), and a folder that
//! cannot be recorded is reported as SQLite's reindex reports it. No file is
//! ever deleted.

use std::collections::{BTreeSet, HashSet};
use std::fs;

use ogonblick_model::{ChannelId, Message, Snapshot};

use super::snapshots::refresh_summary;
use super::PgRegister;
use crate::fsutil::under;
use crate::store::{
    capture_in_progress, missing_file, read_removal_folder, read_snapshot_folder,
    removal_being_written, retry_busy, snapshot_folder,
};
use crate::{ReindexReport, Result};

impl PgRegister {
    /// See the module documentation. The removal records' folders without
    /// rows are recorded first (as the open does); then, in one
    /// transaction that holds the snapshot rows still (a desktop
    /// committing meanwhile waits), the snapshot folders.
    pub(super) fn pg_reindex(&self) -> Result<ReindexReport> {
        self.pg_record_removal_folders()?;
        let mut report = retry_busy(|| self.reindex_snapshots())?;
        report.warnings.extend(self.removal_folder_warnings()?);
        Ok(report)
    }

    /// The removal record folders that cannot be read as their record:
    /// a recorded one whose folder lacks its screenshot or `removal.json`
    /// (reported and kept, as a snapshot row whose folder lacks a file), and
    /// one without rows that the recovery above could not record (as
    /// SQLite's reindex, which rebuilds from the files, reports both). A
    /// folder whose writer still holds its lock is left to it.
    fn removal_folder_warnings(&self) -> Result<Vec<Message>> {
        let data_dir = self.data_dir()?.to_path_buf();
        let mut client = self.client();
        let mut folders: BTreeSet<(ChannelId, String)> = client
            .query("SELECT channel_id, folder FROM removals", &[])?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        for r in client.query("SELECT id FROM channels", &[])? {
            let id: ChannelId = r.get(0);
            let dir = data_dir
                .join("channels")
                .join(id.to_string())
                .join("removals");
            for e in fs::read_dir(&dir).into_iter().flatten().flatten() {
                if crate::fsutil::is_folder(&e) {
                    let name = e.file_name().to_string_lossy().into_owned();
                    folders.insert((id, format!("channels/{id}/removals/{name}")));
                }
            }
        }
        drop(client);
        let mut out = Vec::new();
        for (channel, folder) in folders {
            let dir = match under(&data_dir, &folder) {
                Ok(dir) => dir,
                Err(e) => {
                    out.push(Message::ReindexRemovalUnreadable {
                        path: folder,
                        detail: e.to_string(),
                    });
                    continue;
                }
            };
            let name = dir.file_name().unwrap_or_default().to_string_lossy();
            if removal_being_written(&data_dir, &name) {
                continue;
            }
            if let Err(m) = read_removal_folder(&dir, channel) {
                out.push(m);
            }
        }
        Ok(out)
    }

    fn reindex_snapshots(&self) -> Result<ReindexReport> {
        let data_dir = self.data_dir()?.to_path_buf();
        let mut report = ReindexReport::default();
        let mut client = self.client();
        let mut tx = client.transaction()?;
        tx.batch_execute("LOCK TABLE snapshots IN SHARE ROW EXCLUSIVE MODE")?;
        let channels: BTreeSet<ChannelId> = tx
            .query("SELECT id FROM channels", &[])?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let mut rows: Vec<(Snapshot, String)> = Vec::new();
        for r in tx.query(
            "SELECT manifest, folder FROM snapshots ORDER BY channel_id, started_at, id",
            &[],
        )? {
            rows.push((serde_json::from_str(r.get::<_, &str>(0))?, r.get(1)));
        }
        // Rows whose folder lacks a file: reported, kept.
        for (s, folder) in &rows {
            let dir = under(&data_dir, folder)?;
            if let Some(file) = missing_file(&dir, s) {
                report.warnings.push(Message::ReindexRecordedFileMissing {
                    snapshot: s.id.clone(),
                    folder: dir.display().to_string(),
                    file,
                });
            }
        }
        let recorded: HashSet<&str> = rows.iter().map(|(s, _)| s.id.as_str()).collect();
        // Folders without rows, channel by channel.
        let mut found: Vec<Snapshot> = Vec::new();
        let root = data_dir.join("channels");
        let mut dirs: Vec<_> = fs::read_dir(&root)
            .map(|e| {
                e.flatten()
                    .map(|e| (e.path(), crate::fsutil::is_folder(&e)))
                    .collect()
            })
            .unwrap_or_default();
        dirs.sort();
        for (dir, is_folder) in dirs {
            let name = dir.file_name().unwrap_or_default().to_string_lossy();
            let id = match name.parse::<ChannelId>() {
                Ok(id) if is_folder => id,
                _ => {
                    report.warnings.push(Message::ReindexNotChannelFolder {
                        path: dir.display().to_string(),
                    });
                    continue;
                }
            };
            let mut folders: Vec<_> = fs::read_dir(dir.join("snapshots"))
                .map(|e| {
                    e.flatten()
                        .filter(crate::fsutil::is_folder)
                        .map(|e| e.path())
                        .collect()
                })
                .unwrap_or_default();
            folders.retain(|f| {
                let n = f.file_name().unwrap_or_default().to_string_lossy();
                !n.starts_with('.') && !recorded.contains(&*n)
            });
            if folders.is_empty() {
                continue;
            }
            if !channels.contains(&id) {
                report.warnings.push(Message::ReindexChannelSkipped { id });
                continue;
            }
            folders.sort();
            for folder in folders {
                let name = folder.file_name().unwrap_or_default().to_string_lossy();
                // A capture between its rename and its row records it itself.
                if capture_in_progress(&data_dir, &name) {
                    continue;
                }
                match read_snapshot_folder(&folder, id) {
                    Ok(m) => found.push(m.snapshot),
                    Err(w) => report.warnings.push(w),
                }
            }
        }
        let mut touched: BTreeSet<ChannelId> = BTreeSet::new();
        for s in &found {
            if self.insert_snapshot(&mut tx, s, &snapshot_folder(s.channel_id, &s.id))? {
                touched.insert(s.channel_id);
            }
        }
        for id in touched {
            refresh_summary(&mut tx, id)?;
        }
        let count = |tx: &mut postgres::Transaction<'_>, table: &str| -> Result<u32> {
            let n: i64 = tx
                .query_one(&format!("SELECT count(*) FROM {table}"), &[])?
                .get(0);
            Ok(n as u32)
        };
        report.channels = channels.len() as u32;
        report.snapshots = count(&mut tx, "snapshots")?;
        report.audit_entries = count(&mut tx, "audit_log")?;
        report.removals = count(&mut tx, "removals")?;
        tx.commit()?;
        Ok(report)
    }
}
