//! The register of channels: list, read, add, edit, CSV import and export,
//! and the sign-in browser of a channel.

use ogonblick_app::{ChannelFilter, CsvDelimiter, EditableChannel, RegisterExport, RegisterImport};
use ogonblick_model::{
    Channel, ChannelId, ChannelPage, ChannelPatch, ChannelQuery, ChannelSummary, ErrorPayload,
    NewChannel,
};

use super::path_arg;
use crate::state::Desktop;

pub fn list_channels(
    d: &Desktop,
    filter: Option<ChannelFilter>,
) -> Result<Vec<ChannelSummary>, ErrorPayload> {
    Ok(d.app()?.list_channels(&filter.unwrap_or_default())?)
}

pub fn channel_page(d: &Desktop, query: ChannelQuery) -> Result<ChannelPage, ErrorPayload> {
    Ok(d.app()?.channel_page(&query)?)
}

pub fn get_channel(d: &Desktop, id: ChannelId) -> Result<Channel, ErrorPayload> {
    Ok(d.app()?.get_channel(id)?)
}

pub fn add_channel(d: &Desktop, channel: NewChannel) -> Result<Channel, ErrorPayload> {
    Ok(d.app()?.add_channel(channel)?)
}

pub fn channel_for_edit(d: &Desktop, id: ChannelId) -> Result<EditableChannel, ErrorPayload> {
    Ok(d.app()?.channel_for_edit(id)?)
}

/// With the revision the form was opened at, a change made meanwhile (on
/// another desktop, by the CLI) refuses the edit instead of being
/// overwritten; without it the edit goes through at once. The answer is the
/// channel with its revision after the save (read as `channel_for_edit`
/// reads it), so that a form opened again at once starts from this save
/// rather than being refused against it.
pub fn edit_channel(
    d: &Desktop,
    id: ChannelId,
    patch: ChannelPatch,
    revision: Option<i64>,
) -> Result<EditableChannel, ErrorPayload> {
    let app = d.app()?;
    match revision {
        Some(seen) => app.edit_channel_seen(id, patch, seen)?,
        None => app.edit_channel(id, patch)?,
    };
    Ok(app.channel_for_edit(id)?)
}

pub fn import_register(d: &Desktop, path: String) -> Result<RegisterImport, ErrorPayload> {
    let path = path_arg(&path, ogonblick_model::messages::PathKind::Csv)?;
    Ok(d.app()?.import_register(&path)?)
}

pub fn export_register(
    d: &Desktop,
    path: String,
    delimiter: CsvDelimiter,
) -> Result<RegisterExport, ErrorPayload> {
    let path = path_arg(&path, ogonblick_model::messages::PathKind::File)?;
    Ok(d.app()?.export_register(&path, delimiter)?)
}

pub fn open_login_browser(d: &Desktop, channel_id: ChannelId) -> Result<(), ErrorPayload> {
    Ok(d.app()?.open_login_browser(channel_id)?)
}
