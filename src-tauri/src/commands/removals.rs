//! Removal records (*borttaget innehåll*): the *Borttaget* list, a record's
//! versions, recording a removal (the capture first, as a long job), the
//! second person's certification, and the screenshot staff supplied.

use ogonblick_app::{
    DiaryTargets, RemovalCorrectionForm, RemovalFilter, RemovalForm, RemovalReportRequest,
    ReportSummary,
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

/// Sets (or, with an empty number, removes) the diary number of the
/// snapshots and removal records `targets` names (ids, or all of a channel's
/// or board's, optionally of one year); returns how many of each it set.
pub fn set_diary_number(
    d: &Desktop,
    targets: DiaryTargets,
    number: String,
) -> Result<(usize, usize), ErrorPayload> {
    let number = Some(number.as_str()).filter(|n| !n.trim().is_empty());
    let (snapshots, records) = d.app()?.set_diary_number(&targets, number)?;
    Ok((snapshots.len(), records.len()))
}

/// Adds a removal ground (its short name, Swedish and English wording).
pub fn add_removal_ground(
    d: &Desktop,
    code: String,
    label_sv: String,
    label_en: Option<String>,
) -> Result<RemovalGround, ErrorPayload> {
    Ok(d.app()?
        .add_removal_ground(&code, &label_sv, label_en.as_deref())?)
}

/// Changes a removal ground's wording (for new records).
pub fn edit_removal_ground(
    d: &Desktop,
    code: String,
    label_sv: Option<String>,
    label_en: Option<String>,
) -> Result<RemovalGround, ErrorPayload> {
    Ok(d.app()?
        .edit_removal_ground(&code, label_sv.as_deref(), label_en.as_deref())?)
}

/// Retires a removal ground: no longer offered for new records.
pub fn retire_removal_ground(d: &Desktop, code: String) -> Result<RemovalGround, ErrorPayload> {
    Ok(d.app()?.retire_removal_ground(&code)?)
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

/// Corrects a record (*Rätta*): a new version with the changed fields and why.
pub fn correct_removal(
    d: &Desktop,
    id: String,
    correction: RemovalCorrectionForm,
) -> Result<RemovalRecord, ErrorPayload> {
    Ok(d.app()?.correct_removal_form(&id, &correction)?)
}

/// The message to the author the form would write when left empty (the
/// Swedish template naming the channel's rules page), for the form to show.
pub fn removal_contact_preview(d: &Desktop, form: RemovalForm) -> Result<String, ErrorPayload> {
    Ok(d.app()?.contact_preview(&form)?)
}
