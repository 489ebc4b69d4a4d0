//! Personal-data / secrecy marks in packages: audited, kept by a reindex,
//! and exports that leave marked items out or package them separately.

use ogonblick_model::*;

use super::tests::{app, read_entry, snapshot};
use super::*;
use crate::App;

/// A channel of the board Kulturnämnden with two snapshots, `snap-open` and
/// `snap-secret`.
fn two_snapshots(app: &App, now: Timestamp) -> Channel {
    let ch = app
        .store()
        .add_channel(
            &NewChannel {
                name: "Kulturnämnden".into(),
                platform: Some(Platform::Facebook),
                urls: vec!["https://www.facebook.com/kultur".into()],
                board: Some("Kulturnämnden".into()),
                ..Default::default()
            },
            "anna",
        )
        .unwrap();
    snapshot(app, &ch, "snap-open", SnapshotReason::AdHoc, now);
    snapshot(app, &ch, "snap-secret", SnapshotReason::AdHoc, now);
    ch
}

// h-pkg: personal-data / secrecy marks, and exports that leave marked items
// out or package them separately.
#[test]
fn marks_are_audited_survive_reindex_and_split_or_thin_the_export() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, clock) = app(tmp.path());
    let ch = two_snapshots(&app, clock.now());

    // Refusals say what to do and change nothing.
    let none = MarkFlags {
        personal_data: false,
        secrecy: None,
        note: Some("x".into()),
    };
    let e = app.set_mark("snap-secret", none).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    assert!(matches!(e.message(), Message::MarkNothing {}), "{e}");
    let secret = MarkFlags {
        personal_data: false,
        secrecy: Some("OSL 21 kap. 7 §".into()),
        note: Some("uppgifter om hälsa".into()),
    };
    let e = app.set_mark("no-such-item", secret.clone()).unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
    let e = app.clear_mark("snap-open").unwrap_err();
    assert!(
        matches!(e.message(), Message::MarkNoneToClear { .. }),
        "{e}"
    );
    assert!(app.marks().unwrap().is_empty());

    // Set, clear, set again: each audited; reindex restores the last state.
    app.set_mark("snap-secret", secret.clone()).unwrap();
    app.clear_mark("snap-secret").unwrap();
    assert!(app.mark("snap-secret").unwrap().is_none());
    let m = app.set_mark("snap-secret", secret.clone()).unwrap();
    assert_eq!(m.kind, MarkedKind::Snapshot);
    let log = app.store().audit_log(Some(ch.id)).unwrap();
    assert_eq!(
        log.iter()
            .filter(|e| matches!(e.event, AuditEvent::MarkSet { .. }))
            .count(),
        2
    );
    assert!(log.iter().any(
        |e| matches!(&e.event, AuditEvent::MarkCleared { item_id, .. } if item_id == "snap-secret")
    ));
    app.store().reindex().unwrap();
    assert_eq!(app.marks().unwrap(), vec![m]);

    // Exports: all with the mark in PREMIS; marked left out; two packages.
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let base = ExportRequest {
        channel_id: Some(ch.id),
        ..Default::default()
    };
    let all = app
        .export_packages(&base, &out, &NoProgress, &CancelToken::new())
        .unwrap();
    assert_eq!((all.len(), all[0].snapshots), (1, 2));
    let premis = read_entry(&all[0].path, "metadata/preservation/premis.xml");
    assert!(premis.contains("OSL 21 kap. 7 §"), "{premis}");
    let thin = app
        .export_packages(
            &ExportRequest {
                marked: MarkedMode::LeaveOut,
                ..base.clone()
            },
            &out,
            &NoProgress,
            &CancelToken::new(),
        )
        .unwrap();
    assert_eq!((thin.len(), thin[0].snapshots), (1, 1));
    let r = crate::package::verify_package_file(&thin[0].path, &NoProgress, &CancelToken::new())
        .unwrap();
    assert!(r.ok, "{:?}", r.problems);
    assert_eq!(r.snapshot_ids, vec!["snap-open".to_string()]);
    let two = app
        .export_packages(
            &ExportRequest {
                marked: MarkedMode::Separately,
                ..base.clone()
            },
            &out,
            &NoProgress,
            &CancelToken::new(),
        )
        .unwrap();
    assert_eq!(two.len(), 2);
    for (s, id) in two.iter().zip(["snap-open", "snap-secret"]) {
        let r =
            crate::package::verify_package_file(&s.path, &NoProgress, &CancelToken::new()).unwrap();
        assert!(r.ok, "{:?}", r.problems);
        assert_eq!(r.snapshot_ids, vec![id.to_string()]);
    }
    let mets = read_entry(&two[1].path, "METS.xml");
    assert!(mets.contains("(skyddsmarkerat)"));
    // --marked-separately into a file name is refused.
    let e = app
        .export_packages(
            &ExportRequest {
                marked: MarkedMode::Separately,
                ..base
            },
            &out.join("one.zip"),
            &NoProgress,
            &CancelToken::new(),
        )
        .unwrap_err();
    assert!(
        matches!(e.message(), Message::ExportSeparateNeedsFolder {}),
        "{e}"
    );
}

// h-doc11: the package's default label in the organisation's language.
#[test]
fn the_default_label_follows_the_organisations_language() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, clock) = app(tmp.path());
    let ch = two_snapshots(&app, clock.now());
    let secret = MarkFlags {
        personal_data: true,
        secrecy: None,
        note: None,
    };
    app.set_mark("snap-secret", secret).unwrap();
    let day = clock.now().format("%Y-%m-%d").to_string();
    let labels = |lang: Language, dir: &str| -> Vec<String> {
        let org = app.package_settings().unwrap();
        app.set_package_settings(&ogonblick_package::PackageOrg {
            language: lang,
            ..org
        })
        .unwrap();
        let out = tmp.path().join(dir);
        std::fs::create_dir_all(&out).unwrap();
        let req = ExportRequest {
            channel_id: Some(ch.id),
            marked: MarkedMode::Separately,
            ..Default::default()
        };
        app.export_packages(&req, &out, &NoProgress, &CancelToken::new())
            .unwrap()
            .iter()
            .map(|s| {
                let mets = read_entry(&s.path, "METS.xml");
                let at = mets.find(" LABEL=\"").unwrap() + 8;
                mets[at..at + mets[at..].find('"').unwrap()].to_string()
            })
            .collect()
    };
    assert_eq!(
        labels(Language::Sv, "sv"),
        vec![
            format!("Ögonblicksbilder Kulturnämnden {day}"),
            format!("Ögonblicksbilder Kulturnämnden {day} (skyddsmarkerat)"),
        ]
    );
    assert_eq!(
        labels(Language::En, "en"),
        vec![
            format!("Snapshots Kulturnämnden {day}"),
            format!("Snapshots Kulturnämnden {day} (marked)"),
        ]
    );
}
