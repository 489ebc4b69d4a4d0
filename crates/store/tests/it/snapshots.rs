use chrono::Duration;
use ogonblick_model::{
    ChannelPatch, CompletenessReport, PageRecord, Snapshot, SnapshotManifest, SnapshotReason,
    SnapshotStatus,
};
use ogonblick_store::{ChannelFilter, Store, StoreError, DB_FILE_NAME};

use crate::common::{commit_real_snapshot, new_channel, open, provenance, t0};

fn failed_snapshot(channel_id: i64, id: &str, url: &str) -> Snapshot {
    Snapshot {
        id: id.into(),
        channel_id,
        reason: SnapshotReason::AdHoc,
        reason_note: Some("test".into()),
        reason_message: None,
        status: SnapshotStatus::Failed,
        started_at: t0(),
        finished_at: t0(),
        operator: "Bo".into(),
        pages: vec![PageRecord {
            url: url.into(),
            ok: false,
            error: Some("the page did not answer within 60 seconds".into()),
            error_sv: None,
            message: None,
            files: vec![],
            report: CompletenessReport::default(),
            provenance: provenance(t0()),
        }],
        diary_number: None,
        single_address: None,
        files: Vec::new(),
    }
}

#[test]
fn commit_verifies_files_and_writes_self_describing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    let c = store
        .add_channel(
            &new_channel("K", &["https://a.se/k", "https://a.se/k/om"]),
            "t",
        )
        .unwrap();
    let snap = commit_real_snapshot(&store, c.id, "s-1", &c.urls, t0());
    let folder = dir.path().join("channels/1/snapshots/s-1");
    let manifest: SnapshotManifest =
        serde_json::from_slice(&std::fs::read(folder.join("snapshot.json")).unwrap()).unwrap();
    assert_eq!(manifest.format, SnapshotManifest::FORMAT);
    assert_eq!(manifest.snapshot, snap);
    assert_eq!(manifest.channel, c);
    for f in snap.pages.iter().flat_map(|p| &p.files) {
        let (sha, size) = ogonblick_model::fixity::sha256_file(&folder.join(&f.path)).unwrap();
        assert_eq!((sha, size), (f.sha256.clone(), f.size));
    }
    let png_bytes = std::fs::read(folder.join("page-0/page.png")).unwrap();
    assert_eq!(&png_bytes[1..4], b"PNG");
    assert_eq!(store.snapshots(Some(c.id)).unwrap(), vec![snap.clone()]);
    let (s, path) = store.snapshot("s-1").unwrap();
    assert_eq!((s, path), (snap, folder));
    assert!(
        std::fs::read_dir(dir.path().join("staging"))
            .unwrap()
            .next()
            .is_none(),
        "staging is empty"
    );
    let sum = &store.list_channels(&ChannelFilter::default()).unwrap()[0];
    assert_eq!(sum.snapshot_count, 1);
    assert_eq!(sum.last_snapshot_status, Some(SnapshotStatus::Complete));
    assert_eq!(sum.last_complete_at, Some(t0()));
    assert_eq!(
        store.audit_log(Some(c.id)).unwrap().last().unwrap().action,
        "snapshot.commit"
    );
}

#[test]
fn reindex_rebuilds_channels_snapshots_and_history_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let (store, clock) = open(dir.path());
    let a = store
        .add_channel(
            &new_channel(
                "Nacka på Facebook",
                &[
                    "https://www.facebook.com/nacka",
                    "https://www.facebook.com/nacka/about",
                ],
            ),
            "Åsa",
        )
        .unwrap();
    let mut nb = new_channel("Nacka på Instagram", &["https://www.instagram.com/nacka"]);
    nb.platform = Some(ogonblick_model::Platform::Instagram);
    nb.board = None;
    nb.unit = Some("Kommunikation".into());
    let b = store.add_channel(&nb, "Åsa").unwrap();
    let c = store
        .add_channel(
            &new_channel("Gammal blogg", &["https://blogg.nacka.se"]),
            "Åsa",
        )
        .unwrap();
    commit_real_snapshot(&store, a.id, "a-1", &a.urls, t0());
    clock.advance(Duration::days(180));
    let a = store
        .edit_channel(
            a.id,
            &ChannelPatch {
                notes: Some("Ny kommentarspolicy".into()),
                ..Default::default()
            },
            "Bo",
        )
        .unwrap();
    let now = ogonblick_model::Clock::now(&*clock);
    commit_real_snapshot(&store, a.id, "a-2", &a.urls, now);
    commit_real_snapshot(&store, b.id, "b-1", &b.urls, now);
    let st = store.begin_snapshot(c.id, "c-fail").unwrap();
    store
        .commit_snapshot(st, failed_snapshot(c.id, "c-fail", &c.urls[0]))
        .unwrap();
    store.start_closure(c.id, "Bo").unwrap();
    store
        .set_settings(
            &ogonblick_model::OrgSettings {
                name: "Nacka kommun".into(),
                ..Default::default()
            },
            "Bo",
        )
        .unwrap();

    let channels = store.channels().unwrap();
    let summaries = store.list_channels(&ChannelFilter::default()).unwrap();
    let history = store.snapshots(None).unwrap();
    let audit = store.audit_log(None).unwrap();
    let settings = store.settings().unwrap();
    drop(store);

    // The database is lost.
    for f in [DB_FILE_NAME, "ogonblick.sqlite-wal", "ogonblick.sqlite-shm"] {
        let _ = std::fs::remove_file(dir.path().join(f));
    }
    let (store, _) = open(dir.path());
    assert!(store.channels().unwrap().is_empty());
    let report = store.reindex().unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!((report.channels, report.snapshots), (3, 4));
    assert_eq!(report.audit_entries as usize, audit.len());
    assert_eq!(store.channels().unwrap(), channels);
    assert_eq!(
        store.list_channels(&ChannelFilter::default()).unwrap(),
        summaries
    );
    assert_eq!(store.snapshots(None).unwrap(), history);
    assert_eq!(store.audit_log(None).unwrap(), audit);
    assert_eq!(store.settings().unwrap(), settings);
    for s in &history {
        let (_, folder) = store.snapshot(&s.id).unwrap();
        assert!(folder.join("snapshot.json").is_file());
    }
    // Ids continue after the restored ones; the duplicate check works again.
    let d = store
        .add_channel(&new_channel("Ny", &["https://ny.se"]), "t")
        .unwrap();
    assert_eq!(d.id, 4);
    assert!(matches!(
        store.add_channel(&new_channel("Dup", &["https://facebook.com/nacka"]), "t"),
        Err(StoreError::Conflict(_))
    ));
    drop(store);

    // A lost channel.json is recovered from the newest snapshot manifest and
    // a snapshot folder with a missing file is not recorded.
    std::fs::remove_file(dir.path().join("channels/2/channel.json")).unwrap();
    std::fs::remove_file(dir.path().join("channels/1/snapshots/a-1/page-1/page.pdf")).unwrap();
    let report = Store::rebuild(dir.path()).unwrap();
    assert_eq!(report.snapshots, 3);
    assert!(
        report
            .warnings
            .iter()
            .map(|w| w.to_string())
            .any(|w| w.contains("a-1") && w.contains("page-1/page.pdf")),
        "{:?}",
        report.warnings
    );
    assert!(
        report
            .warnings
            .iter()
            .map(|w| w.to_string())
            .any(|w| w.contains("channel 2 was restored from its newest snapshot")),
        "{:?}",
        report.warnings
    );
    let (store, _) = open(dir.path());
    assert_eq!(store.channel(2).unwrap(), channels[1]);
    assert!(store.snapshot("a-1").is_err());
}

/// h-voc9: a snapshot.json of a format this version does not know is named
/// in Swedish with the format it gives, not "unknown format".
#[test]
fn reindex_names_a_snapshot_of_an_unknown_format_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    let a = store
        .add_channel(
            &new_channel("Nacka", &["https://www.facebook.com/nacka"]),
            "Åsa",
        )
        .unwrap();
    commit_real_snapshot(&store, a.id, "a-1", &a.urls, t0());
    let (_, folder) = store.snapshot("a-1").unwrap();
    let path = folder.join("snapshot.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(SnapshotManifest::FORMAT, "ogonblick-snapshot/9"),
    )
    .unwrap();
    drop(store);
    for f in [DB_FILE_NAME, "ogonblick.sqlite-wal", "ogonblick.sqlite-shm"] {
        let _ = std::fs::remove_file(dir.path().join(f));
    }
    let (store, _) = open(dir.path());
    let report = store.reindex().unwrap();
    assert_eq!(report.snapshots, 0);
    let sv: Vec<String> = report
        .warnings
        .iter()
        .map(|w| w.render(ogonblick_model::Language::Sv))
        .collect();
    assert!(
        sv.iter().any(|w| w.contains(
            "är skriven i formatet ”ogonblick-snapshot/9”, som den här versionen av Ögonblick inte kan läsa"
        ) && !w.contains("unknown")),
        "{sv:?}"
    );
}
