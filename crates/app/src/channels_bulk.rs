//! Kanaler's bulk actions that change the register (h-ui19): the responsible
//! person and substitute of many channels at once.

use ogonblick_model::{Channel, ChannelId, ErrorCode, Message, RoleAction};

use crate::{App, AppError, Result};

impl App {
    /// Sets the responsible person and/or the substitute (`Some("")`
    /// clears) of the chosen channels in one transaction, audited per
    /// channel as `channel.edit`. Refused as a single edit is (role check,
    /// a closed channel), and then nothing changes. With `seen`, each
    /// chosen channel's revision as the list read it, in the order of `ids`
    /// ([`ogonblick_model::ChannelPage::revisions`]), a chosen channel
    /// changed since refuses it all (`conflict` naming those channels).
    pub fn set_channels_responsible(
        &self,
        ids: &[ChannelId],
        responsible: Option<&str>,
        substitute: Option<&str>,
        seen: Option<&[i64]>,
    ) -> Result<Vec<Channel>> {
        self.require(RoleAction::RegisterEdit, None)?;
        if ids.is_empty() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::BulkNoChannels {},
            ));
        }
        if responsible.is_none() && substitute.is_none() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::RegisterNothingToChange {},
            ));
        }
        Ok(self.store().set_channels_responsible(
            ogonblick_store::ResponsibleEdit {
                ids,
                responsible,
                substitute,
                seen,
            },
            self.operator(),
        )?)
    }
}
