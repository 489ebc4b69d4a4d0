//! Channels: add, edit, close and list the register's entries.

use std::fs;

use ogonblick_model::{
    AuditEvent, Channel, ChannelBrief, ChannelId, ChannelPatch, ChannelStatus, ChannelSummary,
    NewChannel, Platform,
};
use rusqlite::TransactionBehavior;
use serde::{Deserialize, Serialize};

use super::channel_logic::{apply_patch, check_revision, status_change};
use super::channel_rows::{
    changed_fields, channel_from_new, check_url_conflicts, insert_channel_row, load_channel,
    load_channels, next_channel_id, update_channel_row,
};
use super::{channel_dir, not_found, Store, CHANNEL_FILE};
use crate::fsutil::write_json_atomic;
use crate::validate::check_new_channel;
use crate::{Result, StoreError};

/// Which channels to list. Every given criterion must match.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChannelFilter {
    pub status: Option<ChannelStatus>,
    pub platform: Option<Platform>,
    /// Board name, case-insensitive.
    pub board: Option<String>,
    /// Case-insensitive substring of name, address, board, unit or
    /// responsible person.
    pub text: Option<String>,
}

impl Store {
    /// Validates and adds a channel; writes `channel.json` and an audit entry.
    pub fn add_channel(&self, new: &NewChannel, actor: &str) -> Result<Channel> {
        let new = check_new_channel(new).map_err(StoreError::invalid_list)?;
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        check_url_conflicts(&tx, None, &new.urls)?;
        let id = next_channel_id(&tx, &self.data_dir)?;
        let now = self.clock.now();
        let channel = channel_from_new(id, &new, ChannelStatus::Active, now);
        insert_channel_row(&tx, &channel, false)?;
        let written = self.write_channel_file(&channel);
        let result = written.and_then(|_| {
            self.audit_in(
                &tx,
                now,
                actor,
                Some(id),
                AuditEvent::ChannelAdded {
                    name: channel.name.clone(),
                },
            )
        });
        match result.and_then(|_| tx.commit().map_err(StoreError::from)) {
            Ok(()) => Ok(channel),
            Err(e) => {
                let _ = fs::remove_dir_all(channel_dir(&self.data_dir, id));
                Err(e)
            }
        }
    }

    /// One channel.
    pub fn channel(&self, id: ChannelId) -> Result<Channel> {
        // A row and its addresses are two statements: one read transaction
        // (WAL: one moment), so that an edit between them cannot show.
        let conn = self.conn();
        let tx = conn.unchecked_transaction()?;
        load_channel(&tx, id)?.ok_or_else(|| not_found(id))
    }

    /// Every channel, by id.
    pub fn channels(&self) -> Result<Vec<Channel>> {
        let conn = self.conn();
        let tx = conn.unchecked_transaction()?;
        load_channels(&tx)
    }

    /// Every channel, by id, as the schedule and the reports read it
    /// ([`crate::Register::channel_briefs`]).
    pub fn channel_briefs(&self) -> Result<Vec<ChannelBrief>> {
        super::channel_rows::load_channel_briefs(&self.conn())
    }

    /// The channels matching `filter`, each with the state of its history.
    pub fn list_channels(&self, filter: &ChannelFilter) -> Result<Vec<ChannelSummary>> {
        let conn = self.conn();
        let tx = conn.unchecked_transaction()?;
        let channels = load_channels(&tx)?;
        let mut stats = super::summary::channel_stats(&tx)?;
        drop(tx);
        Ok(channels
            .into_iter()
            .filter(|c| filter.matches(c))
            .map(|c| {
                let st = stats.remove(&c.id).unwrap_or_default();
                ChannelSummary {
                    channel: c,
                    last_snapshot_at: st.last_started_at,
                    last_snapshot_status: st.last_status,
                    last_complete_at: st.last_complete_started_at,
                    snapshot_count: st.count,
                }
            })
            .collect())
    }

    /// Applies a patch. Returns the channel unchanged (and logs nothing) when
    /// the patch changes nothing. A closed channel cannot be edited.
    pub fn edit_channel(
        &self,
        id: ChannelId,
        patch: &ChannelPatch,
        actor: &str,
    ) -> Result<Channel> {
        self.edit_channel_checked(id, patch, actor, None)
    }

    /// [`Store::edit_channel`]; with `seen`, refused when the channel
    /// changed after that revision (see `channel_revision.rs`).
    pub(crate) fn edit_channel_checked(
        &self,
        id: ChannelId,
        patch: &ChannelPatch,
        actor: &str,
        seen: Option<i64>,
    ) -> Result<Channel> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let old = load_channel(&tx, id)?.ok_or_else(|| not_found(id))?;
        if let Some(seen) = seen {
            check_revision(&old, &super::channel_revision::revision(&tx, id)?, seen)?;
        }
        let c = apply_patch(&old, patch)?;
        if c == old {
            return Ok(old);
        }
        check_url_conflicts(&tx, Some(id), &c.urls)?;
        update_channel_row(&tx, &c)?;
        let event = AuditEvent::ChannelEdited {
            fields: changed_fields(&old, &c),
        };
        let now = self.clock.now();
        self.write_channel_file(&c)?;
        let r = self
            .audit_in(&tx, now, actor, Some(id), event)
            .and_then(|_| tx.commit().map_err(StoreError::from));
        if let Err(e) = r {
            let _ = self.write_channel_file(&old);
            return Err(e);
        }
        Ok(c)
    }

    /// Active → closing, with `closing_started_at`.
    pub fn start_closure(&self, id: ChannelId, actor: &str) -> Result<Channel> {
        self.start_closure_with(id, actor, None, None)
    }

    /// [`Store::start_closure`] with the decision to close the account and
    /// its diary number (checked text), kept in the `closure.start` event.
    pub fn start_closure_with(
        &self,
        id: ChannelId,
        actor: &str,
        decision: Option<String>,
        diary_number: Option<String>,
    ) -> Result<Channel> {
        let event = |from, to| AuditEvent::ClosureStarted {
            from,
            to,
            decision,
            diary_number,
        };
        self.change_status_with(
            id,
            actor,
            ChannelStatus::Active,
            ChannelStatus::Closing,
            event,
        )
    }

    /// Closing → active (h-close): a started closure undone, audited as
    /// `closure.undo`; `closing_started_at` is cleared, so a new start
    /// begins a new checklist. The caller checks that no final snapshot
    /// has been taken.
    pub fn undo_closure(&self, id: ChannelId, actor: &str) -> Result<Channel> {
        let event = |from, to| AuditEvent::ClosureUndone { from, to };
        self.change_status_with(
            id,
            actor,
            ChannelStatus::Closing,
            ChannelStatus::Active,
            event,
        )
    }

    /// Closing → closed, with `closed_at`, and `note` (a person's words,
    /// when not empty) as a `closure.note`. Only the package workflow (after
    /// a verified pre-closure package) should call this.
    pub fn mark_closed(&self, id: ChannelId, actor: &str, note: &str) -> Result<Channel> {
        let note = (!note.is_empty()).then(|| AuditEvent::ClosureNote { text: note.into() });
        self.mark_closed_with(id, actor, note)
    }

    /// [`Store::mark_closed`] with the note as an event (e.g.
    /// [`AuditEvent::ClosedOn`]).
    pub fn mark_closed_with(
        &self,
        id: ChannelId,
        actor: &str,
        note: Option<AuditEvent>,
    ) -> Result<Channel> {
        let c = self.change_status(id, actor, ChannelStatus::Closing, ChannelStatus::Closed)?;
        if let Some(note) = note {
            self.append_audit(actor, Some(id), note)?;
        }
        Ok(c)
    }

    fn change_status(
        &self,
        id: ChannelId,
        actor: &str,
        from: ChannelStatus,
        to: ChannelStatus,
    ) -> Result<Channel> {
        let event = |from, to| match to {
            ChannelStatus::Closed => AuditEvent::ClosureCompleted { from, to },
            _ => AuditEvent::ClosureStarted {
                from,
                to,
                decision: None,
                diary_number: None,
            },
        };
        self.change_status_with(id, actor, from, to, event)
    }

    fn change_status_with(
        &self,
        id: ChannelId,
        actor: &str,
        from: ChannelStatus,
        to: ChannelStatus,
        event: impl FnOnce(ChannelStatus, ChannelStatus) -> AuditEvent,
    ) -> Result<Channel> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let old = load_channel(&tx, id)?.ok_or_else(|| not_found(id))?;
        let now = self.clock.now();
        let c = status_change(&old, from, to, now)?;
        update_channel_row(&tx, &c)?;
        self.write_channel_file(&c)?;
        let event = event(old.status, to);
        let r = self
            .audit_in(&tx, now, actor, Some(id), event)
            .and_then(|_| tx.commit().map_err(StoreError::from));
        if let Err(e) = r {
            let _ = self.write_channel_file(&old);
            return Err(e);
        }
        Ok(c)
    }

    fn write_channel_file(&self, c: &Channel) -> Result<()> {
        write_json_atomic(&channel_dir(&self.data_dir, c.id).join(CHANNEL_FILE), c)
    }
}
