//! The commands the window may call, made from one table (`table.rs`; read
//! it first). The `commands!` macro below turns the table into
//! - [`COMMANDS`], every command's name (build.rs reads the same table for
//!   the permissions);
//! - one `#[tauri::command]` handler per command, which runs it where its
//!   kind says (`quick`: on the calling thread; `blocking`: on the blocking
//!   thread pool; `async`: awaited on the async runtime) and calls
//!   `<group>::<name>` with the table's argument and result types, so the
//!   compiler holds the functions to the table;
//! - [`invoke_handler`], which registers all handlers with Tauri;
//! - (in tests) the signatures from which `typescript` writes
//!   `ui/src/bindings/commands.ts`.
//!
//! Every command returns `Result<_, ErrorPayload>`; `?` turns an `AppError`
//! into the `{code, message, key}` payload (`From<AppError> for
//! ErrorPayload`), and the handler hands it over with `message` in the
//! language the window chose ([`Desktop::answer`]).
//!
//! Where commands run, in Tauri 2.12: a command without `async` runs on the
//! thread that handles the IPC request, which under WebKitGTK is the main
//! (GTK) thread, so it freezes the window while it runs; `async` commands,
//! and sync ones marked `#[tauri::command(async)]`, run as tasks on the
//! async runtime's worker threads (`async_runtime::spawn`; the tracing label
//! "sync_threadpool" names no separate pool). Neither is the place for
//! SQLite, PNG decoding or launching Chromium: `blocking` commands go to
//! `spawn_blocking`.

use ogonblick_app::package::package::{PackageOrg, PackageSummary, VerifyReport};
use ogonblick_app::package::{ClosureCompleted, ExportPreview, ExportRequest};
use ogonblick_app::schedule::{ScheduleSettings, ScheduleSettingsForm};
use ogonblick_app::{
    AddressCaptureRequest, AuditLine, CaptureRequest, ChannelCapture, ChannelFilter,
    ClosureStarted, ClosureStatus, CoverageFilter, CoveragePage, CoverageQuery, CoverageSummary,
    CoverageView, CsvDelimiter, DiaryTargets, DisposalOutcome, DisposalPlan, DocumentFormat,
    DueReport, FirstRunForm, FirstRunStatus, RegisterExport, RegisterImport, RemovalFilter,
    RemovalForm, RemovalReportRequest, ReportSummary, SchedulerSettings, SchedulerStatus,
};
use ogonblick_app::{ChangeSuggestion, CurrentAccess, SnapshotComparison};
// h-rem3: the desktop's correction of a removal record.
use ogonblick_app::RemovalCorrectionForm;
// h-close: the decision given when a closure starts.
use ogonblick_app::ClosureDecision;
// h-win: the comparison thresholds.
use ogonblick_model::ComparisonSettings;
// h-ui19: the organisation's boards and units.
use ogonblick_model::OrgUnits;
// h-reg2: a view's page of snapshots.
use ogonblick_app::SnapshotLine;
// h-page: the pages of Kanaler and Att göra.
use ogonblick_app::{DueEntry, DuePage, DueQuery};
use ogonblick_model::{ChannelPage, ChannelQuery};
// h-ov: Export's choosers.
use ogonblick_app::ChannelChoice;
// h-conc: a channel with its revision for an edit form.
use ogonblick_app::EditableChannel;
// h-roles2: role editing.
use ogonblick_model::Role;
use ogonblick_model::{
    Channel, ChannelId, ChannelPatch, ChannelSummary, DisposalLogEntry, ErrorCode, ErrorPayload,
    Hold, Mark, MarkFlags, Message, NewChannel, OrgSettings, PersonRoles, ProgressEvent,
    RemovalGround, RemovalRecord, RetentionRules, Snapshot, TimestampSettings,
};
use tauri::ipc::{Channel as IpcChannel, CommandArg, CommandItem, InvokeError};
use tauri::{AppHandle, Manager, Runtime, State, WebviewWindow};
use ts_rs::TS;

use crate::dialogs::FileKind;
use crate::lang::Language;
use crate::state::Desktop;

pub(crate) mod archive;
pub(crate) mod changes;
pub(crate) mod closure;
pub(crate) mod files;
pub(crate) mod org;
pub(crate) mod records;
pub(crate) mod register;
pub(crate) mod removals;
pub(crate) mod settings;
pub(crate) mod shared;
#[cfg(test)]
mod typescript;
pub(crate) mod work;

pub use settings::AppInfo;
// h-desk: Inställningar → Delat register.
use shared::SharedRegisterInfo;

/// Turns the table into the handlers, the list of names, the invoke handler
/// and the TypeScript signatures (see the module docs).
macro_rules! commands {
    (@handler quick $group:ident $name:ident ($($arg:ident : $ty:ty),*) -> $ret:ty) => {
        #[tauri::command]
        pub(crate) fn $name(desktop: State<'_, Desktop>, $($arg: $ty),*) -> Result<$ret, ErrorPayload> {
            desktop.answer($group::$name(&desktop, $($arg),*))
        }
    };
    (@handler blocking $group:ident $name:ident ($($arg:ident : $ty:ty),*) -> $ret:ty) => {
        #[tauri::command]
        pub(crate) async fn $name(app: AppHandle, $($arg: $ty),*) -> Result<$ret, ErrorPayload> {
            let answer = app.clone();
            let r = off_runtime(move || $group::$name(&app.state::<Desktop>(), $($arg),*)).await;
            answer.state::<Desktop>().answer(r)
        }
    };
    (@handler async $group:ident $name:ident ($($arg:ident : $ty:ty),*) -> $ret:ty) => {
        #[tauri::command]
        pub(crate) async fn $name(
            app: AppHandle,
            window: WebviewWindow,
            $($arg: $ty),*
        ) -> Result<$ret, ErrorPayload> {
            let answer = app.clone();
            let r = $group::$name(Cx { app, window }, $($arg),*).await;
            answer.state::<Desktop>().answer(r)
        }
    };
    ($(
        $(#[doc = $doc:literal])*
        $kind:ident $group:ident :: $name:ident ( $($arg:ident : $ty:ty $(=> $ts:literal)?),* $(,)? ) -> $ret:ty;
    )*) => {
        /// Every command's name, in the table's order (a permission each).
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];

        /// The Tauri handlers, one per command of the table.
        mod handlers {
            use super::*;
            $( commands!(@handler $kind $group $name ($($arg : $ty),*) -> $ret); )*
        }

        /// Registers every command of the table with Tauri.
        pub fn invoke_handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(handlers::$name),*]
        }

        /// The table as data, for the TypeScript wrappers.
        #[cfg(test)]
        fn signatures() -> Vec<typescript::Signature> {
            vec![$(typescript::Signature {
                name: stringify!($name),
                docs: vec![$($doc),*],
                args: vec![$(typescript::Arg::new::<$ty>(
                    stringify!($arg),
                    None $(.or(Some($ts)))?,
                )),*],
                result: typescript::TsType::of::<$ret>(None),
            }),*]
        }
    };
}

include!("table.rs");

/// What an `async` command gets from Tauri besides its arguments: the app
/// (for the window state and the plugins) and the window that called.
pub struct Cx {
    pub app: AppHandle,
    pub window: WebviewWindow,
}

impl Cx {
    pub fn desktop(&self) -> State<'_, Desktop> {
        self.app.state::<Desktop>()
    }

    /// Runs `work` on the blocking thread pool with the window state.
    pub async fn blocking<T, F>(&self, work: F) -> Result<T, ErrorPayload>
    where
        T: Send + 'static,
        F: FnOnce(&Desktop) -> Result<T, ErrorPayload> + Send + 'static,
    {
        let app = self.app.clone();
        off_runtime(move || work(&app.state::<Desktop>())).await
    }
}

/// Runs blocking work (SQLite, files, image decoding, process launches) on
/// the blocking thread pool, so the async runtime's few worker threads stay
/// free for the window's other calls.
pub async fn off_runtime<T, F>(work: F) -> Result<T, ErrorPayload>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, ErrorPayload> + Send + 'static,
{
    tauri::async_runtime::spawn_blocking(move || {
        let _busy = crate::memory::COMMANDS.busy();
        work()
    })
    .await
    .unwrap_or_else(|e| {
        let m = ogonblick_model::Message::AppFault {
            detail: e.to_string(),
        };
        Err(ErrorPayload {
            code: ErrorCode::Internal,
            message: m.to_string(),
            key: Some(Box::new(m)),
        })
    })
}

/// The channel a long command reports its [`ProgressEvent`]s on: a Tauri
/// IPC `Channel`, made by the window (`Channel<ProgressEvent>` in
/// TypeScript, imported there as `IpcChannel`).
pub struct Progress(pub IpcChannel<ProgressEvent>);

impl<'de, R: Runtime> CommandArg<'de, R> for Progress {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        IpcChannel::from_command(command).map(Progress)
    }
}

impl TS for Progress {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;

    fn name(cfg: &ts_rs::Config) -> String {
        format!("IpcChannel<{}>", ProgressEvent::name(cfg))
    }

    fn inline(cfg: &ts_rs::Config) -> String {
        Self::name(cfg)
    }

    fn visit_generics(v: &mut impl ts_rs::TypeVisitor)
    where
        Self: 'static,
    {
        v.visit::<ProgressEvent>();
    }
}

/// A path given by the window; empty is an error that says what to do
/// (`what` names what the path is for, in the catalogue's `desktop-no-path`).
fn path_arg(
    path: &str,
    what: ogonblick_model::messages::PathKind,
) -> Result<std::path::PathBuf, ErrorPayload> {
    let path = path.trim();
    if path.is_empty() {
        let m = ogonblick_model::Message::DesktopNoPath { what };
        return Err(ErrorPayload {
            code: ErrorCode::InvalidInput,
            message: m.to_string(),
            key: Some(Box::new(m)),
        });
    }
    Ok(std::path::PathBuf::from(path))
}

fn path_string(p: std::path::PathBuf) -> String {
    p.to_string_lossy().into_owned()
}
