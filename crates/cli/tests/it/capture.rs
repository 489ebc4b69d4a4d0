//! `ogonblick capture`: the real binary, a real Chromium and the fixture
//! site on 127.0.0.1. What a user checks: the history, the files and their
//! fixity, the reasons of failures, and that a concurrent scheduled run
//! never takes the same channel twice.

use std::path::Path;
use std::sync::Arc;

use ogonblick_app::model::fixity::sha256_file;
use ogonblick_app::schedule::{Period, ScheduleSettings};
use ogonblick_app::{App, AppConfig};
use ogonblick_model::{RandomIds, SystemClock};
use ogonblick_testsite::TestSite;
use serde_json::Value;

use super::{json, ok, run};

fn add(dir: &Path, name: &str, platform: &str, urls: &[&str]) -> i64 {
    let mut args = vec!["channel", "add", "--name", name, "--platform", platform];
    for u in urls {
        args.push("--url");
        args.push(u);
    }
    ok(dir, &args).trim().parse().unwrap()
}

/// Every file of a snapshot exists with its recorded size and SHA-256.
fn check_fixity(dir: &Path, snapshot: &Value) {
    let folder = dir
        .join("channels")
        .join(snapshot["channel_id"].as_i64().unwrap().to_string())
        .join("snapshots")
        .join(snapshot["id"].as_str().unwrap());
    assert!(
        folder.join("snapshot.json").is_file(),
        "{} has no snapshot.json",
        folder.display()
    );
    let own = snapshot["files"].as_array().cloned().unwrap_or_default();
    for page in snapshot["pages"].as_array().unwrap() {
        for f in page["files"].as_array().unwrap().iter().chain(&own) {
            let path = folder.join(f["path"].as_str().unwrap());
            let (sha, size) = sha256_file(&path).unwrap();
            assert_eq!(sha, f["sha256"].as_str().unwrap(), "{}", path.display());
            assert_eq!(size, f["size"].as_u64().unwrap(), "{}", path.display());
        }
    }
}

#[test]
fn captures_fixture_channels_and_records_failures_without_stopping() {
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let fb = add(
        dir,
        "Ögonblicks kommun på Facebook",
        "facebook",
        &[&site.url("/facebook")],
    );
    let yt = add(
        dir,
        "Kommunens YouTube",
        "youtube",
        &[&site.url("/youtube"), &site.url("/status/404")],
    );
    let bad = add(
        dir,
        "Borttagen kanal",
        "x",
        &[&site.url("/status/500"), "http://127.0.0.1:9/"],
    );

    let r = run(
        dir,
        &[
            "capture",
            &fb.to_string(),
            &yt.to_string(),
            &bad.to_string(),
            "--json",
        ],
    );
    assert_eq!(r.code, 1, "a run with failed pages exits 1: {}", r.stderr);
    assert!(r.stderr.contains("not complete"), "{}", r.stderr);
    let results: Value =
        serde_json::from_str(&r.stdout).expect("JSON results even when pages failed");
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), 3, "every channel gets a snapshot record");

    let by_channel = |id: i64| {
        results
            .iter()
            .find(|r| r["snapshot"]["channel_id"].as_i64() == Some(id))
            .unwrap()["snapshot"]
            .clone()
    };
    let s_fb = by_channel(fb);
    assert_eq!(s_fb["status"], "complete");
    let page = &s_fb["pages"][0];
    assert_eq!(page["report"]["http_status"], 200);
    let roles: Vec<&str> = page["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["png", "pdf", "text"]);
    assert_eq!(page["provenance"]["operator"], "Testare");
    assert!(page["provenance"]["browser_version"]
        .as_str()
        .unwrap()
        .contains("Chrom"));
    check_fixity(dir, &s_fb);

    let s_yt = by_channel(yt);
    assert_eq!(s_yt["status"], "partial", "one of two pages answered 404");
    assert!(s_yt["pages"][1]["error"].as_str().unwrap().contains("404"));
    assert!(s_yt["pages"][1]["files"].as_array().unwrap().is_empty());
    check_fixity(dir, &s_yt);

    let s_bad = by_channel(bad);
    assert_eq!(s_bad["status"], "failed");
    assert!(s_bad["pages"][0]["error"].as_str().unwrap().contains("500"));
    let unreachable = s_bad["pages"][1]["error"].as_str().unwrap();
    assert!(!unreachable.is_empty());
    let bad_folder = dir
        .join("channels")
        .join(bad.to_string())
        .join("snapshots")
        .join(s_bad["id"].as_str().unwrap());
    let mut files: Vec<_> = std::fs::read_dir(&bad_folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["manifest-sha256.txt", "snapshot.json", "web-archive.wacz"],
        "a failed snapshot keeps its record, the web archive of what was received and the manifest of both"
    );

    // The history shows all three; nothing is left in staging.
    let history = json(dir, &["history", "--json"]);
    assert_eq!(history.as_array().unwrap().len(), 3);
    let staging: Vec<_> = std::fs::read_dir(dir.join("staging"))
        .map(|d| d.flatten().collect())
        .unwrap_or_default();
    assert!(
        staging
            .iter()
            .all(|e: &std::fs::DirEntry| !e.path().is_dir()),
        "staging left behind"
    );

    // A lost database is rebuilt from the snapshot folders.
    std::fs::remove_file(dir.join("ogonblick.sqlite")).unwrap();
    let _ = std::fs::remove_file(dir.join("ogonblick.sqlite-wal"));
    let _ = std::fs::remove_file(dir.join("ogonblick.sqlite-shm"));
    ok(dir, &["reindex"]);
    assert_eq!(json(dir, &["history", "--json"]), history);
}

/// (start, end) of each snapshot of a `capture --json` result.
fn spans(results: &Value) -> Vec<(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>)> {
    let t = |v: &Value| {
        v.as_str()
            .unwrap()
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
    };
    results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                t(&r["snapshot"]["started_at"]),
                t(&r["snapshot"]["finished_at"]),
            )
        })
        .collect()
}

/// `--parallel 3` takes three channels side by side in one browser (their
/// snapshots' times overlap), `--parallel 1` one after the other; both give
/// whole snapshots.
#[test]
fn several_channels_side_by_side_or_one_after_the_other() {
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let ids: Vec<String> = ["instagram", "x", "linkedin"]
        .iter()
        .map(|p| {
            add(
                dir,
                &format!("Kommunen på {p}"),
                p,
                &[&site.url(&format!("/{p}"))],
            )
            .to_string()
        })
        .collect();
    let capture = |parallel: &str| {
        let mut args = vec!["capture", "--parallel", parallel, "--json"];
        args.extend(ids.iter().map(String::as_str));
        let results = json(dir, &args);
        for (r, id) in results.as_array().unwrap().iter().zip(&ids) {
            assert_eq!(
                r["snapshot"]["channel_id"].as_i64().unwrap().to_string(),
                *id,
                "results in request order"
            );
            assert_eq!(r["snapshot"]["status"], "complete", "{r}");
            check_fixity(dir, &r["snapshot"]);
        }
        results
    };

    let side_by_side = spans(&capture("3"));
    for (i, a) in side_by_side.iter().enumerate() {
        for b in &side_by_side[i + 1..] {
            assert!(
                a.0 < b.1 && b.0 < a.1,
                "snapshots taken side by side overlap: {side_by_side:?}"
            );
        }
    }
    let mut in_turn = spans(&capture("1"));
    in_turn.sort();
    for w in in_turn.windows(2) {
        assert!(w[0].1 <= w[1].0, "one after the other: {in_turn:?}");
    }

    let r = run(dir, &["capture", "--parallel", "0", &ids[0]]);
    assert_eq!(r.code, 1, "--parallel 0 is a user error");
    assert!(r.stderr.contains("parallel"), "{}", r.stderr);
}

#[test]
fn refuses_unknown_and_closed_channels_before_any_work() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let r = run(dir, &["capture", "42"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
    let r = run(dir, &["capture"]);
    assert_eq!(r.code, 1, "no channel named: usage error");
    let r = run(dir, &["capture", "1", "--reason", "whenever"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("major-change"),
        "lists the reasons: {}",
        r.stderr
    );
    assert!(
        !dir.join("channels").exists()
            || json(dir, &["history", "--json"])
                .as_array()
                .unwrap()
                .is_empty()
    );
}

/// The channel of every snapshot of `history --json`, sorted.
pub(crate) fn captured_channels(history: &Value) -> Vec<i64> {
    let mut ids: Vec<i64> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["channel_id"].as_i64().unwrap())
        .collect();
    ids.sort();
    ids
}

/// Schedule windows that cover the whole year without blackouts, so that a
/// new channel is due whatever day the test runs.
fn always_open(dir: &Path) {
    always_open_in(
        &App::open(
            AppConfig {
                data_dir: dir.to_path_buf(),
                operator: "Testare".into(),
            },
            Arc::new(SystemClock),
            Arc::new(RandomIds),
        )
        .unwrap(),
    );
}

/// [`always_open`] in the register `app` has open (PostgreSQL too).
pub(crate) fn always_open_in(app: &App) {
    let mut s = ScheduleSettings::default();
    let whole: Vec<Period> = serde_json::from_value(serde_json::json!([
        {"label": "första halvåret", "start": "01-01", "end": "06-30"},
        {"label": "andra halvåret", "start": "07-01", "end": "12-31"}
    ]))
    .unwrap();
    s.half_yearly_windows = whole;
    s.blackouts = Vec::new();
    app.set_schedule_settings(s).unwrap();
}

#[test]
fn two_concurrent_due_runs_capture_each_channel_once() {
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    always_open(dir);
    let ids: Vec<i64> = ["instagram", "x", "linkedin"]
        .iter()
        .map(|p| {
            add(
                dir,
                &format!("Kommunen på {p}"),
                p,
                &[&site.url(&format!("/{p}"))],
            )
        })
        .collect();
    let manual = ok(
        dir,
        &[
            "channel",
            "add",
            "--name",
            "Manuell",
            "--platform",
            "blog",
            "--url",
            &site.url("/youtube"),
            "--policy",
            "manual",
        ],
    );
    let due = json(dir, &["due", "--json"]);
    let capture_now: Vec<i64> = due["channels"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["capture_now"] == true)
        .map(|c| c["channel_id"].as_i64().unwrap())
        .collect();
    assert_eq!(
        capture_now.len(),
        3,
        "the three scheduled channels are due: {due}"
    );

    let spawn = || {
        crate::ogonblick()
            .arg("--data-dir")
            .arg(dir)
            .args(["--operator", "Schemat", "capture", "--due", "--json"])
            .env_remove("OGONBLICK_DATA_DIR")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));

    let history = json(dir, &["history", "--json"]);
    let captured = captured_channels(&history);
    let mut expected = ids.clone();
    expected.sort();
    assert_eq!(
        captured,
        expected,
        "each due channel exactly once, the manual one ({}) never",
        manual.trim()
    );
    for s in history.as_array().unwrap() {
        assert_eq!(s["status"], "complete");
        assert_eq!(s["operator"], "Schemat");
        check_fixity(dir, s);
    }
    // Nothing is due any more, and a third run captures nothing.
    let r = json(dir, &["capture", "--due", "--json"]);
    assert_eq!(r.as_array().unwrap().len(), 0, "{r}");
}
