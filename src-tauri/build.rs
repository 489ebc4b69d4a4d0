//! The Tauri configuration lives at the repository root (`../tauri.conf.json`),
//! next to `ui/` and `icons/`; paths in it are relative to the root.
//!
//! Every command the UI may call is listed here: tauri-build generates an
//! `allow-<command>` permission for each, and the capabilities in
//! `capabilities/` grant them per window (least privilege). A command that is
//! not listed here and granted there cannot be invoked from the webview.

/// Keep in sync with `tauri::generate_handler!` in `src/lib.rs` (a test checks it).
pub const COMMANDS: &[&str] = &[
    "app_info",
    "list_channels",
    "get_channel",
    "add_channel",
    "edit_channel",
    "cancel_job",
    "history",
    "audit_log",
    "due",
    "coverage",
    "capture",
    "capture_due",
    "thumbnail",
    "open_snapshot_file",
    "open_login_browser",
    "choose_save_path",
    "choose_open_path",
    "import_register",
    "export_register",
    "export_package",
    "verify_package",
    "start_closure",
    "closure_status",
    "review_closure",
    "complete_closure",
    "get_settings",
    "set_settings",
    "get_schedule_settings",
    "set_schedule_settings",
    "get_package_settings",
    "set_package_settings",
    "get_scheduler_settings",
    "set_scheduler_settings",
    "scheduler_status",
    "set_language",
];

fn main() {
    println!("cargo:rerun-if-changed=capabilities");
    println!("cargo:rerun-if-changed=../ui/dist");
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        // A readable message instead of a panic backtrace.
        eprintln!("error: the Tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
