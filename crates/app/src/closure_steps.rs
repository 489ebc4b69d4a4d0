//! The ends of a closure (h-close): the decision to close the account and
//! its diary number given when the closure starts, undoing a closure that
//! has not reached its final snapshot, and the last step, the day the
//! account was deleted on the platform. Each is a typed audit event
//! (`closure.start` with `decision`/`diary_number`, `closure.undo`,
//! `closure.deleted`) that the checklist ([`App::closure_status`]) reads.

use chrono::NaiveDate;
use ogonblick_model::{
    AuditEvent, ChannelId, ChannelStatus, ErrorCode, Message, RoleAction, TextField,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::closure::ClosureStatus;
use crate::{App, AppError, Result};

/// What a person gives when starting a closure: the decision to close the
/// account (e.g. "KS 2027-03-01 §12") and its diary number (e.g.
/// "KS 2027/31"). Both optional; blank is none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct ClosureDecision {
    pub decision: Option<String>,
    pub diary_number: Option<String>,
}

impl ClosureDecision {
    /// Trimmed, blank as none, and checked as other text fields are
    /// (no control characters, no bidirectional-text controls).
    pub(crate) fn checked(&self) -> Result<ClosureDecision> {
        let clean = |field: TextField, v: &Option<String>| -> Result<Option<String>> {
            let Some(v) = v.as_deref().map(str::trim).filter(|v| !v.is_empty()) else {
                return Ok(None);
            };
            ogonblick_model::text::check_text(field, v, false)
                .map_err(|m| AppError::said(ErrorCode::InvalidInput, m))?;
            Ok(Some(v.to_string()))
        };
        Ok(ClosureDecision {
            decision: clean(TextField::Decision, &self.decision)?,
            diary_number: clean(TextField::DiaryNumber, &self.diary_number)?,
        })
    }
}

/// A day as the organisation counts it (Swedish time).
fn day(t: ogonblick_model::Timestamp) -> NaiveDate {
    t.with_timezone(&chrono_tz::Europe::Stockholm).date_naive()
}

impl App {
    /// Starts the closure with the decision and its diary number, kept in
    /// the `closure.start` event (text checked before anything changes).
    pub(crate) fn start_closure_decided(
        &self,
        id: ChannelId,
        decision: &ClosureDecision,
    ) -> Result<ogonblick_model::Channel> {
        let d = decision.checked()?;
        Ok(self
            .store()
            .start_closure_with(id, self.operator(), d.decision, d.diary_number)?)
    }

    /// Undoes a started closure: the channel is active again, audited as
    /// `closure.undo`. Refused once a pre-closure snapshot has been taken
    /// since the closure started (complete or not: it is on the record), and
    /// for a channel that is not closing or is being captured right now. A new
    /// start begins a new checklist.
    pub fn undo_closure(&self, channel_id: ChannelId) -> Result<ClosureStatus> {
        self.require(RoleAction::Closure, None)?;
        // The channel's capture claim is held from the check to the change,
        // so a pre-closure capture cannot commit in between: a capture
        // running now refuses the undo.
        let Some(_lock) = self.try_lock_channel(channel_id)? else {
            return Err(AppError::said(
                ErrorCode::Conflict,
                self.busy_message(channel_id),
            ));
        };
        let status = self.closure_status(channel_id)?;
        if status.channel.status != ChannelStatus::Closing {
            return Err(AppError::said(
                ErrorCode::Conflict,
                Message::CloseUndoNotClosing {
                    id: channel_id,
                    status: status.channel.status.to_string(),
                },
            ));
        }
        if let Some(snap) = &status.final_snapshot {
            return Err(AppError::said(
                ErrorCode::Conflict,
                Message::CloseUndoTooLate {
                    id: channel_id,
                    snapshot: snap.id.clone(),
                },
            ));
        }
        self.store().undo_closure(channel_id, self.operator())?;
        self.closure_status(channel_id)
    }

    /// The last step: the account was deleted on the platform on `date`
    /// (`YYYY-MM-DD`). Only for a closed channel; the date may not be in the
    /// future nor before the closure started (Swedish days). Recording it
    /// again corrects it: the newest counts.
    pub fn record_account_deleted(
        &self,
        channel_id: ChannelId,
        date: &str,
    ) -> Result<ClosureStatus> {
        self.require(RoleAction::Closure, None)?;
        let channel = self.store().channel(channel_id)?;
        if channel.status != ChannelStatus::Closed {
            return Err(AppError::said(
                ErrorCode::Conflict,
                Message::CloseDeletedNotClosed {
                    id: channel_id,
                    status: channel.status.to_string(),
                },
            ));
        }
        let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").map_err(|_| {
            AppError::said(
                ErrorCode::InvalidInput,
                Message::CloseDeletedBadDate {
                    value: ogonblick_model::text::escape_unsafe(date, false).into_owned(),
                },
            )
        })?;
        let today = day(self.clock().now());
        if date > today {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::CloseDeletedFuture {
                    date: date.to_string(),
                    today: today.to_string(),
                },
            ));
        }
        if let Some(started) = channel.closing_started_at.map(day) {
            if date < started {
                return Err(AppError::said(
                    ErrorCode::InvalidInput,
                    Message::CloseDeletedBeforeStart {
                        date: date.to_string(),
                        started: started.to_string(),
                    },
                ));
            }
        }
        self.store().append_audit(
            self.operator(),
            Some(channel_id),
            AuditEvent::AccountDeleted { date },
        )?;
        self.closure_status(channel_id)
    }
}
