//! The Ögonblick desktop shell. Every command is a thin adapter over a use
//! case of `ogonblick-app`: take the state, call the use case, hand its error
//! to the UI as the `{code, message}` payload. No domain logic lives here.
//!
//! - [`commands`]: the command contract. One table (`commands/table.rs`)
//!   names every command with its arguments and result; from it come the
//!   permissions (build.rs), the invoke handler, and the TypeScript wrappers
//!   (`ui/src/bindings/commands.ts`). The commands themselves live in one
//!   module per group.
//! - [`state`]: the window state ([`Desktop`]) and the test hooks.
//! - `setup`: [`run`], which starts the app.
//! - native file dialogs and the system viewer, shown from Rust
//!   ([`dialogs`], tauri-plugin-dialog / tauri-plugin-opener; the webview
//!   holds none of their permissions), long jobs with progress and
//!   cancellation ([`jobs`]), and the background scheduler ([`scheduler`])
//!   with desktop notifications (tauri-plugin-notification).
//! - [`watch`]: the poll for changes made elsewhere (another desktop, the
//!   CLI), emitted to the window as [`watch::REGISTER_CHANGED_EVENT`].
//! - [`memory`]: staying lean at rest (two malloc arenas; free memory handed
//!   back when the last command ends).
//! - [`webkit`]: WebKitGTK's renderer for a lean window (the DMA-BUF
//!   renderer off and no EGL in the app's own process, unless
//!   `OGONBLICK_GPU_RENDERER=1`).
//! - `nospeech` (Linux): WebKit's speech synthesis (flite, 17 MB over the
//!   three processes) kept out by a stand-in, unless `OGONBLICK_SPEECH=1`.

pub mod commands;
pub mod dialogs;
pub mod jobs;
pub mod lang;
pub mod memory;
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub mod nospeech;
pub mod scheduler;
mod setup;
pub mod state;
pub mod watch;
pub mod webkit;

pub use setup::run;
pub use state::{Desktop, Hooks, NO_OPEN_ENV};

/// The Tauri event the background scheduler emits ([`ogonblick_app::SchedulerEvent`]).
pub const SCHEDULER_EVENT: &str = "scheduler";

#[cfg(test)]
mod tests;
