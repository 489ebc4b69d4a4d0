//! What changed between snapshots (h-diff): the suggested major changes of
//! Att göra, dismissing or registering one, and two snapshots compared.

use ogonblick_app::{ChangeSuggestion, SnapshotComparison};
use ogonblick_model::{ErrorPayload, Snapshot};

use super::{Cx, Progress};
use crate::state::Desktop;

pub fn change_suggestions(d: &Desktop) -> Result<Vec<ChangeSuggestion>, ErrorPayload> {
    Ok(d.app()?.change_suggestions()?)
}

pub fn dismiss_change(
    d: &Desktop,
    snapshot_id: String,
    note: Option<String>,
) -> Result<(), ErrorPayload> {
    Ok(d.app()?.dismiss_change(&snapshot_id, note)?)
}

pub fn compare_snapshots(
    d: &Desktop,
    older: String,
    newer: String,
) -> Result<SnapshotComparison, ErrorPayload> {
    Ok(d.app()?.compare_snapshots(&older, &newer)?)
}

/// Registers a suggested major change: the channel captured now as a major
/// change described by `note` (a long job, like any capture).
pub async fn register_change(
    cx: Cx,
    job_id: String,
    snapshot_id: String,
    note: String,
    on_progress: Progress,
) -> Result<Snapshot, ErrorPayload> {
    cx.desktop()
        .run_job(job_id, None, on_progress.0, move |app, sink, cancel| {
            app.register_change(&snapshot_id, &note, sink, cancel)
        })
        .await
}
