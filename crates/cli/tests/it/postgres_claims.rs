//! Issue 15's claims end to end: two `ogonblick capture --due` processes
//! (two desktops) started at once on one register on PostgreSQL and one
//! shared data directory take each due channel exactly once, and both
//! succeed (one may report a channel as taken by the other).

use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::Arc;

use ogonblick_app::{App, AppConfig};
use ogonblick_model::{RandomIds, SystemClock};
use ogonblick_testsite::TestSite;
use serde_json::Value;

use super::capture::{always_open_in, captured_channels};
use super::ogonblick;
use super::postgres::{desktop, fresh_database};

/// `ogonblick capture --due --json` of the desktop `who`, running.
fn due_run(dir: &Path, who: &str, url: &str) -> Child {
    let mut cmd = ogonblick();
    cmd.arg("--data-dir").arg(dir).args(["--operator", who]);
    cmd.args(["--database", url, "capture", "--due", "--json"]);
    cmd.env_remove("OGONBLICK_DATA_DIR")
        .env_remove("OGONBLICK_OPERATOR")
        .env_remove("OGONBLICK_DATABASE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd.spawn().expect("run ogonblick")
}

#[test]
fn claims_let_two_due_runs_on_two_desktops_take_each_channel_once() {
    let Some((_db, url)) = fresh_database("claims_due") else {
        return;
    };
    let site = TestSite::start().unwrap();
    let shared = tempfile::tempdir().unwrap();
    let dir = shared.path();
    let app = App::open_postgres(
        AppConfig {
            data_dir: dir.to_path_buf(),
            operator: "Testare".into(),
        },
        &url,
        Arc::new(SystemClock),
        Arc::new(RandomIds),
    )
    .unwrap();
    always_open_in(&app);
    drop(app);
    let pages = [
        ("facebook", "/facebook"),
        ("instagram", "/instagram"),
        ("x", "/x"),
        ("youtube", "/youtube"),
        ("linkedin", "/linkedin"),
        ("blog", "/tall?h=1500"),
    ];
    let mut ids: Vec<i64> = pages
        .iter()
        .map(|(platform, path)| {
            let args = [
                "channel",
                "add",
                "--name",
                &format!("Kommunen på {platform}"),
                "--platform",
                platform,
                "--url",
                &site.url(path),
            ];
            let r = desktop(dir, "anna", &url, &args);
            assert_eq!(r.code, 0, "{}", r.stderr);
            r.stdout.trim().parse().unwrap()
        })
        .collect();
    ids.sort();

    let (a, b) = (
        due_run(dir, "Skrivbord A", &url),
        due_run(dir, "Skrivbord B", &url),
    );
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    let mut outcomes = Vec::new();
    for o in [&a, &b] {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        outcomes.extend(v.as_array().unwrap().clone());
    }
    // Every outcome is a snapshot stored or a channel left to the other run.
    let stored = outcomes
        .iter()
        .filter(|o| o.get("snapshot").is_some())
        .count();
    assert_eq!(stored, ids.len(), "{outcomes:?}");

    let history = desktop(dir, "bo", &url, &["history", "--json"]);
    assert_eq!(history.code, 0, "{}", history.stderr);
    let history: Value = serde_json::from_str(&history.stdout).unwrap();
    assert_eq!(
        captured_channels(&history),
        ids,
        "each due channel exactly once"
    );
    for s in history.as_array().unwrap() {
        assert_eq!(s["status"], "complete", "{s}");
    }
    // Both runs are over: no claim is left behind.
    let mut db = url
        .parse::<ogonblick_app::store::postgres::Config>()
        .unwrap()
        .connect(ogonblick_app::store::postgres::NoTls)
        .unwrap();
    let left = db
        .query_one("SELECT count(*) FROM channel_claims", &[])
        .unwrap();
    assert_eq!(left.get::<_, i64>(0), 0);
}
