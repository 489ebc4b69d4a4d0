//! Removal records (*borttaget innehåll*): the *Borttaget* list, a record's
//! versions, recording a removal (the capture first, as a long job), the
//! second person's certification, and the screenshot staff supplied.

use ogonblick_app::{
    DiaryTargets, RemovalFilter, RemovalForm, RemovalReportRequest, ReportSummary,
};
use ogonblick_model::{ErrorPayload, RemovalGround, RemovalRecord};
use tauri::Manager;

use super::{off_runtime, Cx, Progress};
use crate::state::{Desktop, NO_OPEN_ENV};

pub fn list_removals(
    d: &Desktop,
    filter: RemovalFilter,
) -> Result<Vec<RemovalRecord>, ErrorPayload> {
    Ok(d.app()?.find_removals(&filter)?)
}

pub fn removal_versions(d: &Desktop, id: String) -> Result<Vec<RemovalRecord>, ErrorPayload> {
    Ok(d.app()?.removal(&id)?)
}

pub fn removal_grounds(d: &Desktop) -> Result<Vec<RemovalGround>, ErrorPayload> {
    Ok(d.app()?.removal_grounds()?)
}

pub async fn record_removal(
    cx: Cx,
    job_id: String,
    form: RemovalForm,
    on_progress: Progress,
) -> Result<RemovalRecord, ErrorPayload> {
    cx.desktop()
        .run_job(job_id, None, on_progress.0, move |app, sink, cancel| {
            app.record_removal(&form, sink, cancel)
        })
        .await
}

pub fn certify_removal(d: &Desktop, id: String, by: String) -> Result<RemovalRecord, ErrorPayload> {
    Ok(d.app()?.certify_removal(&id, &by)?)
}

/// Sets (or, with an empty number, removes) the diary number of snapshots
/// and removal records; returns how many of each it set.
pub fn set_diary_number(
    d: &Desktop,
    ids: Vec<String>,
    number: String,
) -> Result<(usize, usize), ErrorPayload> {
    let targets = DiaryTargets {
        ids,
        ..DiaryTargets::default()
    };
    let number = Some(number.as_str()).filter(|n| !n.trim().is_empty());
    let (snapshots, records) = d.app()?.set_diary_number(&targets, number)?;
    Ok((snapshots.len(), records.len()))
}

/// Opens the screenshot staff supplied for a record in the system viewer.
pub async fn open_removal_file(cx: Cx, removal_id: String) -> Result<(), ErrorPayload> {
    let app = cx.app;
    off_runtime(move || {
        let d = app.state::<Desktop>();
        let path = d.app()?.removal_file_path(&removal_id)?;
        if d.hooks.no_open {
            eprintln!(
                "ogonblick-desktop: {NO_OPEN_ENV}=1, not opening {}",
                path.display()
            );
            return Ok(());
        }
        super::files::open_path(&app, path)
    })
    .await
}

/// The period report (PDF/A or CSV by the name's extension) of the removals
/// in the request.
pub fn removal_report(
    d: &Desktop,
    request: RemovalReportRequest,
) -> Result<ReportSummary, ErrorPayload> {
    Ok(d.app()?.removal_report(&request)?)
}

/// Captures a record's item again; a new version links the new snapshot.
pub fn recapture_removal(d: &Desktop, id: String) -> Result<RemovalRecord, ErrorPayload> {
    Ok(d.app()?.recapture_removal(&id)?)
}
