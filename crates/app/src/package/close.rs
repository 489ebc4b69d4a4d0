//! The last step of a closure: a verified package holding the pre-closure
//! snapshot closes the channel.

use ogonblick_model::RoleAction;
use std::path::Path;

use ogonblick_model::{
    AuditEvent, CancelToken, ChannelId, ChannelStatus, ErrorCode, Message, ProgressSink, Snapshot,
};

use super::ClosureCompleted;
use crate::{App, AppError, Result};

impl App {
    /// The last step of closing a channel. Requires status `closing`, a
    /// complete pre-closure snapshot started after the closure began that
    /// captured every address of the channel, and `package` verified without
    /// problems and holding that snapshot. Then the channel is `closed`.
    pub fn complete_closure(
        &self,
        channel_id: ChannelId,
        package: &Path,
        sink: &dyn ProgressSink,
        cancel: &CancelToken,
    ) -> Result<ClosureCompleted> {
        self.require(RoleAction::Closure, None)?;
        let ch = self.store().channel(channel_id)?;
        if ch.status != ChannelStatus::Closing {
            return Err(AppError::said(
                ErrorCode::Conflict,
                Message::RefusedNotClosing {
                    id: channel_id,
                    status: ch.status.to_string(),
                },
            ));
        }
        if ch.closing_started_at.is_none() {
            return Err(AppError::fault(
                ogonblick_model::messages::Fault::NoClosingTime,
            ));
        }
        let good: Vec<Snapshot> =
            crate::closure::good_pre_closure(&ch, self.store().snapshots(Some(channel_id))?);
        if good.is_empty() {
            return Err(AppError::said(
                ErrorCode::Conflict,
                Message::RefusedNoFinalSnapshot { id: channel_id },
            ));
        }
        let report = self.verify_package(package, sink, cancel)?;
        if !report.ok {
            let problems: Vec<Message> = report
                .problems
                .iter()
                .take(3)
                .map(|p| Message::VerifyProblemAt {
                    path: p.path.clone(),
                    what: Box::new(p.what.clone()),
                })
                .collect();
            return Err(AppError::said(
                ErrorCode::Conflict,
                Message::ClosurePackageUnverified {
                    package: package.display().to_string(),
                    problems,
                },
            ));
        }
        let Some(snap) = good
            .iter()
            .rev()
            .find(|s| report.snapshot_ids.contains(&s.id))
        else {
            return Err(AppError::said(
                ErrorCode::Conflict,
                Message::RefusedPackageLacksFinal {
                    id: channel_id,
                    package: package.display().to_string(),
                    snapshot: good.last().map(|s| s.id.clone()).unwrap_or_default(),
                },
            ));
        };
        let closed_on = AuditEvent::ClosedOn {
            snapshot_id: snap.id.clone(),
            package_objid: report.objid.clone().unwrap_or_default(),
            package_path: package.display().to_string(),
        };
        let channel =
            self.store()
                .mark_closed_with(channel_id, self.operator(), Some(closed_on))?;
        Ok(ClosureCompleted {
            channel,
            snapshot_id: snap.id.clone(),
            package: report,
        })
    }
}
