//! What the register records: snapshots, the audit log, what is due and
//! which periods are covered.

use ogonblick_app::{AuditLine, CoverageReport, DueReport};
use ogonblick_model::{ChannelId, ErrorPayload, Message, Snapshot};

use crate::state::Desktop;

/// Snapshots, newest first.
pub fn history(d: &Desktop, channel_id: Option<ChannelId>) -> Result<Vec<Snapshot>, ErrorPayload> {
    let mut snapshots = d.app()?.history(channel_id)?;
    snapshots.reverse();
    Ok(snapshots)
}

pub fn audit_log(
    d: &Desktop,
    channel_id: Option<ChannelId>,
) -> Result<Vec<AuditLine>, ErrorPayload> {
    Ok(d.app()?.audit_lines(channel_id)?)
}

pub fn due(d: &Desktop, at: Option<String>) -> Result<DueReport, ErrorPayload> {
    let at = d.at(at)?;
    Ok(d.app()?.due(at)?)
}

pub fn coverage(d: &Desktop, at: Option<String>) -> Result<CoverageReport, ErrorPayload> {
    let at = d.at(at)?;
    Ok(d.app()?.coverage(at)?)
}

/// Whether a snapshot is timestamped, by whom and when, or pending, as a
/// catalogue message.
pub fn timestamp_status(d: &Desktop, snapshot_id: String) -> Result<Message, ErrorPayload> {
    let state = d.app()?.snapshot_timestamp(&snapshot_id)?;
    Ok(ogonblick_app::timestamp_status(state.as_ref()))
}
