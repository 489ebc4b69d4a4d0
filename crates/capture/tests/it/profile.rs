//! `profile_in_use`: a sign-in Chromium left open on the organisation's
//! profile is seen, a stale lock of a browser that is gone is not. The last
//! test starts a real Chromium on a profile folder and watches it appear and
//! go.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ogonblick_capture::profile_in_use;

#[cfg(target_os = "linux")]
fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap()
        .trim()
        .to_string()
}

#[cfg(target_os = "linux")]
fn lock_to(dir: &std::path::Path, target: &str) {
    let _ = std::fs::remove_file(dir.join("SingletonLock"));
    std::os::unix::fs::symlink(target, dir.join("SingletonLock")).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn a_lock_counts_while_its_process_lives_on_this_host() {
    let dir = tempfile::tempdir().unwrap();
    assert!(!profile_in_use(dir.path()), "no lock: free");

    lock_to(
        dir.path(),
        &format!("{}-{}", hostname(), std::process::id()),
    );
    assert!(profile_in_use(dir.path()), "a live process on this host");

    // A process that has ended (reaped): its lock is stale.
    let mut gone = Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    lock_to(dir.path(), &format!("{}-{pid}", hostname()));
    assert!(!profile_in_use(dir.path()), "a stale lock of pid {pid}");

    // Another computer's browser (a profile on a network share): in use.
    lock_to(dir.path(), &format!("another-host-{}", std::process::id()));
    assert!(profile_in_use(dir.path()));
    lock_to(dir.path(), "garbage");
    assert!(
        profile_in_use(dir.path()),
        "an unreadable lock is not ignored"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_running_chromium_holds_its_profile_until_it_ends() {
    let chromium = ogonblick_capture::CaptureOptions::default().chromium;
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(&chromium);
    cmd.args([
        "--headless",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-gpu",
        "--remote-debugging-port=0",
        "about:blank",
    ])
    .arg(format!("--user-data-dir={}", dir.path().display()))
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    if unsafe { libc::geteuid() } == 0 {
        cmd.arg("--no-sandbox");
    }
    let mut child = cmd.spawn().expect("chromium starts");
    let until = Instant::now() + Duration::from_secs(30);
    while !profile_in_use(dir.path()) {
        assert!(
            Instant::now() < until,
            "Chromium did not mark its profile in use"
        );
        assert!(child.try_wait().unwrap().is_none(), "Chromium ended early");
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        !profile_in_use(dir.path()),
        "the lock it leaves behind is stale once it has ended"
    );
}
