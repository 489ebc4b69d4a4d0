//! A capture that meets a full disk: a clear error that says what to do,
//! nothing half-written under a final name, and nothing lost: once there is
//! room, `reindex` records the failed snapshot with its reasons.
//!
//! Needs a small filesystem of its own: a tmpfs, mounted by the test (CI runs
//! as root). Where mounting is not allowed the test says so loudly and stops.

use std::path::Path;
use std::process::Command;

use ogonblick_testsite::TestSite;

use super::{json, ok, run};

struct Tmpfs<'a>(&'a Path);

impl<'a> Tmpfs<'a> {
    fn mount(dir: &'a Path, size: &str) -> Option<Tmpfs<'a>> {
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .output()
            .ok()?;
        if out.status.success() {
            Some(Tmpfs(dir))
        } else {
            eprintln!(
                "FULL-DISK TEST NOT RUN: cannot mount a tmpfs here ({}); run the tests as root",
                String::from_utf8_lossy(&out.stderr).trim()
            );
            None
        }
    }

    fn grow(&self, size: &str) {
        let st = Command::new("mount")
            .args(["-o", &format!("remount,size={size}")])
            .arg(self.0)
            .status()
            .unwrap();
        assert!(st.success(), "remount failed");
    }
}

impl Drop for Tmpfs<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.0).status();
    }
}

fn files_under(dir: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p.to_string_lossy().into_owned());
        }
    }
}

#[test]
fn a_full_disk_fails_clearly_and_loses_nothing() {
    if not_root() {
        eprintln!("FULL-DISK TEST NOT RUN: not root (CI runs the tests as root)");
        return;
    }
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let Some(fs) = Tmpfs::mount(tmp.path(), "2m") else {
        return;
    };
    let dir = tmp.path().join("data");
    let id = ok(
        &dir,
        &[
            "channel",
            "add",
            "--name",
            "Kommunen på Facebook",
            "--platform",
            "facebook",
            "--url",
            &site.url("/facebook"),
            "--url",
            &site.url("/instagram"),
        ],
    );
    let id = id.trim().to_string();

    let r = run(&dir, &["capture", &id]);
    assert_eq!(
        r.code, 1,
        "a full disk is the machine's problem (exit 1): {}",
        r.stderr
    );
    let err = r.stderr.lines().last().unwrap_or_default().to_string();
    assert!(err.starts_with("error: "), "{}", r.stderr);
    assert!(err.contains("disk"), "says the disk is full: {err}");
    // Where the failed snapshot's record could still be written, the message
    // sends the user to `reindex`; where not even that fitted, nothing of the
    // snapshot is kept (the staging folder goes at the next open).
    let record_stored = err.contains("ogonblick reindex");

    // Nothing half-written under a final name: no temporaries in the store.
    let mut files = Vec::new();
    files_under(&dir.join("channels"), &mut files);
    assert!(
        !files.iter().any(|f| {
            let name = f.rsplit('/').next().unwrap_or_default();
            name.ends_with(".partial") || name.contains(".tmp")
        }),
        "temporaries left: {files:?}"
    );

    // Room again: the register learns of the failed snapshot, with its reasons.
    fs.grow("200m");
    ok(&dir, &["reindex"]);
    let history = json(&dir, &["history", "--channel", &id, "--json"]);
    let snaps = history.as_array().unwrap();
    let mut staging = Vec::new();
    files_under(&dir.join("staging"), &mut staging);
    assert!(
        staging.is_empty(),
        "the next open removes the unfinished staging folder: {staging:?}"
    );
    if !record_stored {
        assert!(snaps.is_empty(), "no record without its files: {history}");
        return;
    }
    assert_eq!(snaps.len(), 1, "{history}");
    let s = &snaps[0];
    assert_ne!(s["status"], "complete", "{s}");
    for page in s["pages"].as_array().unwrap() {
        if page["ok"] == false {
            let e = page["error"].as_str().unwrap_or_default();
            assert!(e.contains("No space left"), "the reason is recorded: {e}");
            assert!(
                page["files"].as_array().unwrap().is_empty(),
                "no files for a failed page: {page}"
            );
        }
    }
    // Every file the record names exists with its checksum (checked by reindex
    // itself; a second look from the outside):
    let folder = dir
        .join("channels")
        .join(&id)
        .join("snapshots")
        .join(s["id"].as_str().unwrap());
    for page in s["pages"].as_array().unwrap() {
        for f in page["files"].as_array().unwrap() {
            assert!(folder.join(f["path"].as_str().unwrap()).is_file(), "{f}");
        }
    }
}

fn not_root() -> bool {
    let out = Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim() != "0"
}

/// The register on a full disk: the user is told the disk is full (exit 1,
/// not an internal fault that sends them to `reindex`), and once there is
/// room everything is as before.
#[test]
fn a_full_disk_under_the_register_says_so_and_exits_1() {
    if not_root() {
        eprintln!("FULL-DISK TEST NOT RUN: not root (CI runs the tests as root)");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let Some(_fs) = Tmpfs::mount(tmp.path(), "2m") else {
        return;
    };
    let dir = tmp.path().join("data");
    ok(
        &dir,
        &[
            "channel",
            "add",
            "--name",
            "Kommunen",
            "--platform",
            "facebook",
            "--url",
            "https://www.facebook.com/kommunen",
        ],
    );
    let before = json(&dir, &["channel", "list", "--json"]);
    let csv = tmp.path().join("kanaler.csv");
    std::fs::write(
        &csv,
        "namn;plattform;adresser\nNy;facebook;https://www.facebook.com/ny\n",
    )
    .unwrap();
    // Fill the disk.
    let fill = tmp.path().join("fill");
    let _ = Command::new("dd")
        .args(["if=/dev/zero", "bs=4k"])
        .arg(format!("of={}", fill.display()))
        .output();
    for args in [
        vec![
            "channel",
            "add",
            "--name",
            "Till",
            "--platform",
            "facebook",
            "--url",
            "https://www.facebook.com/till",
        ],
        vec!["register", "import", csv.to_str().unwrap()],
        vec!["channel", "list"],
    ] {
        let r = run(&dir, &args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("the disk is full") && !r.stderr.contains("reindex"),
            "{args:?}: {}",
            r.stderr
        );
    }
    std::fs::remove_file(&fill).unwrap();
    assert_eq!(json(&dir, &["channel", "list", "--json"]), before);
    ok(&dir, &["register", "import", csv.to_str().unwrap()]);
    ok(&dir, &["reindex"]);
    assert_eq!(
        json(&dir, &["channel", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
}
