//! What the window state holds ([`Desktop`]): the opened application (or
//! why it could not be opened), the running jobs, the language of the
//! desktop's own texts, the background scheduler and the poll for changes
//! made elsewhere; and the test hooks read
//! from the environment at start ([`Hooks`]).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ogonblick_app::{App, AppConfig, RegisterChoice, SchedulerStatus};
use ogonblick_model::{
    CancelToken, ErrorCode, ErrorPayload, ProgressEvent, RandomIds, SystemClock, Timestamp,
};
use tauri::ipc::Channel as IpcChannel;

use crate::dialogs::DialogHooks;
use crate::jobs::{ChannelSink, JobRegistry};
use crate::lang::LanguageCell;
use crate::scheduler::{self, Scheduler, SchedulerOutput, SchedulerThread};
use crate::watch::{RegisterChanged, RegisterWatch};

/// Test hook: `OGONBLICK_NO_OPEN=1` makes `open_snapshot_file` check the
/// path (and log it) without launching a viewer.
pub const NO_OPEN_ENV: &str = "OGONBLICK_NO_OPEN";
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
    /// The period of the poll for changes made elsewhere
    /// (`OGONBLICK_WATCH_SECS`); `None`: off.
    pub watch: Option<Duration>,
}

impl Hooks {
    pub fn from_env() -> Hooks {
        Hooks {
            dialogs: DialogHooks::from_env(),
            no_open: std::env::var(NO_OPEN_ENV).is_ok_and(|v| v.trim() == "1"),
            tick: scheduler::tick_from_env(),
            watch: crate::watch::period_from_env(),
        }
    }
}

/// What the window state holds: the opened application (or why it could not
/// be opened, shown by every command), the running jobs and the background
/// scheduler.
pub struct Desktop {
    app: Result<Arc<App>, ErrorPayload>,
    pub(crate) data_dir: PathBuf,
    pub(crate) operator: String,
    /// The register opened: shared on PostgreSQL or the local one.
    pub(crate) register: RegisterChoice,
    jobs: Arc<JobRegistry>,
    pub(crate) hooks: Hooks,
    pub(crate) language: Arc<LanguageCell>,
    pub(crate) scheduler: Mutex<Option<SchedulerThread>>,
    /// The poll for changes made elsewhere (`watch.rs`).
    watch: Mutex<Option<RegisterWatch>>,
}

impl Desktop {
    /// Opens the register: the shared one on PostgreSQL that
    /// `OGONBLICK_DATABASE` or the address saved in Inställningar names
    /// (`ogonblick_app::choose_register`, as the CLI), with `data_dir` as
    /// its shared data folder, else the local one in `data_dir`. A failure
    /// does not stop the window from opening: the UI shows it as a sentence.
    pub fn open(data_dir: PathBuf, operator: String, hooks: Hooks) -> Desktop {
        let choice = ogonblick_app::choose_register(None);
        Desktop::open_with(data_dir, operator, hooks, choice)
    }

    /// [`Desktop::open`] on the register `choice` names (or its error).
    pub fn open_with(
        data_dir: PathBuf,
        operator: String,
        hooks: Hooks,
        choice: Result<RegisterChoice, ogonblick_app::AppError>,
    ) -> Desktop {
        let config = AppConfig {
            data_dir: data_dir.clone(),
            operator: operator.clone(),
        };
        let (choice, app) = match choice {
            Ok(choice) => {
                let (clock, ids) = (Arc::new(SystemClock), Arc::new(RandomIds));
                let app = match &choice.database {
                    Some(url) => App::open_postgres(config, url, clock, ids),
                    None => App::open(config, clock, ids),
                };
                (choice, app)
            }
            Err(e) => (RegisterChoice::local(), Err(e)),
        };
        // The person's roles are looked up by their login (h-roles), never
        // by the operator name.
        let app = app
            .map(|app| app.with_login(ogonblick_app::default_login()))
            .map(Arc::new)
            .map_err(ErrorPayload::from);
        let mut desktop = Desktop::with_app(app, data_dir, operator, hooks);
        desktop.register = choice;
        desktop
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
            register: RegisterChoice::local(),
            jobs: Arc::default(),
            hooks,
            language: Arc::default(),
            scheduler: Mutex::new(None),
            watch: Mutex::new(None),
        }
    }

    pub fn app(&self) -> Result<&App, ErrorPayload> {
        self.app.as_deref().map_err(Clone::clone)
    }

    /// A command's result as the window receives it: a refusal's `message`
    /// (the text beside its catalogue `key`) in the language the window
    /// chose with `set_language`, whatever the process's locale.
    pub fn answer<T>(&self, r: Result<T, ErrorPayload>) -> Result<T, ErrorPayload> {
        r.map_err(|e| crate::lang::in_language(e, self.language.get()))
    }

    /// The application, for work on a thread of its own.
    pub fn shared_app(&self) -> Result<Arc<App>, ErrorPayload> {
        self.app.clone()
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

    /// Starts polling the register for changes made elsewhere (unless it
    /// is off, or the register could not be opened), calling `out` when it
    /// changed.
    pub fn start_watch(
        &self,
        out: Box<dyn Fn(RegisterChanged) + Send>,
    ) -> Result<(), ErrorPayload> {
        let (Ok(app), Some(period)) = (&self.app, self.hooks.watch) else {
            return Ok(());
        };
        let watch = RegisterWatch::spawn(app.clone(), period, out).map_err(|e| {
            let m = ogonblick_model::Message::AppFault {
                detail: format!("register watch: {e}"),
            };
            ErrorPayload {
                code: ErrorCode::Internal,
                message: m.to_string(),
                key: Some(Box::new(m)),
            }
        })?;
        *self.watch.lock().unwrap_or_else(|p| p.into_inner()) = Some(watch);
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
                    .ok()
                    .and_then(|a| a.scheduler_settings().ok())
                    .is_some_and(|s| s.auto_capture),
                ..SchedulerStatus::default()
            },
        }
    }

    /// Closing the app: stop every job and the scheduler (waits for it).
    pub fn shutdown(&self) {
        self.jobs.cancel_all();
        let watch = self.watch.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(watch) = watch {
            watch.shutdown();
        }
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
        F: FnOnce(&App, &ChannelSink, &CancelToken) -> ogonblick_app::Result<T> + Send + 'static,
    {
        let app = self.app.clone()?;
        let guard = self.jobs.start_in(&job_id, group)?;
        let token = guard.token().clone();
        let sink = ChannelSink(channel);
        let result = tauri::async_runtime::spawn_blocking(move || {
            let _busy = crate::memory::COMMANDS.busy();
            work(&app, &sink, &token)
        })
        .await;
        drop(guard);
        match result {
            Ok(r) => Ok(r?),
            Err(e) => {
                let m = ogonblick_model::Message::AppFault {
                    detail: format!("{job_id}: {e}"),
                };
                Err(ErrorPayload {
                    code: ErrorCode::Internal,
                    message: m.to_string(),
                    key: Some(Box::new(m)),
                })
            }
        }
    }

    /// Reads a moment given by the window (`YYYY-MM-DD` or RFC 3339).
    pub(crate) fn at(&self, at: Option<String>) -> Result<Option<Timestamp>, ErrorPayload> {
        match at.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => Ok(Some(self.app()?.parse_at(s)?)),
            None => Ok(None),
        }
    }
}
