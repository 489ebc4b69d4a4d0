//! The stand-in for flite against this machine's WebKit, through the
//! desktop binary's own check (`--ogonblick-nospeech-probe`): the loader
//! binds the app to it and to nothing of flite, and a stand-in that lacks
//! a function fails the check with the loader's word for it.
#![cfg(all(target_os = "linux", target_env = "gnu"))]

use std::path::Path;

use ogonblick_desktop_lib::nospeech::{check, library_path, loaded_named, prepare, STUB};

/// The names of flite's libraries as WebKit links them, from loading
/// WebKit into this process.
fn flite_names() -> Vec<String> {
    // SAFETY: dlopen of a system library; it stays loaded.
    let webkit = unsafe {
        libc::dlopen(
            c"libwebkit2gtk-4.1.so.0".as_ptr(),
            libc::RTLD_LAZY | libc::RTLD_LOCAL,
        )
    };
    assert!(!webkit.is_null(), "WebKitGTK 4.1 is installed");
    loaded_named("libflite")
}

fn check_with(dir: &Path) -> Result<(), String> {
    let exe = Path::new(env!("CARGO_BIN_EXE_ogonblick-desktop"));
    check(exe, dir, &library_path(dir, None))
}

#[test]
fn the_stand_in_binds_this_webkit_and_one_without_a_function_does_not() {
    let names = flite_names();
    assert!(
        names.iter().any(|n| n == "libflite.so.1") && names.len() > 1,
        "WebKit links flite: {names:?}"
    );
    assert!(!STUB.is_empty(), "build.rs compiled nospeech/nospeech.c");
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("good");
    prepare(&good, &names, STUB).unwrap();
    assert_eq!(
        check_with(&good),
        Ok(()),
        "WebKit bound to the stand-in alone"
    );

    // The stand-in without cmulex_init, compiled as build.rs does.
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/nospeech/nospeech.c"))
        .unwrap();
    let without = "void *cmulex_init(void) { return NULL; }";
    assert!(src.contains(without));
    let short = tmp.path().join("short.c");
    std::fs::write(&short, src.replace(without, "")).unwrap();
    let lib = tmp.path().join("short.so");
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let mut cc = cc.split_whitespace();
    let cc = std::process::Command::new(cc.next().unwrap_or("cc"))
        .args(cc)
        .args(["-shared", "-fPIC", "-nostdlib", "-o"])
        .arg(&lib)
        .arg(&short)
        .status()
        .unwrap();
    assert!(cc.success());
    let bad = tmp.path().join("bad");
    prepare(&bad, &names, &std::fs::read(&lib).unwrap()).unwrap();
    let why = check_with(&bad).unwrap_err();
    assert!(why.contains("cmulex_init"), "the loader names it: {why}");

    // Links that lead to nothing: the loader finds the real flite, and the
    // check sees it.
    let empty = tmp.path().join("empty");
    prepare(&empty, &[], STUB).unwrap();
    assert!(check_with(&empty).is_err(), "flite came from elsewhere");
}
