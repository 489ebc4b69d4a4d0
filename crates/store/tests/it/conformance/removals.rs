//! Removal records and the removal grounds through the storage interface,
//! on both backends: a record's rows shared between connections, its folder
//! in the data directory as the SQLite store writes it, the refusals (with
//! nothing written), and the audit entries.

use ogonblick_model::{
    AuditEvent, Evidence, Message, RemovalGround, RemovalManifest, SnapshotReason, SnapshotStatus,
};
use ogonblick_store::{Register, StoreError};
use sha2::{Digest, Sha256};

use super::backends::{self, Backend};
use super::snapshots::snapshot;
use super::{given_channel, given_two_channels};
use crate::common::{png, t0};
use crate::removals::{placeholder, record, supplied};

conformance!(
    removal_with_a_screenshot_is_read_on_another_connection_from_its_folder,
    removal_naming_a_snapshot_is_listed_in_the_order_removed,
    refused_removals_leave_no_row_no_folder_and_no_audit_entry,
    removal_grounds_replaced_on_one_connection_are_read_on_another,
);

fn evidence(id: &str) -> Evidence {
    Evidence::Snapshot {
        snapshot_id: id.into(),
    }
}

fn removal_with_a_screenshot_is_read_on_another_connection_from_its_folder(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, d) = given_two_channels(&*a);
    let src = tempfile::tempdir().unwrap();
    let bytes = png(20, 10, 3);
    let file = supplied(src.path(), "skärmbild.png", &bytes);
    let r = a
        .add_removal(record("rem-1", c.id, placeholder()), Some(&file))
        .unwrap();
    assert_eq!(r.version, 1);
    assert!(r.supplied_by_hand);
    let Evidence::File(f) = &r.evidence else {
        panic!("the evidence is the supplied file: {:?}", r.evidence);
    };
    assert_eq!(f.path, "screenshot.png");
    assert_eq!(f.sha256, hex::encode(Sha256::digest(&bytes)));
    assert_eq!(f.original_name, "skärmbild.png");

    let (versions, folder) = other.removal("rem-1").unwrap();
    assert_eq!(versions, std::slice::from_ref(&r));
    assert_eq!(folder, format!("channels/{}/removals/rem-1", c.id));
    // The folder is the SQLite store's: removal.json and the screenshot.
    let dir = b.data_dir().join(&folder);
    assert_eq!(std::fs::read(dir.join("screenshot.png")).unwrap(), bytes);
    let manifest: RemovalManifest =
        serde_json::from_slice(&std::fs::read(dir.join(RemovalManifest::FILE_NAME)).unwrap())
            .unwrap();
    assert_eq!(manifest.versions, std::slice::from_ref(&r));
    assert!(
        std::fs::read_dir(b.data_dir().join("staging"))
            .unwrap()
            .flatten()
            .all(
                |e| !e.file_name().to_string_lossy().starts_with("removal-rem-1")
                    || e.path().is_file()
            ),
        "no staging folder is left"
    );

    assert_eq!(other.removals(None).unwrap(), std::slice::from_ref(&r));
    assert_eq!(
        other.removals(Some(c.id)).unwrap(),
        std::slice::from_ref(&r)
    );
    assert!(other.removals(Some(d.id)).unwrap().is_empty());

    let expected = AuditEvent::RemovalRecorded {
        removal_id: "rem-1".into(),
        item: r.kind,
        action: r.action,
        ground: "hot".into(),
        evidence: f.sha256.clone(),
        supplied_by_hand: true,
    };
    let log = other.audit_log(Some(c.id)).unwrap();
    let last = log.last().unwrap();
    assert_eq!(
        (last.actor.as_str(), last.action.as_str(), &last.event),
        ("Åsa Öberg", "removal.add", &expected)
    );
    let of_action = other.audit_log_of_action("removal.add").unwrap();
    assert_eq!(of_action, std::slice::from_ref(last));
    assert_eq!(other.audit_log_of_action("channel.add").unwrap().len(), 2);
    assert!(other.audit_log_of_action("no.such").unwrap().is_empty());
}

fn removal_naming_a_snapshot_is_listed_in_the_order_removed(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    let s = snapshot(
        c.id,
        "s-1",
        SnapshotReason::AdHoc,
        SnapshotStatus::Complete,
        t0(),
    );
    a.record_snapshot(&s, "channels/1/snapshots/s-1").unwrap();
    // Removed later, recorded first; ids that sort differently in Swedish
    // ("_" and "-") than byte for byte.
    let mut late = record("rem_b", c.id, evidence("s-1"));
    late.removed_at = t0() + chrono::Duration::hours(2);
    let mut early_b = record("rem-b", c.id, evidence("s-1"));
    early_b.removed_at = t0() + chrono::Duration::hours(1);
    let mut early_a = record("rem_a", c.id, evidence("s-1"));
    early_a.removed_at = t0() + chrono::Duration::hours(1);
    let late = a.add_removal(late, None).unwrap();
    let early_b = other.add_removal(early_b, None).unwrap();
    let early_a = a.add_removal(early_a, None).unwrap();
    assert!(!late.supplied_by_hand);
    assert_eq!(late.evidence, evidence("s-1"));
    let ids: Vec<_> = other
        .removals(None)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, ["rem-b", "rem_a", "rem_b"]);
    assert_eq!(a.removal("rem-b").unwrap().0, [early_b]);
    assert_eq!(a.removal("rem_a").unwrap().0, [early_a]);
    let dir = b
        .data_dir()
        .join(format!("channels/{}/removals/rem_b", c.id));
    assert!(dir.join(RemovalManifest::FILE_NAME).is_file());
    let last = a.audit_log(None).unwrap().pop().unwrap();
    assert_eq!(
        last.event,
        AuditEvent::RemovalRecorded {
            removal_id: "rem_a".into(),
            item: late.kind,
            action: late.action,
            ground: "hot".into(),
            evidence: "s-1".into(),
            supplied_by_hand: false,
        }
    );
}

fn refused_removals_leave_no_row_no_folder_and_no_audit_entry(b: &dyn Backend) {
    let r = b.connect();
    let (c, d) = given_two_channels(&*r);
    let s = snapshot(
        d.id,
        "s-kultur",
        SnapshotReason::AdHoc,
        SnapshotStatus::Complete,
        t0(),
    );
    r.record_snapshot(&s, "channels/2/snapshots/s-kultur")
        .unwrap();
    let before = r.audit_log(None).unwrap().len();
    let refused = |rec, file| r.add_removal(rec, file).unwrap_err();
    assert!(matches!(
        refused(record("rem-2", c.id, evidence("s-kultur")), None),
        StoreError::Invalid(Message::StoreSnapshotOtherChannel { .. })
    ));
    assert!(matches!(
        refused(record("rem-2", c.id, evidence("s-none")), None),
        StoreError::NotFound(Message::StoreNoChannelSnapshot { .. })
    ));
    assert!(matches!(
        refused(record("../rem", c.id, evidence("s-kultur")), None),
        StoreError::Invalid(Message::StoreBadRemovalId { .. })
    ));
    assert!(matches!(
        refused(record("rem-2", d.id + 100, evidence("s-kultur")), None),
        StoreError::NotFound(Message::StoreNoChannel { .. })
    ));
    let src = tempfile::tempdir().unwrap();
    let not_image = supplied(src.path(), "anteckning.txt", b"inte en bild");
    let e = refused(record("rem-2", c.id, placeholder()), Some(&not_image));
    assert!(
        matches!(e, StoreError::Invalid(Message::StoreNotImage { .. })),
        "{e:?}"
    );
    assert!(e.to_string().contains("not a PNG, JPEG or PDF"), "{e}");
    // Nothing of the refused file is left in the staging area.
    let staging: Vec<_> = std::fs::read_dir(b.data_dir().join("staging"))
        .unwrap()
        .collect();
    assert!(staging.is_empty(), "{staging:?}");
    // A record id is used once.
    r.add_removal(record("rem-3", d.id, evidence("s-kultur")), None)
        .unwrap();
    let after_one = r.audit_log(None).unwrap().len();
    assert_eq!(after_one, before + 1);
    assert!(matches!(
        refused(record("rem-3", d.id, evidence("s-kultur")), None),
        StoreError::Conflict(Message::StoreRemovalExists { .. })
    ));
    assert_eq!(r.audit_log(None).unwrap().len(), after_one);
    let ids: Vec<_> = r
        .removals(None)
        .unwrap()
        .into_iter()
        .map(|x| x.id)
        .collect();
    assert_eq!(ids, ["rem-3"]);
    assert!(!b
        .data_dir()
        .join(format!("channels/{}/removals/rem-2", c.id))
        .exists());
    assert!(matches!(
        r.removal("rem-2").unwrap_err(),
        StoreError::NotFound(Message::StoreNoRemoval { .. })
    ));
}

fn ground(code: &str, sv: &str, en: &str) -> RemovalGround {
    RemovalGround {
        code: code.into(),
        label_sv: sv.into(),
        label_en: en.into(),
        needs_text: false,
        retired: false,
    }
}

fn removal_grounds_replaced_on_one_connection_are_read_on_another(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    // A new register starts with the guidelines' categories.
    let seeded = other.removal_grounds().unwrap();
    let codes: Vec<_> = seeded.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(codes.len(), 13);
    assert_eq!(
        (codes[0], codes[5], codes[12]),
        ("personangrepp", "hot", "annat")
    );
    assert_eq!(seeded[5].label_sv, "Hot");
    assert!(seeded[12].needs_text && !seeded[11].needs_text);
    assert!(seeded.iter().all(|g| !g.retired));

    let mut retired = ground("reklam", "Reklam", "Advertising");
    retired.retired = true;
    let mut other_text = ground("annat", "Annat", "Other");
    other_text.needs_text = true;
    let list = vec![
        ground("sekretess", "Sekretess", "Confidential"),
        retired,
        other_text,
    ];
    let event = AuditEvent::SettingsSet {
        key: "removal_grounds".into(),
    };
    a.set_removal_grounds_for(&list, "Åsa", event.clone())
        .unwrap();
    assert_eq!(other.removal_grounds().unwrap(), list);
    let last = other.audit_log(None).unwrap().pop().unwrap();
    assert_eq!((last.actor.as_str(), &last.event), ("Åsa", &event));

    // Refused lists change nothing and log nothing.
    let logged = other.audit_log(None).unwrap().len();
    let bad = [
        vec![ground("Stora", "Stora", "Big")],
        vec![
            ground("hot", "Hot", "Threat"),
            ground("hot", "Hot", "Threat"),
        ],
        vec![ground("hot", " ", "Threat")],
    ];
    for list in &bad {
        let e = a
            .set_removal_grounds_for(list, "Åsa", event.clone())
            .unwrap_err();
        assert!(matches!(e, StoreError::Invalid(_)), "{e:?}");
    }
    assert_eq!(other.removal_grounds().unwrap().len(), 3);
    assert_eq!(other.audit_log(None).unwrap().len(), logged);
}

/// PostgreSQL only: a register connected without a data directory has
/// nowhere to put a record's folder, and says so; nothing is written.
#[test]
fn postgres_without_a_data_dir_refuses_a_removal_record() {
    let Some(db) = backends::Postgres::new("removal_no_data_dir") else {
        return;
    };
    let clock = std::sync::Arc::new(ogonblick_model::FixedClock::new(t0()));
    let r = ogonblick_store::pg::PgRegister::connect_with(db.config().clone(), clock).unwrap();
    let c = given_channel(&r);
    let src = tempfile::tempdir().unwrap();
    let file = supplied(src.path(), "bild.png", &png(4, 4, 1));
    let e = r
        .add_removal(record("rem-1", c.id, placeholder()), Some(&file))
        .unwrap_err();
    assert!(
        matches!(e, StoreError::Invalid(Message::StorePgNoDataDir { .. })),
        "{e:?}"
    );
    assert!(r.removals(None).unwrap().is_empty());
    assert_eq!(
        r.audit_log(None).unwrap().len(),
        1,
        "only the channel's entry"
    );
}
