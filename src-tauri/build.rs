//! The Tauri configuration lives at the repository root (`../tauri.conf.json`),
//! next to `ui/` and `icons/`; paths in it are relative to the root.
//!
//! Every command the UI may call is named in the command table
//! (`src/commands/table.rs`): tauri-build generates an `allow-<command>`
//! permission for each, and the capabilities in `capabilities/` grant them per
//! window (least privilege). A command that is not in the table and granted
//! there cannot be invoked from the webview.

// The names of the table in src/commands/table.rs, which also makes the
// handlers (src/commands/mod.rs) and the TypeScript wrappers. Here the macro
// keeps only the names: the types are never resolved in the build script.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        $kind:ident $group:ident :: $name:ident ( $($arg:ident : $ty:ty $(=> $ts:literal)?),* $(,)? ) -> $ret:ty;
    )*) => {
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}
include!("src/commands/table.rs");

fn main() {
    println!("cargo:rerun-if-changed=capabilities");
    println!("cargo:rerun-if-changed=src/commands/table.rs");
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
