//! Chromium as a process: its switches, its library path (without the
//! desktop's stand-in for WebKit's speech synthesis), the temporary folder
//! of each browser (and removing those of killed ones), its stderr, and
//! waiting for its process group to be gone (Unix; Windows waits for its
//! Job Object in `os/windows.rs`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Child;
use std::sync::{Arc, Mutex};
#[cfg(unix)]
use std::time::Duration;

use crate::CaptureOptions;

pub(crate) fn base_args(opts: &CaptureOptions, profile: &Path) -> Vec<String> {
    let mut args: Vec<String> = vec![
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--no-first-run".into(),
        "--no-default-browser-check".into(),
        "--disable-sync".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--disable-default-apps".into(),
        "--disable-extensions".into(),
        "--disable-breakpad".into(),
        "--disable-crash-reporter".into(),
        "--metrics-recording-only".into(),
        "--password-store=basic".into(),
        "--use-mock-keychain".into(),
        "--force-color-profile=srgb".into(),
        "--hide-scrollbars".into(),
        "--mute-audio".into(),
        "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication"
            .into(),
        // Pages captured side by side are all rendered in full: no tab is
        // throttled as a background one.
        "--disable-background-timer-throttling".into(),
        "--disable-renderer-backgrounding".into(),
        "--disable-backgrounding-occluded-windows".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    // Chromium refuses to run as root with its sandbox.
    if crate::os::is_superuser() {
        args.push("--no-sandbox".into());
    }
    args.extend(opts.extra_args.iter().cloned());
    args
}

const TEMP_PREFIX: &str = "ogonblick-chromium-";

/// Set by the desktop when it runs with its stand-in for WebKit's speech
/// synthesis (`src-tauri/src/nospeech.rs`): the stand-in's folder, which is
/// for WebKit's processes alone, not Chromium's.
pub const NOSPEECH_DIR_ENV: &str = "OGONBLICK_NOSPEECH_DIR";

/// `LD_LIBRARY_PATH` for Chromium when the desktop runs with the stand-in
/// in folder `nospeech`: `path` without it; `None` when nothing is left.
pub(crate) fn library_path_without(
    path: Option<std::ffi::OsString>,
    nospeech: &Path,
) -> Option<std::ffi::OsString> {
    let path = path?;
    let kept: Vec<PathBuf> = std::env::split_paths(&path)
        .filter(|p| p != nospeech && !p.as_os_str().is_empty())
        .collect();
    if kept.is_empty() {
        return None;
    }
    std::env::join_paths(kept).ok()
}

/// Takes the desktop's stand-in out of `cmd`'s environment (see
/// [`NOSPEECH_DIR_ENV`]), when this process has it.
pub(crate) fn without_nospeech(cmd: &mut std::process::Command) {
    let Some(dir) = std::env::var_os(NOSPEECH_DIR_ENV) else {
        return;
    };
    cmd.env_remove(NOSPEECH_DIR_ENV);
    match library_path_without(std::env::var_os("LD_LIBRARY_PATH"), Path::new(&dir)) {
        Some(p) => cmd.env("LD_LIBRARY_PATH", p),
        None => cmd.env_remove("LD_LIBRARY_PATH"),
    };
}

/// A new folder `$TMPDIR/ogonblick-chromium-<pid>-<n>-<nanos>` for one browser.
pub(crate) fn temp_root_dir() -> std::io::Result<PathBuf> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    remove_stale_temp_roots();
    let dir = std::env::temp_dir().join(format!(
        "{TEMP_PREFIX}{}-{}-{nanos}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(dir.join("tmp"))?;
    std::fs::create_dir_all(dir.join("downloads"))?;
    Ok(dir)
}

/// Removes the temporary folders of browsers whose process was killed
/// before it could remove them (`ogonblick-chromium-<pid>-…` of a process
/// that no longer runs).
fn remove_stale_temp_roots() {
    let Ok(dir) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for e in dir.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(TEMP_PREFIX)
            .and_then(|r| r.split('-').next())
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == 0 || pid == std::process::id() {
            continue;
        }
        if crate::os::process_gone(pid) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Drains Chromium's stderr on a thread of its own, so Chromium never blocks
/// on a full pipe; keeps the tail for launch errors.
pub(crate) fn drain_stderr(child: &mut Child) -> Arc<Mutex<String>> {
    let stderr_tail = Arc::new(Mutex::new(String::new()));
    if let Some(mut err) = child.stderr.take() {
        let tail = stderr_tail.clone();
        let _ = std::thread::Builder::new()
            .name("chromium-stderr".into())
            .spawn(move || {
                let mut buf = [0u8; 8192];
                while let Ok(n) = err.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    if let Ok(mut t) = tail.lock() {
                        t.push_str(&String::from_utf8_lossy(&buf[..n]));
                        if t.len() > 8000 {
                            let cut = t.len() - 4000;
                            let cut = (cut..t.len()).find(|i| t.is_char_boundary(*i)).unwrap_or(0);
                            t.drain(..cut);
                        }
                    }
                }
            });
    }
    stderr_tail
}

/// Polls `/proc` until no live (non-zombie) process belongs to the process
/// group `pgid`, killing stragglers again, for at most `timeout`.
#[cfg(target_os = "linux")]
pub(crate) fn wait_for_group_exit(pgid: i32, timeout: Duration) {
    let end = std::time::Instant::now() + timeout;
    loop {
        let mut left = false;
        if let Ok(dir) = std::fs::read_dir("/proc") {
            for e in dir.flatten() {
                let Ok(pid) = e.file_name().to_string_lossy().parse::<i32>() else {
                    continue;
                };
                let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                    continue;
                };
                let Some(close) = stat.rfind(')') else {
                    continue;
                };
                let rest: Vec<&str> = stat[close + 2..].split_whitespace().collect();
                // Fields after the name: state, ppid, pgrp, ...
                if rest.first() == Some(&"Z")
                    || rest.get(2).and_then(|g| g.parse::<i32>().ok()) != Some(pgid)
                {
                    continue;
                }
                left = true;
                unsafe {
                    libc::kill(pid, libc::SIGKILL);
                }
            }
        }
        if !left || std::time::Instant::now() >= end {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(all(unix, not(target_os = "linux")))]
pub(crate) fn wait_for_group_exit(_pgid: i32, _timeout: Duration) {}

#[cfg(test)]
mod nospeech_tests {
    use std::ffi::OsString;
    use std::path::Path;

    use super::library_path_without;

    #[test]
    fn chromium_gets_the_library_path_without_the_desktops_stand_in() {
        let d = Path::new("/run/user/1/ogonblick-nospeech-1");
        let p = |s: &str| Some(OsString::from(s));
        assert_eq!(
            library_path_without(p("/run/user/1/ogonblick-nospeech-1"), d),
            None
        );
        assert_eq!(
            library_path_without(p("/run/user/1/ogonblick-nospeech-1:/opt/lib"), d),
            p("/opt/lib")
        );
        assert_eq!(library_path_without(p("/a:/b"), d), p("/a:/b"));
        assert_eq!(library_path_without(None, d), None);
    }
}
