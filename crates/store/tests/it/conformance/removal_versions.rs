//! New versions of removal records (corrections, certifications, the item
//! captured again) through the storage interface, on both backends: the
//! versions shared between connections, `removal.json` in the record's
//! folder holding every version, the refusals with nothing written, the
//! append-only rows, two desktops adding versions at once, and a record
//! folder a killed process left without its rows recorded on the next open.

use std::sync::Barrier;

use ogonblick_model::{
    AuditEvent, Certification, Channel, Evidence, Message, RemovalManifest, RemovalRecord,
    SnapshotReason, SnapshotStatus,
};
use ogonblick_store::{Register, StoreError};

use super::backends::{self, Backend};
use super::snapshots::snapshot;
use super::{given_channel, given_two_channels};
use crate::common::{png, t0};
use crate::removals::{placeholder, record, supplied};

conformance!(
    corrections_and_certifications_are_versions_read_on_another_connection,
    version_changing_channel_or_evidence_is_refused_and_nothing_is_written,
    removal_versions_are_append_only_in_the_database,
    two_desktops_adding_versions_at_once_number_them_without_a_gap,
    removal_folder_left_without_its_rows_is_recorded_on_the_next_open,
);

fn evidence(id: &str) -> Evidence {
    Evidence::Snapshot {
        snapshot_id: id.into(),
    }
}

fn corrected(id: &str) -> impl Fn(u32) -> AuditEvent + '_ {
    move |version| AuditEvent::RemovalCorrected {
        removal_id: id.into(),
        version,
    }
}

/// The versions in the record's `removal.json`.
fn manifest_versions(b: &dyn Backend, folder: &str) -> Vec<RemovalRecord> {
    let path = b.data_dir().join(folder).join(RemovalManifest::FILE_NAME);
    let m: RemovalManifest = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    m.versions
}

fn record_snapshot(r: &dyn Register, channel: i64, id: &str) {
    let s = snapshot(
        channel,
        id,
        SnapshotReason::AdHoc,
        SnapshotStatus::Complete,
        t0(),
    );
    r.record_snapshot(&s, &format!("channels/{channel}/snapshots/{id}"))
        .unwrap();
}

/// A register with channel "Nacka", its snapshot s-1 and record rem-1
/// naming it.
fn given_record(b: &dyn Backend) -> (Box<dyn Register>, Channel, RemovalRecord) {
    let a = b.connect();
    let c = given_channel(&*a);
    record_snapshot(&*a, c.id, "s-1");
    let v1 = a
        .add_removal(record("rem-1", c.id, evidence("s-1")), None)
        .unwrap();
    (a, c, v1)
}

fn corrections_and_certifications_are_versions_read_on_another_connection(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    let src = tempfile::tempdir().unwrap();
    let file = supplied(src.path(), "skärmbild.png", &png(20, 10, 3));
    let v1 = a
        .add_removal(record("rem-1", c.id, placeholder()), Some(&file))
        .unwrap();
    b.clock().advance(chrono::Duration::minutes(5));
    let mut fix = v1.clone();
    fix.author = Some("Arg Användare 2".into());
    fix.recorded_by = "Pär Ähl".into();
    let v2 = a.add_removal_version(fix, &corrected("rem-1")).unwrap();
    assert_eq!(v2.version, 2);
    assert!(v2.supplied_by_hand, "the supplied file stays the evidence");
    assert_eq!(v2.evidence, v1.evidence);

    let mut cert = other.removal("rem-1").unwrap().0.pop().unwrap();
    assert_eq!(cert, v2);
    cert.certified = Some(Certification {
        by: "Bo Ek".into(),
        at: t0(),
    });
    cert.recorded_by = "bo".into();
    let certified = |version| AuditEvent::RemovalCertified {
        removal_id: "rem-1".into(),
        version,
        by: "Bo Ek".into(),
    };
    let v3 = other.add_removal_version(cert, &certified).unwrap();
    assert_eq!(v3.version, 3);

    let (versions, folder) = a.removal("rem-1").unwrap();
    assert_eq!(versions, [v1.clone(), v2.clone(), v3.clone()]);
    assert_eq!(folder, format!("channels/{}/removals/rem-1", c.id));
    assert_eq!(manifest_versions(b, &folder), versions);
    assert_eq!(a.removals(None).unwrap(), std::slice::from_ref(&v3));
    assert_eq!(other.removals(Some(c.id)).unwrap(), [v3]);

    let log = other.audit_log(Some(c.id)).unwrap();
    let tail: Vec<_> = log[log.len() - 2..]
        .iter()
        .map(|e| (e.actor.as_str(), e.event.clone(), e.at))
        .collect();
    let at = t0() + chrono::Duration::minutes(5);
    assert_eq!(
        tail,
        [
            ("Pär Ähl", corrected("rem-1")(2), at),
            ("bo", certified(3), at)
        ]
    );
    assert_eq!(log[log.len() - 2].action, "removal.correct");
    assert_eq!(log[log.len() - 1].action, "removal.certify");
}

fn version_changing_channel_or_evidence_is_refused_and_nothing_is_written(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, d) = given_two_channels(&*a);
    for (ch, id) in [(c.id, "s-1"), (c.id, "s-2"), (d.id, "s-3")] {
        record_snapshot(&*a, ch, id);
    }
    let v1 = a
        .add_removal(record("rem-1", c.id, evidence("s-1")), None)
        .unwrap();
    let (_, folder) = a.removal("rem-1").unwrap();
    let json = b.data_dir().join(&folder).join(RemovalManifest::FILE_NAME);
    let before = std::fs::read(&json).unwrap();
    let log_before = a.audit_log(None).unwrap().len();

    let moved = RemovalRecord {
        channel_id: d.id,
        ..v1.clone()
    };
    let other_channel = RemovalRecord {
        evidence: evidence("s-3"),
        ..v1.clone()
    };
    let missing = RemovalRecord {
        evidence: evidence("s-9"),
        ..v1.clone()
    };
    let unknown = RemovalRecord {
        id: "rem-2".into(),
        ..v1.clone()
    };
    match other.add_removal_version(moved, &corrected("rem-1")) {
        Err(StoreError::Invalid(Message::StoreRemovalFixed { id })) => assert_eq!(id, "rem-1"),
        r => panic!("expected the channel kept, got {r:?}"),
    }
    assert!(
        matches!(
            other.add_removal_version(other_channel, &corrected("rem-1")),
            Err(StoreError::Invalid(
                Message::StoreSnapshotOtherChannel { .. }
            ))
        ),
        "a snapshot of another channel is refused"
    );
    assert!(matches!(
        a.add_removal_version(missing, &corrected("rem-1")),
        Err(StoreError::NotFound(Message::StoreNoChannelSnapshot { .. }))
    ));
    assert!(matches!(
        a.add_removal_version(unknown, &corrected("rem-2")),
        Err(StoreError::NotFound(Message::StoreNoRemoval { .. }))
    ));
    assert_eq!(other.removal("rem-1").unwrap().0, std::slice::from_ref(&v1));
    assert_eq!(std::fs::read(&json).unwrap(), before);
    assert_eq!(a.audit_log(None).unwrap().len(), log_before);

    // The item captured again: a new snapshot of the same channel.
    let again = RemovalRecord {
        evidence: evidence("s-2"),
        ..v1.clone()
    };
    let v2 = other
        .add_removal_version(again, &corrected("rem-1"))
        .unwrap();
    assert_eq!((v2.version, &v2.evidence), (2, &evidence("s-2")));
    assert!(!v2.supplied_by_hand);
    assert_eq!(a.removal("rem-1").unwrap().0, [v1, v2]);
}

fn removal_versions_are_append_only_in_the_database(b: &dyn Backend) {
    let (a, _, v1) = given_record(b);
    let mut fix = v1.clone();
    fix.text = Some("rättad text".into());
    let v2 = a.add_removal_version(fix, &corrected("rem-1")).unwrap();
    // Another tool on the database cannot rewrite a version.
    let err = b
        .try_sql("UPDATE removal_versions SET recorded_by = 'någon annan' WHERE version = 1")
        .unwrap_err();
    assert!(err.contains("append-only"), "{err}");
    assert_eq!(b.connect().removal("rem-1").unwrap().0, [v1, v2]);
}

fn two_desktops_adding_versions_at_once_number_them_without_a_gap(b: &dyn Backend) {
    let (a, _, v1) = given_record(b);
    drop(a);
    for round in 0..4 {
        let desktops: Vec<_> = (0..4).map(|_| b.connect()).collect();
        let barrier = Barrier::new(desktops.len());
        let results: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = desktops
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let (v1, barrier) = (&v1, &barrier);
                    s.spawn(move || {
                        let mut fix = v1.clone();
                        fix.recorded_by = format!("desktop {i}, round {round}");
                        barrier.wait();
                        r.add_removal_version(fix, &corrected("rem-1"))
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for r in &results {
            assert!(
                matches!(
                    r,
                    Ok(_) | Err(StoreError::Conflict(Message::StoreRemovalBusy { .. }))
                ),
                "{r:?}"
            );
        }
        let (versions, folder) = desktops[0].removal("rem-1").unwrap();
        let numbers: Vec<u32> = versions.iter().map(|v| v.version).collect();
        let expected: Vec<u32> = (1..=versions.len() as u32).collect();
        assert_eq!(numbers, expected, "round {round}");
        assert_eq!(manifest_versions(b, &folder), versions);
        let added: Vec<_> = results.into_iter().flatten().collect();
        assert!(added.iter().all(|r| versions.contains(r)));
    }
    // Each correction's audit entry names the version it added.
    let mut audited: Vec<u32> = b
        .connect()
        .audit_log_of_action("removal.correct")
        .unwrap()
        .into_iter()
        .map(|e| match e.event {
            AuditEvent::RemovalCorrected { version, .. } => version,
            e => panic!("{e:?}"),
        })
        .collect();
    audited.sort();
    let last = b.connect().removal("rem-1").unwrap().0.len() as u32;
    assert_eq!(audited, (2..=last).collect::<Vec<_>>());
}

fn removal_folder_left_without_its_rows_is_recorded_on_the_next_open(b: &dyn Backend) {
    let (a, c, _) = given_record(b);
    // A process killed between the rename and the insert: the folder (a
    // record already corrected once) in place, no rows.
    let v1 = record("rem-9", c.id, evidence("s-1"));
    let mut v2 = v1.clone();
    v2.version = 2;
    v2.author = Some("Rättat namn".into());
    let folder = format!("channels/{}/removals/rem-9", c.id);
    let dir = b.data_dir().join(&folder);
    std::fs::create_dir_all(&dir).unwrap();
    let m = RemovalManifest {
        format: RemovalManifest::FORMAT.into(),
        versions: vec![v1.clone(), v2.clone()],
    };
    std::fs::write(
        dir.join(RemovalManifest::FILE_NAME),
        serde_json::to_vec(&m).unwrap(),
    )
    .unwrap();
    assert!(matches!(
        a.removal("rem-9"),
        Err(StoreError::NotFound(Message::StoreNoRemoval { .. }))
    ));

    let reopened = b.connect();
    assert_eq!(
        reopened.removal("rem-9").unwrap(),
        (vec![v1.clone(), v2.clone()], folder)
    );
    assert_eq!(a.removals(Some(c.id)).unwrap().len(), 2);
    let adds = a.audit_log_of_action("removal.add").unwrap();
    assert_eq!(adds.len(), 2);
    assert_eq!(adds[1].actor, v1.recorded_by);
    assert_eq!(
        adds[1].event,
        AuditEvent::RemovalRecorded {
            removal_id: "rem-9".into(),
            item: v1.kind,
            action: v1.action,
            ground: v1.ground.code.clone(),
            evidence: "s-1".into(),
            supplied_by_hand: v1.supplied_by_hand,
        }
    );
    // Opened again: nothing is recorded twice.
    drop(reopened);
    let again = b.connect();
    assert_eq!(again.audit_log_of_action("removal.add").unwrap().len(), 2);
    assert_eq!(again.removal("rem-9").unwrap().0, [v1, v2]);
}
