//! `ogonblick capture` killed with SIGKILL at seeded pseudo-random moments
//! spread over a capture's length. After every kill the store must hold
//! only whole snapshots (every row's folder and files present, every file
//! named in every snapshot.json of its recorded size and SHA-256, nothing
//! else under a final name), no Chromium of that run may be left running,
//! and a following capture must succeed and leave nothing in TMPDIR.

use std::collections::HashSet;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use ogonblick_app::model::fixity::sha256_file;
use ogonblick_testsite::TestSite;
use serde_json::Value;

use super::hostile::{add, entries, with_tmpdir};
use super::{finish, json};

const SEED: u64 = 0x0662_0b1c_2026_1128;
const KILLS: u32 = 8;

/// xorshift64*: a fixed sequence from `SEED`, so a failure can be replayed.
struct Rng(u64);
impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
}

struct Proc {
    pid: i32,
    ppid: i32,
    pgrp: i32,
    cmdline: String,
}

fn processes() -> Vec<Proc> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
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
        if rest.first() == Some(&"Z") {
            continue;
        }
        let num = |i: usize| rest.get(i).and_then(|s| s.parse().ok()).unwrap_or(0);
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline"))
            .map(|b| String::from_utf8_lossy(&b).replace('\0', " "))
            .unwrap_or_default();
        out.push(Proc {
            pid,
            ppid: num(1),
            pgrp: num(2),
            cmdline,
        });
    }
    out
}

/// The process groups below `root` other than the test's own (Chromium
/// runs in a group of its own).
fn groups_below(root: i32) -> HashSet<i32> {
    let ps = processes();
    let mut tree = vec![root];
    loop {
        let before = tree.len();
        for p in &ps {
            if tree.contains(&p.ppid) && !tree.contains(&p.pid) {
                tree.push(p.pid);
            }
        }
        if tree.len() == before {
            break;
        }
    }
    let ours = unsafe { getpgrp() };
    ps.iter()
        .filter(|p| tree.contains(&p.pid) && p.pgrp != ours)
        .map(|p| p.pgrp)
        .collect()
}

/// Live processes of a run: in one of `groups`, or naming the data folder.
fn left_over(groups: &HashSet<i32>, data: &Path) -> Vec<String> {
    let needle = data.to_string_lossy().into_owned();
    processes()
        .into_iter()
        .filter(|p| groups.contains(&p.pgrp) || p.cmdline.contains(&needle))
        .map(|p| format!("{} {}", p.pid, p.cmdline))
        .collect()
}

extern "C" {
    fn getpgrp() -> i32;
    fn kill(pid: i32, sig: i32) -> i32;
}

/// The store's promises, checked from the files and the history.
fn check_store(dir: &Path) -> (usize, usize) {
    let history = json(dir, &["history", "--json"]);
    let rows = history.as_array().unwrap();
    let mut folders = 0;
    let channels = dir.join("channels");
    for ch in entries(&channels) {
        let snaps = channels.join(&ch).join("snapshots");
        for id in entries(&snaps) {
            let folder = snaps.join(&id);
            folders += 1;
            let manifest = folder.join("snapshot.json");
            let text = std::fs::read_to_string(&manifest).unwrap_or_else(|e| {
                panic!(
                    "{} is under a final name without snapshot.json ({e})",
                    folder.display()
                )
            });
            let m: Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{}: not whole JSON ({e})", manifest.display()));
            let mut listed: HashSet<String> = HashSet::from(["snapshot.json".to_string()]);
            // The pages' files and the snapshot's own (its web archive).
            let own = m["snapshot"]["files"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            for page in m["snapshot"]["pages"].as_array().unwrap() {
                for f in page["files"].as_array().unwrap().iter().chain(&own) {
                    let rel = f["path"].as_str().unwrap();
                    let (sha, size) = sha256_file(&folder.join(rel))
                        .unwrap_or_else(|e| panic!("{}/{rel} is missing: {e}", folder.display()));
                    assert_eq!(
                        sha,
                        f["sha256"].as_str().unwrap(),
                        "{}/{rel}",
                        folder.display()
                    );
                    assert_eq!(
                        size,
                        f["size"].as_u64().unwrap(),
                        "{}/{rel}",
                        folder.display()
                    );
                    listed.insert(rel.to_string());
                }
            }
            // The manifest of every file (and, with time-stamping
            // authorities, their tokens and state) sits beside the listed ones.
            for name in entries(&folder) {
                if name == "manifest-sha256.txt" {
                    continue;
                }
                assert!(
                    listed.contains(&name),
                    "{}/{name} is under a final name but not in snapshot.json",
                    folder.display()
                );
            }
        }
    }
    for row in rows {
        let folder = channels
            .join(row["channel_id"].as_i64().unwrap().to_string())
            .join("snapshots")
            .join(row["id"].as_str().unwrap());
        assert!(
            folder.join("snapshot.json").is_file(),
            "history row {} has no folder",
            row["id"]
        );
    }
    assert_eq!(rows.len(), folders, "every snapshot folder has its row");
    (rows.len(), folders)
}

#[test]
fn capture_killed_at_random_moments_leaves_a_sound_store_and_no_chromium() {
    let site = TestSite::start().unwrap();
    let data = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = data.path();
    let id = add(dir, "Kommunen", &[&site.url("/x"), &site.url("/alert")]);
    let capture = |out: Stdio| {
        let mut c = with_tmpdir(dir, tmp.path(), &["capture", &id, "--json"]);
        c.stdout(out).stderr(Stdio::null());
        c
    };

    // One whole run, to spread the kills over its length.
    let t0 = Instant::now();
    let r = finish(capture(Stdio::piped()).output().unwrap());
    let length = t0.elapsed();
    assert_eq!(r.code, 0, "{}", r.stdout);
    check_store(dir);

    let mut rng = Rng(SEED);
    let mut findings = Vec::new();
    for i in 0..KILLS {
        let at = length.mul_f64((i as f64 + rng.unit()) / KILLS as f64);
        let mut child = capture(Stdio::null()).spawn().unwrap();
        let pid = child.id() as i32;
        let end = Instant::now() + at;
        let mut groups = HashSet::new();
        while Instant::now() < end {
            groups.extend(groups_below(pid));
            std::thread::sleep(Duration::from_millis(10));
        }
        groups.extend(groups_below(pid));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut left = left_over(&groups, dir);
        while !left.is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
            left = left_over(&groups, dir);
        }
        if !left.is_empty() {
            for g in &groups {
                unsafe { kill(-g, 9) };
            }
        }
        assert!(
            left.is_empty(),
            "kill {i} at {at:?}: Chromium outlived the run: {left:?}"
        );
        let (rows, _) = check_store(dir);
        findings.push(format!(
            "kill {i} at {:.1} s: {} Chromium group(s), {rows} snapshot(s)",
            at.as_secs_f64(),
            groups.len()
        ));
    }
    eprintln!("{}", findings.join("\n"));

    let r = finish(capture(Stdio::piped()).output().unwrap());
    assert_eq!(r.code, 0, "a capture after the kills: {}", r.stdout);
    let res: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(res[0]["snapshot"]["status"], "complete", "{res}");
    check_store(dir);
    assert_eq!(
        entries(tmp.path()),
        Vec::<String>::new(),
        "killed runs left these in TMPDIR"
    );
}
