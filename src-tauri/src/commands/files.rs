//! A snapshot's files (thumbnails, the system viewer) and the native file
//! dialogs, shown from Rust so that the webview needs no file or dialog
//! permission.

use base64::Engine as _;
use ogonblick_model::{ErrorCode, ErrorPayload, Message};
use tauri::Manager;
use tauri_plugin_opener::OpenerExt;

use super::{off_runtime, path_string, Cx};
use crate::dialogs::{self, FileKind};
use crate::state::{Desktop, NO_OPEN_ENV};

/// A page's screenshot as a `data:image/png;base64,…` URL (the CSP allows
/// `data:` images; no file access for the webview).
pub fn thumbnail(
    d: &Desktop,
    snapshot_id: String,
    page_index: usize,
    max_width: u32,
) -> Result<String, ErrorPayload> {
    let png = d.app()?.thumbnail(&snapshot_id, page_index, max_width)?;
    Ok(format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(png)
    ))
}

/// Opens a recorded file of a snapshot in the system viewer.
pub async fn open_snapshot_file(
    cx: Cx,
    snapshot_id: String,
    rel_path: String,
) -> Result<(), ErrorPayload> {
    let app = cx.app;
    off_runtime(move || {
        let d = app.state::<Desktop>();
        let path = d.app()?.snapshot_file_path(&snapshot_id, &rel_path)?;
        if d.hooks.no_open {
            eprintln!(
                "ogonblick-desktop: {NO_OPEN_ENV}=1, not opening {}",
                path.display()
            );
            return Ok(());
        }
        open_path(&app, path)
    })
    .await
}

/// Shows a recorded file of a snapshot (its web archive, say) in the file
/// manager, selected.
pub async fn reveal_snapshot_file(
    cx: Cx,
    snapshot_id: String,
    rel_path: String,
) -> Result<(), ErrorPayload> {
    let app = cx.app;
    off_runtime(move || {
        let d = app.state::<Desktop>();
        let path = d.app()?.snapshot_file_path(&snapshot_id, &rel_path)?;
        if d.hooks.no_open {
            eprintln!(
                "ogonblick-desktop: {NO_OPEN_ENV}=1, not showing {}",
                path.display()
            );
            return Ok(());
        }
        tauri_plugin_opener::reveal_item_in_dir(&path).map_err(|e| {
            said(Message::DesktopNoFileManager {
                path: path.display().to_string(),
                detail: e.to_string(),
            })
        })
    })
    .await
}

/// Opens a file of ours in the system viewer; a sentence when no program can.
pub(crate) fn open_path(
    app: &tauri::AppHandle,
    path: std::path::PathBuf,
) -> Result<(), ErrorPayload> {
    app.opener()
        .open_path(path_string(path.clone()), None::<&str>)
        .map_err(|e| {
            said(Message::DesktopNoViewer {
                path: path.display().to_string(),
                detail: e.to_string(),
            })
        })
}

/// A failure of the desktop's surroundings (no viewer, no file manager) as
/// the window receives it: the English sentence and the catalogue message.
fn said(message: Message) -> ErrorPayload {
    ErrorPayload {
        code: ErrorCode::Environment,
        message: message.render(ogonblick_model::Language::En),
        key: Some(Box::new(message)),
    }
}

/// Where to save a package or CSV file: a native dialog (or the test hook
/// `OGONBLICK_SAVE_PATH`); `None` when the user cancelled.
pub async fn choose_save_path(
    cx: Cx,
    kind: FileKind,
    default_name: String,
) -> Result<Option<String>, ErrorPayload> {
    let desktop = cx.desktop();
    if let Some(p) = &desktop.hooks.dialogs.save_path {
        return Ok(Some(path_string(p.clone())));
    }
    Ok(
        dialogs::save(&cx.window, kind, &default_name, desktop.language.get())
            .await
            .map(path_string),
    )
}

/// Which package or CSV file to read: a native dialog (or the test hook
/// `OGONBLICK_OPEN_PATH`); `None` when the user cancelled.
pub async fn choose_open_path(cx: Cx, kind: FileKind) -> Result<Option<String>, ErrorPayload> {
    let desktop = cx.desktop();
    if let Some(p) = &desktop.hooks.dialogs.open_path {
        return Ok(Some(path_string(p.clone())));
    }
    Ok(dialogs::open(&cx.window, kind, desktop.language.get())
        .await
        .map(path_string))
}
