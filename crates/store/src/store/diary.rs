//! Diary numbers (*diarienummer*) of snapshots and removal records, set on
//! one or many at once.

use ogonblick_model::Message;
use ogonblick_model::{AuditEvent, ChannelId, SnapshotManifest};
use rusqlite::params;

use super::snapshots::read_manifest;
use super::Store;
use crate::fsutil::write_json_atomic;
use crate::{Result, StoreError};

impl Store {
    /// Sets (or with `None` removes) the diary number of these snapshots and
    /// removal records. Every id is checked before anything is written. The
    /// files first (each `snapshot.json` rewritten atomically; each removal
    /// record gets a new version), then the register in one transaction with
    /// one audit entry; when that fails, the snapshot files are put back.
    pub fn set_diary_number(
        &self,
        snapshot_ids: &[String],
        removal_ids: &[String],
        number: Option<&str>,
        actor: &str,
    ) -> Result<()> {
        if snapshot_ids.is_empty() && removal_ids.is_empty() {
            return Err(StoreError::Invalid(Message::DiaryNoTargets {}));
        }
        let mut channels: Vec<ChannelId> = Vec::new();
        let mut snaps: Vec<(std::path::PathBuf, SnapshotManifest)> = Vec::new();
        for id in snapshot_ids {
            let (_, folder) = self.snapshot(id)?;
            let path = folder.join(SnapshotManifest::FILE_NAME);
            let m = read_manifest(&path).map_err(|e| {
                StoreError::Integrity(Message::StoreUnreadable {
                    path: path.display().to_string(),
                    detail: e,
                })
            })?;
            channels.push(m.snapshot.channel_id);
            snaps.push((path, m));
        }
        let now = self.clock.now();
        let mut versions = Vec::new();
        for id in removal_ids {
            let (v, _) = self.removal(id)?;
            let mut r = v.last().expect("a record has a version").clone();
            channels.push(r.channel_id);
            r.diary_number = number.map(str::to_string);
            r.recorded_at = now;
            r.recorded_by = actor.to_string();
            r.change_note = Some(match number {
                Some(n) => ogonblick_model::Message::RemovalNoteDiarySet { number: n.into() },
                None => ogonblick_model::Message::RemovalNoteDiaryRemoved {},
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
            self.add_removal_versions(
                versions,
                actor,
                |_| event,
                channel,
                |tx| {
                    for s in &updated {
                        tx.execute(
                            "UPDATE snapshots SET manifest = ?2 WHERE id = ?1",
                            params![s.id, serde_json::to_string(s)?],
                        )?;
                    }
                    Ok(())
                },
            )
        })();
        if let Err(e) = result {
            for (path, old) in written {
                let _ = write_json_atomic(path, old);
            }
            return Err(e);
        }
        Ok(())
    }
}
