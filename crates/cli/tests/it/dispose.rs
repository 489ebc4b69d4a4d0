//! `ogonblick retention|hold|diary keep|dispose`: retention rules, holds and
//! disposal (gallring) with its log, on a data directory whose snapshots and
//! removal records were made (with real files) a year and a half ago.

use std::collections::{BTreeSet, HashMap};

use ogonblick_model::SnapshotReason;

use super::dispose_fixtures::{channel, data_dir, kommunen, open_then};
pub(super) use super::dispose_fixtures::{hashes, ids, record, snapshot};
use super::{json, ok, user_error};

#[test]
fn dry_run_lists_exactly_what_confirm_disposes_of_and_the_log_keeps_every_file() {
    let tmp = tempfile::tempdir().unwrap();
    let (d, shot) = data_dir(tmp.path());
    {
        let app = open_then(&d);
        let ks = kommunen(&app);
        let kn = channel(
            &app,
            "Kulturhuset",
            "Kulturnämnden",
            "https://www.facebook.com/kh",
        );
        snapshot(
            &app,
            ks,
            "s-half",
            SnapshotReason::HalfYearly,
            "https://www.facebook.com/k",
        );
        snapshot(
            &app,
            ks,
            "s-item",
            SnapshotReason::SingleItem,
            "https://www.facebook.com/p/1",
        );
        snapshot(
            &app,
            ks,
            "s-held",
            SnapshotReason::SingleItem,
            "https://www.facebook.com/p/2",
        );
        snapshot(
            &app,
            ks,
            "s-ev",
            SnapshotReason::SingleItem,
            "https://www.facebook.com/p/3",
        );
        snapshot(
            &app,
            kn,
            "s-kultur",
            SnapshotReason::SingleItem,
            "https://www.facebook.com/p/4",
        );
        record(&app, ks, "r-ad", "reklam", None, None, &shot);
        record(&app, ks, "r-threat", "hot", None, Some("s-ev"), &shot);
        record(
            &app,
            ks,
            "r-diary",
            "svordomar",
            Some("KS 2025/7"),
            None,
            &shot,
        );
    }
    let decision = "KS 2019/233 § 4";
    ok(
        &d,
        &[
            "retention",
            "set",
            "--kind",
            "removal",
            "--dispose-after",
            "1y",
            "--decision",
            decision,
        ],
    );
    ok(
        &d,
        &[
            "retention",
            "set",
            "--kind",
            "snapshot:single-item",
            "--dispose-after",
            "12m",
            "--decision",
            decision,
        ],
    );
    ok(
        &d,
        &[
            "retention",
            "set",
            "--kind",
            "snapshot:single-item",
            "--board",
            "Kulturnämnden",
            "--dispose-after",
            "12m",
            "--decision",
            decision,
            "--deliver-first",
        ],
    );
    let rules = json(&d, &["retention", "show", "--json"]);
    assert!(
        rules["rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["board"] == "Kulturnämnden" && r["deliver_first"] == true),
        "{rules}"
    );
    ok(
        &d,
        &[
            "hold",
            "set",
            "s-held",
            "--reason",
            "Begäran om utlämnande pågår",
        ],
    );
    ok(&d, &["diary", "keep", "ks  2025/7"]);

    // Without --confirm, or without --by: a sentence, nothing changed.
    let before = hashes(&d);
    let e = user_error(&d, &["dispose"]);
    assert!(
        e.contains("nothing was disposed of") && e.contains("--dry-run"),
        "{e}"
    );
    let e = user_error(&d, &["dispose", "--confirm"]);
    assert!(e.contains("--by"), "{e}");
    assert_eq!(hashes(&d), before);

    let plan = json(&d, &["dispose", "--dry-run", "--json"]);
    let due = ids(&plan["due"]);
    assert_eq!(
        due,
        BTreeSet::from(["r-ad".to_string(), "s-item".to_string()]),
        "{plan}"
    );
    let kept: HashMap<String, String> = plan["kept"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (
                k["item"]["item_id"].as_str().unwrap().to_string(),
                k["because"]["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(kept["s-held"], "hold");
    assert_eq!(kept["r-diary"], "diary-number-kept");
    assert_eq!(kept["s-ev"], "evidence-of-kept-record");
    assert_eq!(kept["s-kultur"], "not-delivered");
    assert_eq!(kept.len(), 4, "{plan}");
    for i in plan["due"].as_array().unwrap() {
        assert_eq!(i["rule"]["decision"], decision);
        assert!(
            i["due_since"].as_str().unwrap().starts_with("2026-03-03"),
            "{i}"
        );
    }
    // The dry run changed nothing.
    assert_eq!(hashes(&d), before);

    let done = json(
        &d,
        &[
            "dispose",
            "--confirm",
            "--by",
            "Arkivarie Anna",
            "--decision",
            "Protokoll 2026:1",
            "--json",
        ],
    );
    assert_eq!(
        ids(&done["disposed"]),
        due,
        "confirm disposes of exactly the dry run's list"
    );

    // The log: what, by whom, under which decision, every file's SHA-256
    // as it was before the disposal.
    let log = json(&d, &["dispose", "log", "--json"]);
    assert_eq!(ids(&log), due);
    let mut logged_files = 0;
    for e in log.as_array().unwrap() {
        assert_eq!(e["disposed_by"], "Arkivarie Anna");
        assert_eq!(e["decision"], decision);
        assert_eq!(e["run_reference"], "Protokoll 2026:1");
        let folder = format!(
            "channels/1/{}s/{}",
            if e["item_kind"] == "snapshot" {
                "snapshot"
            } else {
                "removal"
            },
            e["item_id"].as_str().unwrap()
        );
        let expected: BTreeSet<(String, String)> = before
            .iter()
            .filter(|(k, _)| k.starts_with(&format!("{folder}/")))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let got: BTreeSet<(String, String)> = e["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["name"].as_str().unwrap().to_string(),
                    f["sha256"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(got, expected, "{e}");
        logged_files += got.len();
        assert!(!d.join(&folder).exists(), "{folder} is gone");
    }
    assert_eq!(
        logged_files, 6,
        "a snapshot's PNG, PDF, snapshot.json and manifest-sha256.txt; a record's removal.json and screenshot"
    );
    // Everything else is as it was, and nothing is left in staging.
    let after = hashes(&d);
    assert_eq!(after.len() + logged_files, before.len());
    assert!(after.iter().all(|(k, v)| before.get(k) == Some(v)));
    assert!(std::fs::read_dir(d.join("staging"))
        .unwrap()
        .flatten()
        .all(|e| !e.file_name().to_string_lossy().starts_with("dispose-")));

    // History and the removal list no longer show them.
    let history = json(&d, &["history", "--json"]);
    assert!(!ids(&history).contains("s-item") && ids(&history).contains("s-half"));
    let removals = json(&d, &["removal", "list", "--json"]);
    assert!(!ids(&removals).contains("r-ad") && ids(&removals).contains("r-diary"));
    let audit = ok(&d, &["audit"]);
    assert!(
        audit.contains("disposed of snapshot s-item under disposal decision"),
        "{audit}"
    );

    // Nothing more is due; the log survives a rebuild of the register.
    assert_eq!(
        json(&d, &["dispose", "--dry-run", "--json"])["due"],
        serde_json::json!([])
    );
    ok(&d, &["reindex"]);
    assert_eq!(json(&d, &["dispose", "log", "--json"]), log);
    let csv_path = tmp.path().join("gallring.csv");
    ok(&d, &["dispose", "log", "--out", csv_path.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert_eq!(csv.lines().count(), 1 + logged_files);
    for f in log[0]["files"].as_array().unwrap() {
        assert!(csv.contains(f["sha256"].as_str().unwrap()));
    }

    // Lifting the hold and the kept diary number makes them due.
    ok(&d, &["hold", "clear", "s-held"]);
    ok(&d, &["diary", "unkeep", "KS 2025/7"]);
    let plan = json(&d, &["dispose", "--dry-run", "--json"]);
    assert_eq!(
        ids(&plan["due"]),
        BTreeSet::from(["r-diary".to_string(), "s-held".to_string()])
    );
}
