//! `ogonblick settings set --tsa-url/--tsa-ca`, `history`, `timestamp
//! --pending` and `--verify` with a local authority on 127.0.0.1 that is
//! down at first (the snapshot is stored through the store, no Chromium).

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use ogonblick_app::model::fixity::sha256_file;
use ogonblick_app::{App, AppConfig};
use ogonblick_model::{
    FileRecord, FileRole, FixedClock, PageRecord, Provenance, SequentialIds, Snapshot,
    SnapshotReason, SnapshotStatus,
};
use ogonblick_testsite::tsa::{free_port, LocalPki, LocalTsa, TsaMode};

use super::{add_facebook, json, ok, run, user_error};

#[test]
fn a_pending_timestamp_shows_in_history_and_timestamp_pending_stamps_it() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let pki = LocalPki::create(&tmp.path().join("pki"));
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/tsa");
    let ca = pki.ca_pem().display().to_string();

    let err = user_error(
        &data,
        &["settings", "set", "--tsa-url", "ftp://tsa.example"],
    );
    assert!(err.contains("http:// or https://"), "{err}");
    ok(
        &data,
        &["settings", "set", "--tsa-url", &url, "--tsa-ca", &ca],
    );
    let shown = ok(&data, &["settings", "show"]);
    assert!(
        shown.contains(&url) && shown.contains("ca-1.pem"),
        "{shown}"
    );

    let channel = add_facebook(&data, "Kulturhuset", "https://www.facebook.com/kulturhuset");
    let app = App::open(
        AppConfig {
            data_dir: data.clone(),
            operator: "Testare".into(),
        },
        Arc::new(FixedClock::new(
            Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap(),
        )),
        Arc::new(SequentialIds::default()),
    )
    .unwrap();
    let id = app.ids().new_id();
    let staging = app.store().begin_snapshot(channel, &id).unwrap();
    let path = staging.path().join("page-01.png");
    std::fs::write(&path, "a page").unwrap();
    let (sha256, size) = sha256_file(&path).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
    let snap = Snapshot {
        id: id.clone(),
        channel_id: channel,
        reason: SnapshotReason::AdHoc,
        reason_note: None,
        reason_message: None,
        status: SnapshotStatus::Complete,
        started_at: at,
        finished_at: at,
        operator: "Testare".into(),
        pages: vec![PageRecord {
            url: "https://www.facebook.com/kulturhuset".into(),
            ok: true,
            error: None,
            error_sv: None,
            message: None,
            files: vec![FileRecord {
                role: FileRole::Png,
                path: "page-01.png".into(),
                sha256,
                size,
                media_type: "image/png".into(),
            }],
            report: Default::default(),
            provenance: Provenance::default(),
        }],
        diary_number: None,
        single_address: None,
        files: Vec::new(),
    };
    app.store().commit_snapshot(staging, snap).unwrap();
    // What a capture does after its commit; the authority is down.
    app.stamp_snapshot(&id).unwrap();
    drop(app);

    let h = json(&data, &["history", "--json"]);
    assert_eq!(h[0]["timestamp_status"]["key"], "timestamp-pending");
    assert_eq!(
        h[0]["timestamp"]["authorities"][0]["last_error"]["args"]["reason"],
        "unreachable"
    );
    assert!(ok(&data, &["history"]).contains("Timestamp missing – retrying"));
    let r = run(&data, &["timestamp", "--pending"]);
    assert_eq!(r.code, 1, "still pending: {} {}", r.stdout, r.stderr);
    assert!(r.stdout.contains("could not be reached"), "{}", r.stdout);

    let _tsa = LocalTsa::start_on(&pki, TsaMode::Good, port);
    let out = ok(&data, &["timestamp", "--pending"]);
    assert!(out.contains("Timestamped by Test TSA"), "{out}");
    let out = ok(&data, &["timestamp", "--verify", &id]);
    assert!(
        out.contains("The timestamp manifest-sha256.txt.1.tsr holds"),
        "{out}"
    );
    let h = json(&data, &["history", "--json"]);
    assert_eq!(h[0]["timestamp_status"]["key"], "timestamp-stamped");
    assert!(ok(&data, &["history"]).contains("Timestamped by Test TSA"));
    let audit = ok(&data, &["audit"]);
    assert!(audit.contains("timestamped snapshot"), "{audit}");
    assert!(ok(&data, &["timestamp", "--pending"]).contains("No snapshot is waiting"));
}

#[test]
fn the_authorities_timeout_is_a_bounded_setting() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let shown = ok(&data, &["settings", "show"]);
    assert!(shown.contains("timestamp timeout:     10 s"), "{shown}");
    // Out of bounds: refused (in either language), nothing else changed.
    let err = user_error(
        &data,
        &[
            "settings",
            "set",
            "--tsa-timeout",
            "0",
            "--name",
            "Nacka kommun",
        ],
    );
    assert!(err.contains("give 1 to 120 seconds"), "{err}");
    assert!(!ok(&data, &["settings", "show"]).contains("Nacka kommun"));
    let r = run(
        &data,
        &["--lang", "sv", "settings", "set", "--tsa-timeout", "121"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("ange 1 till 120 sekunder"),
        "{}",
        r.stderr
    );
    ok(&data, &["settings", "set", "--tsa-timeout", "3"]);
    assert_eq!(
        json(&data, &["settings", "show", "timestamp"])["timeout_secs"],
        3
    );
    let shown = ok(&data, &["settings", "show"]);
    assert!(shown.contains("timestamp timeout:     3 s"), "{shown}");
}
