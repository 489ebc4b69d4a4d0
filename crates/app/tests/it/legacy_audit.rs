//! A data directory written by Ögonblick before audit events were typed
//! (`tests/data/audit-before-events/`, made with that version's CLI and
//! desktop use cases, see its README): its register (schema 2, English
//! details) and its `audit.jsonl` (lines without `event`) still read, every
//! entry as its typed event, and the closure checklist and the Swedish log
//! are what that version showed (`closure-status.json`, `audit-lines.json`,
//! recorded by that version).

use std::path::{Path, PathBuf};

use ogonblick_app::{App, AuditLine};
use ogonblick_model::{AuditEvent, ChannelStatus, Language};
use serde_json::{json, Value};

const CHANNEL: i64 = 1;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/audit-before-events")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dst = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dst);
        } else {
            std::fs::copy(e.path(), dst).unwrap();
        }
    }
}

/// A fresh copy of the old data directory.
fn old_data() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_dir(&fixture_dir().join("data"), &data);
    (tmp, data)
}

fn recorded(name: &str) -> Value {
    serde_json::from_slice(&std::fs::read(fixture_dir().join(name)).unwrap()).unwrap()
}

/// What the old version showed of each entry: (seq, action, English, Swedish).
fn old_lines() -> Vec<(i64, String, String, Option<String>)> {
    recorded("audit-lines.json")
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["seq"].as_i64().unwrap(),
                l["action"].as_str().unwrap().to_string(),
                l["detail"].as_str().unwrap().to_string(),
                // h-voc7: the snapshot before a closure is "inför
                // avveckling" since (the guidelines' word), not "inför avslut".
                // Issue 19: a snapshot's state comes before the parenthesis
                // ("sparad, fullständig (…)"; the old fixture has only complete ones),
                // and a channel's states are "under avveckling", "avvecklad".
                l["detail_sv"].as_str().map(|s| {
                    s.replace("inför avslut", "inför avveckling")
                        .replace(" sparad (fullständig, ", " sparad, fullständig (")
                        .replace("aktiv → avslutas", "aktiv → under avveckling")
                        .replace("avslutas → avslutad", "under avveckling → avvecklad")
                        .replace(
                            "Avslutad med ögonblicksbilden inför avveckling ",
                            "Avvecklad med den slutliga ögonblicksbilden ",
                        )
                }),
            )
        })
        .collect()
}

/// Every old entry reads as its typed event, with the same English and
/// Swedish texts; the checklist is what the old version computed.
fn reads_as_before(app: &App) -> Vec<AuditLine> {
    let lines = app.audit_lines(None).unwrap();
    let old = old_lines();
    assert!(old.len() >= 15, "the fixture covers the flow: {old:?}");
    for (seq, action, detail, sv) in &old {
        let l = lines
            .iter()
            .find(|l| l.entry.seq == *seq)
            .unwrap_or_else(|| panic!("entry {seq} ({action}) is lost"));
        assert_eq!(&l.entry.action, action);
        assert_eq!(&l.entry.detail, detail);
        assert!(
            !matches!(l.entry.event, AuditEvent::Legacy { .. }),
            "{action} {detail:?} was not read as its event"
        );
        assert_eq!(&l.entry.event.text_en(), detail, "the English text");
        let sv = sv
            .as_ref()
            .unwrap_or_else(|| panic!("the old version had no Swedish for {detail:?}"));
        assert_eq!(l.text(Language::Sv).as_ref(), Some(sv), "the Swedish text");
    }
    let mut status = serde_json::to_value(app.closure_status(CHANNEL).unwrap()).unwrap();
    // h-close: the checklist has a last step since (the account deleted on
    // the platform), not taken in an old closure, and the decision fields,
    // which an old closure has none of; the rest is as the old version had it.
    let last = status["steps"].as_array_mut().unwrap().pop().unwrap();
    assert_eq!(
        (&last["step"], &last["done"]),
        (&json!("deleted"), &json!(false))
    );
    assert_eq!(status["current"], "deleted");
    status["current"] = Value::Null;
    let o = status.as_object_mut().unwrap();
    for (k, v) in [
        ("decision", Value::Null),
        ("diary_number", Value::Null),
        ("deleted_on", Value::Null),
        ("can_undo", json!(false)),
    ] {
        assert_eq!(o.remove(k), Some(v), "{k}");
    }
    assert_eq!(status, recorded("closure-status.json"));
    lines
}

/// The events the checklist reads carry the fields it needs.
fn has_the_closure_events(lines: &[AuditLine]) {
    let status = recorded("closure-status.json");
    let final_id = status["final_snapshot"]["id"].as_str().unwrap();
    let package = status["package_path"].as_str().unwrap();
    let events: Vec<&AuditEvent> = lines.iter().map(|l| &l.entry.event).collect();
    assert!(events.contains(&&AuditEvent::ClosureStarted {
        from: ChannelStatus::Active,
        to: ChannelStatus::Closing,
        decision: None,
        diary_number: None,
    }));
    assert!(events.contains(&&AuditEvent::ClosureReviewed {
        snapshot_id: final_id.into()
    }));
    assert!(events.iter().any(|e| matches!(e,
        AuditEvent::PackageExported { path, snapshot_ids, .. }
            if path == package && snapshot_ids.iter().any(|s| s == final_id))));
    assert!(events.iter().any(|e| matches!(e,
        AuditEvent::PackageVerified { path, ok: true, problems: 0, .. } if path == package)));
    assert!(events.iter().any(|e| matches!(e,
        AuditEvent::PackageVerified { ok: false, problems, .. } if *problems > 0)));
    assert!(events.iter().any(|e| matches!(e,
        AuditEvent::ClosedOn { snapshot_id, package_path, .. }
            if snapshot_id == final_id && package_path == package)));
}

#[test]
fn an_old_register_reads_typed_events_after_migration() {
    let (_tmp, data) = old_data();
    let version = |dir: &Path| -> u32 {
        let conn =
            ogonblick_store::rusqlite::Connection::open(dir.join(ogonblick_store::DB_FILE_NAME))
                .unwrap();
        conn.query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(version(&data), 2, "the fixture is a register of schema 2");
    let app = crate::open(&data, "Märta");
    assert_eq!(version(&data), ogonblick_store::migrations::LATEST);
    let lines = reads_as_before(&app);
    has_the_closure_events(&lines);
    // New entries go beside the old ones, typed.
    app.set_scheduler_settings(ogonblick_app::SchedulerSettings { auto_capture: true })
        .unwrap();
    let last = app.audit_lines(None).unwrap().pop().unwrap();
    assert_eq!(
        last.entry.event,
        AuditEvent::SettingsSet {
            key: "scheduler".into()
        }
    );
}

#[test]
fn an_old_audit_jsonl_reads_typed_events_after_reindex() {
    let (_tmp, data) = old_data();
    std::fs::remove_file(data.join(ogonblick_store::DB_FILE_NAME)).unwrap();
    let jsonl = std::fs::read_to_string(data.join("audit.jsonl")).unwrap();
    assert!(
        !jsonl.contains("\"event\""),
        "the fixture's audit.jsonl is of the old form"
    );
    let (app, _) = App::reindex_data_dir(
        ogonblick_app::AppConfig {
            data_dir: data.clone(),
            operator: "Märta".into(),
        },
        std::sync::Arc::new(ogonblick_model::SystemClock),
        std::sync::Arc::new(ogonblick_model::SequentialIds::default()),
    )
    .unwrap();
    let lines = reads_as_before(&app);
    has_the_closure_events(&lines);

    // A log of old and new lines reads whole after another rebuild, and the
    // old lines' events were stored (not only re-read) by the first.
    app.set_scheduler_settings(ogonblick_app::SchedulerSettings { auto_capture: true })
        .unwrap();
    let before = app.audit_log(None).unwrap();
    let conn =
        ogonblick_store::rusqlite::Connection::open(data.join(ogonblick_store::DB_FILE_NAME))
            .unwrap();
    let untyped: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE event IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(untyped, 0);
    drop(conn);
    app.reindex().unwrap();
    let after = app.audit_log(None).unwrap();
    assert_eq!(after[..before.len()], before[..]);
    reads_as_before(&app);
}
