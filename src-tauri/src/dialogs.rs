//! Native file dialogs, shown from Rust (tauri-plugin-dialog; the webview
//! has no dialog permission), and the test hooks that replace them:
//! `OGONBLICK_SAVE_PATH` / `OGONBLICK_OPEN_PATH` (WebDriver cannot drive a
//! native GTK dialog).

use std::path::{Path, PathBuf};

use serde::Deserialize;
use tauri::{Manager, Runtime, WebviewWindow};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};
use ts_rs::TS;

use ogonblick_model::Message;

use crate::lang::Language;

/// Test hook: the path `choose_save_path` returns instead of showing a dialog.
pub const SAVE_PATH_ENV: &str = "OGONBLICK_SAVE_PATH";
/// Test hook: the path `choose_open_path` returns instead of showing a dialog.
pub const OPEN_PATH_ENV: &str = "OGONBLICK_OPEN_PATH";

/// What a file dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    /// An archive package (`.zip`).
    Package,
    /// The register as CSV.
    Csv,
    /// Staff's own screenshot of a removed item (PNG, JPEG or PDF).
    Screenshot,
    /// A document the app writes: a report or the disposal log (PDF/A or CSV).
    Document,
    /// A root certificate of the time-stamping authorities (PEM).
    Certificate,
    /// A folder to write several packages into (marked items in a package
    /// of their own).
    Folder,
}

impl FileKind {
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Package => "zip",
            FileKind::Csv => "csv",
            FileKind::Screenshot => "png",
            FileKind::Document => "pdf",
            FileKind::Certificate => "pem",
            FileKind::Folder => "",
        }
    }

    /// The extensions the dialog's filter shows.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Package => &["zip"],
            FileKind::Csv => &["csv"],
            FileKind::Screenshot => &["png", "jpg", "jpeg", "pdf"],
            FileKind::Document => &["pdf", "csv"],
            FileKind::Certificate => &["pem", "crt", "cer"],
            FileKind::Folder => &[],
        }
    }

    fn filter_name(self, lang: Language) -> String {
        match self {
            FileKind::Package => Message::DialogFilterPackage {},
            FileKind::Csv => Message::DialogFilterCsv {},
            FileKind::Screenshot => Message::DialogFilterScreenshot {},
            FileKind::Document => Message::DialogFilterDocument {},
            FileKind::Certificate => Message::DialogFilterCertificate {},
            FileKind::Folder => Message::DialogChooseFolder {},
        }
        .render(lang)
    }

    fn title(self, save: bool, lang: Language) -> String {
        match (self, save) {
            (FileKind::Package, true) => Message::DialogSavePackage {},
            (FileKind::Package, false) => Message::DialogOpenPackage {},
            (FileKind::Csv, true) => Message::DialogSaveCsv {},
            (FileKind::Csv, false) => Message::DialogOpenCsv {},
            (FileKind::Screenshot, _) => Message::DialogOpenScreenshot {},
            (FileKind::Document, _) => Message::DialogSaveDocument {},
            (FileKind::Certificate, _) => Message::DialogOpenCertificate {},
            (FileKind::Folder, _) => Message::DialogChooseFolder {},
        }
        .render(lang)
    }
}

/// The test hooks, read once at start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DialogHooks {
    pub save_path: Option<PathBuf>,
    pub open_path: Option<PathBuf>,
}

impl DialogHooks {
    pub fn from_env() -> DialogHooks {
        let read = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        DialogHooks {
            save_path: read(SAVE_PATH_ENV),
            open_path: read(OPEN_PATH_ENV),
        }
    }
}

/// A saved file gets the kind's extension when the name typed has none
/// (GTK's filter does not add it); a folder is taken as it is.
pub fn with_extension(path: PathBuf, kind: FileKind) -> PathBuf {
    if path.extension().is_some() || kind == FileKind::Folder {
        path
    } else {
        path.with_extension(kind.extension())
    }
}

/// A default file name without folders (the dialog opens in the user's
/// folder; the UI does not choose where).
pub fn plain_file_name(default_name: &str, kind: FileKind) -> String {
    let name = Path::new(default_name.trim())
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("ogonblick.{}", kind.extension()));
    with_extension(PathBuf::from(name), kind)
        .to_string_lossy()
        .into_owned()
}

fn builder<R: Runtime>(
    window: &WebviewWindow<R>,
    kind: FileKind,
    save: bool,
    lang: Language,
) -> FileDialogBuilder<R> {
    let mut b = window
        .dialog()
        .file()
        .set_parent(window)
        .set_title(kind.title(save, lang));
    if !kind.extensions().is_empty() {
        b = b.add_filter(kind.filter_name(lang), kind.extensions());
    }
    // Start in the user's documents (else home) folder, not the program's
    // working directory.
    let paths = window.path();
    if let Some(dir) = [paths.document_dir(), paths.home_dir()]
        .into_iter()
        .flatten()
        .find(|d| d.is_dir())
    {
        b = b.set_directory(dir);
    }
    b
}

fn into_path(p: Option<FilePath>) -> Option<PathBuf> {
    p.and_then(|p| p.into_path().ok())
}

/// Shows the save dialog (for a folder: the folder picker) and waits for it
/// without blocking a runtime thread.
pub async fn save<R: Runtime>(
    window: &WebviewWindow<R>,
    kind: FileKind,
    default_name: &str,
    lang: Language,
) -> Option<PathBuf> {
    let (tx, mut rx) = tauri::async_runtime::channel(1);
    if kind == FileKind::Folder {
        builder(window, kind, true, lang)
            .set_can_create_directories(true)
            .pick_folder(move |p| {
                let _ = tx.try_send(into_path(p));
            });
        return rx.recv().await.flatten();
    }
    builder(window, kind, true, lang)
        .set_file_name(plain_file_name(default_name, kind))
        .set_can_create_directories(true)
        .save_file(move |p| {
            let _ = tx.try_send(into_path(p));
        });
    rx.recv().await.flatten().map(|p| with_extension(p, kind))
}

/// Shows the open dialog and waits for it without blocking a runtime thread.
pub async fn open<R: Runtime>(
    window: &WebviewWindow<R>,
    kind: FileKind,
    lang: Language,
) -> Option<PathBuf> {
    let (tx, mut rx) = tauri::async_runtime::channel(1);
    builder(window, kind, false, lang).pick_file(move |p| {
        let _ = tx.try_send(into_path(p));
    });
    rx.recv().await.flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_the_ui_as_lowercase_words() {
        assert_eq!(
            serde_json::from_str::<FileKind>("\"package\"").unwrap(),
            FileKind::Package
        );
        assert_eq!(
            serde_json::from_str::<FileKind>("\"csv\"").unwrap(),
            FileKind::Csv
        );
        assert!(serde_json::from_str::<FileKind>("\"exe\"").is_err());
    }

    #[test]
    fn a_saved_name_without_extension_gets_the_kinds_one() {
        assert_eq!(
            with_extension("/tmp/paket".into(), FileKind::Package),
            PathBuf::from("/tmp/paket.zip")
        );
        assert_eq!(
            with_extension("/tmp/reg.csv".into(), FileKind::Csv),
            PathBuf::from("/tmp/reg.csv")
        );
        assert_eq!(
            plain_file_name("../../etc/register", FileKind::Csv),
            "register.csv"
        );
        assert_eq!(plain_file_name("  ", FileKind::Package), "ogonblick.zip");
        assert_eq!(
            plain_file_name("Paket 2026.zip", FileKind::Package),
            "Paket 2026.zip"
        );
    }
}
