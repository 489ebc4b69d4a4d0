//! Snapshots on SQLite: staging, the verified commit into the final folder
//! (its files' side in `snapshot_files.rs`, shared with PostgreSQL), and the
//! history.

use ogonblick_model::Message;
use std::fs;
use std::path::{Path, PathBuf};

use ogonblick_model::{
    ChannelId, Snapshot, SnapshotManifest, SnapshotStatus, SnapshotTimestamp, TimestampSettings,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::channel_rows::load_channel;
use super::snapshot_files::{begin_in, commit_unrecorded, final_dir, place_in};
use super::{not_found, retry_busy, ts, Store};
use crate::{Result, StoreError};

use super::snapshot_files::Staging;

impl Store {
    /// The final folder of a snapshot.
    pub fn snapshot_dir(&self, channel_id: ChannelId, snapshot_id: &str) -> PathBuf {
        final_dir(&self.data_dir, channel_id, snapshot_id)
    }

    /// Starts a snapshot: a fresh, locked staging folder of this process's
    /// own (`snapshot_files.rs`).
    pub fn begin_snapshot(&self, channel_id: ChannelId, snapshot_id: &str) -> Result<Staging> {
        check_snapshot_id(snapshot_id)?;
        {
            let conn = self.conn();
            if load_channel(&conn, channel_id)?.is_none() {
                return Err(not_found(channel_id));
            }
            let exists: bool = conn.query_row(
                "SELECT EXISTS(SELECT 1 FROM snapshots WHERE id = ?1)",
                [snapshot_id],
                |r| r.get(0),
            )?;
            if exists {
                return Err(StoreError::Conflict(Message::StoreSnapshotExists {
                    id: snapshot_id.to_string(),
                }));
            }
        }
        begin_in(&self.data_dir, channel_id, snapshot_id)
    }

    /// Throws a staging folder away.
    pub fn discard(&self, staging: Staging) -> Result<()> {
        staging.discard()
    }

    /// Verifies and commits a snapshot: every recorded file must exist in the
    /// staging folder with its recorded size and SHA-256, and no other file
    /// may be there. Writes `snapshot.json`, fsyncs, renames the folder to
    /// its final place, then records it in the database. If that last step
    /// fails, the folder is complete and self-describing and
    /// `ogonblick reindex` records it.
    pub fn commit_snapshot(&self, mut staging: Staging, snapshot: Snapshot) -> Result<()> {
        let channel = self.channel(snapshot.channel_id)?;
        let stamps = self.setting::<TimestampSettings>()?;
        let placed = place_in(&self.data_dir, &staging, &snapshot, channel, &stamps)?;
        // The staging lock is held until the row is in, so that another
        // program's open (which records complete folders without a row)
        // leaves this one to us. A busy register is waited for, not given up.
        let folder = placed.folder;
        let record = retry_busy(|| {
            let mut conn = self.conn();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            insert_snapshot_row(&tx, &snapshot, &folder)?;
            super::summary_rows::snapshot_added(&tx, &snapshot.id)?;
            if let Some(state) = &placed.stamping {
                super::timestamps::upsert_state_row(&tx, state)?;
            }
            self.audit_snapshot_stored(&tx, &snapshot)?;
            tx.commit()?;
            Ok::<(), StoreError>(())
        });
        staging.release();
        record.map_err(|e| commit_unrecorded(e, &folder))
    }

    /// The audit entry of a recorded snapshot ([`super::stored_event`]):
    /// a commit's, the open's recording of a folder without its row and the
    /// index alone's.
    pub(crate) fn audit_snapshot_stored(&self, tx: &Transaction<'_>, s: &Snapshot) -> Result<()> {
        let event = super::stored_event(s);
        self.audit_in(tx, self.clock.now(), &s.operator, Some(s.channel_id), event)?;
        Ok(())
    }

    pub(crate) fn relative(&self, p: &Path) -> String {
        relative_to(&self.data_dir, p)
    }

    /// The path of a folder that a row records relative to the data
    /// directory (a snapshot's, a removal record's); refused when it
    /// holds `..` or is absolute ([`crate::fsutil::under`]).
    pub fn folder_path(&self, folder: &str) -> Result<PathBuf> {
        crate::fsutil::under(&self.data_dir, folder)
    }

    /// Snapshots, oldest first; only one channel's when given (read through
    /// the channel's index, never touching other channels' rows).
    pub fn snapshots(&self, channel: Option<ChannelId>) -> Result<Vec<Snapshot>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(match channel {
            Some(_) => HISTORY_OF_CHANNEL,
            None => HISTORY,
        })?;
        fn manifest(r: &rusqlite::Row<'_>) -> rusqlite::Result<String> {
            r.get(0)
        }
        let rows = match channel {
            Some(id) => stmt.query_map([id], manifest)?,
            None => stmt.query_map([], manifest)?,
        };
        let mut out = Vec::new();
        for json in rows {
            out.push(serde_json::from_str::<Snapshot>(&json?)?);
        }
        Ok(out)
    }

    /// One snapshot and its folder.
    pub fn snapshot(&self, id: &str) -> Result<(Snapshot, PathBuf)> {
        let conn = self.conn();
        let row: Option<(String, String)> = conn
            .query_row(
                "SELECT manifest, folder FROM snapshots WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (json, folder) = row
            .ok_or_else(|| StoreError::NotFound(Message::StoreNoSnapshot { id: id.to_string() }))?;
        Ok((serde_json::from_str(&json)?, self.folder_path(&folder)?))
    }
}

/// The history of one channel: through its index, never another's rows.
pub(super) const HISTORY_OF_CHANNEL: &str =
    "SELECT manifest FROM snapshots WHERE channel_id = ?1 ORDER BY started_at, id";
/// The history of every channel.
pub(super) const HISTORY: &str = "SELECT manifest FROM snapshots ORDER BY started_at, id";

pub(crate) fn insert_snapshot_row(conn: &Connection, s: &Snapshot, folder: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO snapshots (id, channel_id, reason, status, started_at, finished_at, operator, folder, manifest, whole_channel)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            s.id,
            s.channel_id,
            s.reason.as_str(),
            s.status.as_str(),
            ts(&s.started_at),
            ts(&s.finished_at),
            s.operator,
            folder,
            serde_json::to_string(s)?,
            s.counts_for_channel(),
        ],
    )?;
    Ok(())
}

pub(crate) fn check_snapshot_id(id: &str) -> Result<()> {
    let ok = !id.is_empty()
        && id.len() <= 100
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
    if ok {
        Ok(())
    } else {
        Err(StoreError::Invalid(Message::StoreBadSnapshotId {
            id: id.to_string(),
        }))
    }
}

pub(super) fn check_relative_path(p: &str) -> Result<()> {
    let bad = p.is_empty()
        || p.starts_with('/')
        || p.contains('\\')
        || p.contains(':')
        || p.split('/').any(|c| c.is_empty() || c == "." || c == "..")
        || p == SnapshotManifest::FILE_NAME
        || p == ogonblick_timestamp::MANIFEST_FILE
        || p == SnapshotTimestamp::FILE_NAME
        || ogonblick_timestamp::manifest::token_number(p).is_some();
    if bad {
        Err(StoreError::Integrity(Message::StoreBadFilePath {
            path: p.to_string(),
        }))
    } else {
        Ok(())
    }
}

/// The folder of a snapshot's row, relative to the data directory and
/// `/`-separated: `channels/<channel id>/snapshots/<snapshot id>`.
pub(crate) fn snapshot_folder(channel_id: ChannelId, snapshot_id: &str) -> String {
    format!("channels/{channel_id}/snapshots/{snapshot_id}")
}

/// A row may only point at the snapshot's own folder ([`snapshot_folder`]
/// of its channel and id): never another snapshot's or channel's, a path
/// with `..` or an absolute one. Check the id first (it is a path part).
pub(crate) fn check_snapshot_folder(s: &Snapshot, folder: &str) -> Result<()> {
    let expected = snapshot_folder(s.channel_id, &s.id);
    if folder == expected {
        Ok(())
    } else {
        Err(StoreError::Invalid(Message::StoreBadSnapshotFolder {
            folder: folder.to_string(),
            expected,
        }))
    }
}

pub(crate) fn check_snapshot_consistency(s: &Snapshot) -> Result<()> {
    let files: usize = s.pages.iter().map(|p| p.files.len()).sum();
    let all_ok = !s.pages.is_empty() && s.pages.iter().all(|p| p.ok);
    let problem = match s.status {
        SnapshotStatus::Complete if !all_ok => Some("complete-unfinished"),
        SnapshotStatus::Complete if s.pages.iter().any(|p| p.files.is_empty()) => {
            Some("complete-without-files")
        }
        SnapshotStatus::Failed if files > 0 => Some("failed-with-files"),
        SnapshotStatus::Failed if s.pages.iter().any(|p| p.ok) => Some("failed-with-pages"),
        _ => None,
    };
    match problem {
        Some(m) => Err(StoreError::Invalid(Message::StoreSnapshotInconsistent {
            id: s.id.clone(),
            problem: m.to_string(),
        })),
        None => Ok(()),
    }
}

/// Why a snapshot's `snapshot.json` cannot be read.
pub(crate) enum ManifestRead {
    /// The OS's or the JSON reader's own text.
    Unreadable(String),
    /// It is of a format this version does not know (the format it names).
    Format(String),
}

impl ManifestRead {
    /// The message for `path`; `unreadable` says an unreadable file's.
    pub(crate) fn message(
        self,
        path: &Path,
        unreadable: impl FnOnce(String) -> Message,
    ) -> Message {
        match self {
            ManifestRead::Unreadable(detail) => unreadable(detail),
            ManifestRead::Format(format) => Message::SnapshotManifestFormat {
                path: path.display().to_string(),
                format,
                expected: SnapshotManifest::FORMAT.to_string(),
            },
        }
    }
}

pub(crate) fn read_manifest(path: &Path) -> std::result::Result<SnapshotManifest, ManifestRead> {
    let bytes = fs::read(path).map_err(|e| ManifestRead::Unreadable(e.to_string()))?;
    let m: SnapshotManifest =
        serde_json::from_slice(&bytes).map_err(|e| ManifestRead::Unreadable(e.to_string()))?;
    if m.format != SnapshotManifest::FORMAT {
        return Err(ManifestRead::Format(m.format));
    }
    Ok(m)
}

/// `p` relative to the data directory, `/`-separated (as rows record
/// folders).
pub(crate) fn relative_to(data_dir: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(data_dir).unwrap_or(p);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}
