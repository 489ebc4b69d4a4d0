//! Personal-data / secrecy marks through the storage interface, on both
//! backends: set on one connection and read on another, replaced, cleared,
//! the refusals (nothing written), and the audit entries under the item's
//! channel.

use ogonblick_model::{AuditEvent, MarkFlags, MarkedKind, Message, SnapshotReason, SnapshotStatus};
use ogonblick_store::{Register, StoreError};

use super::backends::{self, Backend};
use super::given_two_channels;
use super::snapshots::snapshot;
use crate::common::t0;
use crate::removals::{record, supplied};

conformance!(
    marks_set_on_one_connection_are_read_on_another_and_audited,
    refused_marks_change_nothing_and_log_nothing,
    two_desktops_clearing_the_same_mark_at_once_clear_it_once,
);

fn personal() -> MarkFlags {
    MarkFlags {
        personal_data: true,
        secrecy: None,
        note: Some("namn på ett barn".into()),
    }
}

fn secret() -> MarkFlags {
    MarkFlags {
        personal_data: false,
        secrecy: Some("OSL 21 kap. 7 §".into()),
        note: None,
    }
}

/// A snapshot "s-1" of the first channel and a removal record "rem-1" of
/// the second; their channels' ids.
fn given_items(r: &dyn Register) -> (i64, i64) {
    let (c, d) = given_two_channels(r);
    let s = snapshot(
        c.id,
        "s-1",
        SnapshotReason::HalfYearly,
        SnapshotStatus::Complete,
        t0(),
    );
    r.record_snapshot(&s, "channels/1/snapshots/s-1").unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = supplied(src.path(), "bild.png", &crate::common::png(4, 4, 1));
    r.add_removal(
        record("rem-1", d.id, crate::removals::placeholder()),
        Some(&file),
    )
    .unwrap();
    (c.id, d.id)
}

fn marks_set_on_one_connection_are_read_on_another_and_audited(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, d) = given_items(&*a);
    assert!(other.marks().unwrap().is_empty());
    let on_removal = a
        .set_mark(MarkedKind::Removal, "rem-1", Some(secret()), "Åsa")
        .unwrap()
        .unwrap();
    let on_snapshot = a
        .set_mark(MarkedKind::Snapshot, "s-1", Some(personal()), "Bo")
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            on_snapshot.set_by.as_str(),
            on_snapshot.set_at,
            &on_snapshot.flags
        ),
        ("Bo", t0(), &personal())
    );
    assert_eq!(other.mark("s-1").unwrap(), Some(on_snapshot.clone()));
    assert_eq!(other.mark("rem-1").unwrap(), Some(on_removal.clone()));
    assert_eq!(other.mark("s-2").unwrap(), None);
    // By item id, byte for byte: "rem-1" before "s-1".
    assert_eq!(other.marks().unwrap(), [on_removal.clone(), on_snapshot]);

    // Replaced, then cleared.
    let both = MarkFlags {
        personal_data: true,
        ..secret()
    };
    let replaced = other
        .set_mark(MarkedKind::Snapshot, "s-1", Some(both.clone()), "Cecilia")
        .unwrap()
        .unwrap();
    assert_eq!(a.mark("s-1").unwrap().unwrap().flags, both);
    assert_eq!(a.mark("s-1").unwrap(), Some(replaced));
    assert_eq!(
        a.set_mark(MarkedKind::Snapshot, "s-1", None, "Cecilia")
            .unwrap(),
        None
    );
    assert_eq!(other.mark("s-1").unwrap(), None);
    assert_eq!(other.marks().unwrap(), [on_removal]);

    let seen: Vec<_> = other
        .audit_log(None)
        .unwrap()
        .into_iter()
        .filter(|e| e.action.starts_with("mark."))
        .map(|e| (e.actor, e.channel_id, e.event))
        .collect();
    assert_eq!(
        seen,
        [
            (
                "Åsa".to_string(),
                Some(d),
                AuditEvent::MarkSet {
                    item_kind: MarkedKind::Removal,
                    item_id: "rem-1".into(),
                    personal_data: false,
                    secrecy: Some("OSL 21 kap. 7 §".into()),
                    note: None,
                }
            ),
            (
                "Bo".into(),
                Some(c),
                AuditEvent::MarkSet {
                    item_kind: MarkedKind::Snapshot,
                    item_id: "s-1".into(),
                    personal_data: true,
                    secrecy: None,
                    note: Some("namn på ett barn".into()),
                }
            ),
            (
                "Cecilia".into(),
                Some(c),
                AuditEvent::MarkSet {
                    item_kind: MarkedKind::Snapshot,
                    item_id: "s-1".into(),
                    personal_data: true,
                    secrecy: Some("OSL 21 kap. 7 §".into()),
                    note: None,
                }
            ),
            (
                "Cecilia".into(),
                Some(c),
                AuditEvent::MarkCleared {
                    item_kind: MarkedKind::Snapshot,
                    item_id: "s-1".into(),
                }
            ),
        ]
    );
    assert_eq!(other.audit_log_of_action("mark.clear").unwrap().len(), 1);
}

fn refused_marks_change_nothing_and_log_nothing(b: &dyn Backend) {
    let r = b.connect();
    given_items(&*r);
    let logged = r.audit_log(None).unwrap().len();
    let nothing = MarkFlags {
        personal_data: false,
        secrecy: Some("  ".into()),
        note: Some("bara en anteckning".into()),
    };
    let e = r
        .set_mark(MarkedKind::Snapshot, "s-1", Some(nothing), "Åsa")
        .unwrap_err();
    assert!(
        matches!(e, StoreError::Invalid(Message::MarkNothing {})),
        "{e:?}"
    );
    let e = r
        .set_mark(MarkedKind::Snapshot, "s-1", None, "Åsa")
        .unwrap_err();
    assert!(
        matches!(e, StoreError::NotFound(Message::MarkNoneToClear { .. })),
        "{e:?}"
    );
    let e = r
        .set_mark(MarkedKind::Snapshot, "s-2", Some(personal()), "Åsa")
        .unwrap_err();
    assert!(
        matches!(e, StoreError::NotFound(Message::StoreNoSnapshot { .. })),
        "{e:?}"
    );
    // A removal record's id is not a snapshot's, and the other way round.
    let e = r
        .set_mark(MarkedKind::Removal, "s-1", Some(personal()), "Åsa")
        .unwrap_err();
    assert!(
        matches!(e, StoreError::NotFound(Message::StoreNoRemoval { .. })),
        "{e:?}"
    );
    let e = r
        .set_mark(MarkedKind::Snapshot, "rem-1", Some(personal()), "Åsa")
        .unwrap_err();
    assert!(matches!(e, StoreError::NotFound(_)), "{e:?}");
    assert!(r.marks().unwrap().is_empty());
    assert_eq!(r.audit_log(None).unwrap().len(), logged);
}

fn two_desktops_clearing_the_same_mark_at_once_clear_it_once(b: &dyn Backend) {
    let setup = b.connect();
    given_items(&*setup);
    let desktops = [b.connect(), b.connect()];
    for round in 0..8 {
        setup
            .set_mark(MarkedKind::Snapshot, "s-1", Some(personal()), "Åsa")
            .unwrap();
        let barrier = std::sync::Barrier::new(2);
        let results: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = desktops
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let barrier = &barrier;
                    s.spawn(move || {
                        barrier.wait();
                        r.set_mark(MarkedKind::Snapshot, "s-1", None, &format!("d{i}"))
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let cleared = results.iter().filter(|r| matches!(r, Ok(None))).count();
        assert_eq!(cleared, 1, "round {round}: {results:?}");
        assert!(results.iter().any(|r| matches!(
            r,
            Err(StoreError::NotFound(Message::MarkNoneToClear { .. }))
        )));
        assert_eq!(
            setup.audit_log_of_action("mark.clear").unwrap().len(),
            round + 1,
            "each clearing audited once"
        );
    }
}
