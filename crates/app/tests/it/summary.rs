//! `due` and `coverage` answer from the register's summary (the snapshot
//! rows' summary columns, aggregated by SQLite), not from the full records.
//! Here the reports are compared with the same reports computed from the full
//! records (`App::history`, `ChannelScheduleInput::from_channel`, the
//! overview's rules) on a varied history: ties, long captures, every status,
//! major-change and pre-closure snapshots, one-address captures, moments on
//! the boundaries; then after `reindex`, after migrating a database of the
//! version before the summary, and with every manifest in the database
//! unreadable (the reports read none).

use std::sync::Arc;

use ogonblick_app::model::fixity::sha256_file;
use ogonblick_app::store::rusqlite::Connection;
use ogonblick_app::store::DB_FILE_NAME;
use ogonblick_app::App;
use ogonblick_model::{
    ChannelId, CompletenessReport, FileRecord, FileRole, FixedClock, PageRecord, Provenance,
    SchedulePolicy, Snapshot, SnapshotReason as R, SnapshotStatus as S,
};

use crate::fixture::{add, open_at, png_bytes, t};

/// Commits a snapshot started and finished when given, through the store's
/// staging and commit; `single` makes it a one-address capture.
#[allow(clippy::too_many_arguments)]
pub fn commit(
    app: &App,
    ch: ChannelId,
    id: &str,
    started: &str,
    finished: &str,
    reason: R,
    status: S,
    single: bool,
) {
    let store = app.store();
    let staging = store.begin_snapshot(ch, id).unwrap();
    let url = store.channel(ch).unwrap().urls[0].clone();
    let ok = status != S::Failed;
    let mut files = Vec::new();
    if ok {
        let path = staging.path().join("page-01.png");
        std::fs::write(&path, png_bytes(20, 20, 10)).unwrap();
        let (sha256, size) = sha256_file(&path).unwrap();
        files.push(FileRecord {
            role: FileRole::Png,
            path: "page-01.png".into(),
            sha256,
            size,
            media_type: "image/png".into(),
        });
    }
    let prov = Provenance {
        started_at: t(started),
        finished_at: t(finished),
        operator: "Testare".into(),
        ..Default::default()
    };
    let page = |url: String, ok: bool, files| PageRecord {
        url,
        ok,
        error: (!ok).then(|| "the page did not load".to_string()),
        error_sv: None,
        message: None,
        files,
        report: CompletenessReport::default(),
        provenance: prov.clone(),
    };
    let address = if single {
        format!("{url}/post")
    } else {
        url.clone()
    };
    let mut pages = vec![page(address, ok, files)];
    if status == S::Partial && !single {
        pages.push(page(format!("{url}/about"), false, vec![]));
    }
    let snap = Snapshot {
        id: id.into(),
        channel_id: ch,
        reason,
        reason_note: None,
        reason_message: None,
        status,
        started_at: t(started),
        finished_at: t(finished),
        operator: "Testare".into(),
        pages,
        diary_number: None,
        single_address: single.then(|| format!("{url}/post")),
        files: Vec::new(),
    };
    store.commit_snapshot(staging, snap).unwrap();
}

use crate::summary_reports::{reports, MOMENTS};

#[test]
fn due_and_coverage_from_the_summary_equal_those_from_the_full_records() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let clock = Arc::new(FixedClock::new(t("2026-01-10T08:00:00Z")));
    let app = open_at(dir, clock.clone());
    let a = add(
        &app,
        "Kultur",
        Some("Kulturnämnden"),
        Some("Bibliotek"),
        None,
    );
    let b = add(
        &app,
        "Musik",
        Some("Kulturnämnden"),
        Some("Bibliotek"),
        None,
    );
    let c = add(&app, "Fritid", Some("Kulturnämnden"), None, None);
    let d = add(&app, "Gamla", None, None, None);
    let e = add(
        &app,
        "Årlig",
        Some("Nämnd"),
        None,
        Some(SchedulePolicy::Yearly),
    );
    let f = add(
        &app,
        "Manuell",
        Some("Nämnd"),
        None,
        Some(SchedulePolicy::Manual),
    );
    let g = add(&app, "Enskild", Some("Nämnd"), None, None);
    let x = |ch, id: &str, s: &str, fin: &str, r, st| commit(&app, ch, id, s, fin, r, st, false);
    x(
        a,
        "a1",
        "2026-03-05T09:00:00Z",
        "2026-03-05T09:03:00Z",
        R::HalfYearly,
        S::Complete,
    );
    x(
        a,
        "a2",
        "2026-03-06T09:00:00Z",
        "2026-03-06T09:03:00Z",
        R::HalfYearly,
        S::Failed,
    );
    x(
        a,
        "a3",
        "2026-03-07T09:00:00Z",
        "2026-03-07T09:03:00Z",
        R::HalfYearly,
        S::Partial,
    );
    x(
        a,
        "a4",
        "2026-10-03T09:00:00Z",
        "2026-10-03T09:03:00Z",
        R::AdHoc,
        S::Complete,
    );
    x(
        a,
        "a5",
        "2026-10-04T09:00:00Z",
        "2026-10-04T09:03:00Z",
        R::HalfYearly,
        S::Failed,
    );
    commit(
        &app,
        a,
        "a6",
        "2026-10-20T09:00:00Z",
        "2026-10-20T09:01:00Z",
        R::SingleItem,
        S::Complete,
        true,
    );
    // B: a tie (same start and finish), a long capture that finished after
    // a shorter one started later, failures between them.
    x(
        b,
        "b1",
        "2026-04-01T09:00:00Z",
        "2026-04-01T09:03:00Z",
        R::HalfYearly,
        S::Complete,
    );
    x(
        b,
        "b0",
        "2026-04-01T09:00:00Z",
        "2026-04-01T09:03:00Z",
        R::HalfYearly,
        S::Partial,
    );
    x(
        b,
        "b2",
        "2026-04-01T09:00:00Z",
        "2026-04-01T09:03:00Z",
        R::AdHoc,
        S::Complete,
    );
    x(
        b,
        "b3",
        "2026-10-01T08:00:00Z",
        "2026-10-01T12:00:00Z",
        R::HalfYearly,
        S::Complete,
    );
    x(
        b,
        "b4",
        "2026-10-01T09:00:00Z",
        "2026-10-01T10:00:00Z",
        R::HalfYearly,
        S::Complete,
    );
    x(
        b,
        "b5",
        "2026-10-01T11:00:00Z",
        "2026-10-01T11:10:00Z",
        R::HalfYearly,
        S::Failed,
    );
    x(
        b,
        "b6",
        "2026-10-01T10:00:00Z",
        "2026-10-01T10:20:00Z",
        R::HalfYearly,
        S::Partial,
    );
    // Two good ones finishing together: the later start wins, not the id.
    x(
        b,
        "bz",
        "2026-11-02T08:00:00Z",
        "2026-11-02T09:00:00Z",
        R::AdHoc,
        S::Complete,
    );
    x(
        b,
        "by",
        "2026-11-02T08:30:00Z",
        "2026-11-02T09:00:00Z",
        R::AdHoc,
        S::Complete,
    );
    // C: only a major change (good, but not counting), then failures.
    x(
        c,
        "c1",
        "2026-03-20T09:00:00Z",
        "2026-03-20T09:03:00Z",
        R::MajorChange,
        S::Complete,
    );
    x(
        c,
        "c2",
        "2026-10-10T09:00:00Z",
        "2026-10-10T09:03:00Z",
        R::HalfYearly,
        S::Failed,
    );
    // D: closing since 15 September; a final snapshot before and after.
    x(
        d,
        "d1",
        "2026-03-10T09:00:00Z",
        "2026-03-10T09:03:00Z",
        R::HalfYearly,
        S::Complete,
    );
    x(
        d,
        "d2",
        "2026-09-10T09:00:00Z",
        "2026-09-10T09:03:00Z",
        R::PreClosure,
        S::Complete,
    );
    clock.set(t("2026-09-15T08:00:00Z"));
    app.start_closure(d).unwrap();
    x(
        d,
        "d3",
        "2026-09-20T09:00:00Z",
        "2026-09-20T09:03:00Z",
        R::PreClosure,
        S::Partial,
    );
    x(
        d,
        "d4",
        "2026-10-20T09:00:00Z",
        "2026-10-20T09:03:00Z",
        R::PreClosure,
        S::Complete,
    );
    let _ = e; // never snapshotted
    x(
        f,
        "f1",
        "2026-05-02T09:00:00Z",
        "2026-05-02T09:03:00Z",
        R::AdHoc,
        S::Partial,
    );
    x(
        f,
        "f2",
        "2026-05-03T09:00:00Z",
        "2026-05-03T09:03:00Z",
        R::AdHoc,
        S::Complete,
    );
    // G: only one-address captures, one of them "partial" pages-wise.
    commit(
        &app,
        g,
        "g1",
        "2026-03-02T09:00:00Z",
        "2026-03-02T09:01:00Z",
        R::SingleItem,
        S::Complete,
        true,
    );
    commit(
        &app,
        g,
        "g2",
        "2026-10-02T09:00:00Z",
        "2026-10-02T09:01:00Z",
        R::HalfYearly,
        S::Partial,
        true,
    );

    let fresh = reports(&app);
    // The world covers what it should: states and counts of every kind.
    let last = &fresh[5].1.totals;
    assert!(last.failures > 0 && last.with_good_snapshot > 0 && last.without_good_snapshot > 0);

    // With a major change resetting the schedule, the summary's latest good
    // snapshots (the three kinds the schedule tells apart, GoodTimes) still
    // answer as all the records do; and the setting changes an answer.
    let mut settings = app.schedule_settings().unwrap();
    settings.major_change_resets_schedule = true;
    app.set_schedule_settings(settings.clone()).unwrap();
    assert_ne!(reports(&app), fresh, "a major change now counts");
    settings.major_change_resets_schedule = false;
    app.set_schedule_settings(settings).unwrap();
    assert_eq!(reports(&app), fresh);

    // Rebuilt from the files: the same reports.
    app.reindex().unwrap();
    assert_eq!(reports(&app), fresh);
    drop(app);

    // A database of the version before the summary: migrated on open, and
    // the backfilled summary gives the same reports.
    {
        let conn = Connection::open(dir.join(DB_FILE_NAME)).unwrap();
        conn.execute_batch(
            "DROP INDEX snapshots_good;
             DROP INDEX snapshots_summary;
             ALTER TABLE snapshots DROP COLUMN whole_channel;
             PRAGMA user_version = 9;",
        )
        .unwrap();
    }
    let app = open_at(dir, clock.clone());
    assert_eq!(
        app.store().schema_version().unwrap(),
        ogonblick_store::migrations::LATEST
    );
    assert_eq!(reports(&app), fresh);
    let listed = app.list_channels(&Default::default()).unwrap();
    drop(app);

    // The reports read no manifest: with every one unreadable they stand.
    {
        let conn = Connection::open(dir.join(DB_FILE_NAME)).unwrap();
        conn.execute("UPDATE snapshots SET manifest = '{}'", [])
            .unwrap();
    }
    let app = open_at(dir, clock);
    for (at, (due, cov)) in MOMENTS.iter().zip(&fresh) {
        assert_eq!(&app.due(Some(t(at))).unwrap(), due);
        assert_eq!(&app.coverage_with(Some(t(at)), true).unwrap(), cov);
    }
    assert_eq!(app.list_channels(&Default::default()).unwrap(), listed);
}
