//! Closing a channel: start, the checklist, the review of the final
//! snapshot, and the closing package (a long job).

use ogonblick_app::package::ClosureCompleted;
use ogonblick_app::{ClosureDecision, ClosureStarted, ClosureStatus};
use ogonblick_model::{ChannelId, ErrorPayload};

use super::{path_arg, Cx, Progress};
use crate::state::Desktop;

pub fn start_closure(
    d: &Desktop,
    channel_id: ChannelId,
    decision: ClosureDecision,
) -> Result<ClosureStarted, ErrorPayload> {
    Ok(d.app()?.start_closure_with(channel_id, &decision)?)
}

pub fn closure_status(d: &Desktop, channel_id: ChannelId) -> Result<ClosureStatus, ErrorPayload> {
    Ok(d.app()?.closure_status(channel_id)?)
}

pub fn review_closure(
    d: &Desktop,
    channel_id: ChannelId,
    snapshot_id: String,
) -> Result<ClosureStatus, ErrorPayload> {
    Ok(d.app()?.review_closure(channel_id, &snapshot_id)?)
}

pub async fn complete_closure(
    cx: Cx,
    job_id: String,
    channel_id: ChannelId,
    package_path: String,
    on_progress: Progress,
) -> Result<ClosureCompleted, ErrorPayload> {
    let package = path_arg(&package_path, ogonblick_model::messages::PathKind::Package)?;
    cx.desktop()
        .run_job(job_id, None, on_progress.0, move |app, sink, cancel| {
            app.complete_closure(channel_id, &package, sink, cancel)
        })
        .await
}

pub fn undo_closure(d: &Desktop, channel_id: ChannelId) -> Result<ClosureStatus, ErrorPayload> {
    Ok(d.app()?.undo_closure(channel_id)?)
}

pub fn record_account_deleted(
    d: &Desktop,
    channel_id: ChannelId,
    date: String,
) -> Result<ClosureStatus, ErrorPayload> {
    Ok(d.app()?.record_account_deleted(channel_id, &date)?)
}
