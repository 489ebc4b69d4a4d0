//! Removal records in packages: with their evidence, only when asked, and
//! the package of records alone.

use std::path::Path;

use ogonblick_model::*;

use super::tests::{app, read_entry, snapshot};
use super::*;

// h-pkg: removal records travel with their evidence snapshot; by default an
// export holds none, as before.
#[test]
fn removal_records_go_into_packages_with_their_evidence_only_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, clock) = app(tmp.path());
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
    snapshot(
        &app,
        &ch,
        "snap-evidence",
        SnapshotReason::AdHoc,
        clock.now(),
    );
    snapshot(&app, &ch, "snap-other", SnapshotReason::AdHoc, clock.now());
    let rec = app
        .add_removal(new_removal(
            ch.id,
            crate::EvidenceSource::Snapshot("snap-evidence".into()),
        ))
        .unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let only_other = ExportRequest {
        channel_id: Some(ch.id),
        snapshot_ids: vec!["snap-other".into()],
        ..Default::default()
    };
    let export = |req: &ExportRequest| {
        app.export_packages(req, &out, &NoProgress, &CancelToken::new())
            .unwrap()
    };
    let verify = |p: &Path| {
        let r = crate::package::verify_package_file(p, &NoProgress, &CancelToken::new()).unwrap();
        assert!(r.ok, "{:?}", r.problems);
        let mut ids = r.snapshot_ids.clone();
        ids.sort();
        ids
    };
    // Default: no removal record, as before.
    let s = &export(&only_other)[0];
    assert_eq!(verify(&s.path), vec!["snap-other".to_string()]);
    assert!(!read_entry(&s.path, "METS.xml").contains("OGONBLICK-REMOVAL-RECORD"));
    // With: the record, and its evidence snapshot pulled in.
    let s = &export(&ExportRequest {
        removals: RemovalsMode::With,
        ..only_other.clone()
    })[0];
    assert_eq!(verify(&s.path), vec!["snap-evidence", "snap-other"]);
    let xml = read_entry(
        &s.path,
        &format!("metadata/descriptive/removals/{}/removal.xml", rec.id),
    );
    assert!(xml.contains("snapshotId=\"snap-evidence\""), "{xml}");
    // Only: the record and its evidence alone.
    let s = &export(&ExportRequest {
        removals: RemovalsMode::Only,
        ..only_other.clone()
    })[0];
    assert_eq!(verify(&s.path), vec!["snap-evidence"]);
    assert!(read_entry(&s.path, "METS.xml").contains("Borttaget innehåll"));
    // A record counts as marked when its evidence snapshot is.
    app.set_mark(
        "snap-evidence",
        MarkFlags {
            personal_data: true,
            secrecy: None,
            note: None,
        },
    )
    .unwrap();
    let s = &export(&ExportRequest {
        removals: RemovalsMode::With,
        marked: MarkedMode::LeaveOut,
        ..only_other
    })[0];
    assert_eq!(verify(&s.path), vec!["snap-other"]);
    assert!(!read_entry(&s.path, "METS.xml").contains("OGONBLICK-REMOVAL-RECORD"));
}

fn new_removal(channel_id: ChannelId, evidence: crate::EvidenceSource) -> crate::NewRemoval {
    crate::NewRemoval {
        channel_id,
        url: "https://www.facebook.com/kultur/posts/1".into(),
        kind: RemovedKind::Comment,
        ground: "hot".into(),
        ground_text: None,
        action: None,
        author: None,
        published_at: None,
        text: Some("hot".into()),
        removed_at: None,
        removed_by: None,
        police_report: None,
        police_report_date: None,
        police_reported: None,
        contacted_at: None,
        contact_how: None,
        contact_message: None,
        rules_page: None,
        forwarded_to: None,
        forwarded_at: None,
        diary_number: None,
        evidence,
    }
}

// A package that holds removal records but no snapshot (staff supplied the
// screenshot; the snapshots are marked and go in a package of their own)
// takes its archive creator from the records' channel's board, as a package
// of snapshots does.
#[test]
fn a_package_of_records_alone_takes_the_archive_creator_from_their_channels_board() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, clock) = app(tmp.path());
    let ch = app
        .store()
        .add_channel(
            &NewChannel {
                name: "Miljöförvaltningen".into(),
                platform: Some(Platform::X),
                urls: vec!["https://x.com/miljo".into()],
                board: Some("Miljö- och byggnämnden".into()),
                ..Default::default()
            },
            "anna",
        )
        .unwrap();
    snapshot(&app, &ch, "snap-marked", SnapshotReason::AdHoc, clock.now());
    let shot = tmp.path().join("skarmbild.png");
    std::fs::write(&shot, super::tests::PNG_1X1).unwrap();
    app.add_removal(new_removal(ch.id, crate::EvidenceSource::File(shot)))
        .unwrap();
    app.set_mark(
        "snap-marked",
        MarkFlags {
            personal_data: true,
            secrecy: None,
            note: None,
        },
    )
    .unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let two = app
        .export_packages(
            &ExportRequest {
                channel_id: Some(ch.id),
                removals: RemovalsMode::With,
                marked: MarkedMode::Separately,
                ..Default::default()
            },
            &out,
            &NoProgress,
            &CancelToken::new(),
        )
        .unwrap();
    assert_eq!(two.len(), 2);
    assert_eq!((two[0].snapshots, two[1].snapshots), (0, 1));
    for s in &two {
        let r =
            crate::package::verify_package_file(&s.path, &NoProgress, &CancelToken::new()).unwrap();
        assert!(r.ok, "{:?}", r.problems);
        let mets = read_entry(&s.path, "METS.xml");
        assert!(mets.contains("Miljö- och byggnämnden"), "{mets}");
    }
}
