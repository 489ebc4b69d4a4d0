//! Several desktops at once (issue 15): a channel read together with its
//! revision, an edit refused when the channel changed after that revision
//! ("changed by … at …, reload", never a silent overwrite), and the
//! register's change stamp a desktop polls to see changes made elsewhere.

use ogonblick_model::{Channel, ChannelId, ChannelPatch, ErrorCode, Message, RoleAction};
use ogonblick_store::ChangeStamp;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, AppError, Result};

/// A channel as an edit form starts from it: the entry and the revision
/// (the audit sequence number of its latest change) the form sends back
/// with its edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EditableChannel {
    pub channel: Channel,
    #[ts(type = "number")]
    pub revision: i64,
}

impl App {
    /// A channel and its revision. The revision is read first: a change
    /// landing between the two reads makes the form's revision older than
    /// the entry it shows, so its edit is refused rather than overwriting.
    pub fn channel_for_edit(&self, id: ChannelId) -> Result<EditableChannel> {
        let revision = self.store().channel_revision(id)?.seq;
        Ok(EditableChannel {
            channel: self.store().channel(id)?,
            revision,
        })
    }

    /// [`App::edit_channel`] from the revision `seen` of
    /// [`App::channel_for_edit`]: refused (`conflict`,
    /// `store-channel-changed-by` with who changed it and when) when the
    /// channel changed since, and then nothing is saved.
    pub fn edit_channel_seen(
        &self,
        id: ChannelId,
        patch: ChannelPatch,
        seen: i64,
    ) -> Result<Channel> {
        let patch = self.checked_patch(id, patch)?;
        Ok(self
            .store()
            .edit_channel_if(id, &patch, self.operator(), seen)?)
    }

    /// What every edit of a channel checks first: the role, a patch that
    /// changes something, the board and unit it names.
    pub(crate) fn checked_patch(
        &self,
        id: ChannelId,
        mut patch: ChannelPatch,
    ) -> Result<ChannelPatch> {
        self.require(RoleAction::RegisterEdit, None)?;
        if patch == ChannelPatch::default() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::RegisterNothingToChange {},
            ));
        }
        self.check_patch_org(&self.store().channel(id)?, &mut patch)?;
        Ok(patch)
    }

    /// The register's change stamp (see [`ChangeStamp`]): a new audit entry
    /// after `since` moves it. No role is needed: it says only that
    /// something changed.
    pub fn change_stamp(&self, since: i64) -> Result<ChangeStamp> {
        Ok(self.store().change_stamp(since)?)
    }
}
