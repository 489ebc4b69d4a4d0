//! The pre-closure flow as a checklist: start closure → final snapshot →
//! review → export package → verify → mark closed. Every step is read from
//! the register (status, snapshots) and the audit log's typed events
//! (`model::AuditEvent`, never its English text), so the checklist is
//! the same in the desktop, after a restart, and after steps taken from the
//! CLI. The review is the one step only a person can take; it is recorded
//! as `AuditEvent::ClosureReviewed` (`closure.review`).

use ogonblick_model::RoleAction;
use ogonblick_model::{
    AuditEntry, AuditEvent, Channel, ChannelId, ChannelStatus, Snapshot, SnapshotReason,
    SnapshotStatus, Timestamp,
};
use ogonblick_model::{ErrorCode, Message};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, AppError, Result};

/// The steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum ClosureStepKind {
    Start,
    Snapshot,
    Review,
    Export,
    Verify,
    Close,
    /// h-close: the account deleted on the platform (a date).
    Deleted,
}

/// One step: done or not, and who took it when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClosureStep {
    pub step: ClosureStepKind,
    pub done: bool,
    pub actor: Option<String>,
    #[ts(type = "string | null")]
    pub at: Option<Timestamp>,
}

/// Where a channel stands in its closure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClosureStatus {
    pub channel: Channel,
    /// The newest pre-closure snapshot taken since the closure started
    /// (complete or not: the UI shows why a failed one does not count).
    pub final_snapshot: Option<Snapshot>,
    /// True when `final_snapshot` is complete and captured every address.
    pub final_good: bool,
    /// The newest package exported since that holds the final snapshot.
    pub package_path: Option<String>,
    pub package_objid: Option<String>,
    pub steps: Vec<ClosureStep>,
    /// The first step not done: the one to take now (None when every step,
    /// the account's deletion included, is done).
    pub current: Option<ClosureStepKind>,
    /// h-close: the decision to close the account and its diary number, as
    /// given when this closure started.
    pub decision: Option<String>,
    pub diary_number: Option<String>,
    /// The day the account was deleted on the platform (`YYYY-MM-DD`).
    #[ts(type = "string | null")]
    pub deleted_on: Option<chrono::NaiveDate>,
    /// Whether the closure can still be undone (closing, no final snapshot).
    pub can_undo: bool,
}

/// The pre-closure snapshots that can close `channel`: complete, started
/// after the closure began, every address captured. Oldest first.
pub(crate) fn good_pre_closure(channel: &Channel, snapshots: Vec<Snapshot>) -> Vec<Snapshot> {
    let Some(since) = channel.closing_started_at else {
        return Vec::new();
    };
    let mut good: Vec<Snapshot> = snapshots
        .into_iter()
        .filter(|s| {
            s.reason == SnapshotReason::PreClosure
                && s.counts_for_channel()
                && s.status == SnapshotStatus::Complete
                && s.started_at >= since
        })
        .filter(|s| {
            channel
                .urls
                .iter()
                .all(|u| s.pages.iter().any(|p| p.ok && p.url == *u))
        })
        .collect();
    good.sort_by_key(|s| s.started_at);
    good
}

fn step(step: ClosureStepKind, entry: Option<&AuditEntry>) -> ClosureStep {
    ClosureStep {
        step,
        done: entry.is_some(),
        actor: entry.map(|e| e.actor.clone()),
        at: entry.map(|e| e.at),
    }
}

impl App {
    /// The closure checklist of a channel.
    pub fn closure_status(&self, channel_id: ChannelId) -> Result<ClosureStatus> {
        let channel = self.store().channel(channel_id)?;
        let snapshots = self.store().snapshots(Some(channel_id))?;
        // Newest first.
        let mut audit = self.store().audit_log(Some(channel_id))?;
        audit.reverse();
        // Only this closure's entries count (after an undo, a new start
        // begins afresh).
        if channel.status != ChannelStatus::Active {
            if let Some(seq) = audit
                .iter()
                .find(|e| matches!(e.event, AuditEvent::ClosureStarted { .. }))
                .map(|e| e.seq)
            {
                audit.retain(|e| e.seq >= seq);
            }
        }

        let since = channel.closing_started_at;
        let final_snapshot = since.and_then(|since| {
            snapshots
                .iter()
                .filter(|s| {
                    s.reason == SnapshotReason::PreClosure
                        && s.counts_for_channel()
                        && s.started_at >= since
                })
                .max_by_key(|s| s.started_at)
                .cloned()
        });
        let good = good_pre_closure(&channel, snapshots);
        let final_good = match (&final_snapshot, good.last()) {
            (Some(f), Some(g)) => f.id == g.id,
            _ => false,
        };

        let start = audit.iter().find(|e| {
            matches!(e.event, AuditEvent::ClosureStarted { .. })
                && channel.status != ChannelStatus::Active
        });
        let mut steps = vec![step(ClosureStepKind::Start, start)];
        steps[0].done = channel.status != ChannelStatus::Active;

        let good_final = final_snapshot.as_ref().filter(|_| final_good);
        steps.push(ClosureStep {
            step: ClosureStepKind::Snapshot,
            done: good_final.is_some(),
            actor: good_final.map(|s| s.operator.clone()),
            at: good_final.map(|s| s.finished_at),
        });
        let final_id = good_final.map(|s| s.id.clone());

        let review = final_id.as_ref().and_then(|id| {
            audit.iter().find(|e| {
                matches!(&e.event, AuditEvent::ClosureReviewed { snapshot_id } if snapshot_id == id)
            })
        });
        steps.push(step(ClosureStepKind::Review, review));

        let export = final_id.as_ref().and_then(|id| {
            audit.iter().find_map(|e| match &e.event {
                AuditEvent::PackageExported {
                    objid,
                    path,
                    snapshot_ids,
                    ..
                } if snapshot_ids.contains(id) => Some((e, objid.clone(), path.clone())),
                _ => None,
            })
        });
        steps.push(step(
            ClosureStepKind::Export,
            export.as_ref().map(|(e, _, _)| *e),
        ));

        let verify = export.as_ref().and_then(|(x, _, path)| {
            audit.iter().find(|e| {
                e.seq > x.seq
                    && matches!(&e.event, AuditEvent::PackageVerified { ok: true, path: p, .. } if p == path)
            })
        });
        steps.push(step(ClosureStepKind::Verify, verify));

        let close = audit
            .iter()
            .find(|e| matches!(e.event, AuditEvent::ClosureCompleted { .. }));
        let mut closed = step(ClosureStepKind::Close, close);
        closed.done = channel.status == ChannelStatus::Closed;
        steps.push(closed);

        let deleted = audit.iter().find(|e| {
            channel.status == ChannelStatus::Closed
                && matches!(e.event, AuditEvent::AccountDeleted { .. })
        });
        steps.push(step(ClosureStepKind::Deleted, deleted));
        let deleted_on = deleted.and_then(|e| match e.event {
            AuditEvent::AccountDeleted { date } => Some(date),
            _ => None,
        });
        let (decision, diary_number) = match start.map(|e| &e.event) {
            Some(AuditEvent::ClosureStarted {
                decision,
                diary_number,
                ..
            }) => (decision.clone(), diary_number.clone()),
            _ => (None, None),
        };
        let can_undo = channel.status == ChannelStatus::Closing && final_snapshot.is_none();

        let current = steps.iter().find(|s| !s.done).map(|s| s.step);
        Ok(ClosureStatus {
            final_snapshot,
            final_good,
            package_objid: export.as_ref().map(|(_, o, _)| o.clone()),
            package_path: export.map(|(_, _, p)| p),
            steps,
            current,
            decision,
            diary_number,
            deleted_on,
            can_undo,
            channel,
        })
    }

    /// Records that a person has looked at the final snapshot (the images and
    /// the completeness report) and found it fit to archive.
    pub fn review_closure(
        &self,
        channel_id: ChannelId,
        snapshot_id: &str,
    ) -> Result<ClosureStatus> {
        self.require(RoleAction::Closure, None)?;
        let status = self.closure_status(channel_id)?;
        if status.channel.status != ChannelStatus::Closing {
            return Err(AppError::said(
                ErrorCode::Conflict,
                Message::RefusedNotClosing {
                    id: channel_id,
                    status: status.channel.status.to_string(),
                },
            ));
        }
        let final_id = status
            .final_snapshot
            .as_ref()
            .filter(|_| status.final_good)
            .map(|s| s.id.as_str());
        if final_id != Some(snapshot_id) {
            return Err(AppError::said(
                ErrorCode::Conflict,
                Message::ClosureNotFinal {
                    snapshot: snapshot_id.to_string(),
                    id: channel_id,
                },
            ));
        }
        self.store().append_audit(
            self.operator(),
            Some(channel_id),
            AuditEvent::ClosureReviewed {
                snapshot_id: snapshot_id.to_string(),
            },
        )?;
        self.closure_status(channel_id)
    }
}
