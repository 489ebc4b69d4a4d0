//! `ogonblick retention|hold|diary keep|dispose`: retention rules, holds and
//! disposal (gallring) with its log, on a data directory whose snapshots and
//! removal records were made (with real files) a year and a half ago.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use ogonblick_app::store::fsutil::{list_files, sha256_file};
use ogonblick_app::store::SuppliedSource;
use ogonblick_app::{App, AppConfig};
use ogonblick_model::{
    CompletenessReport, Evidence, FileRecord, FileRole, FixedClock, GroundChoice, NewChannel,
    PageRecord, Platform, PoliceReport, Provenance, RemovalAction, RemovalRecord, RemovedKind,
    SequentialIds, Snapshot, SnapshotReason, SnapshotStatus, Timestamp,
};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{json, ok, run, user_error};

pub(super) fn then() -> Timestamp {
    Utc.with_ymd_and_hms(2025, 3, 3, 10, 0, 0).unwrap()
}

pub(super) fn channel(app: &App, name: &str, board: &str, url: &str) -> i64 {
    app.add_channel(NewChannel {
        name: name.into(),
        platform: Some(Platform::Facebook),
        urls: vec![url.into()],
        board: Some(board.into()),
        unit: None,
        responsible: None,
        substitute: None,
        purpose: None,
        audience: None,
        policy: None,
        notes: None,
    })
    .unwrap()
    .id
}

fn file(role: FileRole, path: &str, bytes: &[u8], media: &str) -> FileRecord {
    FileRecord {
        role,
        path: path.into(),
        sha256: hex::encode(Sha256::digest(bytes)),
        size: bytes.len() as u64,
        media_type: media.into(),
    }
}

/// A snapshot with a PNG and a PDF of one page, stored as a capture stores it.
pub(super) fn snapshot(app: &App, ch: i64, id: &str, reason: SnapshotReason, url: &str) {
    let store = app.store();
    let staging = store.begin_snapshot(ch, id).unwrap();
    let png = [b"\x89PNG\r\n\x1a\n".as_slice(), id.as_bytes()].concat();
    let pdf = format!("%PDF-1.7\n% {id}\n%%EOF\n").into_bytes();
    std::fs::write(staging.path().join("page-01.png"), &png).unwrap();
    std::fs::write(staging.path().join("page-01.pdf"), &pdf).unwrap();
    let snap = Snapshot {
        id: id.into(),
        channel_id: ch,
        reason,
        reason_note: None,
        status: SnapshotStatus::Complete,
        started_at: then(),
        finished_at: then(),
        operator: "Åsa".into(),
        pages: vec![PageRecord {
            url: url.into(),
            ok: true,
            error: None,
            error_sv: None,
            message: None,
            files: vec![
                file(FileRole::Png, "page-01.png", &png, "image/png"),
                file(FileRole::Pdf, "page-01.pdf", &pdf, "application/pdf"),
            ],
            report: CompletenessReport::default(),
            provenance: Provenance::default(),
        }],
        diary_number: None,
        single_address: (reason == SnapshotReason::SingleItem).then(|| url.to_string()),
        files: Vec::new(),
    };
    store.commit_snapshot(staging, snap).unwrap();
}

pub(super) fn record(
    app: &App,
    ch: i64,
    id: &str,
    ground: &str,
    diary: Option<&str>,
    evidence: Option<&str>,
    shot: &Path,
) {
    let r = RemovalRecord {
        id: id.into(),
        version: 1,
        channel_id: ch,
        url: format!("https://www.facebook.com/post/{id}"),
        kind: RemovedKind::Comment,
        author: Some("Någon".into()),
        published_at: None,
        text: Some("Köp billiga klockor".into()),
        removed_at: then(),
        removed_by: "Åsa".into(),
        action: RemovalAction::Deleted,
        ground: GroundChoice {
            code: ground.into(),
            label_sv: ground.into(),
            label_en: ground.into(),
            text: None,
        },
        police_report: PoliceReport::default(),
        contact: None,
        forwarded: None,
        diary_number: diary.map(str::to_string),
        certified: None,
        evidence: Evidence::Snapshot {
            snapshot_id: evidence.unwrap_or("").into(),
        },
        supplied_by_hand: false,
        recorded_at: then(),
        recorded_by: "Åsa".into(),
        change_note: None,
    };
    let src = SuppliedSource {
        path: shot.to_path_buf(),
        original_name: "skärmbild.png".into(),
    };
    let file = evidence.is_none().then_some(&src);
    app.store().add_removal(r, file).unwrap();
}

/// Every file of every folder under `channels/` with its SHA-256.
pub(super) fn hashes(d: &Path) -> HashMap<String, String> {
    let root = d.join("channels");
    list_files(&root)
        .unwrap()
        .into_iter()
        .map(|f| {
            let (sha, _) = sha256_file(&root.join(&f)).unwrap();
            (format!("channels/{f}"), sha)
        })
        .collect()
}

pub(super) fn ids(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|i| {
            i.get("item_id")
                .or_else(|| i["item"].get("item_id"))
                .or_else(|| i.get("id"))
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn dry_run_lists_exactly_what_confirm_disposes_of_and_the_log_keeps_every_file() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let shot = tmp.path().join("s.png");
    std::fs::write(&shot, b"\x89PNG\r\n\x1a\nskarmbild").unwrap();
    {
        let app = App::open(
            AppConfig {
                data_dir: d.clone(),
                operator: "Åsa".into(),
            },
            Arc::new(FixedClock::new(then())),
            Arc::new(SequentialIds::default()),
        )
        .unwrap();
        let ks = channel(
            &app,
            "Kommunen",
            "Kommunstyrelsen",
            "https://www.facebook.com/k",
        );
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

#[test]
fn bad_retention_hold_and_diary_input_is_refused_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let rules = json(&d, &["retention", "show", "--json"]);
    for (args, says) in [
        (
            vec!["retention", "set", "--kind", "post", "--keep"],
            "not a document kind",
        ),
        (
            vec![
                "retention",
                "set",
                "--kind",
                "removal",
                "--dispose-after",
                "0m",
                "--decision",
                "X",
            ],
            "not a retention period",
        ),
        (
            vec![
                "retention",
                "set",
                "--kind",
                "removal",
                "--dispose-after",
                "tolv",
                "--decision",
                "X",
            ],
            "not a retention period",
        ),
        (
            vec![
                "retention",
                "set",
                "--kind",
                "removal",
                "--dispose-after",
                "1y",
            ],
            "--decision",
        ),
        (vec!["retention", "set", "--kind", "removal"], "--keep"),
        (
            vec![
                "retention",
                "set",
                "--kind",
                "removal-ground:okand",
                "--keep",
            ],
            "okand",
        ),
        (
            vec![
                "retention",
                "remove",
                "--kind",
                "report",
                "--board",
                "Ingen",
            ],
            "no rule",
        ),
        (
            vec!["hold", "set", "nope", "--reason", "x"],
            "no snapshot or removal record has id nope",
        ),
        (vec!["hold", "clear", "nope"], "not on hold"),
        (vec!["diary", "unkeep", "KS 1/1"], "not marked to keep"),
        (vec!["diary", "keep", "  "], "give the diary number"),
    ] {
        let e = user_error(&d, &args);
        assert!(e.contains(says), "{args:?}: {e}");
    }
    assert_eq!(json(&d, &["retention", "show", "--json"]), rules);
    assert_eq!(run(&d, &["dispose", "--dry-run", "--confirm"]).code, 1);
    let holds = json(&d, &["hold", "list", "--json"]);
    assert_eq!(
        holds,
        serde_json::json!({"holds": [], "kept_diary_numbers": []})
    );
}
