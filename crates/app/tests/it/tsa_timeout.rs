//! An authority that accepts the connection and never answers (a real
//! socket on 127.0.0.1) holds a snapshot up no longer than the configured
//! timeout: the snapshot stays stored and *timestamp pending*, and the
//! retry stamps it once the authority answers.

use std::net::TcpListener;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ogonblick_app::App;
use ogonblick_model::{FixedClock, Message, SnapshotReason, SnapshotStatus};
use ogonblick_testsite::tsa::{LocalPki, LocalTsa, TsaMode};

use crate::fixture::{add, open_at, store_snapshot, t};

fn setup(dir: &Path) -> (App, Arc<FixedClock>, LocalPki) {
    let clock = Arc::new(FixedClock::new(t("2026-05-01T08:00:00Z")));
    let app = open_at(&dir.join("data"), clock.clone());
    let pki = LocalPki::create(&dir.join("pki"));
    (app, clock, pki)
}

#[test]
fn a_hanging_authority_leaves_the_snapshot_pending_within_the_timeout_and_a_retry_stamps_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, clock, pki) = setup(tmp.path());
    // Accepts connections (the kernel's backlog) and never reads or answers.
    let hang = TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = hang.local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/tsa");
    app.set_timestamp_settings(vec![url.clone()], vec![pki.ca_pem()])
        .unwrap();
    // Unset, an authority gets the default; out of bounds is refused and
    // changes nothing; a short time for the test.
    let tsa = app.timestamp_settings().unwrap();
    assert_eq!(
        ogonblick_app::tsa_timeout(&tsa),
        Duration::from_secs(ogonblick_app::TSA_TIMEOUT_DEFAULT.into())
    );
    for bad in [0, ogonblick_app::TSA_TIMEOUT_MAX + 1] {
        let e = app.set_tsa_timeout(bad).unwrap_err();
        assert!(
            matches!(e.message(), Message::TimestampBadTimeout { seconds, .. } if seconds == u64::from(bad)),
            "{e:?}"
        );
    }
    assert_eq!(app.timestamp_settings().unwrap(), tsa);
    app.set_tsa_timeout(1).unwrap();

    let ch = add(&app, "Biblioteket", Some("Kulturnämnden"), None, None);
    let snap = store_snapshot(
        &app,
        &clock,
        ch,
        "2026-05-01T09:00:00Z",
        SnapshotReason::HalfYearly,
        SnapshotStatus::Complete,
        None,
    );
    let started = Instant::now();
    let state = app.stamp_snapshot(&snap.id).unwrap().unwrap();
    let took = started.elapsed();
    // Within the bound (1 s, and some room for a loaded machine), not the
    // default's 10 s.
    assert!(
        took >= Duration::from_secs(1) && took < Duration::from_secs(5),
        "took {took:?}"
    );
    assert!(state.is_pending());
    assert!(
        matches!(&state.authorities[0].last_error,
            Some(Message::TimestampFailedWhy { reason, .. }) if reason == "timeout"),
        "{:?}",
        state.authorities[0].last_error
    );
    assert_eq!(
        app.store().pending_timestamps().unwrap(),
        vec![snap.id.clone()]
    );

    // The authority answers on the same address; the retry stamps it.
    drop(hang);
    let _tsa = LocalTsa::start_on(&pki, TsaMode::Good, port);
    let states = app.stamp_pending().unwrap();
    assert_eq!(states.len(), 1);
    assert!(!states[0].is_pending());
    assert!(app.store().pending_timestamps().unwrap().is_empty());
    assert!(app.verify_snapshot_timestamp(&snap.id).unwrap().ok);
}
