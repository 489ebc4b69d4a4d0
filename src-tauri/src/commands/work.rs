//! Long jobs: capture, export and verify a package, and cancel any of them.
//! Each runs on the blocking thread pool, registered under the job id the
//! window gave (see [`crate::jobs`]).

use ogonblick_app::package::package::{PackageSummary, VerifyReport};
use ogonblick_app::package::ExportRequest;
use ogonblick_app::{AddressCaptureRequest, CaptureRequest, ChannelCapture};
use ogonblick_model::{ErrorPayload, Snapshot};

use super::{path_arg, Cx, Progress};
use crate::jobs::CAPTURE_DUE_GROUP;
use crate::state::Desktop;

pub fn cancel_job(d: &Desktop, job_id: String) -> Result<bool, ErrorPayload> {
    Ok(d.jobs().cancel(&job_id))
}

pub async fn capture(
    cx: Cx,
    job_id: String,
    request: CaptureRequest,
    on_progress: Progress,
) -> Result<Vec<ChannelCapture>, ErrorPayload> {
    cx.desktop()
        .run_job(job_id, None, on_progress.0, move |app, sink, cancel| {
            app.capture(&request, sink, cancel)
        })
        .await
}

/// One address for a channel (`App::capture_address`), under the channel's
/// capture claim like any capture.
pub async fn capture_address(
    cx: Cx,
    job_id: String,
    request: AddressCaptureRequest,
    on_progress: Progress,
) -> Result<Snapshot, ErrorPayload> {
    cx.desktop()
        .run_job(job_id, None, on_progress.0, move |app, sink, cancel| {
            app.capture_address(&request, sink, cancel)
        })
        .await
}

/// In the exclusive group of the scheduler's run: refused while it runs.
pub async fn capture_due(
    cx: Cx,
    job_id: String,
    on_progress: Progress,
) -> Result<Vec<ChannelCapture>, ErrorPayload> {
    cx.desktop()
        .run_job(
            job_id,
            Some(CAPTURE_DUE_GROUP),
            on_progress.0,
            move |app, sink, cancel| app.capture_due(None, sink, cancel),
        )
        .await
}

pub async fn export_package(
    cx: Cx,
    job_id: String,
    request: ExportRequest,
    out_path: String,
    on_progress: Progress,
) -> Result<PackageSummary, ErrorPayload> {
    let out = path_arg(&out_path, ogonblick_model::messages::PathKind::PackageFile)?;
    cx.desktop()
        .run_job(job_id, None, on_progress.0, move |app, sink, cancel| {
            app.export_package(&request, &out, sink, cancel)
        })
        .await
}

pub async fn export_packages(
    cx: Cx,
    job_id: String,
    request: ExportRequest,
    out_dir: String,
    on_progress: Progress,
) -> Result<Vec<PackageSummary>, ErrorPayload> {
    let out = path_arg(&out_dir, ogonblick_model::messages::PathKind::PackageFolder)?;
    cx.desktop()
        .run_job(job_id, None, on_progress.0, move |app, sink, cancel| {
            app.export_packages(&request, &out, sink, cancel)
        })
        .await
}

pub async fn verify_package(
    cx: Cx,
    job_id: String,
    path: String,
    on_progress: Progress,
) -> Result<VerifyReport, ErrorPayload> {
    let path = path_arg(&path, ogonblick_model::messages::PathKind::Package)?;
    cx.desktop()
        .run_job(job_id, None, on_progress.0, move |app, sink, cancel| {
            app.verify_package(&path, sink, cancel)
        })
        .await
}
