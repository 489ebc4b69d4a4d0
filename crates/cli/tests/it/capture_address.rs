//! `ogonblick capture ID --url URL`: one address captured for a channel (a
//! post before it is removed), with the real binary, a real Chromium and the
//! fixture site. What a user checks: the snapshot, its `snapshot.json` and
//! the history name the address; a refused address says why, exits 1 and
//! stores nothing.

use std::path::Path;
use std::sync::Arc;

use ogonblick_app::store::RegisterExt;
use ogonblick_app::{App, AppConfig};
use ogonblick_model::{RandomIds, SystemClock};
use ogonblick_testsite::TestSite;
use serde_json::Value;

use super::{add_facebook, json, ok, run, user_error};

fn snapshot_json(dir: &Path, s: &Value) -> Value {
    let path = dir
        .join("channels")
        .join(s["channel_id"].as_i64().unwrap().to_string())
        .join("snapshots")
        .join(s["id"].as_str().unwrap())
        .join("snapshot.json");
    serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap()
}

#[test]
fn captures_one_address_that_is_not_registered_and_records_it() {
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let ch = add_facebook(dir, "Kommunen på Facebook", &site.url("/facebook"));
    let post = site.url("/tall?h=1500");
    let id = ch.to_string();
    let r = run(
        dir,
        &[
            "capture",
            &id,
            "--url",
            &post,
            "--note",
            "Personangrepp i en kommentar, tas bort",
            "--json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let results: Value = serde_json::from_str(&r.stdout).unwrap();
    let s = &results[0]["snapshot"];
    assert_eq!(s["status"], "complete");
    assert_eq!(s["reason"], "single-item", "the default reason");
    assert_eq!(s["single_address"], post.as_str());
    assert_eq!(s["pages"].as_array().unwrap().len(), 1);
    assert_eq!(s["pages"][0]["url"], post.as_str());

    // The self-describing record on disk says the same.
    let manifest = snapshot_json(dir, s);
    assert_eq!(manifest["snapshot"]["single_address"], post.as_str());
    assert_eq!(manifest["snapshot"]["reason"], "single-item");
    assert_eq!(
        manifest["snapshot"]["reason_note"],
        "Personangrepp i en kommentar, tas bort"
    );
    let roles: Vec<&str> = manifest["snapshot"]["pages"][0]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["png", "pdf", "text"]);

    // The history shows it, and the audit log names the address.
    let history = json(dir, &["history", "--json"]);
    assert_eq!(history[0]["single_address"], post.as_str());
    let table = ok(dir, &["history"]);
    assert!(table.contains("single-item"), "{table}");
    let audit = json(dir, &["audit", "--json"]);
    assert!(
        audit
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["event"]["kind"] == "snapshot-stored"
                && e["event"]["single_address"] == post.as_str()),
        "{audit}"
    );

    // Another reason may be given, in English or Swedish.
    let r = run(
        dir,
        &[
            "capture", &id, "--url", &post, "--reason", "ad-hoc", "--json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let results: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(results[0]["snapshot"]["reason"], "ad-hoc");
    assert_eq!(results[0]["snapshot"]["single_address"], post.as_str());
}

#[test]
fn a_refused_address_says_why_exits_1_and_stores_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let ch = add_facebook(
        dir,
        "Kommunen på Facebook",
        "https://www.facebook.com/kommunen",
    );
    let id = ch.to_string();

    let e = user_error(
        dir,
        &[
            "capture",
            &id,
            "--url",
            "https://anna:hemligt@www.facebook.com/kommunen/posts/1",
        ],
    );
    assert!(e.contains("password"), "{e}");
    assert!(
        !e.contains("hemligt"),
        "the password is never repeated: {e}"
    );

    let e = user_error(dir, &["capture", &id, "--url", "ftp://www.example.se/fil"]);
    assert!(e.contains("http"), "{e}");
    let e = user_error(dir, &["capture", &id, "--url", "file:///etc/passwd"]);
    assert!(e.contains("http"), "{e}");
    let e = user_error(dir, &["capture", &id, "--url", "facebook.com/kommunen"]);
    assert!(e.contains("https://"), "{e}");

    // The regular and final reasons are not for a single address.
    let e = user_error(
        dir,
        &[
            "capture",
            &id,
            "--url",
            "https://www.facebook.com/kommunen/posts/1",
            "--reason",
            "half-yearly",
        ],
    );
    assert!(e.contains("single-item"), "{e}");

    // One channel only.
    let other = add_facebook(dir, "Annan kanal", "https://www.facebook.com/annan");
    let e = user_error(
        dir,
        &[
            "capture",
            &id,
            &other.to_string(),
            "--url",
            "https://www.facebook.com/kommunen/posts/1",
        ],
    );
    assert!(e.contains("one channel"), "{e}");

    // A closed channel is refused as a whole-channel capture is.
    let app = App::open(
        AppConfig {
            data_dir: dir.to_path_buf(),
            operator: "Testare".into(),
        },
        Arc::new(SystemClock),
        Arc::new(RandomIds),
    )
    .unwrap();
    app.start_closure(ch).unwrap();
    app.store().mark_closed(ch, "Testare", "verified").unwrap();
    drop(app);
    let e = user_error(
        dir,
        &[
            "capture",
            &id,
            "--url",
            "https://www.facebook.com/kommunen/posts/1",
        ],
    );
    assert!(e.contains("closed"), "{e}");

    assert!(json(dir, &["history", "--json"])
        .as_array()
        .unwrap()
        .is_empty());
    assert!(
        !dir.join("channels").join(&id).join("snapshots").exists()
            || std::fs::read_dir(dir.join("channels").join(&id).join("snapshots"))
                .unwrap()
                .next()
                .is_none()
    );
}
