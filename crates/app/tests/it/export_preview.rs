//! The export preview: it lists exactly what the export then writes, warns
//! about the board's channels without a complete snapshot in the period, and
//! writes nothing.

use std::sync::Arc;

use ogonblick_app::package::{ExportRequest, MarkedMode};
use ogonblick_model::{
    CancelToken, ErrorCode, FixedClock, MarkFlags, NoProgress, SnapshotReason, SnapshotStatus,
};

use super::fixture::{add, open_at, store_snapshot, t};

#[test]
fn the_preview_lists_what_the_export_writes_and_the_channels_it_leaves_undocumented() {
    let tmp = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-01-02T08:00:00Z")));
    let app = open_at(&tmp.path().join("data"), clock.clone());
    let mut s = app.settings().unwrap();
    s.name = "Vetlanda kommun".into();
    app.set_settings(s).unwrap();
    let kultur = Some("Kulturnämnden");
    let a = add(&app, "Bibliotek", kultur, None, None);
    let b = add(&app, "Museum", kultur, None, None);
    let c = add(&app, "Teater", kultur, None, None);
    let e = add(&app, "Konsthall", kultur, None, None);
    let d = add(&app, "Parker", Some("Miljönämnden"), None, None);
    let (h, done) = (SnapshotReason::HalfYearly, SnapshotStatus::Complete);
    let sa = store_snapshot(&app, &clock, a, "2026-03-01T10:00:00Z", h, done, None);
    // Partial: not packaged, so Museum is not documented.
    store_snapshot(
        &app,
        &clock,
        b,
        "2026-03-01T11:00:00Z",
        h,
        SnapshotStatus::Partial,
        None,
    );
    // Complete but after the period.
    store_snapshot(&app, &clock, c, "2027-02-01T10:00:00Z", h, done, None);
    let se = store_snapshot(&app, &clock, e, "2026-04-01T10:00:00Z", h, done, None);
    store_snapshot(&app, &clock, d, "2026-04-01T10:00:00Z", h, done, None);
    app.set_mark(
        &se.id,
        MarkFlags {
            personal_data: true,
            secrecy: None,
            note: None,
        },
    )
    .unwrap();
    let req = ExportRequest {
        board: Some("kulturnämnden ".into()),
        from: Some(t("2026-01-01T00:00:00Z")),
        to: Some(t("2027-01-01T00:00:00Z")),
        ..Default::default()
    };
    let audit_before = app.audit_log(None).unwrap().len();

    let p = app.export_preview(&req).unwrap();
    assert_eq!(p.packages.len(), 1);
    let ids: Vec<&str> = p.packages[0]
        .snapshots
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, [sa.id.as_str(), se.id.as_str()]);
    assert_eq!(p.packages[0].marks, 1);
    assert!(p.packages[0].bytes > 0);
    assert_eq!(p.packages[0].snapshots[0].channel, "Bibliotek");
    let names = |p: &ogonblick_app::package::ExportPreview| -> Vec<String> {
        let missing = p.without_snapshot.as_ref().expect("checked");
        missing.iter().map(|c| c.name.clone()).collect()
    };
    assert_eq!(names(&p), ["Museum", "Teater"]);

    // Marked items left out: Konsthall is then undocumented too.
    let leave_out = ExportRequest {
        marked: MarkedMode::LeaveOut,
        ..req.clone()
    };
    let p2 = app.export_preview(&leave_out).unwrap();
    let ids: Vec<&str> = p2.packages[0]
        .snapshots
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, [sa.id.as_str()]);
    assert_eq!(names(&p2), ["Museum", "Teater", "Konsthall"]);
    // Separately: two packages, the second of marked items.
    let separately = ExportRequest {
        marked: MarkedMode::Separately,
        ..req.clone()
    };
    let p3 = app.export_preview(&separately).unwrap();
    let marked: Vec<(bool, usize)> = p3
        .packages
        .iter()
        .map(|p| (p.marked, p.snapshots.len()))
        .collect();
    assert_eq!(marked, [(false, 1), (true, 1)]);

    // The preview wrote nothing: no audit entry, no file.
    assert_eq!(app.audit_log(None).unwrap().len(), audit_before);
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // The export writes what the preview listed.
    // Compared by the snapshots' ids: the preview's against those the
    // written package holds (read back from the package by the verifier).
    let previewed = |p: &ogonblick_app::package::PreviewPackage| -> Vec<String> {
        let mut ids: Vec<String> = p.snapshots.iter().map(|s| s.id.clone()).collect();
        ids.sort();
        ids
    };
    let written = |pkg: &ogonblick_app::package::package::PackageSummary| -> Vec<String> {
        let r = ogonblick_app::package::verify_package_file(
            &pkg.path,
            &NoProgress,
            &CancelToken::new(),
        )
        .unwrap();
        assert!(r.ok, "{:?}", r.problems);
        let mut ids = r.snapshot_ids;
        ids.sort();
        ids
    };
    let pkg = app
        .export_package(&req, &out, &NoProgress, &CancelToken::new())
        .unwrap();
    assert_eq!(written(&pkg), previewed(&p.packages[0]));
    let pkgs = app
        .export_packages(&separately, &out, &NoProgress, &CancelToken::new())
        .unwrap();
    assert_eq!(pkgs.len(), p3.packages.len());
    for (pkg, preview) in pkgs.iter().zip(&p3.packages) {
        assert_eq!(
            written(pkg),
            previewed(preview),
            "marked: {}",
            preview.marked
        );
    }
    assert_eq!(previewed(&p3.packages[1]), [se.id.as_str()]);

    // What the export refuses, the preview refuses alike.
    let unknown = ExportRequest {
        channel_id: Some(999),
        ..Default::default()
    };
    let err = app.export_preview(&unknown).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    // Nothing taken in a later period: no package, and every channel of the
    // board is named (where the export only says nothing matches).
    let later = ExportRequest {
        from: Some(t("2028-01-01T00:00:00Z")),
        to: Some(t("2029-01-01T00:00:00Z")),
        ..req.clone()
    };
    let empty = app.export_preview(&later).unwrap();
    assert!(empty.packages.is_empty());
    assert_eq!(
        names(&empty),
        ["Bibliotek", "Museum", "Teater", "Konsthall"]
    );
    let err = app
        .export_package(&later, &out, &NoProgress, &CancelToken::new())
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    // Named snapshots: the channels are not checked, and the preview says so.
    let named = ExportRequest {
        snapshot_ids: vec![sa.id.clone()],
        ..Default::default()
    };
    assert_eq!(app.export_preview(&named).unwrap().without_snapshot, None);
}
