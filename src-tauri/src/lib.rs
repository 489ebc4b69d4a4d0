//! The Ögonblick desktop shell. Every command is a thin adapter over a use
//! case of `ogonblick-app`: take the state, call the use case, map its error
//! to the `{code, message}` payload the UI shows. No domain logic lives here.
//!
//! Besides the commands: native file dialogs and the system viewer, shown
//! from Rust ([`dialogs`], tauri-plugin-dialog / tauri-plugin-opener; the
//! webview holds none of their permissions), long jobs with progress and
//! cancellation ([`jobs`]), and the background scheduler ([`scheduler`])
//! with desktop notifications (tauri-plugin-notification).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine as _;
use ogonblick_app::package::package::{PackageOrg, PackageSummary, VerifyReport};
use ogonblick_app::package::{ClosureCompleted, ExportRequest};
use ogonblick_app::schedule::ScheduleSettings;
use ogonblick_app::{
    App, AppConfig, AuditLine, CaptureRequest, ChannelCapture, ChannelFilter, ClosureStarted,
    ClosureStatus, CoverageReport, CsvDelimiter, DueReport, RegisterExport, RegisterImport,
    SchedulerEvent, SchedulerSettings, SchedulerStatus,
};
use ogonblick_model::{
    Channel, ChannelId, ChannelPatch, ChannelSummary, ErrorCode, ErrorPayload, NewChannel,
    OrgSettings, ProgressEvent, RandomIds, Snapshot, SystemClock, Timestamp,
};
use serde::Serialize;
use tauri::ipc::Channel as IpcChannel;
use tauri::{Emitter, Manager, RunEvent, State, WebviewWindow};
use tauri_plugin_notification::NotificationExt;
use tauri_plugin_opener::OpenerExt;

pub mod dialogs;
pub mod jobs;
pub mod lang;
pub mod scheduler;

use dialogs::{DialogHooks, FileKind};
use jobs::{ChannelSink, JobRegistry, CAPTURE_DUE_GROUP};
use lang::{Language, LanguageCell};
use scheduler::{Scheduler, SchedulerOutput, SchedulerThread};

/// Test hook: `OGONBLICK_NO_OPEN=1` makes `open_snapshot_file` check the
/// path (and log it) without launching a viewer.
pub const NO_OPEN_ENV: &str = "OGONBLICK_NO_OPEN";
/// The Tauri event the background scheduler emits ([`SchedulerEvent`]).
pub const SCHEDULER_EVENT: &str = "scheduler";
/// How long closing the app waits for the scheduler's run to stop.
const SHUTDOWN_WAIT: Duration = Duration::from_secs(15);

/// The test hooks and settings read from the environment at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hooks {
    pub dialogs: DialogHooks,
    /// `OGONBLICK_NO_OPEN=1`: never launch the system viewer.
    pub no_open: bool,
    /// The scheduler's period (`OGONBLICK_SCHEDULER_TICK_SECS`); `None`: off.
    pub tick: Option<Duration>,
}

impl Hooks {
    pub fn from_env() -> Hooks {
        Hooks {
            dialogs: DialogHooks::from_env(),
            no_open: std::env::var(NO_OPEN_ENV).is_ok_and(|v| v.trim() == "1"),
            tick: scheduler::tick_from_env(),
        }
    }
}

/// What the window state holds: the opened application (or why it could not
/// be opened, shown by every command), the running jobs and the background
/// scheduler.
pub struct Desktop {
    app: Result<Arc<App>, ErrorPayload>,
    data_dir: PathBuf,
    operator: String,
    jobs: Arc<JobRegistry>,
    hooks: Hooks,
    language: Arc<LanguageCell>,
    scheduler: Mutex<Option<SchedulerThread>>,
}

impl Desktop {
    /// Opens the store in `data_dir`. A failure does not stop the window from
    /// opening: the UI shows it as a sentence.
    pub fn open(data_dir: PathBuf, operator: String, hooks: Hooks) -> Desktop {
        let config = AppConfig {
            data_dir: data_dir.clone(),
            operator: operator.clone(),
        };
        let app = App::open(config, Arc::new(SystemClock), Arc::new(RandomIds))
            .map(Arc::new)
            .map_err(|e| e.payload());
        Desktop::with_app(app, data_dir, operator, hooks)
    }

    /// A desktop over an already opened application (or its error).
    pub fn with_app(
        app: Result<Arc<App>, ErrorPayload>,
        data_dir: PathBuf,
        operator: String,
        hooks: Hooks,
    ) -> Desktop {
        Desktop {
            app,
            data_dir,
            operator,
            jobs: Arc::default(),
            hooks,
            language: Arc::default(),
            scheduler: Mutex::new(None),
        }
    }

    pub fn app(&self) -> Result<&App, ErrorPayload> {
        self.app.as_deref().map_err(Clone::clone)
    }

    pub fn jobs(&self) -> &JobRegistry {
        &self.jobs
    }

    /// Starts the background scheduler (unless it is off, or the data
    /// directory could not be opened), sending its events to `out`.
    pub fn start_scheduler(&self, out: Box<dyn SchedulerOutput>) -> Result<(), ErrorPayload> {
        let (Ok(app), Some(period)) = (&self.app, self.hooks.tick) else {
            return Ok(());
        };
        let scheduler = Scheduler::new(
            app.clone(),
            self.jobs.clone(),
            self.language.clone(),
            period,
        )?;
        let thread = SchedulerThread::spawn(scheduler, out)?;
        *self.scheduler.lock().unwrap_or_else(|p| p.into_inner()) = Some(thread);
        Ok(())
    }

    /// The scheduler's status; an empty one when it is off.
    pub fn scheduler_status(&self) -> SchedulerStatus {
        let guard = self.scheduler.lock().unwrap_or_else(|p| p.into_inner());
        match guard.as_ref() {
            Some(t) => t.scheduler().status(),
            None => SchedulerStatus {
                auto_capture: self
                    .app()
                    .and_then(|a| a.scheduler_settings().map_err(|e| e.payload()))
                    .map(|s| s.auto_capture)
                    .unwrap_or(false),
                ..SchedulerStatus::default()
            },
        }
    }

    /// Closing the app: stop every job and the scheduler (waits for it).
    pub fn shutdown(&self) {
        self.jobs.cancel_all();
        let thread = self
            .scheduler
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if let Some(thread) = thread {
            thread.shutdown(SHUTDOWN_WAIT);
        }
    }

    /// Runs a long use case on a blocking thread, registered under `job_id`
    /// (cancellable with `cancel_job`; in the exclusive `group` when given),
    /// with its progress sent to `channel`.
    pub async fn run_job<T, F>(
        &self,
        job_id: String,
        group: Option<&str>,
        channel: IpcChannel<ProgressEvent>,
        work: F,
    ) -> Result<T, ErrorPayload>
    where
        T: Send + 'static,
        F: FnOnce(&App, &ChannelSink, &ogonblick_model::CancelToken) -> Result<T, ErrorPayload>
            + Send
            + 'static,
    {
        let app = self.app.clone()?;
        let guard = self.jobs.start_in(&job_id, group)?;
        let token = guard.token().clone();
        let sink = ChannelSink(channel);
        let result = tauri::async_runtime::spawn_blocking(move || work(&app, &sink, &token)).await;
        drop(guard);
        result.unwrap_or_else(|e| {
            Err(ErrorPayload {
                code: ErrorCode::Internal,
                message: format!(
                    "The job {job_id} stopped unexpectedly ({e}); please report this."
                ),
            })
        })
    }

    /// Reads a moment given by the window (`YYYY-MM-DD` or RFC 3339).
    fn at(&self, at: Option<String>) -> Result<Option<Timestamp>, ErrorPayload> {
        match at.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => self.app()?.parse_at(s).map(Some).map_err(|e| e.payload()),
            None => Ok(None),
        }
    }
}

/// Facts about this installation, shown in the window's footer.
#[derive(Debug, Clone, Serialize)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub operator: String,
}

/// Emits the scheduler's events to the window and shows its notices as
/// desktop notifications.
struct TauriOutput(tauri::AppHandle);

impl SchedulerOutput for TauriOutput {
    fn event(&self, event: &SchedulerEvent) {
        if let Err(e) = self.0.emit(SCHEDULER_EVENT, event) {
            eprintln!("ogonblick-desktop: could not send a scheduler event to the window: {e}");
        }
    }

    fn notify(&self, title: &str, body: &str) -> Result<(), String> {
        self.0
            .notification()
            .builder()
            .title(title)
            .body(body)
            .show()
            .map_err(|e| e.to_string())
    }
}

fn path_arg(path: &str, what: &str) -> Result<PathBuf, ErrorPayload> {
    let path = path.trim();
    if path.is_empty() {
        return Err(ErrorPayload {
            code: ErrorCode::InvalidInput,
            message: format!("No {what} was given: choose a file first."),
        });
    }
    Ok(PathBuf::from(path))
}

fn path_string(p: PathBuf) -> String {
    p.to_string_lossy().into_owned()
}

// ---------------------------------------------------------------------------
// Commands (each granted in capabilities/main.json and listed in build.rs)
// ---------------------------------------------------------------------------

#[tauri::command]
fn app_info(state: State<'_, Desktop>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        data_dir: state.data_dir.display().to_string(),
        operator: state.operator.clone(),
    }
}

#[tauri::command(async)]
fn list_channels(
    state: State<'_, Desktop>,
    filter: Option<ChannelFilter>,
) -> Result<Vec<ChannelSummary>, ErrorPayload> {
    state
        .app()?
        .list_channels(&filter.unwrap_or_default())
        .map_err(|e| e.payload())
}

#[tauri::command(async)]
fn get_channel(state: State<'_, Desktop>, id: ChannelId) -> Result<Channel, ErrorPayload> {
    state.app()?.get_channel(id).map_err(|e| e.payload())
}

#[tauri::command(async)]
fn add_channel(state: State<'_, Desktop>, channel: NewChannel) -> Result<Channel, ErrorPayload> {
    state.app()?.add_channel(channel).map_err(|e| e.payload())
}

#[tauri::command(async)]
fn edit_channel(
    state: State<'_, Desktop>,
    id: ChannelId,
    patch: ChannelPatch,
) -> Result<Channel, ErrorPayload> {
    state
        .app()?
        .edit_channel(id, patch)
        .map_err(|e| e.payload())
}

/// Asks a running job to stop; false when it has already finished.
#[tauri::command]
fn cancel_job(state: State<'_, Desktop>, job_id: String) -> bool {
    state.jobs().cancel(&job_id)
}

/// Snapshots, newest first.
#[tauri::command(async)]
fn history(
    state: State<'_, Desktop>,
    channel_id: Option<ChannelId>,
) -> Result<Vec<Snapshot>, ErrorPayload> {
    let mut snapshots = state.app()?.history(channel_id).map_err(|e| e.payload())?;
    snapshots.reverse();
    Ok(snapshots)
}

#[tauri::command(async)]
fn audit_log(
    state: State<'_, Desktop>,
    channel_id: Option<ChannelId>,
) -> Result<Vec<AuditLine>, ErrorPayload> {
    state
        .app()?
        .audit_lines(channel_id)
        .map_err(|e| e.payload())
}

#[tauri::command(async)]
fn due(state: State<'_, Desktop>, at: Option<String>) -> Result<DueReport, ErrorPayload> {
    let at = state.at(at)?;
    state.app()?.due(at).map_err(|e| e.payload())
}

#[tauri::command(async)]
fn coverage(state: State<'_, Desktop>, at: Option<String>) -> Result<CoverageReport, ErrorPayload> {
    let at = state.at(at)?;
    state.app()?.coverage(at).map_err(|e| e.payload())
}

#[tauri::command]
async fn capture(
    state: State<'_, Desktop>,
    job_id: String,
    request: CaptureRequest,
    on_progress: IpcChannel<ProgressEvent>,
) -> Result<Vec<ChannelCapture>, ErrorPayload> {
    state
        .run_job(job_id, None, on_progress, move |app, sink, cancel| {
            app.capture(&request, sink, cancel).map_err(|e| e.payload())
        })
        .await
}

/// Captures every due channel; a conflict while the scheduler's run (or
/// another one) takes them.
#[tauri::command]
async fn capture_due(
    state: State<'_, Desktop>,
    job_id: String,
    on_progress: IpcChannel<ProgressEvent>,
) -> Result<Vec<ChannelCapture>, ErrorPayload> {
    state
        .run_job(
            job_id,
            Some(CAPTURE_DUE_GROUP),
            on_progress,
            move |app, sink, cancel| app.capture_due(None, sink, cancel).map_err(|e| e.payload()),
        )
        .await
}

/// A page's screenshot as a `data:image/png;base64,…` URL (the CSP allows
/// `data:` images; no file access for the webview).
#[tauri::command(async)]
fn thumbnail(
    state: State<'_, Desktop>,
    snapshot_id: String,
    page_index: usize,
    max_width: u32,
) -> Result<String, ErrorPayload> {
    let png = state
        .app()?
        .thumbnail(&snapshot_id, page_index, max_width)
        .map_err(|e| e.payload())?;
    Ok(format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(png)
    ))
}

/// Opens a recorded file of a snapshot in the system viewer.
#[tauri::command(async)]
fn open_snapshot_file(
    app: tauri::AppHandle,
    state: State<'_, Desktop>,
    snapshot_id: String,
    rel_path: String,
) -> Result<(), ErrorPayload> {
    let path = state
        .app()?
        .snapshot_file_path(&snapshot_id, &rel_path)
        .map_err(|e| e.payload())?;
    if state.hooks.no_open {
        eprintln!(
            "ogonblick-desktop: {NO_OPEN_ENV}=1, not opening {}",
            path.display()
        );
        return Ok(());
    }
    app.opener().open_path(path_string(path.clone()), None::<&str>).map_err(|e| ErrorPayload {
        code: ErrorCode::Environment,
        message: format!(
            "No program could open {} ({e}): install a PDF and image viewer, or open the file from the data folder.",
            path.display()
        ),
    })
}

#[tauri::command(async)]
fn open_login_browser(
    state: State<'_, Desktop>,
    channel_id: ChannelId,
) -> Result<(), ErrorPayload> {
    state
        .app()?
        .open_login_browser(channel_id)
        .map_err(|e| e.payload())
}

/// Where to save a package or CSV file: a native dialog (or the test hook
/// `OGONBLICK_SAVE_PATH`); `null` when the user cancelled.
#[tauri::command]
async fn choose_save_path(
    window: WebviewWindow,
    state: State<'_, Desktop>,
    kind: FileKind,
    default_name: String,
) -> Result<Option<String>, ErrorPayload> {
    if let Some(p) = &state.hooks.dialogs.save_path {
        return Ok(Some(path_string(p.clone())));
    }
    Ok(
        dialogs::save(&window, kind, &default_name, state.language.get())
            .await
            .map(path_string),
    )
}

/// Which package or CSV file to read: a native dialog (or the test hook
/// `OGONBLICK_OPEN_PATH`); `null` when the user cancelled.
#[tauri::command]
async fn choose_open_path(
    window: WebviewWindow,
    state: State<'_, Desktop>,
    kind: FileKind,
) -> Result<Option<String>, ErrorPayload> {
    if let Some(p) = &state.hooks.dialogs.open_path {
        return Ok(Some(path_string(p.clone())));
    }
    Ok(dialogs::open(&window, kind, state.language.get())
        .await
        .map(path_string))
}

#[tauri::command(async)]
fn import_register(
    state: State<'_, Desktop>,
    path: String,
) -> Result<RegisterImport, ErrorPayload> {
    let path = path_arg(&path, "CSV file")?;
    state.app()?.import_register(&path).map_err(|e| e.payload())
}

#[tauri::command(async)]
fn export_register(
    state: State<'_, Desktop>,
    path: String,
    delimiter: CsvDelimiter,
) -> Result<RegisterExport, ErrorPayload> {
    let path = path_arg(&path, "file name")?;
    state
        .app()?
        .export_register(&path, delimiter)
        .map_err(|e| e.payload())
}

#[tauri::command]
async fn export_package(
    state: State<'_, Desktop>,
    job_id: String,
    request: ExportRequest,
    out_path: String,
    on_progress: IpcChannel<ProgressEvent>,
) -> Result<PackageSummary, ErrorPayload> {
    let out = path_arg(&out_path, "file name for the package")?;
    state
        .run_job(job_id, None, on_progress, move |app, sink, cancel| {
            app.export_package(&request, &out, sink, cancel)
                .map_err(|e| e.payload())
        })
        .await
}

#[tauri::command]
async fn verify_package(
    state: State<'_, Desktop>,
    job_id: String,
    path: String,
    on_progress: IpcChannel<ProgressEvent>,
) -> Result<VerifyReport, ErrorPayload> {
    let path = path_arg(&path, "package")?;
    state
        .run_job(job_id, None, on_progress, move |app, sink, cancel| {
            app.verify_package(&path, sink, cancel)
                .map_err(|e| e.payload())
        })
        .await
}

#[tauri::command(async)]
fn start_closure(
    state: State<'_, Desktop>,
    channel_id: ChannelId,
) -> Result<ClosureStarted, ErrorPayload> {
    state
        .app()?
        .start_closure(channel_id)
        .map_err(|e| e.payload())
}

#[tauri::command(async)]
fn closure_status(
    state: State<'_, Desktop>,
    channel_id: ChannelId,
) -> Result<ClosureStatus, ErrorPayload> {
    state
        .app()?
        .closure_status(channel_id)
        .map_err(|e| e.payload())
}

#[tauri::command(async)]
fn review_closure(
    state: State<'_, Desktop>,
    channel_id: ChannelId,
    snapshot_id: String,
) -> Result<ClosureStatus, ErrorPayload> {
    state
        .app()?
        .review_closure(channel_id, &snapshot_id)
        .map_err(|e| e.payload())
}

#[tauri::command]
async fn complete_closure(
    state: State<'_, Desktop>,
    job_id: String,
    channel_id: ChannelId,
    package_path: String,
    on_progress: IpcChannel<ProgressEvent>,
) -> Result<ClosureCompleted, ErrorPayload> {
    let package = path_arg(&package_path, "package")?;
    state
        .run_job(job_id, None, on_progress, move |app, sink, cancel| {
            app.complete_closure(channel_id, &package, sink, cancel)
                .map_err(|e| e.payload())
        })
        .await
}

#[tauri::command(async)]
fn get_settings(state: State<'_, Desktop>) -> Result<OrgSettings, ErrorPayload> {
    state.app()?.settings().map_err(|e| e.payload())
}

#[tauri::command(async)]
fn set_settings(
    state: State<'_, Desktop>,
    settings: OrgSettings,
) -> Result<OrgSettings, ErrorPayload> {
    state.app()?.set_settings(settings).map_err(|e| e.payload())
}

#[tauri::command(async)]
fn get_schedule_settings(state: State<'_, Desktop>) -> Result<ScheduleSettings, ErrorPayload> {
    state.app()?.schedule_settings().map_err(|e| e.payload())
}

#[tauri::command(async)]
fn set_schedule_settings(
    state: State<'_, Desktop>,
    settings: ScheduleSettings,
) -> Result<ScheduleSettings, ErrorPayload> {
    state
        .app()?
        .set_schedule_settings(settings)
        .map_err(|e| e.payload())
}

#[tauri::command(async)]
fn get_package_settings(state: State<'_, Desktop>) -> Result<PackageOrg, ErrorPayload> {
    state.app()?.package_settings().map_err(|e| e.payload())
}

#[tauri::command(async)]
fn set_package_settings(
    state: State<'_, Desktop>,
    settings: PackageOrg,
) -> Result<PackageOrg, ErrorPayload> {
    state
        .app()?
        .set_package_settings(&settings)
        .map_err(|e| e.payload())
}

#[tauri::command(async)]
fn get_scheduler_settings(state: State<'_, Desktop>) -> Result<SchedulerSettings, ErrorPayload> {
    state.app()?.scheduler_settings().map_err(|e| e.payload())
}

#[tauri::command(async)]
fn set_scheduler_settings(
    state: State<'_, Desktop>,
    settings: SchedulerSettings,
) -> Result<SchedulerSettings, ErrorPayload> {
    state
        .app()?
        .set_scheduler_settings(settings)
        .map_err(|e| e.payload())
}

#[tauri::command]
fn scheduler_status(state: State<'_, Desktop>) -> SchedulerStatus {
    state.scheduler_status()
}

/// The language of the desktop's own texts (dialogs, notifications).
#[tauri::command]
fn set_language(state: State<'_, Desktop>, language: Language) {
    state.language.set(language);
}

/// Starts the desktop app; returns when the last window closes.
pub fn run() -> anyhow::Result<()> {
    // The data directory: `OGONBLICK_DATA_DIR` when set, else the OS default
    // (the same rule as the CLI); the operator: `OGONBLICK_OPERATOR` or the login.
    let operator = ogonblick_app::default_operator();
    let hooks = Hooks::from_env();
    let desktop = match ogonblick_app::default_data_dir() {
        Ok(dir) => Desktop::open(dir, operator, hooks),
        Err(e) => Desktop::with_app(Err(e.payload()), PathBuf::new(), operator, hooks),
    };
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(
            tauri_plugin_opener::Builder::new()
                .open_js_links_on_click(false)
                .build(),
        )
        .plugin(tauri_plugin_notification::init())
        .manage(desktop)
        .setup(|app| {
            let desktop = app.state::<Desktop>();
            if let Err(e) = desktop.start_scheduler(Box::new(TauriOutput(app.handle().clone()))) {
                // The window still opens; the status shows no ticks.
                eprintln!(
                    "ogonblick-desktop: the background scheduler is off: {}",
                    e.message
                );
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            app_info,
            list_channels,
            get_channel,
            add_channel,
            edit_channel,
            cancel_job,
            history,
            audit_log,
            due,
            coverage,
            capture,
            capture_due,
            thumbnail,
            open_snapshot_file,
            open_login_browser,
            choose_save_path,
            choose_open_path,
            import_register,
            export_register,
            export_package,
            verify_package,
            start_closure,
            closure_status,
            review_closure,
            complete_closure,
            get_settings,
            set_settings,
            get_schedule_settings,
            set_schedule_settings,
            get_package_settings,
            set_package_settings,
            get_scheduler_settings,
            set_scheduler_settings,
            scheduler_status,
            set_language,
        ])
        .build(tauri::generate_context!("../tauri.conf.json"))?;
    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            handle.state::<Desktop>().shutdown();
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    /// The commands granted to the window (build.rs) and the handler list
    /// must agree, or a command is either unreachable or ungated.
    #[test]
    fn every_handled_command_has_a_permission() {
        let build = include_str!("../build.rs");
        let lib = include_str!("lib.rs");
        let handler = lib
            .split("generate_handler![")
            .nth(1)
            .and_then(|s| s.split(']').next())
            .expect("generate_handler! list");
        let handled: Vec<&str> = handler
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let listed = build
            .split("COMMANDS: &[&str] = &[")
            .nth(1)
            .and_then(|s| s.split("];").next())
            .expect("COMMANDS list");
        let listed: Vec<&str> = listed
            .split(',')
            .map(|s| s.trim().trim_matches('"'))
            .filter(|s| !s.is_empty())
            .collect();
        assert_eq!(handled, listed);
        // The capability grants exactly these commands, plus listening to
        // the events the desktop emits: nothing else (least privilege).
        let caps: serde_json::Value =
            serde_json::from_str(include_str!("../capabilities/main.json"))
                .expect("capability JSON");
        let mut granted: Vec<String> = caps["permissions"]
            .as_array()
            .expect("permissions")
            .iter()
            .map(|p| p.as_str().expect("permission identifiers only").to_string())
            .collect();
        let mut expected: Vec<String> = listed
            .iter()
            .map(|c| format!("allow-{}", c.replace('_', "-")))
            .collect();
        expected.extend([
            "core:event:allow-listen".to_string(),
            "core:event:allow-unlisten".to_string(),
        ]);
        granted.sort();
        expected.sort();
        assert_eq!(granted, expected);
        assert_eq!(caps["windows"], serde_json::json!(["main"]));
        assert!(
            caps.get("remote").is_none(),
            "no remote URL may call the app"
        );
    }

    /// A manual "capture everything due" and the scheduler's run share one
    /// slot: the command's job is refused while the scheduler runs.
    #[test]
    fn a_job_in_the_capture_due_group_is_refused_while_the_scheduler_runs() {
        use super::*;
        let dir = tempfile::tempdir().unwrap();
        let hooks = Hooks {
            dialogs: DialogHooks::default(),
            no_open: true,
            tick: None,
        };
        let desktop = Desktop::open(dir.path().to_path_buf(), "Testare".into(), hooks);
        let sched = desktop
            .jobs()
            .start_in(jobs::SCHEDULER_JOB_ID, Some(CAPTURE_DUE_GROUP))
            .unwrap();
        let channel: IpcChannel<ProgressEvent> = IpcChannel::new(|_| Ok(()));
        let r = tauri::async_runtime::block_on(desktop.run_job(
            "manual".into(),
            Some(CAPTURE_DUE_GROUP),
            channel,
            |_app, _sink, _cancel| Ok(1),
        ));
        let err = r.unwrap_err();
        assert_eq!(err.code, ErrorCode::Conflict);
        assert!(err.message.contains("scheduled"), "{}", err.message);
        drop(sched);
        let channel: IpcChannel<ProgressEvent> = IpcChannel::new(|_| Ok(()));
        let r = tauri::async_runtime::block_on(desktop.run_job(
            "manual".into(),
            Some(CAPTURE_DUE_GROUP),
            channel,
            |app, _sink, _cancel| {
                app.list_channels(&Default::default())
                    .map(|c| c.len())
                    .map_err(|e| e.payload())
            },
        ));
        assert_eq!(r, Ok(0));
        assert!(desktop.jobs().running().is_empty());
        // With the scheduler off, the status still tells the switch.
        assert!(!desktop.scheduler_status().auto_capture);
        assert_eq!(desktop.scheduler_status().last_tick, None);
    }

    /// A data directory that cannot be opened: every command gets the error.
    #[test]
    fn an_unopenable_data_dir_is_an_error_for_every_command_not_a_crash() {
        use super::*;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-folder");
        std::fs::write(&file, b"x").unwrap();
        let hooks = Hooks {
            dialogs: DialogHooks::default(),
            no_open: false,
            tick: Some(Duration::from_secs(1)),
        };
        let desktop = Desktop::open(file, "Testare".into(), hooks);
        let err = desktop.app().unwrap_err();
        assert_eq!(err.code, ErrorCode::Environment);
        // No scheduler is started without an App.
        struct Nothing;
        impl SchedulerOutput for Nothing {
            fn event(&self, _: &SchedulerEvent) {}
            fn notify(&self, _: &str, _: &str) -> Result<(), String> {
                Ok(())
            }
        }
        assert!(desktop.start_scheduler(Box::new(Nothing)).is_ok());
        assert!(desktop.scheduler.lock().unwrap().is_none());
        desktop.shutdown();
    }
}
