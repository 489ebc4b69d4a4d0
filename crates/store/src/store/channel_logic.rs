//! The register's rules for a channel that do not depend on the database:
//! which channels a [`ChannelFilter`] keeps, how a patch applies, and which
//! status changes are in order. Both backends (SQLite here, PostgreSQL in
//! `crate::pg`) call these, so they refuse the same things alike.

use ogonblick_model::{Channel, ChannelId, ChannelPatch, ChannelStatus, Message, TextField};

use super::channels::ChannelFilter;
use crate::register::ChannelRevision;
use crate::validate::{check_field, check_urls, clean};
use crate::{Result, StoreError};

impl ChannelFilter {
    /// Whether `c` meets every criterion of the filter.
    pub fn matches(&self, c: &Channel) -> bool {
        let norm = |t: &Option<String>| {
            t.as_ref()
                .map(|t| t.trim().to_lowercase())
                .filter(|t| !t.is_empty())
        };
        let (text, board) = (norm(&self.text), norm(&self.board));
        self.status.is_none_or(|s| c.status == s)
            && self.platform.is_none_or(|p| c.platform == p)
            && board
                .as_ref()
                .is_none_or(|b| c.board.as_ref().is_some_and(|cb| cb.to_lowercase() == *b))
            && text.as_ref().is_none_or(|t| {
                [
                    Some(&c.name),
                    c.board.as_ref(),
                    c.unit.as_ref(),
                    c.responsible.as_ref(),
                ]
                .into_iter()
                .flatten()
                .chain(c.urls.iter())
                .any(|h| h.to_lowercase().contains(t.as_str()))
            })
    }
}

/// `old` with `patch` applied and checked; refused for a closed channel.
pub(crate) fn apply_patch(old: &Channel, patch: &ChannelPatch) -> Result<Channel> {
    if old.status == ChannelStatus::Closed {
        return Err(StoreError::Conflict(Message::StoreChannelClosed {
            id: old.id,
        }));
    }
    let mut c = old.clone();
    let mut errors = Vec::new();
    if let Some(name) = &patch.name {
        check_field(TextField::Name, Some(name), &mut errors);
        let name = name.trim();
        if name.is_empty() {
            errors.push(Message::ChannelNameEmpty {});
        } else {
            c.name = name.to_string();
        }
    }
    if let Some(p) = patch.platform {
        c.platform = p;
    }
    if let Some(urls) = &patch.urls {
        c.urls = check_urls(urls, &mut errors);
    }
    for (label, field, value) in [
        (TextField::Board, &mut c.board, &patch.board),
        (TextField::Unit, &mut c.unit, &patch.unit),
        (
            TextField::Responsible,
            &mut c.responsible,
            &patch.responsible,
        ),
        (TextField::Substitute, &mut c.substitute, &patch.substitute),
        (TextField::Purpose, &mut c.purpose, &patch.purpose),
        (TextField::Audience, &mut c.audience, &patch.audience),
        (TextField::Notes, &mut c.notes, &patch.notes),
    ] {
        check_field(label, value.as_deref(), &mut errors);
        if value.is_some() {
            *field = clean(value);
        }
    }
    if let Some(policy) = patch.policy {
        c.policy = policy;
    }
    if !errors.is_empty() {
        return Err(StoreError::invalid_list(errors));
    }
    Ok(c)
}

/// `old` moved from status `from` to `to` at `now`, or the refusal when
/// it is not in status `from`.
pub(crate) fn status_change(
    old: &Channel,
    from: ChannelStatus,
    to: ChannelStatus,
    now: ogonblick_model::Timestamp,
) -> Result<Channel> {
    if old.status != from {
        return Err(status_order_error(old, old.id, to));
    }
    let mut c = old.clone();
    c.status = to;
    match to {
        ChannelStatus::Closing => c.closing_started_at = Some(now),
        ChannelStatus::Closed => c.closed_at = Some(now),
        ChannelStatus::Active => c.closing_started_at = None,
    }
    Ok(c)
}

fn status_order_error(old: &Channel, id: ChannelId, to: ChannelStatus) -> StoreError {
    let since = match old.status {
        ChannelStatus::Closing => old.closing_started_at,
        ChannelStatus::Closed => old.closed_at,
        ChannelStatus::Active => None,
    }
    .map(|t| t.format("%Y-%m-%d").to_string());
    StoreError::Conflict(Message::StoreChannelStatusOrder {
        id,
        status: old.status.to_string(),
        dated: since.is_some(),
        since: since.unwrap_or_default(),
        wanted: to.to_string(),
    })
}

/// The audit actions that change a channel's register entry (its revision).
/// The partial index `audit_log_revision` (SQLite 0014, PostgreSQL 0010)
/// repeats the list: another list needs a new index.
pub(crate) const REVISION_ACTIONS: &str =
    "('channel.add', 'channel.edit', 'closure.start', 'closure.complete', 'closure.undo')";

/// Refuses an edit of `c` made from revision `seen` when `now` is later.
pub(crate) fn check_revision(c: &Channel, now: &ChannelRevision, seen: i64) -> Result<()> {
    if now.seq == seen {
        return Ok(());
    }
    let at = ogonblick_model::messages::format::UtcTime(now.at.unwrap_or(c.created_at));
    let (id, name, by) = (c.id, c.name.clone(), now.by.clone());
    // The login the server recorded is named when it is not the name the
    // entry claims: the claim is the client's, the login the server's
    // proof of who wrote it; both are said, the login first.
    Err(StoreError::Conflict(match &now.login {
        Some(login) => Message::StoreChannelChangedByLogin {
            id,
            name,
            by,
            login: login.clone(),
            at,
        },
        None => Message::StoreChannelChangedBy { id, name, by, at },
    }))
}
