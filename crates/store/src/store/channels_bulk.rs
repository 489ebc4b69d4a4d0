//! Changes to many channels at once (h-ui19, Kanaler's bulk actions): the
//! responsible person and substitute of the chosen channels, in one
//! transaction, audited per channel as a single edit is. The rules
//! ([`ResponsibleChange`]) are shared with PostgreSQL (`pg/channels_bulk.rs`).

use ogonblick_model::{AuditEvent, Channel, ChannelId, ChannelStatus, Message, TextField};

use crate::register::ChannelRevision;
use rusqlite::TransactionBehavior;

use super::channel_rows::{changed_fields, load_channel, update_channel_row};
use super::{channel_dir, not_found, Store, CHANNEL_FILE};
use crate::fsutil::write_json_atomic;
use crate::validate::{check_field, clean};
use crate::{Result, StoreError};

/// Kanaler's bulk change of the responsible person and/or substitute
/// (`Some("")` clears) of the channels `ids`
/// ([`crate::Register::set_channels_responsible`]).
#[derive(Debug, Clone, Copy)]
pub struct ResponsibleEdit<'a> {
    pub ids: &'a [ChannelId],
    pub responsible: Option<&'a str>,
    pub substitute: Option<&'a str>,
    /// Each channel's revision as the list showed it, in the order of
    /// `ids` ([`ogonblick_model::ChannelPage::revisions`]): a channel whose
    /// revision is another now refuses the whole change (`conflict`,
    /// `store-channels-changed-since` naming them), checked under the
    /// change's lock. `None`: no check.
    pub seen: Option<&'a [i64]>,
}

/// The channels as changed, and the changes to write (old, new).
pub(crate) type ResponsiblePlan = (Vec<Channel>, Vec<(Channel, Channel)>);

/// A change of many channels' responsible person and/or substitute
/// (`Some("")` clears), checked once; the same rules on both backends.
pub(crate) struct ResponsibleChange {
    responsible: Option<Option<String>>,
    substitute: Option<Option<String>>,
    seen: Option<Vec<i64>>,
}

impl ResponsibleChange {
    pub(crate) fn new(edit: &ResponsibleEdit<'_>) -> Result<Self> {
        let (responsible, substitute) = (edit.responsible, edit.substitute);
        let mut errors = Vec::new();
        check_field(TextField::Responsible, responsible, &mut errors);
        check_field(TextField::Substitute, substitute, &mut errors);
        if !errors.is_empty() {
            return Err(StoreError::invalid_list(errors));
        }
        if edit.seen.is_some_and(|seen| seen.len() != edit.ids.len()) {
            return Err(StoreError::Invalid(Message::StoreChannelsRevisionsCount {}));
        }
        Ok(ResponsibleChange {
            responsible: responsible.map(|s| clean(&Some(s.to_string()))),
            substitute: substitute.map(|s| clean(&Some(s.to_string()))),
            seen: edit.seen.map(<[i64]>::to_vec),
        })
    }

    /// Refuses the whole change when any of `channels` (as locked for it,
    /// in the order of the edit's `ids`) has another revision than the list
    /// showed; `revision` reads a channel's latest change. Compared per
    /// channel, as a single edit is: the channel's row lock orders its
    /// changes, so its revision moves exactly when it changed, whatever
    /// order the log's numbers committed in. All or none, as a closed
    /// channel refuses all: the archivist reloads the list and sees what
    /// changed before deciding again, rather than finding it half made.
    pub(crate) fn refuse_changed(
        &self,
        channels: &[Channel],
        mut revision: impl FnMut(ChannelId) -> Result<ChannelRevision>,
    ) -> Result<()> {
        let Some(seen) = &self.seen else {
            return Ok(());
        };
        let mut changed = Vec::new();
        for (c, &seen) in channels.iter().zip(seen) {
            if revision(c.id)?.seq != seen && !changed.contains(&c.name) {
                changed.push(c.name.clone());
            }
        }
        if changed.is_empty() {
            return Ok(());
        }
        Err(StoreError::Conflict(Message::StoreChannelsChangedSince {
            channels: changed.join(", "),
        }))
    }

    /// The channels `ids` as changed (in that order) and the changes to
    /// write, each channel once (old, new); `load` reads a channel (as
    /// locked for the change). A closed or unknown channel refuses all.
    pub(crate) fn plan(
        &self,
        ids: &[ChannelId],
        mut load: impl FnMut(ChannelId) -> Result<Option<Channel>>,
    ) -> Result<ResponsiblePlan> {
        let mut out = Vec::with_capacity(ids.len());
        let mut changed: Vec<(Channel, Channel)> = Vec::new();
        for &id in ids {
            let old = load(id)?.ok_or_else(|| not_found(id))?;
            if old.status == ChannelStatus::Closed {
                return Err(StoreError::Conflict(Message::StoreChannelClosed { id }));
            }
            let mut c = old.clone();
            if let Some(r) = &self.responsible {
                c.responsible = r.clone();
            }
            if let Some(s) = &self.substitute {
                c.substitute = s.clone();
            }
            if c != old && !changed.iter().any(|(o, _)| o.id == id) {
                changed.push((old, c.clone()));
            }
            out.push(c);
        }
        Ok((out, changed))
    }
}

impl Store {
    /// Sets the responsible person and/or substitute (`Some("")` clears) of
    /// every channel in `ids`: all or none. A closed or unknown channel
    /// refuses the whole change; a channel that already has these values
    /// is left as it is (no audit entry). Returns the channels as stored.
    pub fn set_channels_responsible(
        &self,
        edit: ResponsibleEdit<'_>,
        actor: &str,
    ) -> Result<Vec<Channel>> {
        let ids = edit.ids;
        let change = ResponsibleChange::new(&edit)?;
        let now = self.clock.now();
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (out, changed) = change.plan(ids, |id| load_channel(&tx, id))?;
        change.refuse_changed(&out, |id| super::channel_revision::revision(&tx, id))?;
        let mut written: Vec<&Channel> = Vec::new();
        let result = (|| -> Result<()> {
            for (old, c) in &changed {
                update_channel_row(&tx, c)?;
                write_json_atomic(&channel_dir(&self.data_dir, c.id).join(CHANNEL_FILE), c)?;
                written.push(old);
                let event = AuditEvent::ChannelEdited {
                    fields: changed_fields(old, c),
                };
                self.audit_in(&tx, now, actor, Some(c.id), event)?;
            }
            Ok(())
        })()
        .and_then(|_| tx.commit().map_err(StoreError::from));
        if let Err(e) = result {
            // The database rolled back; put back the files written.
            for old in written {
                let _ =
                    write_json_atomic(&channel_dir(&self.data_dir, old.id).join(CHANNEL_FILE), old);
            }
            return Err(e);
        }
        Ok(out)
    }
}
