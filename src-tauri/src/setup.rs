//! Starting the app: open the data directory, register the plugins, the
//! window state and the commands, start the background scheduler and the
//! poll for changes made elsewhere, and stop
//! everything when the last window closes.

use std::path::PathBuf;
use std::sync::Arc;

use ogonblick_app::SchedulerEvent;
use tauri::{Emitter, Manager, RunEvent};
use tauri_plugin_notification::NotificationExt;

use crate::scheduler::SchedulerOutput;
use crate::state::{Desktop, Hooks};
use crate::watch::{RegisterChanged, REGISTER_CHANGED_EVENT};
use crate::{commands, SCHEDULER_EVENT};

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

/// Starts the desktop app; returns when the last window closes.
pub fn run() -> anyhow::Result<()> {
    // First of all: may run the app again without flite (or end a check).
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    crate::nospeech::keep_flite_out();
    // Before GTK and WebKit start, and before any other thread does.
    crate::memory::limit_arenas();
    // Before GTK starts and before any other thread: WebKit's processes inherit it.
    crate::webkit::choose_renderer();
    // Before the window's web context is made.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    crate::webkit::pressure::watch_web_memory();
    // The data directory: `OGONBLICK_DATA_DIR` when set, else the OS default
    // (the same rule as the CLI); the operator: `OGONBLICK_OPERATOR` or the login.
    let operator = ogonblick_app::default_operator();
    let hooks = Hooks::from_env();
    let desktop = match ogonblick_app::default_data_dir() {
        Ok(dir) => Desktop::open(dir, operator, hooks),
        Err(e) => Desktop::with_app(Err(e.into()), PathBuf::new(), operator, hooks),
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
            if let Ok(engine) = desktop.shared_app() {
                // The register's caches, freed when the app comes to rest.
                let weak = Arc::downgrade(&engine);
                crate::memory::release_before_trim(move || {
                    if let Some(engine) = weak.upgrade() {
                        engine.store().release_memory();
                    }
                });
                // Partial files of exports that were killed (best effort).
                std::thread::spawn(move || {
                    engine.clean_partial_exports();
                });
            }
            if let Err(e) = desktop.start_scheduler(Box::new(TauriOutput(app.handle().clone()))) {
                // The window still opens; the status shows no ticks.
                eprintln!(
                    "ogonblick-desktop: the background scheduler is off: {}",
                    e.message
                );
            }
            let handle = app.handle().clone();
            let emit = move |changed: RegisterChanged| {
                if let Err(e) = handle.emit(REGISTER_CHANGED_EVENT, changed) {
                    eprintln!(
                        "ogonblick-desktop: could not send a register change to the window: {e}"
                    );
                }
            };
            if let Err(e) = desktop.start_watch(Box::new(emit)) {
                // The window still opens; changes made elsewhere show at the next reading.
                eprintln!(
                    "ogonblick-desktop: changes made elsewhere are not watched: {}",
                    e.message
                );
            }
            Ok(())
        })
        .invoke_handler(commands::invoke_handler())
        .build(tauri::generate_context!("../tauri.conf.json"))?;
    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            handle.state::<Desktop>().shutdown();
        }
    });
    Ok(())
}
