//! Removal records and diary numbers in the store: real SQLite, real files.

use std::path::Path;

use ogonblick_model::{
    AuditEvent, Evidence, GroundChoice, PoliceReport, RemovalAction, RemovalGround, RemovalRecord,
    RemovedKind,
};
use ogonblick_store::rusqlite::Connection;
use ogonblick_store::{Store, SuppliedSource, DB_FILE_NAME};
use sha2::{Digest, Sha256};

use crate::common::{commit_real_snapshot, new_channel, open, png, t0};

pub(crate) fn record(id: &str, channel_id: i64, evidence: Evidence) -> RemovalRecord {
    RemovalRecord {
        id: id.into(),
        version: 1,
        channel_id,
        url: "https://www.facebook.com/nacka/posts/1?comment_id=2".into(),
        kind: RemovedKind::Comment,
        author: Some("Arg Användare".into()),
        published_at: Some(t0()),
        text: Some("Ni borde skämmas, jag vet var du bor".into()),
        removed_at: t0(),
        removed_by: "Åsa Öberg".into(),
        action: RemovalAction::Hidden,
        ground: GroundChoice {
            code: "hot".into(),
            label_sv: "Hot".into(),
            label_en: "Threat".into(),
            text: None,
        },
        police_report: PoliceReport {
            reported: true,
            reference: Some("5000-K123456-26".into()),
            date: None,
        },
        contact: None,
        forwarded: None,
        diary_number: None,
        certified: None,
        evidence,
        supplied_by_hand: false,
        recorded_at: t0(),
        recorded_by: "Åsa Öberg".into(),
        change_note: None,
    }
}

pub(crate) fn supplied(dir: &Path, name: &str, bytes: &[u8]) -> SuppliedSource {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    SuppliedSource {
        path,
        original_name: name.into(),
    }
}

pub(crate) fn placeholder() -> Evidence {
    Evidence::Snapshot {
        snapshot_id: String::new(),
    }
}

#[test]
fn a_record_with_a_file_keeps_the_file_hashed_and_reindex_rebuilds_every_version() {
    let dir = tempfile::tempdir().unwrap();
    let src = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    let ch = store
        .add_channel(
            &new_channel("Nacka", &["https://www.facebook.com/nacka"]),
            "t",
        )
        .unwrap();
    let bytes = png(20, 10, 3);
    let file = supplied(src.path(), "skärmbild.png", &bytes);
    let r = store
        .add_removal(record("rem-1", ch.id, placeholder()), Some(&file))
        .unwrap();
    let Evidence::File(f) = &r.evidence else {
        panic!("{:?}", r.evidence)
    };
    assert!(r.supplied_by_hand);
    assert_eq!(f.sha256, hex::encode(Sha256::digest(&bytes)));
    assert_eq!(f.media_type, "image/png");
    let folder = dir
        .path()
        .join(format!("channels/{}/removals/rem-1", ch.id));
    assert_eq!(std::fs::read(folder.join(&f.path)).unwrap(), bytes);
    assert!(folder.join("removal.json").is_file());

    // A correction is a new version; the first stays.
    let mut c = r.clone();
    c.author = Some("Arg Användare 2".into());
    c.recorded_by = "Pär Ähl".into();
    c.change_note = Some(ogonblick_model::Message::RemovalNoteCorrectedBecause {
        reason: "fel namn".into(),
    });
    let v2 = store
        .add_removal_version(c, |v| AuditEvent::RemovalCorrected {
            removal_id: "rem-1".into(),
            version: v,
        })
        .unwrap();
    assert_eq!(v2.version, 2);
    // And a snapshot-linked record with a diary number set on both at once.
    let snap = commit_real_snapshot(
        &store,
        ch.id,
        "s-1",
        &["https://www.facebook.com/nacka".into()],
        t0(),
    );
    store
        .add_removal(
            record(
                "rem-2",
                ch.id,
                Evidence::Snapshot {
                    snapshot_id: snap.id.clone(),
                },
            ),
            None,
        )
        .unwrap();
    store
        .set_diary_number(
            &["s-1".into()],
            &["rem-1".into(), "rem-2".into()],
            Some("KS 2027/12"),
            "Pär Ähl",
        )
        .unwrap();
    let mut grounds = RemovalGround::defaults();
    grounds[0].label_sv = "Personangrepp".into();
    store.set_removal_grounds(&grounds, "t").unwrap();

    let list_before = store.removals(None).unwrap();
    let (versions_before, _) = store.removal("rem-1").unwrap();
    assert_eq!(versions_before.len(), 3);
    assert_eq!(
        versions_before[2].diary_number.as_deref(),
        Some("KS 2027/12")
    );
    assert_eq!(
        store.snapshot("s-1").unwrap().0.diary_number.as_deref(),
        Some("KS 2027/12")
    );
    drop(store);

    // The database lost: rebuilt from the files.
    std::fs::remove_file(dir.path().join(DB_FILE_NAME)).unwrap();
    let report = Store::rebuild(dir.path()).unwrap();
    assert_eq!(report.removals, 2, "{:?}", report.warnings);
    let (store, _) = open(dir.path());
    assert_eq!(store.removals(None).unwrap(), list_before);
    assert_eq!(store.removal("rem-1").unwrap().0, versions_before);
    assert_eq!(
        store.snapshot("s-1").unwrap().0.diary_number.as_deref(),
        Some("KS 2027/12")
    );
    assert_eq!(store.removal_grounds().unwrap(), grounds);
}

#[test]
fn versions_are_append_only_in_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let src = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    let ch = store
        .add_channel(
            &new_channel("Nacka", &["https://www.facebook.com/nacka"]),
            "t",
        )
        .unwrap();
    let file = supplied(src.path(), "a.png", &png(4, 4, 1));
    store
        .add_removal(record("rem-1", ch.id, placeholder()), Some(&file))
        .unwrap();
    drop(store);
    let conn = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
    let err = conn
        .execute("UPDATE removal_versions SET recorded_by = 'x'", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
}
