//! `ogonblick export` and `verify` under abuse: a zip bomb in small memory,
//! verification without a writable (or any) register, an output folder
//! inside the data folder, thousands of snapshots, and exports killed with
//! SIGKILL. Snapshots are made through the real store (SQLite + files) with
//! real PNG files, no browser.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ogonblick_app::{App, AppConfig};
use ogonblick_model::*;
use sha2::{Digest, Sha256};

use super::{finish, run, user_error, Run};

#[path = "../../../package/tests/it/zipcraft.rs"]
pub(crate) mod zipcraft;

/// A real PNG of `w`×`h` pseudo-random RGB pixels (it does not compress, so
/// the package is about 3·w·h bytes per snapshot).
fn png(w: u32, h: u32, seed: u64) -> Vec<u8> {
    use std::io::Write;
    let mut raw = Vec::with_capacity(((w * 3 + 1) * h) as usize);
    let mut x = seed | 1;
    for _ in 0..h {
        raw.extend_from_slice(&[0]); // filter type None
        for _ in 0..w * 3 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            raw.push(x as u8);
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(&raw).unwrap();
    let idat = z.finish().unwrap();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut c = kind.to_vec();
        c.extend_from_slice(data);
        out.extend_from_slice(&c);
        out.extend_from_slice(&zipcraft::crc32(&c).to_be_bytes());
    };
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &idat);
    chunk(b"IEND", &[]);
    out
}

/// A data folder with one channel and `n` complete one-page snapshots, made
/// through the store; returns the channel id.
fn data_with_snapshots(dir: &Path, n: usize, w: u32, h: u32) -> i64 {
    let app = App::open(
        AppConfig {
            data_dir: dir.to_path_buf(),
            operator: "Testare".into(),
        },
        Arc::new(SystemClock),
        Arc::new(RandomIds),
    )
    .unwrap();
    let mut s = app.settings().unwrap();
    s.name = "Nacka kommun".into();
    app.set_settings(s).unwrap();
    let ch = app
        .store()
        .add_channel(
            &NewChannel {
                name: "Kulturnämnden".into(),
                platform: Some(Platform::Facebook),
                urls: vec!["https://www.facebook.com/kulturnamnden".into()],
                board: Some("Kultur- och fritidsnämnden".into()),
                ..Default::default()
            },
            "Testare",
        )
        .unwrap();
    let now = chrono::Utc::now();
    for i in 0..n {
        let id = format!("33333333-cccc-4ccc-8ccc-{i:012}");
        let st = app.store().begin_snapshot(ch.id, &id).unwrap();
        let bytes = png(w, h, i as u64 + 1);
        std::fs::write(st.path().join("page-01.png"), &bytes).unwrap();
        let page = PageRecord {
            url: ch.urls[0].clone(),
            ok: true,
            error: None,
            error_sv: None,
            message: None,
            files: vec![FileRecord {
                role: FileRole::Png,
                path: "page-01.png".into(),
                sha256: hex::encode(Sha256::digest(&bytes)),
                size: bytes.len() as u64,
                media_type: "image/png".into(),
            }],
            report: CompletenessReport::default(),
            provenance: Provenance {
                started_at: now,
                finished_at: now,
                operator: "Testare".into(),
                ..Default::default()
            },
        };
        let snap = Snapshot {
            id: id.clone(),
            channel_id: ch.id,
            reason: SnapshotReason::HalfYearly,
            reason_note: None,
            reason_message: None,
            status: SnapshotStatus::Complete,
            started_at: now,
            finished_at: now,
            operator: "Testare".into(),
            pages: vec![page],
            diary_number: None,
            single_address: None,
            files: Vec::new(),
        };
        app.store().commit_snapshot(st, snap).unwrap();
    }
    ch.id
}

fn export_cmd(dir: &Path, channel: i64, out: &Path) -> Command {
    let mut cmd = crate::ogonblick();
    cmd.arg("--data-dir")
        .arg(dir)
        .arg("--operator")
        .arg("Testare")
        .args([
            "export",
            "--channel",
            &channel.to_string(),
            "--json",
            "--out",
        ])
        .arg(out)
        .env_remove("OGONBLICK_DATA_DIR")
        .env_remove("OGONBLICK_OPERATOR");
    cmd
}

fn export(dir: &Path, channel: i64, out: &Path) -> PathBuf {
    let r = finish(export_cmd(dir, channel, out).output().unwrap());
    assert_eq!(r.code, 0, "export failed: {}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    PathBuf::from(v["path"].as_str().unwrap())
}

/// Every file below `dir` with its size and modification time.
fn tree(dir: &Path) -> BTreeSet<(PathBuf, u64, std::time::SystemTime)> {
    let mut out = BTreeSet::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let m = e.metadata().unwrap();
        if m.is_dir() {
            out.extend(tree(&e.path()));
        }
        out.insert((e.path(), m.len(), m.modified().unwrap()));
    }
    out
}

#[test]
fn verify_of_a_zip_bomb_is_a_problem_and_stays_in_small_memory() {
    let tmp = tempfile::tempdir().unwrap();
    // 3 GiB of zeros behind headers that claim 1,000 bytes, in a 3 MB file.
    let z = zipcraft::build(&[
        zipcraft::Entry::stored(
            "uuid-1/METS.xml",
            b"<?xml version=\"1.0\"?><mets xmlns=\"http://www.loc.gov/METS/\"/>",
        ),
        zipcraft::bomb("uuid-1/metadata/descriptive/x.xml", 3072, 1000),
    ]);
    let pkg = tmp.path().join("bomb.zip");
    zipcraft::write_with_sidecar(&pkg, &z);
    // Reading the entry whole would need 3 GiB; the process gets 1 GiB of
    // address space (setrlimit RLIMIT_AS via the shell's ulimit).
    let out = Command::new("sh")
        .env_remove("LANG")
        .env_remove("OGONBLICK_LANG")
        .arg("-c")
        .arg("ulimit -v 1048576 && exec \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_ogonblick"))
        .arg("--data-dir")
        .arg(tmp.path().join("no-data"))
        .arg("--operator")
        .arg("Testare")
        .arg("verify")
        .arg(&pkg)
        .output()
        .unwrap();
    let r = finish(out);
    assert_eq!(r.code, 1, "exit 1, not a crash: {} {}", r.stdout, r.stderr);
    assert!(r.stdout.contains("NOT OK"), "{}", r.stdout);
    assert!(
        r.stdout.contains("more data than its header declares"),
        "{}",
        r.stdout
    );
}

#[test]
fn verify_reads_only_the_package_and_records_only_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let ch = data_with_snapshots(&data, 2, 8, 8);
    let out = tmp.path().join("media");
    std::fs::create_dir_all(&out).unwrap();
    let pkg = export(&data, ch, &out);
    let pkg_s = pkg.to_str().unwrap();

    // With the register: it stays exactly as it was.
    let before = tree(&data);
    let r = run(&data, &["verify", pkg_s]);
    assert_eq!(r.code, 0, "{} {}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("OK"), "{}", r.stdout);
    assert_eq!(tree(&data), before, "verify changed the data folder");

    // Without any data folder: none is created.
    let none = tmp.path().join("none");
    let r = run(&none, &["verify", pkg_s, "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!none.exists(), "verify created a data folder");

    // A package on read-only media (as far as permissions go).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for p in [pkg.clone(), PathBuf::from(format!("{pkg_s}.sha256"))] {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
        }
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).unwrap();
        let media = tree(&out);
        let r = run(&none, &["verify", pkg_s]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(tree(&out), media);
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    // Asked to record: the audit log gains the verification.
    let count = |d: &Path| {
        let r = run(d, &["audit", "--json"]);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "package.verify")
            .count()
    };
    assert_eq!(count(&data), 0);
    let r = run(&data, &["verify", pkg_s, "--record"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(count(&data), 1);
}

#[test]
fn export_refuses_an_output_inside_the_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let ch = data_with_snapshots(&data, 1, 8, 8);
    let inside = data.join("exports");
    std::fs::create_dir_all(&inside).unwrap();
    // The register's own files (SQLite, its journal) may be touched.
    let files = |d: &Path| -> Vec<PathBuf> {
        tree(d)
            .into_iter()
            .map(|(p, _, _)| p)
            .filter(|p| !p.to_string_lossy().contains("ogonblick.sqlite"))
            .collect()
    };
    let before = files(&data);
    for out in [inside.clone(), data.clone(), data.join("p.zip")] {
        let msg = user_error(
            &data,
            &[
                "export",
                "--channel",
                &ch.to_string(),
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert!(msg.contains("inside Ögonblick's data folder"), "{msg}");
        assert!(msg.contains("outside it"), "{msg}");
    }
    assert_eq!(files(&data), before, "nothing was written into the store");
}

#[test]
fn an_export_of_1200_snapshots_verifies() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let ch = data_with_snapshots(&data, 1200, 4, 4);
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let t = Instant::now();
    let pkg = export(&data, ch, &out);
    eprintln!("ogonblick export of 1200 snapshots: {:?}", t.elapsed());
    let r = run(&data, &["verify", pkg.to_str().unwrap(), "--json"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["snapshot_ids"].as_array().unwrap().len(), 1200);
}

fn partials(out: &Path) -> (Vec<String>, Vec<String>) {
    let mut pkgs = Vec::new();
    let mut sides = Vec::new();
    for e in std::fs::read_dir(out).unwrap() {
        let n = e.unwrap().file_name().to_string_lossy().into_owned();
        // Any hidden file is a partial one (whatever its naming scheme).
        if n.starts_with('.') {
            if n.contains(".sha256") {
                sides.push(n);
            } else {
                pkgs.push(n);
            }
        }
    }
    (pkgs, sides)
}

#[test]
fn exports_killed_at_random_points_leave_no_false_package_and_at_most_one_partial() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    // 120 snapshots of ~300 KB: a package of ~36 MB, long enough to be hit.
    let ch = data_with_snapshots(&data, 120, 320, 320);
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let t = Instant::now();
    let first = export(&data, ch, &out);
    let full = t.elapsed();
    let mut verified: BTreeSet<PathBuf> = BTreeSet::new();
    verified.insert(first);
    let mut seed: u64 = 0x0962_0b11_c0de_2026;
    let mut stale_seen = 0;
    for round in 0..8 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let at = Duration::from_micros(seed % (full.as_micros() as u64 * 11 / 10 + 1));
        let mut child = export_cmd(&data, ch, &out)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(at);
        child.kill().unwrap();
        child.wait().unwrap();
        let (pkgs, sides) = partials(&out);
        assert!(
            pkgs.len() <= 1,
            "round {round} (killed after {at:?}): {pkgs:?}"
        );
        assert!(sides.len() <= 1, "round {round}: {sides:?}");
        stale_seen += pkgs.len();
        // Anything under a final name is a complete package that verifies.
        for e in std::fs::read_dir(&out).unwrap() {
            let p = e.unwrap().path();
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            if n.starts_with('.') || !n.ends_with(".zip") || verified.contains(&p) {
                continue;
            }
            let r: Run = run(&data, &["verify", p.to_str().unwrap()]);
            assert_eq!(
                r.code, 0,
                "round {round}: {n} is not complete: {}",
                r.stdout
            );
            verified.insert(p);
        }
    }
    eprintln!(
        "full export {full:?}; {stale_seen} of 8 kills left a partial file; {} packages completed",
        verified.len()
    );
    assert!(
        stale_seen > 0,
        "no kill hit an export while it wrote: the test did not test"
    );
    // The next export cleans up and succeeds.
    let last = export(&data, ch, &out);
    let (pkgs, sides) = partials(&out);
    assert!(pkgs.is_empty() && sides.is_empty(), "{pkgs:?} {sides:?}");
    let r = run(&data, &["verify", last.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn any_command_removes_partial_exports_of_dead_processes_in_folders_exported_to() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let ch = data_with_snapshots(&data, 1, 8, 8);
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let pkg = export(&data, ch, &out);
    let name = pkg.file_name().unwrap().to_string_lossy().into_owned();
    // A leftover of a killed export (a process id no process has), one of
    // this test's own process (alive), and a stranger's hidden file.
    let dead = out.join(format!(".{name}.ogonblick-partial-4194302"));
    let alive = out.join(format!(".{name}.ogonblick-partial-{}", std::process::id()));
    let stranger = out.join(".keep");
    for f in [&dead, &alive, &stranger] {
        std::fs::write(f, b"partial").unwrap();
    }
    let r = run(&data, &["channel", "list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!dead.exists(), "the dead export's partial file is removed");
    assert!(alive.exists(), "a running export's file is left alone");
    assert!(stranger.exists(), "other files are left alone");
    assert!(pkg.exists());
}
