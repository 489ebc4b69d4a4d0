//! Capturing a removal record's item again: a new one-address snapshot and,
//! when it succeeds, a new version of the record that links it (the earlier
//! versions keep the earlier evidence).

use ogonblick_model::{
    AuditEvent, CancelToken, ErrorCode, Evidence, Message, NoProgress, RemovalRecord,
    SnapshotReason, SnapshotStatus,
};

use crate::{AddressCaptureRequest, App, AppError, Result};
use ogonblick_model::RoleAction;

impl App {
    /// Captures the record's item address again with the one-address capture
    /// ([`App::capture_address`], reason `single-item`, the organisation
    /// profile where the item sits behind a login). A complete snapshot is
    /// linked by a new version of the record; a capture that did not succeed
    /// is kept as the failed snapshot it is, the record is unchanged, and
    /// the sentence says so.
    pub fn recapture_removal(&self, id: &str) -> Result<RemovalRecord> {
        self.require_removal(RoleAction::RemovalRecord, id)?;
        let mut r = self
            .removal(id)?
            .pop()
            .expect("a stored record has a version");
        let request = AddressCaptureRequest {
            channel_id: r.channel_id,
            url: r.url.clone(),
            reason: SnapshotReason::SingleItem,
            reason_note: None,
            reason_message: Some(Message::SnapshotNoteRecaptured {
                removal: r.id.clone(),
            }),
        };
        let snapshot = self.capture_address(&request, &NoProgress, &CancelToken::new())?;
        if snapshot.status != SnapshotStatus::Complete {
            let why = snapshot
                .pages
                .iter()
                .find_map(|p| p.error.clone())
                .unwrap_or_else(|| snapshot.status.to_string());
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::RemovalRecaptureFailed {
                    id: r.id,
                    url: r.url,
                    snapshot: snapshot.id,
                    why,
                },
            ));
        }
        let now = self.clock().now();
        r.evidence = Evidence::Snapshot {
            snapshot_id: snapshot.id.clone(),
        };
        r.supplied_by_hand = false;
        r.recorded_at = now;
        r.recorded_by = self.operator().to_string();
        r.change_note = Some(Message::RemovalNoteRecaptured {
            snapshot: snapshot.id.clone(),
        });
        let (rid, sid) = (r.id.clone(), snapshot.id);
        Ok(self
            .store()
            .add_removal_version(r, &|version| AuditEvent::RemovalRecaptured {
                removal_id: rid.clone(),
                version,
                snapshot_id: sid.clone(),
            })?)
    }
}
