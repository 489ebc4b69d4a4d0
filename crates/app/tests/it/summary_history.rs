//! One channel's history reads its own snapshots' stamping states only
//! (through the register's index).

use std::sync::Arc;

use ogonblick_model::{FixedClock, SnapshotReason as R, SnapshotStatus as S};

use crate::fixture::{add, open_at, t};
use crate::summary::commit;

/// `history --channel N` reads that channel's stamping states only.
#[test]
fn one_channels_stamping_states_are_its_snapshots_only() {
    let tmp = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-05-01T08:00:00Z")));
    let app = open_at(&tmp.path().join("data"), clock);
    let pki = ogonblick_testsite::tsa::LocalPki::create(&tmp.path().join("pki"));
    let port = ogonblick_testsite::tsa::free_port();
    app.set_timestamp_settings(
        vec![format!("http://127.0.0.1:{port}/tsa")],
        vec![pki.ca_pem()],
    )
    .unwrap();
    let a = add(&app, "Kultur", None, None, None);
    let b = add(&app, "Musik", None, None, None);
    let x = |ch, id: &str| {
        let fin = "2026-05-01T09:03:00Z";
        commit(
            &app,
            ch,
            id,
            "2026-05-01T09:00:00Z",
            fin,
            R::AdHoc,
            S::Complete,
            false,
        )
    };
    x(a, "a1");
    x(b, "b1");
    x(a, "a2");
    let keys = |ch| {
        app.timestamp_states_of(ch)
            .unwrap()
            .into_keys()
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(Some(a)), ["a1", "a2"]);
    assert_eq!(keys(Some(b)), ["b1"]);
    assert_eq!(keys(None), ["a1", "a2", "b1"]);
    assert!(app.timestamp_states_of(Some(a)).unwrap()["a1"].is_pending());
}
