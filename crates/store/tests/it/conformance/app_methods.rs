//! What the app calls beyond the first trait (h-app1), on both backends:
//! a closure started with its decision and diary number and completed with
//! a note, and a diary number set on a snapshot and a removal record at
//! once (the snapshot's `snapshot.json`, the record's new version, one
//! audit entry), read on another connection; an unknown id refuses the
//! whole change with nothing written.

use ogonblick_model::{AuditEvent, ChannelStatus, Message, SnapshotManifest};
use ogonblick_store::{Register, RegisterExt, StoreError};

use super::backends::{self, Backend};
use super::given_channel;
use super::stamps_disposal::{actions, complete, folder_path};
use crate::common::t0;
use crate::removals::record;

conformance!(
    closure_started_with_a_decision_and_closed_with_a_note_shows_on_another_connection,
    diary_number_of_a_snapshot_and_a_record_is_set_and_removed_in_one_change,
    diary_number_with_an_unknown_id_changes_nothing,
    removal_grounds_set_through_the_extension_are_audited_as_settings,
);

fn closed_on() -> AuditEvent {
    AuditEvent::ClosedOn {
        snapshot_id: "s-final".into(),
        package_objid: "objid-1".into(),
        package_path: "/export/nacka.zip".into(),
    }
}

fn closure_started_with_a_decision_and_closed_with_a_note_shows_on_another_connection(
    b: &dyn Backend,
) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    // Closing an active channel is refused: the order holds.
    assert!(a.mark_closed_with(c.id, "anna", Some(closed_on())).is_err());
    assert!(actions(&*a, c.id, "closure.note").is_empty());

    let started = a
        .start_closure_with(
            c.id,
            "anna",
            Some("KS 2026-03-01 §4".into()),
            Some("KS 2026/17".into()),
        )
        .unwrap();
    assert_eq!(started.status, ChannelStatus::Closing);
    assert_eq!(
        actions(&*other, c.id, "closure.start"),
        vec![AuditEvent::ClosureStarted {
            from: ChannelStatus::Active,
            to: ChannelStatus::Closing,
            decision: Some("KS 2026-03-01 §4".into()),
            diary_number: Some("KS 2026/17".into()),
        }]
    );

    let closed = other
        .mark_closed_with(c.id, "bo", Some(closed_on()))
        .unwrap();
    assert_eq!(closed.status, ChannelStatus::Closed);
    assert!(closed.closed_at.is_some());
    assert_eq!(a.channel(c.id).unwrap().status, ChannelStatus::Closed);
    let log: Vec<String> = a
        .audit_log(Some(c.id))
        .unwrap()
        .into_iter()
        .map(|e| format!("{} {}", e.actor, e.action))
        .collect();
    assert_eq!(
        log,
        [
            "anna channel.add",
            "anna closure.start",
            "bo closure.complete",
            "bo closure.note"
        ]
    );
    assert_eq!(actions(&*a, c.id, "closure.note"), vec![closed_on()]);
    // Closed is closed: a second close is refused, nothing logged.
    assert!(a.mark_closed_with(c.id, "bo", None).is_err());
    assert_eq!(a.audit_log(Some(c.id)).unwrap().len(), 4);
}

fn manifest(b: &dyn Backend, s: &ogonblick_model::Snapshot) -> SnapshotManifest {
    let path = folder_path(b, s).join(SnapshotManifest::FILE_NAME);
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// A channel with a committed snapshot (its folder in the data directory)
/// and a removal record naming it.
fn given_snapshot_and_record(
    b: &dyn Backend,
) -> (
    Box<dyn Register>,
    ogonblick_model::Channel,
    ogonblick_model::Snapshot,
) {
    let a = b.connect();
    let c = given_channel(&*a);
    let s = complete(c.id, "2026-03-15-nacka", 0);
    let staging = a.begin_snapshot(c.id, &s.id).unwrap();
    std::fs::create_dir_all(staging.path().join("page-0")).unwrap();
    std::fs::write(staging.path().join("page-0/page.png"), s.id.as_bytes()).unwrap();
    a.commit_snapshot(staging, s.clone()).unwrap();
    let evidence = ogonblick_model::Evidence::Snapshot {
        snapshot_id: s.id.clone(),
    };
    a.add_removal(record("rem-1", c.id, evidence), None)
        .unwrap();
    (a, c, s)
}

fn diary_number_of_a_snapshot_and_a_record_is_set_and_removed_in_one_change(b: &dyn Backend) {
    let (a, c, s) = given_snapshot_and_record(b);
    let other = b.connect();
    b.clock().set(t0() + chrono::Duration::hours(2));
    let (snaps, recs) = (vec![s.id.clone()], vec!["rem-1".to_string()]);
    a.set_diary_number(&snaps, &recs, Some("KS 2026/17"), "anna")
        .unwrap();

    assert_eq!(
        manifest(b, &s).snapshot.diary_number.as_deref(),
        Some("KS 2026/17")
    );
    let (seen, _) = other.snapshot(&s.id).unwrap();
    assert_eq!(seen.diary_number.as_deref(), Some("KS 2026/17"));
    let (versions, _) = other.removal("rem-1").unwrap();
    assert_eq!(versions.len(), 2);
    let v2 = &versions[1];
    assert_eq!(v2.diary_number.as_deref(), Some("KS 2026/17"));
    assert_eq!(v2.recorded_by, "anna");
    assert_eq!(v2.recorded_at, t0() + chrono::Duration::hours(2));
    assert_eq!(
        v2.change_note,
        Some(Message::RemovalNoteDiarySet {
            number: "KS 2026/17".into()
        })
    );
    let set = AuditEvent::DiaryNumberSet {
        number: Some("KS 2026/17".into()),
        snapshot_ids: snaps.clone(),
        removal_ids: recs.clone(),
    };
    assert_eq!(actions(&*other, c.id, "diary.set"), vec![set]);

    other.set_diary_number(&snaps, &recs, None, "bo").unwrap();
    assert_eq!(manifest(b, &s).snapshot.diary_number, None);
    assert_eq!(a.snapshot(&s.id).unwrap().0.diary_number, None);
    let (versions, _) = a.removal("rem-1").unwrap();
    assert_eq!(versions.len(), 3);
    assert_eq!(versions[2].diary_number, None);
    assert_eq!(
        versions[2].change_note,
        Some(Message::RemovalNoteDiaryRemoved {})
    );
    assert_eq!(actions(&*a, c.id, "diary.set").len(), 2);
}

fn diary_number_with_an_unknown_id_changes_nothing(b: &dyn Backend) {
    let (a, c, s) = given_snapshot_and_record(b);
    let before = a.audit_log(None).unwrap().len();
    let snaps = vec![s.id.clone()];
    let refused = a.set_diary_number(&snaps, &["rem-nope".to_string()], Some("X 1"), "anna");
    assert!(
        matches!(refused, Err(StoreError::NotFound(_))),
        "{refused:?}"
    );
    let refused = a.set_diary_number(&[], &[], Some("X 1"), "anna");
    assert!(matches!(
        refused,
        Err(StoreError::Invalid(Message::DiaryNoTargets {}))
    ));
    assert_eq!(manifest(b, &s).snapshot, s);
    assert_eq!(a.snapshot(&s.id).unwrap().0, s);
    assert_eq!(a.removal("rem-1").unwrap().0.len(), 1);
    assert_eq!(a.audit_log(None).unwrap().len(), before);
    assert!(actions(&*a, c.id, "diary.set").is_empty());
}

fn removal_grounds_set_through_the_extension_are_audited_as_settings(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let grounds = vec![ogonblick_model::RemovalGround {
        code: "hot".into(),
        label_sv: "Hot".into(),
        label_en: "Threat".into(),
        needs_text: false,
        retired: false,
    }];
    RegisterExt::set_removal_grounds(&*a, &grounds, "anna").unwrap();
    assert_eq!(other.removal_grounds().unwrap(), grounds);
    let last = other.audit_log(None).unwrap().pop().unwrap();
    assert_eq!(
        last.event,
        AuditEvent::SettingsSet {
            key: "removal_grounds".into()
        }
    );
}
