//! Trusted timestamps of snapshots with a local authority on 127.0.0.1
//! (`openssl ts -reply` behind a tiny HTTP server): stamped and verified by
//! us, `openssl ts -verify` and `sha256sum -c`; refused replies and an
//! unreachable authority leave the snapshot stored and pending until a
//! retry stamps it. Snapshots are stored without Chromium.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use ogonblick_app::App;
use ogonblick_model::{AuditEvent, FixedClock, Message, SnapshotReason, SnapshotStatus};
use ogonblick_testsite::tsa::{free_port, LocalPki, LocalTsa, TsaMode};

use crate::fixture::{add, open_at, store_snapshot, t};

pub(crate) fn setup(dir: &Path) -> (App, Arc<FixedClock>, LocalPki) {
    let clock = Arc::new(FixedClock::new(t("2026-05-01T08:00:00Z")));
    let app = open_at(&dir.join("data"), clock.clone());
    let pki = LocalPki::create(&dir.join("pki"));
    (app, clock, pki)
}

pub(crate) fn snapshot(app: &App, clock: &FixedClock) -> ogonblick_model::Snapshot {
    let ch = add(app, "Biblioteket", Some("Kulturnämnden"), None, None);
    store_snapshot(
        app,
        clock,
        ch,
        "2026-05-01T09:00:00Z",
        SnapshotReason::HalfYearly,
        SnapshotStatus::Complete,
        None,
    )
}

/// A snapshot of an organisation that exports packages, stamped by a
/// local authority in `mode` (kept running while the returned value lives).
pub(crate) fn stamped(
    app: &App,
    clock: &FixedClock,
    pki: &LocalPki,
    mode: TsaMode,
) -> (LocalTsa, ogonblick_model::Snapshot) {
    let mut org = app.settings().unwrap();
    org.name = "Nacka kommun".into();
    app.set_settings(org).unwrap();
    let tsa = LocalTsa::start(pki, mode);
    app.set_timestamp_settings(vec![tsa.url.clone()], vec![pki.ca_pem()])
        .unwrap();
    let snap = snapshot(app, clock);
    assert!(!app.stamp_snapshot(&snap.id).unwrap().unwrap().is_pending());
    (tsa, snap)
}

fn run_ok(cmd: &mut Command) -> bool {
    cmd.output().unwrap().status.success()
}

fn openssl_verifies(folder: &Path, token: &str, ca: &Path) -> bool {
    run_ok(
        Command::new("openssl")
            .args([
                "ts",
                "-verify",
                "-data",
                "manifest-sha256.txt",
                "-in",
                token,
                "-CAfile",
            ])
            .arg(ca)
            .current_dir(folder),
    )
}

#[test]
fn a_snapshot_is_stamped_by_every_authority_and_verifies_offline() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, clock, pki) = setup(tmp.path());
    let good = LocalTsa::start(&pki, TsaMode::Good);
    let chain = LocalTsa::start(&pki, TsaMode::ExtraCerts);
    app.set_timestamp_settings(
        vec![good.url.clone(), chain.url.clone()],
        vec![pki.ca_pem()],
    )
    .unwrap();
    let snap = snapshot(&app, &clock);
    // Stored pending: the commit marks it before any authority is asked.
    let state = app.snapshot_timestamp(&snap.id).unwrap().unwrap();
    assert!(state.is_pending());
    assert_eq!(
        ogonblick_app::timestamp_status(Some(&state)),
        Message::TimestampPending {}
    );

    let state = app.stamp_snapshot(&snap.id).unwrap().unwrap();
    assert!(!state.is_pending(), "{state:?}");
    let (_, folder) = app.snapshot_folder(&snap.id).unwrap();
    for f in [
        "manifest-sha256.txt",
        "manifest-sha256.txt.1.tsr",
        "manifest-sha256.txt.2.tsr",
    ] {
        assert!(folder.join(f).is_file(), "{f}");
    }
    let manifest = std::fs::read_to_string(folder.join("manifest-sha256.txt")).unwrap();
    // The captured files; not snapshot.json, which a diary number rewrites.
    assert!(manifest.contains("  page-01.png\n") && !manifest.contains("snapshot.json"));
    // Outsiders' tools agree.
    assert!(run_ok(
        Command::new("sha256sum")
            .args(["-c", "--strict", "manifest-sha256.txt"])
            .current_dir(&folder)
    ));
    assert!(openssl_verifies(
        &folder,
        "manifest-sha256.txt.1.tsr",
        &pki.ca_pem()
    ));
    assert!(openssl_verifies(
        &folder,
        "manifest-sha256.txt.2.tsr",
        &pki.ca_pem()
    ));
    let check = app.verify_snapshot_timestamp(&snap.id).unwrap();
    assert!(check.ok, "{check:?}");
    assert_eq!(check.verified.len(), 2);
    assert!(matches!(
        ogonblick_app::timestamp_status(Some(&state)),
        Message::TimestampStamped { ref signer, .. } if signer == "Test TSA"
    ));
    let added = app
        .audit_log(None)
        .unwrap()
        .into_iter()
        .filter(|e| matches!(e.event, AuditEvent::TimestampAdded { .. }))
        .count();
    assert_eq!(added, 2);

    // A token signed by a certificate that is not for time-stamping, put
    // beside the manifest, is named; so is a changed file.
    let reply = std::fs::read(folder.join("manifest-sha256.txt.1.tsr")).unwrap();
    std::fs::write(
        folder.join("manifest-sha256.txt.3.tsr"),
        pki.resign(&reply, "server.pem"),
    )
    .unwrap();
    let check = app.verify_snapshot_timestamp(&snap.id).unwrap();
    assert!(!check.ok);
    assert!(check.problems.iter().any(|p| matches!(p,
        Message::TimestampTokenRefused { token, reason, .. }
            if token == "manifest-sha256.txt.3.tsr" && reason == "usage")));
    std::fs::remove_file(folder.join("manifest-sha256.txt.3.tsr")).unwrap();
    let png = folder.join("page-01.png");
    let mut bytes = std::fs::read(&png).unwrap();
    bytes[20] ^= 1;
    std::fs::write(&png, bytes).unwrap();
    let check = app.verify_snapshot_timestamp(&snap.id).unwrap();
    assert_eq!(
        check.problems,
        vec![Message::TimestampManifestMismatch {
            path: "page-01.png".into()
        }]
    );
    assert!(!run_ok(
        Command::new("sha256sum")
            .args(["-c", "manifest-sha256.txt"])
            .current_dir(&folder)
    ));
}

#[test]
fn an_unreachable_authority_leaves_the_snapshot_pending_until_a_retry_stamps_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, clock, pki) = setup(tmp.path());
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/tsa");
    app.set_timestamp_settings(vec![url.clone()], vec![pki.ca_pem()])
        .unwrap();
    let snap = snapshot(&app, &clock);
    let state = app.stamp_snapshot(&snap.id).unwrap().unwrap();
    assert!(state.is_pending());
    assert!(matches!(&state.authorities[0].last_error,
        Some(Message::TimestampFailedWhy { reason, .. }) if reason == "unreachable"));
    // A second failure is not audited again.
    app.stamp_pending().unwrap();
    let pending_entries = app
        .audit_log(None)
        .unwrap()
        .into_iter()
        .filter(|e| matches!(e.event, AuditEvent::TimestampPending { .. }))
        .count();
    assert_eq!(pending_entries, 1);
    let (_, folder) = app.snapshot_folder(&snap.id).unwrap();
    assert!(!folder.join("manifest-sha256.txt.1.tsr").exists());

    // The mark is in the files: a rebuilt register still knows it.
    app.reindex().unwrap();
    assert_eq!(
        app.store().pending_timestamps().unwrap(),
        vec![snap.id.clone()]
    );

    // The authority comes up; the retry stamps it.
    let _tsa = LocalTsa::start_on(&pki, TsaMode::Good, port);
    let states = app.stamp_pending().unwrap();
    assert_eq!(states.len(), 1);
    assert!(!states[0].is_pending());
    assert!(app.store().pending_timestamps().unwrap().is_empty());
    assert!(app.verify_snapshot_timestamp(&snap.id).unwrap().ok);
    app.reindex().unwrap();
    assert!(!app
        .snapshot_timestamp(&snap.id)
        .unwrap()
        .unwrap()
        .is_pending());
}

#[test]
fn refused_replies_are_not_kept_and_the_snapshot_stays_pending() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, clock, pki) = setup(tmp.path());
    let other = LocalTsa::start(&pki, TsaMode::OtherHash);
    let expired = LocalTsa::start(&pki, TsaMode::Expired);
    app.set_timestamp_settings(
        vec![other.url.clone(), expired.url.clone()],
        vec![pki.ca_pem()],
    )
    .unwrap();
    let snap = snapshot(&app, &clock);
    let state = app.stamp_snapshot(&snap.id).unwrap().unwrap();
    let reasons: Vec<String> = state
        .authorities
        .iter()
        .map(|a| match &a.last_error {
            Some(Message::TimestampFailedWhy { reason, .. }) => reason.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(reasons, ["imprint", "expired"]);
    let (_, folder) = app.snapshot_folder(&snap.id).unwrap();
    assert!(!folder.join("manifest-sha256.txt.1.tsr").exists());
    assert!(!folder.join("manifest-sha256.txt.2.tsr").exists());
    assert_eq!(app.store().pending_timestamps().unwrap(), vec![snap.id]);
}

#[test]
fn without_an_authority_a_snapshot_has_a_manifest_but_no_timestamp_and_no_mark() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, clock, _pki) = setup(tmp.path());
    let snap = snapshot(&app, &clock);
    assert_eq!(app.snapshot_timestamp(&snap.id).unwrap(), None);
    assert!(app.store().pending_timestamps().unwrap().is_empty());
    let (_, folder) = app.snapshot_folder(&snap.id).unwrap();
    assert!(folder.join("manifest-sha256.txt").is_file());
    assert!(!folder.join("timestamp.json").exists());
    assert_eq!(
        ogonblick_app::timestamp_status(None),
        Message::TimestampNotConfigured {}
    );
    // Settings refuse an address that is no authority's, and authorities
    // without a root certificate.
    let err = app
        .set_timestamp_settings(vec!["ftp://tsa.example".into()], vec![])
        .unwrap_err();
    assert!(matches!(err.message(), Message::TimestampBadUrl { .. }));
    let err = app
        .set_timestamp_settings(vec!["https://tsa.example/tsr".into()], vec![])
        .unwrap_err();
    assert_eq!(err.message(), Message::TimestampNoCa {});
    assert!(app.timestamp_settings().unwrap().authorities.is_empty());
}

#[test]
fn a_package_carries_the_manifest_tokens_and_roots_and_verifies_offline() {
    use ogonblick_app::package::ExportRequest;
    use ogonblick_model::{CancelToken, NoProgress};
    let tmp = tempfile::tempdir().unwrap();
    let (app, clock, pki) = setup(tmp.path());
    let (_tsa, snap) = stamped(&app, &clock, &pki, TsaMode::ExtraCerts);
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let req = ExportRequest {
        snapshot_ids: vec![snap.id.clone()],
        ..Default::default()
    };
    let export = |name: &str| {
        app.export_package(&req, &out.join(name), &NoProgress, &CancelToken::new())
            .unwrap()
    };
    let pkg = export("stamped.zip");
    let report =
        ogonblick_app::package::verify_package_file(&pkg.path, &NoProgress, &CancelToken::new())
            .unwrap();
    assert!(report.ok, "{:?}", report.problems);
    assert!(report.schemas_checked);
    // Unpacked, an outsider checks the snapshot folder with standard tools.
    let unpacked = tmp.path().join("unpacked");
    assert!(run_ok(
        Command::new("unzip")
            .arg("-q")
            .arg(&pkg.path)
            .arg("-d")
            .arg(&unpacked)
    ));
    let root = unpacked.join(&pkg.objid);
    let data = root.join("representations/rep1/data");
    let folder = std::fs::read_dir(&data)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert!(run_ok(
        Command::new("sha256sum")
            .args(["-c", "--strict", "manifest-sha256.txt"])
            .current_dir(&folder)
    ));
    let ca = root.join("documentation/tsa-ca/ca-1.pem");
    assert!(openssl_verifies(&folder, "manifest-sha256.txt.1.tsr", &ca));
    let mets = std::fs::read_to_string(root.join("representations/rep1/METS.xml")).unwrap();
    assert!(mets.contains("manifest-sha256.txt.1.tsr") && mets.contains("snapshot.json"));

    // A token that does not hold is named by verify.
    let (_, stored) = app.snapshot_folder(&snap.id).unwrap();
    let reply = std::fs::read(stored.join("manifest-sha256.txt.1.tsr")).unwrap();
    std::fs::write(
        stored.join("manifest-sha256.txt.2.tsr"),
        pki.resign(&reply, "server.pem"),
    )
    .unwrap();
    let pkg = export("wrong-usage.zip");
    let report =
        ogonblick_app::package::verify_package_file(&pkg.path, &NoProgress, &CancelToken::new())
            .unwrap();
    assert!(!report.ok);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert!(report.problems[0]
        .path
        .ends_with("manifest-sha256.txt.2.tsr"));
    assert!(report.problems[0]
        .what
        .to_string()
        .contains("time-stamping"));
}

#[test]
fn the_scheduler_tick_retries_pending_timestamps_with_a_pause_between_tries() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, clock, pki) = setup(tmp.path());
    let port = free_port();
    app.set_timestamp_settings(
        vec![format!("http://127.0.0.1:{port}/tsa")],
        vec![pki.ca_pem()],
    )
    .unwrap();
    let snap = snapshot(&app, &clock);
    app.stamp_snapshot(&snap.id).unwrap();
    let mut state = app.load_scheduler_state(60).unwrap();
    app.scheduler_tick(&mut state, t("2026-05-01T10:00:00Z"))
        .unwrap();
    let tries = |app: &App| {
        app.snapshot_timestamp(&snap.id)
            .unwrap()
            .unwrap()
            .authorities[0]
            .attempts
    };
    assert_eq!(tries(&app), 2, "the tick tried once more");
    // The authority comes up; a tick within the pause does not ask, a later one does.
    let tsa = LocalTsa::start_on(&pki, TsaMode::Good, port);
    app.scheduler_tick(&mut state, t("2026-05-01T10:01:00Z"))
        .unwrap();
    assert_eq!(tsa.served(), 0);
    assert!(app
        .snapshot_timestamp(&snap.id)
        .unwrap()
        .unwrap()
        .is_pending());
    app.scheduler_tick(&mut state, t("2026-05-01T11:00:00Z"))
        .unwrap();
    assert_eq!(tsa.served(), 1);
    assert!(!app
        .snapshot_timestamp(&snap.id)
        .unwrap()
        .unwrap()
        .is_pending());
}

#[test]
fn a_damaged_stored_checksum_is_reported_as_damaged_data_that_says_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, clock, pki) = setup(tmp.path());
    // Never asked: the checksum is read before any authority.
    let url = format!("http://127.0.0.1:{}/tsa", free_port());
    app.set_timestamp_settings(vec![url], vec![pki.ca_pem()])
        .unwrap();
    let snap = snapshot(&app, &clock);
    let conn = ogonblick_app::store::rusqlite::Connection::open(
        tmp.path()
            .join("data")
            .join(ogonblick_app::store::DB_FILE_NAME),
    )
    .unwrap();
    conn.execute(
        "UPDATE snapshot_timestamps SET state = json_set(state, '$.manifest_sha256', 'zz-damaged')",
        [],
    )
    .unwrap();
    drop(conn);

    let e = app.stamp_snapshot(&snap.id).unwrap_err();
    assert_eq!(e.code(), ogonblick_model::ErrorCode::Environment, "{e}");
    assert_eq!(
        e.message(),
        Message::TimestampStateDamaged {
            snapshot: snap.id.clone(),
            given: "zz-damaged".into(),
        }
    );
    let sv = e.message().render(ogonblick_model::Language::Sv);
    assert!(
        sv.contains("skadad") && sv.contains("ogonblick reindex"),
        "{sv}"
    );
}
