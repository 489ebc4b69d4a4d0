//! Diary numbers (*diarienummer*) of snapshots and removal records, set on
//! one or many at once. The files' side ([`set_diary_number_with`]) is
//! shared by both backends; each writes its rows in its own transaction.

use ogonblick_model::Message;
use ogonblick_model::{AuditEvent, ChannelId, RemovalRecord, Snapshot, SnapshotManifest};
use rusqlite::params;

use super::snapshots::read_manifest;
use super::Store;
use crate::fsutil::write_json_atomic;
use crate::{Register, Result, StoreError};

/// What a backend writes in one transaction when a diary number is set:
/// the removal records' new versions (with their files written by the
/// backend, as `add_removal_versions` does), the snapshots' records as
/// rewritten in their `snapshot.json`, and the one audit entry.
pub(crate) struct DiaryRows {
    pub versions: Vec<RemovalRecord>,
    pub snapshots: Vec<Snapshot>,
    pub event: AuditEvent,
    pub channel: Option<ChannelId>,
}

/// Sets (or with `None` removes) the diary number of these snapshots and
/// removal records. Every id is checked before anything is written. The
/// files first (each `snapshot.json` rewritten atomically), then `rows`
/// (the backend's transaction: each removal record's new version, the
/// snapshots' rows, one audit entry); when that fails, the snapshot files
/// are put back.
pub(crate) fn set_diary_number_with<R: Register + ?Sized>(
    register: &R,
    snapshot_ids: &[String],
    removal_ids: &[String],
    number: Option<&str>,
    actor: &str,
    now: ogonblick_model::Timestamp,
    rows: impl FnOnce(DiaryRows) -> Result<()>,
) -> Result<()> {
    if snapshot_ids.is_empty() && removal_ids.is_empty() {
        return Err(StoreError::Invalid(Message::DiaryNoTargets {}));
    }
    let mut channels: Vec<ChannelId> = Vec::new();
    let mut snaps: Vec<(std::path::PathBuf, SnapshotManifest)> = Vec::new();
    for id in snapshot_ids {
        let (_, folder) = register.snapshot(id)?;
        let path = register
            .folder_path(&folder)?
            .join(SnapshotManifest::FILE_NAME);
        let m = read_manifest(&path).map_err(|e| {
            StoreError::Integrity(e.message(&path, |detail| Message::StoreUnreadable {
                path: path.display().to_string(),
                detail,
            }))
        })?;
        channels.push(m.snapshot.channel_id);
        snaps.push((path, m));
    }
    let mut versions = Vec::new();
    for id in removal_ids {
        let (v, _) = register.removal(id)?;
        let mut r = v.last().expect("a record has a version").clone();
        channels.push(r.channel_id);
        r.diary_number = number.map(str::to_string);
        r.recorded_at = now;
        r.recorded_by = actor.to_string();
        r.change_note = Some(match number {
            Some(n) => Message::RemovalNoteDiarySet { number: n.into() },
            None => Message::RemovalNoteDiaryRemoved {},
        });
        versions.push(r);
    }
    channels.sort();
    channels.dedup();
    let channel = if channels.len() == 1 {
        Some(channels[0])
    } else {
        None
    };
    let mut written: Vec<&(std::path::PathBuf, SnapshotManifest)> = Vec::new();
    let mut updated = Vec::new();
    let result = (|| {
        for s in &snaps {
            let mut m = s.1.clone();
            m.snapshot.diary_number = number.map(str::to_string);
            write_json_atomic(&s.0, &m)?;
            written.push(s);
            updated.push(m.snapshot);
        }
        let event = AuditEvent::DiaryNumberSet {
            number: number.map(str::to_string),
            snapshot_ids: snapshot_ids.to_vec(),
            removal_ids: removal_ids.to_vec(),
        };
        rows(DiaryRows {
            versions,
            snapshots: updated,
            event,
            channel,
        })
    })();
    if let Err(e) = result {
        for (path, old) in written {
            let _ = write_json_atomic(path, old);
        }
        return Err(e);
    }
    Ok(())
}

impl Store {
    /// Sets (or with `None` removes) the diary number of these snapshots and
    /// removal records ([`set_diary_number_with`]): the files first, then
    /// the register in one transaction with one audit entry.
    pub fn set_diary_number(
        &self,
        snapshot_ids: &[String],
        removal_ids: &[String],
        number: Option<&str>,
        actor: &str,
    ) -> Result<()> {
        let now = self.clock.now();
        set_diary_number_with(
            self,
            snapshot_ids,
            removal_ids,
            number,
            actor,
            now,
            |rows| {
                self.add_removal_versions(
                    rows.versions,
                    actor,
                    |_| rows.event,
                    rows.channel,
                    |tx| {
                        for s in &rows.snapshots {
                            tx.execute(
                                "UPDATE snapshots SET manifest = ?2 WHERE id = ?1",
                                params![s.id, serde_json::to_string(s)?],
                            )?;
                        }
                        Ok(())
                    },
                )
                .map(|_| ())
            },
        )
    }
}
