//! What the register records: snapshots, the audit log, what is due and
//! which periods are covered.

use ogonblick_app::{
    AuditLine, ChannelChoice, CoverageFilter, CoveragePage, CoverageQuery, CoverageSummary,
    CoverageView, DocumentFormat, DueEntry, DuePage, DueQuery, DueReport, SnapshotLine,
};
use ogonblick_model::{ChannelId, ErrorPayload, Message, Snapshot};

use super::path_arg;
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

pub fn due_page(d: &Desktop, at: Option<String>, query: DueQuery) -> Result<DuePage, ErrorPayload> {
    let at = d.at(at)?;
    Ok(d.app()?.due_page(at, &query)?)
}

pub fn channel_due(
    d: &Desktop,
    at: Option<String>,
    channel_id: ChannelId,
) -> Result<Option<DueEntry>, ErrorPayload> {
    let at = d.at(at)?;
    Ok(d.app()?.channel_due(at, channel_id)?)
}

/// Översikt's table: the channels per board and unit in each state after
/// the filter (no channel's row).
pub fn coverage_summary(
    d: &Desktop,
    at: Option<String>,
    filter: CoverageFilter,
) -> Result<CoverageSummary, ErrorPayload> {
    let at = d.at(at)?;
    Ok(d.app()?.coverage_summary(at, &filter)?)
}

/// A page of the channels of a cell of Översikt's table.
pub fn coverage_rows(
    d: &Desktop,
    at: Option<String>,
    query: CoverageQuery,
) -> Result<CoveragePage, ErrorPayload> {
    let at = d.at(at)?;
    Ok(d.app()?.coverage_rows(at, &query)?)
}

/// Översikt's table and a page of its channels, from one report.
pub fn coverage_view(
    d: &Desktop,
    at: Option<String>,
    query: CoverageQuery,
) -> Result<CoverageView, ErrorPayload> {
    let at = d.at(at)?;
    Ok(d.app()?.coverage_view(at, &query)?)
}

/// Whether a snapshot is timestamped, by whom and when, or pending, as a
/// catalogue message.
pub fn timestamp_status(d: &Desktop, snapshot_id: String) -> Result<Message, ErrorPayload> {
    let state = d.app()?.snapshot_timestamp(&snapshot_id)?;
    Ok(ogonblick_app::timestamp_status(state.as_ref()))
}

/// Writes Översikt for `board` (every board when `None`) to `path` (`.pdf`
/// PDF/A-2b, `.csv`) in the window's language.
pub fn write_overview(
    d: &Desktop,
    path: String,
    board: Option<String>,
) -> Result<DocumentFormat, ErrorPayload> {
    let out = path_arg(&path, ogonblick_model::messages::PathKind::Overview)?;
    let lang = d.language.get();
    Ok(d.app()?.write_overview(board.as_deref(), &out, lang)?.0)
}

/// The snapshots of the channels on a view's page, each channel's oldest
/// first.
pub fn snapshot_lines(
    d: &Desktop,
    channel_ids: Vec<ChannelId>,
) -> Result<Vec<SnapshotLine>, ErrorPayload> {
    Ok(d.app()?.snapshot_lines(&channel_ids)?)
}

/// Every channel's id, name and board, for Export's choosers.
pub fn channel_choices(d: &Desktop) -> Result<Vec<ChannelChoice>, ErrorPayload> {
    Ok(d.app()?.channel_choices()?)
}
