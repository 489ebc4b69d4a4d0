//! Removal records: the append-only versions in the database, and the
//! self-describing folder `channels/<id>/removals/<record-id>/` (the
//! `removal.json` of every version, and a screenshot supplied by hand).
//!
//! Write order, so that no row points at a missing file: the folder is
//! built under `staging/removal-<id>/` (held by an OS lock), made durable and
//! renamed into place, and only then are the rows inserted. A kill between
//! leaves a complete folder that `reindex` records. A new version rewrites
//! `removal.json` atomically first, then inserts its row.

use ogonblick_model::Message;
use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use ogonblick_model::{
    AuditEvent, ChannelId, Evidence, RemovalGround, RemovalManifest, RemovalRecord, SuppliedFile,
};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

use super::channel_rows::load_channel;
use super::{channel_dir, not_found, retry_busy, ts, Store};
use crate::fsutil::{sync_dir, sync_tree, write_json_atomic, LockFile};
use crate::{Result, StoreError};

/// The largest screenshot file a record takes (bytes).
pub const MAX_SUPPLIED_FILE: u64 = 50 * 1024 * 1024;
/// The organisation's removal grounds (mirror of the table).
pub(crate) const GROUNDS_FILE: &str = "removal-grounds.json";

/// A screenshot file staff supply by hand, to be copied into the record.
#[derive(Debug, Clone)]
pub struct SuppliedSource {
    pub path: PathBuf,
    /// The file's name where staff had it.
    pub original_name: String,
}

/// The media type and file extension of a screenshot file, from its first
/// bytes: PNG, JPEG or PDF; `None` for anything else.
pub fn sniff_screenshot(head: &[u8]) -> Option<(&'static str, &'static str)> {
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("image/png", "png"))
    } else if head.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(("image/jpeg", "jpg"))
    } else if head.starts_with(b"%PDF-") {
        Some(("application/pdf", "pdf"))
    } else {
        None
    }
}

impl Store {
    /// The folder of a removal record.
    pub fn removal_dir(&self, channel_id: ChannelId, id: &str) -> PathBuf {
        channel_dir(&self.data_dir, channel_id)
            .join("removals")
            .join(id)
    }

    fn removal_lock(&self, id: &str) -> Result<LockFile> {
        let path = self
            .data_dir
            .join("staging")
            .join(format!("removal-{id}.lock"));
        LockFile::try_acquire(&path)?
            .ok_or_else(|| StoreError::Conflict(Message::StoreRemovalBusy { id: id.to_string() }))
    }

    /// The organisation's removal grounds, in their order.
    pub fn removal_grounds(&self) -> Result<Vec<RemovalGround>> {
        load_grounds(&self.conn())
    }

    /// Replaces the list of removal grounds (mirrored in
    /// `removal-grounds.json`). Records keep the ground as it was listed.
    pub fn set_removal_grounds(&self, grounds: &[RemovalGround], actor: &str) -> Result<()> {
        let event = AuditEvent::SettingsSet {
            key: "removal_grounds".into(),
        };
        self.set_removal_grounds_for(grounds, actor, event)
    }

    /// [`Store::set_removal_grounds`], audited as `event` (one ground's change).
    pub fn set_removal_grounds_for(
        &self,
        grounds: &[RemovalGround],
        actor: &str,
        event: AuditEvent,
    ) -> Result<()> {
        for (i, g) in grounds.iter().enumerate() {
            let ok = !g.code.is_empty()
                && g.code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !ok || g.label_sv.trim().is_empty() || g.label_en.trim().is_empty() {
                return Err(StoreError::Invalid(Message::StoreBadGround {
                    n: (i + 1) as u64,
                    code: g.code.clone(),
                }));
            }
            if grounds[..i].iter().any(|o| o.code == g.code) {
                return Err(StoreError::Invalid(Message::StoreGroundTwice {
                    code: g.code.clone(),
                }));
            }
        }
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        replace_grounds(&tx, grounds)?;
        write_json_atomic(&self.data_dir.join(GROUNDS_FILE), &grounds)?;
        self.audit_in(&tx, self.clock.now(), actor, None, event)?;
        tx.commit()?;
        Ok(())
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
                check_snapshot_evidence(&conn, &record)?;
            }
        }
        let _lock = self.removal_lock(&record.id)?;
        let staging = self
            .data_dir
            .join("staging")
            .join(format!("removal-{}", record.id));
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(|e| StoreError::io("remove", &staging, e))?;
        }
        fs::create_dir(&staging).map_err(|e| StoreError::io("create", &staging, e))?;
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
            let final_dir = self.removal_dir(record.channel_id, &record.id);
            let parent = final_dir
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            fs::create_dir_all(&parent).map_err(|e| StoreError::io("create", &parent, e))?;
            fs::rename(&staging, &final_dir)
                .map_err(|e| StoreError::io("move the removal record into", &final_dir, e))?;
            sync_dir(&parent)?;
            if let Some(ch) = parent.parent() {
                sync_dir(ch)?;
            }
            Ok::<PathBuf, StoreError>(final_dir)
        })();
        let final_dir = match built {
            Ok(d) => d,
            Err(e) => {
                let _ = fs::remove_dir_all(&staging);
                return Err(e);
            }
        };
        let folder = self.relative(&final_dir);
        let evidence = match &record.evidence {
            Evidence::Snapshot { snapshot_id } => snapshot_id.clone(),
            Evidence::File(f) => f.sha256.clone(),
        };
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
                AuditEvent::RemovalRecorded {
                    removal_id: record.id.clone(),
                    item: record.kind,
                    action: record.action,
                    ground: record.ground.code.clone(),
                    evidence: evidence.clone(),
                    supplied_by_hand: record.supplied_by_hand,
                },
            )?;
            tx.commit()?;
            Ok(())
        })
        .map_err(|e| {
            StoreError::Integrity(Message::StoreRemovalUnrecorded {
                folder: folder.to_string(),
                cause: Box::new(e.message()),
            })
        })?;
        Ok(record)
    }

    /// Adds versions to removal records (all or none in the register): each
    /// record's `removal.json` is rewritten with the new version first, then
    /// the rows and `event` go in in one transaction. Each new record must
    /// keep the id, channel and evidence of the record it follows, but for a
    /// new snapshot of the same channel (the item captured again).
    pub(crate) fn add_removal_versions(
        &self,
        new: Vec<RemovalRecord>,
        actor: &str,
        event: AuditEvent,
        channel: Option<ChannelId>,
        also: impl Fn(&rusqlite::Transaction<'_>) -> Result<()>,
    ) -> Result<Vec<RemovalRecord>> {
        let mut locks = Vec::new();
        let mut out = Vec::new();
        for mut r in new {
            locks.push(self.removal_lock(&r.id)?);
            let (versions, dir) = self.removal(&r.id)?;
            let last = versions.last().expect("a record has a version");
            // The evidence changes only to a new snapshot of the same channel
            // (the item captured again); earlier versions keep theirs.
            let recaptured =
                r.evidence != last.evidence && matches!(r.evidence, Evidence::Snapshot { .. });
            if r.channel_id != last.channel_id || (r.evidence != last.evidence && !recaptured) {
                return Err(StoreError::Invalid(Message::StoreRemovalFixed {
                    id: r.id.clone(),
                }));
            }
            if recaptured {
                check_snapshot_evidence(&self.conn(), &r)?;
            }
            r.version = last.version + 1;
            r.supplied_by_hand = !recaptured && last.supplied_by_hand;
            let mut all = versions.clone();
            all.push(r.clone());
            out.push((r, dir, all));
        }
        for (_, dir, all) in &out {
            let manifest = RemovalManifest {
                format: RemovalManifest::FORMAT.into(),
                versions: all.clone(),
            };
            write_json_atomic(&dir.join(RemovalManifest::FILE_NAME), &manifest)?;
        }
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
        let (versions, _) = self.removal(&record.id)?;
        let next = versions.last().map(|v| v.version + 1).unwrap_or(1);
        let actor = record.recorded_by.clone();
        let channel = record.channel_id;
        let mut v =
            self.add_removal_versions(vec![record], &actor, event_of(next), Some(channel), |_| {
                Ok(())
            })?;
        Ok(v.remove(0))
    }

    /// Every version of a removal record, oldest first, and its folder.
    pub fn removal(&self, id: &str) -> Result<(Vec<RemovalRecord>, PathBuf)> {
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
        let path = folder
            .split('/')
            .fold(self.data_dir.clone(), |acc, c| acc.join(c));
        Ok((versions, path))
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

fn check_id(id: &str) -> Result<()> {
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

fn check_snapshot_evidence(conn: &Connection, r: &RemovalRecord) -> Result<()> {
    let Evidence::Snapshot { snapshot_id } = &r.evidence else {
        return Err(StoreError::Invalid(Message::StoreRemovalNeedsFile {}));
    };
    let channel: Option<ChannelId> = conn
        .query_row(
            "SELECT channel_id FROM snapshots WHERE id = ?1",
            [snapshot_id],
            |row| row.get(0),
        )
        .optional()?;
    match channel {
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

/// Copies the screenshot into `dir` as `screenshot.<ext>`, reading no more
/// than [`MAX_SUPPLIED_FILE`] bytes, hashing as it goes.
fn copy_screenshot(src: &SuppliedSource, dir: &Path) -> Result<SuppliedFile> {
    let mut input = File::open(&src.path).map_err(|e| StoreError::io("open", &src.path, e))?;
    let mut head = [0u8; 8];
    let n = read_full(&mut input, &mut head).map_err(|e| StoreError::io("read", &src.path, e))?;
    let (media_type, ext) = sniff_screenshot(&head[..n]).ok_or_else(|| {
        StoreError::Invalid(Message::StoreNotImage {
            path: src.path.display().to_string(),
        })
    })?;
    let name = format!("screenshot.{ext}");
    let out_path = dir.join(&name);
    let mut out = File::create(&out_path).map_err(|e| StoreError::io("create", &out_path, e))?;
    let mut hasher = Sha256::new();
    let mut size = n as u64;
    hasher.update(&head[..n]);
    out.write_all(&head[..n])
        .map_err(|e| StoreError::io("write", &out_path, e))?;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let k = input
            .read(&mut buf)
            .map_err(|e| StoreError::io("read", &src.path, e))?;
        if k == 0 {
            break;
        }
        size += k as u64;
        if size > MAX_SUPPLIED_FILE {
            return Err(StoreError::Invalid(Message::StoreFileTooLarge {
                path: src.path.display().to_string(),
                mib: MAX_SUPPLIED_FILE / 1024 / 1024,
            }));
        }
        hasher.update(&buf[..k]);
        out.write_all(&buf[..k])
            .map_err(|e| StoreError::io("write", &out_path, e))?;
    }
    out.sync_all()
        .map_err(|e| StoreError::io("sync", &out_path, e))?;
    Ok(SuppliedFile {
        path: name,
        sha256: hex::encode(hasher.finalize()),
        size,
        media_type: media_type.into(),
        original_name: src.original_name.clone(),
    })
}

fn read_full(f: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
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

pub(crate) fn load_grounds(conn: &Connection) -> Result<Vec<RemovalGround>> {
    let mut stmt = conn.prepare(
        "SELECT code, label_sv, label_en, needs_text, retired FROM removal_grounds ORDER BY position",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(RemovalGround {
            code: r.get(0)?,
            label_sv: r.get(1)?,
            label_en: r.get(2)?,
            needs_text: r.get(3)?,
            retired: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn replace_grounds(conn: &Connection, grounds: &[RemovalGround]) -> Result<()> {
    conn.execute("DELETE FROM removal_grounds", [])?;
    for (i, g) in grounds.iter().enumerate() {
        conn.execute(
            "INSERT INTO removal_grounds (code, position, label_sv, label_en, needs_text, retired) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![g.code, i as i64 + 1, g.label_sv, g.label_en, g.needs_text, g.retired],
        )?;
    }
    Ok(())
}

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
        let mut found: Vec<(RemovalManifest, String)> = Vec::new();
        for (id, count) in counts {
            let rdir = channel_dir(&self.data_dir, id).join("removals");
            let Ok(entries) = fs::read_dir(&rdir) else {
                continue;
            };
            let folders: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect();
            if folders.len() as i64 == count {
                continue;
            }
            for folder in folders {
                let name = folder
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let lock = self
                    .data_dir
                    .join("staging")
                    .join(format!("removal-{name}.lock"));
                if LockFile::is_held(&lock) {
                    continue;
                }
                if let Ok(m) = read_removal_folder(&folder, id) {
                    found.push((m, self.relative(&folder)));
                }
            }
        }
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
                    AuditEvent::RemovalRecorded {
                        removal_id: first.id.clone(),
                        item: first.kind,
                        action: first.action,
                        ground: first.ground.code.clone(),
                        evidence: match &first.evidence {
                            Evidence::Snapshot { snapshot_id } => snapshot_id.clone(),
                            Evidence::File(f) => f.sha256.clone(),
                        },
                        supplied_by_hand: first.supplied_by_hand,
                    },
                )?;
            }
            tx.commit()?;
            Ok::<(), StoreError>(())
        })();
        conn.busy_timeout(super::BUSY_TIMEOUT)?;
        result
    }
}
