//! The Ögonblick desktop shell. Every command is a thin adapter over a use
//! case of `ogonblick-app`: take the state, call the use case, map its error
//! to the `{code, message}` payload the UI shows. No domain logic lives here.

use std::path::PathBuf;
use std::sync::Arc;

use ogonblick_app::{App, AppConfig, ChannelFilter};
use ogonblick_model::{
    Channel, ChannelId, ChannelPatch, ChannelSummary, ErrorCode, ErrorPayload, NewChannel,
    ProgressEvent, RandomIds, SystemClock,
};
use serde::Serialize;
use tauri::State;

pub mod jobs;

use jobs::{ChannelSink, JobRegistry};

/// What the window state holds: the opened application (or why it could not
/// be opened, shown by every command) and the running jobs.
pub struct Desktop {
    app: Result<Arc<App>, ErrorPayload>,
    data_dir: PathBuf,
    operator: String,
    jobs: JobRegistry,
}

impl Desktop {
    /// Opens the store in `data_dir`. A failure does not stop the window from
    /// opening: the UI shows it as a sentence.
    pub fn open(data_dir: PathBuf, operator: String) -> Desktop {
        let config = AppConfig { data_dir: data_dir.clone(), operator: operator.clone() };
        let app = App::open(config, Arc::new(SystemClock), Arc::new(RandomIds))
            .map(Arc::new)
            .map_err(|e| e.payload());
        Desktop { app, data_dir, operator, jobs: JobRegistry::default() }
    }

    pub fn app(&self) -> Result<&App, ErrorPayload> {
        self.app.as_deref().map_err(Clone::clone)
    }

    pub fn jobs(&self) -> &JobRegistry {
        &self.jobs
    }

    /// Runs a long use case on a blocking thread, registered under `job_id`
    /// (cancellable with `cancel_job`), with its progress sent to `channel`.
    pub async fn run_job<T, F>(
        &self,
        job_id: String,
        channel: tauri::ipc::Channel<ProgressEvent>,
        work: F,
    ) -> Result<T, ErrorPayload>
    where
        T: Send + 'static,
        F: FnOnce(&App, &ChannelSink, &ogonblick_model::CancelToken) -> Result<T, ErrorPayload>
            + Send
            + 'static,
    {
        let app = self.app.clone()?;
        let guard = self.jobs.start(&job_id)?;
        let token = guard.token().clone();
        let sink = ChannelSink(channel);
        let result =
            tauri::async_runtime::spawn_blocking(move || work(&app, &sink, &token)).await;
        drop(guard);
        result.unwrap_or_else(|e| {
            Err(ErrorPayload {
                code: ErrorCode::Internal,
                message: format!("The job {job_id} stopped unexpectedly ({e}); please report this."),
            })
        })
    }
}

/// Facts about this installation, shown in the window's footer.
#[derive(Debug, Clone, Serialize)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub operator: String,
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
    state.app()?.list_channels(&filter.unwrap_or_default()).map_err(|e| e.payload())
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
    state.app()?.edit_channel(id, patch).map_err(|e| e.payload())
}

/// Asks a running job to stop; false when it has already finished.
#[tauri::command]
fn cancel_job(state: State<'_, Desktop>, job_id: String) -> bool {
    state.jobs().cancel(&job_id)
}

/// Starts the desktop app; returns when the last window closes.
pub fn run() -> anyhow::Result<()> {
    // The data directory: `OGONBLICK_DATA_DIR` when set, else the OS default
    // (the same rule as the CLI); the operator: `OGONBLICK_OPERATOR` or the login.
    let operator = ogonblick_app::default_operator();
    let desktop = match ogonblick_app::default_data_dir() {
        Ok(dir) => Desktop::open(dir, operator),
        Err(e) => Desktop {
            app: Err(e.payload()),
            data_dir: PathBuf::new(),
            operator,
            jobs: JobRegistry::default(),
        },
    };
    tauri::Builder::default()
        .manage(desktop)
        .invoke_handler(tauri::generate_handler![
            app_info,
            list_channels,
            get_channel,
            add_channel,
            edit_channel,
            cancel_job,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"))?;
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
        let handled: Vec<&str> =
            handler.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
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
        let caps = include_str!("../capabilities/main.json");
        for c in &listed {
            let perm = format!("\"allow-{}\"", c.replace('_', "-"));
            assert!(caps.contains(&perm), "capabilities/main.json does not grant {perm}");
        }
    }
}
