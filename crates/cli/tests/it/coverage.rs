//! `ogonblick coverage`: a register with a dated history written through
//! the store (real SQLite, real snapshot folders), then the real binary.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use ogonblick_app::model::fixity::sha256_file;
use ogonblick_app::store::RegisterExt;
use ogonblick_app::{App, AppConfig};
use ogonblick_model::{
    FileRecord, FileRole, FixedClock, NewChannel, PageRecord, Platform, Provenance, SequentialIds,
    Snapshot, SnapshotReason, SnapshotStatus, Timestamp,
};

use super::{json, ok, user_error};

fn t(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn snapshot(
    app: &App,
    clock: &FixedClock,
    channel: i64,
    at: &str,
    status: SnapshotStatus,
) -> String {
    clock.set(t(at));
    let id = app.ids().new_id();
    let staging = app.store().begin_snapshot(channel, &id).unwrap();
    let ok = status == SnapshotStatus::Complete;
    let mut files = Vec::new();
    if ok {
        let path = staging.path().join("page-01.png");
        std::fs::write(&path, format!("image of {at}")).unwrap();
        let (sha256, size) = sha256_file(&path).unwrap();
        files.push(FileRecord {
            role: FileRole::Png,
            path: "page-01.png".into(),
            sha256,
            size,
            media_type: "image/png".into(),
        });
    }
    let snap = Snapshot {
        id: id.clone(),
        channel_id: channel,
        reason: SnapshotReason::HalfYearly,
        reason_note: None,
        reason_message: None,
        status,
        started_at: t(at),
        finished_at: t(at),
        operator: "Testare".into(),
        pages: vec![PageRecord {
            url: "https://example.org/x".into(),
            ok,
            error: (!ok).then(|| "timeout".to_string()),
            error_sv: None,
            message: None,
            files,
            report: Default::default(),
            provenance: Provenance::default(),
        }],
        diary_number: None,
        single_address: None,
        files: Vec::new(),
    };
    app.store().commit_snapshot(staging, snap).unwrap();
    id
}

fn register(dir: &Path) -> (i64, i64, String) {
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = App::open(
        AppConfig {
            data_dir: dir.to_path_buf(),
            operator: "Testare".into(),
        },
        clock.clone(),
        Arc::new(SequentialIds::default()),
    )
    .unwrap();
    let add = |name: &str, board: Option<&str>| {
        app.add_channel(NewChannel {
            name: name.into(),
            platform: Some(Platform::YouTube),
            urls: vec![format!("https://example.org/{name}")],
            board: board.map(Into::into),
            responsible: Some("Anna Ek".into()),
            substitute: Some("Bo Ek".into()),
            ..Default::default()
        })
        .unwrap()
        .id
    };
    let a = add("Filmkanalen", Some("Kulturnämnden"));
    let b = add("Gamla", None);
    let good = snapshot(
        &app,
        &clock,
        a,
        "2026-10-05T09:00:00Z",
        SnapshotStatus::Complete,
    );
    snapshot(
        &app,
        &clock,
        a,
        "2027-03-05T09:00:00Z",
        SnapshotStatus::Failed,
    );
    clock.set(t("2026-11-01T09:00:00Z"));
    app.start_closure(b).unwrap();
    app.store().mark_closed(b, "Testare", "verified").unwrap();
    (a, b, good)
}

#[test]
fn coverage_prints_a_table_and_json() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (a, b, good) = register(dir);

    let v = json(dir, &["coverage", "--at", "2027-03-20", "--json"]);
    assert_eq!(v["local_date"], "2027-03-20");
    assert_eq!(v["totals"]["channels"], 1);
    assert_eq!(v["totals"]["closed"], 1);
    assert_eq!(v["totals"]["failures"], 1);
    let row = &v["groups"][0]["rows"][0];
    assert_eq!(row["channel_id"], a);
    assert_eq!(row["state"], "due");
    assert_eq!(row["last_good"]["id"], good.as_str());
    assert_eq!(row["snapshot_count"], 2);

    let v = json(
        dir,
        &[
            "coverage",
            "--at",
            "2027-03-20",
            "--json",
            "--include-closed",
        ],
    );
    assert_eq!(v["totals"]["channels"], 2);
    assert_eq!(v["groups"][1]["board"], serde_json::Value::Null);
    assert_eq!(v["groups"][1]["rows"][0]["channel_id"], b);
    assert_eq!(v["groups"][1]["rows"][0]["closed"], true);

    let text = ok(dir, &["coverage", "--at", "2027-03-20"]);
    assert!(
        text.contains(
            "Kulturnämnden / (no unit): 1 channel(s), 1 with a good snapshot, 1 due, 1 failure(s)"
        ),
        "{text}"
    );
    assert!(
        text.contains("LAST GOOD") && text.contains("FAILURES"),
        "{text}"
    );
    let line = text.lines().find(|l| l.contains("Filmkanalen")).unwrap();
    for cell in [
        "DUE",
        "youtube",
        "Anna Ek",
        "Bo Ek",
        "half-yearly",
        "by 2027-04-30",
    ] {
        assert!(line.contains(cell), "{cell} missing in: {line}");
    }
    assert!(
        !text.contains("Gamla"),
        "closed channels are left out: {text}"
    );
    assert!(text.contains("In total: 1 channel(s), 1 with a good snapshot, 1 due, 1 failure(s) since the last good snapshot, 1 closed."), "{text}");

    let err = user_error(dir, &["coverage", "--at", "the 20th"]);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}
