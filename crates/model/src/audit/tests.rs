//! Tests of the typed audit log.

use super::*;

/// Exhaustive: a new variant does not compile until it is listed here,
/// and then the test below fails until it has an example.
fn variant(e: &AuditEvent) -> usize {
    match e {
        AuditEvent::ChannelAdded { .. } => 0,
        AuditEvent::ChannelImported { .. } => 1,
        AuditEvent::ChannelEdited { .. } => 2,
        AuditEvent::ClosureStarted { .. } => 3,
        AuditEvent::ClosureCompleted { .. } => 4,
        AuditEvent::ClosedOn { .. } => 5,
        AuditEvent::ClosureNote { .. } => 6,
        AuditEvent::ClosureReviewed { .. } => 7,
        AuditEvent::SettingsSet { .. } => 8,
        AuditEvent::SnapshotStored { .. } => 9,
        AuditEvent::LoginBrowserOpened { .. } => 10,
        AuditEvent::PackageExported { .. } => 11,
        AuditEvent::PackageVerified { .. } => 12,
        AuditEvent::RegisterExported { .. } => 13,
        AuditEvent::RegisterRebuilt { .. } => 14,
        AuditEvent::Legacy { .. } => 15,
        AuditEvent::RemovalRecorded { .. } => 16,
        AuditEvent::RemovalCorrected { .. } => 17,
        AuditEvent::RemovalCertified { .. } => 18,
        AuditEvent::DiaryNumberSet { .. } => 19,
        AuditEvent::HoldSet { .. } => 20,
        AuditEvent::HoldCleared { .. } => 21,
        AuditEvent::DiaryKept { .. } => 22,
        AuditEvent::ItemDisposed { .. } => 23,
        AuditEvent::RemovalReportMade { .. } => 24,
        AuditEvent::RemovalRecaptured { .. } => 25,
        AuditEvent::RemovalGroundChanged { .. } => 26,
        AuditEvent::MarkSet { .. } => 27,
        AuditEvent::MarkCleared { .. } => 28,
        AuditEvent::TimestampAdded { .. } => 29,
        AuditEvent::TimestampPending { .. } => 30,
        AuditEvent::ChangeRegistered { .. } => 31,
        AuditEvent::ChangeDismissed { .. } => 32,
        AuditEvent::RoleSet { .. } => 33,
        AuditEvent::RoleRemoved { .. } => 34,
        AuditEvent::AccessRefused { .. } => 35,
        AuditEvent::ClosureUndone { .. } => 36,
        AuditEvent::AccountDeleted { .. } => 37,
        AuditEvent::OrgUnitAdded { .. } => 38,
        AuditEvent::OrgUnitRenamed { .. } => 39,
        AuditEvent::OrgUnitRemoved { .. } => 40,
    }
}
const VARIANTS: usize = 41;

#[test]
fn the_examples_cover_every_variant() {
    let mut seen: Vec<usize> = AuditEvent::examples().iter().map(variant).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen, (0..VARIANTS).collect::<Vec<_>>());
}

#[test]
fn every_event_reads_back_from_the_english_text_older_versions_wrote() {
    for e in AuditEvent::examples() {
        let text = e.text_en();
        assert!(!text.is_empty(), "{e:?}");
        if !e.predates_typed_log() {
            continue;
        }
        assert_eq!(AuditEvent::from_legacy(e.action(), &text), e, "{text}");
    }
    // verified, and a package without OBJID
    let v = AuditEvent::PackageVerified {
        objid: None,
        path: "/tmp/a: b.zip".into(),
        ok: true,
        problems: 0,
    };
    assert_eq!(
        v.text_en(),
        "package ? at /tmp/a: b.zip: verified, no problems"
    );
    assert_eq!(AuditEvent::from_legacy("package.verify", &v.text_en()), v);
}

#[test]
fn what_the_legacy_reader_cannot_read_is_kept_as_recorded() {
    for (action, detail) in [
        ("channel.add", "created channel X"),
        ("channel.edit", "changed colour"),
        ("closure.start", "status active → gone"),
        ("package.export", "package x written to /y"),
        ("package.verify", "package x at /y: maybe"),
        (
            "snapshot.commit",
            "stored snapshot s (complete, yearly, many page(s))",
        ),
        ("closure.note", "closed on pre-closure snapshot s"),
        ("something.new", "whatever"),
    ] {
        assert_eq!(
            AuditEvent::from_legacy(action, detail),
            AuditEvent::Legacy {
                action: action.into(),
                detail: detail.into()
            }
        );
    }
    // A closure note that is not the closing sentence is a person's words.
    assert_eq!(
        AuditEvent::from_legacy("closure.note", "Kontot stängs efter beslut"),
        AuditEvent::ClosureNote {
            text: "Kontot stängs efter beslut".into()
        }
    );
}

#[test]
fn the_stored_form_is_tagged_and_versioned() {
    for e in AuditEvent::examples() {
        let v = e.to_stored();
        assert_eq!(v["v"], 1);
        assert!(v["kind"].is_string(), "{v}");
        assert_eq!(AuditEvent::from_stored(&v), Some(e));
    }
    let e = AuditEvent::ClosureReviewed {
        snapshot_id: "s-1".into(),
    };
    assert_eq!(
        e.to_stored(),
        serde_json::json!({"v": 1, "kind": "closure-reviewed", "snapshot_id": "s-1"})
    );
    let newer = serde_json::json!({"v": 2, "kind": "closure-reviewed", "snapshot_id": "s-1"});
    assert_eq!(AuditEvent::from_stored(&newer), None);
    let unknown = serde_json::json!({"v": 1, "kind": "teleported"});
    assert_eq!(
        AuditEvent::read("x.y", "teleported", Some(&unknown)),
        AuditEvent::Legacy {
            action: "x.y".into(),
            detail: "teleported".into()
        }
    );
}

#[test]
fn an_entry_reads_in_the_new_and_the_old_form() {
    let at: Timestamp = "2026-05-04T09:00:00Z".parse().unwrap();
    let e = AuditEntry::new(
        3,
        at,
        "anna",
        Some(1),
        AuditEvent::ClosureReviewed {
            snapshot_id: "s-1".into(),
        },
    );
    assert_eq!(e.action, "closure.review");
    assert_eq!(e.detail, "reviewed the pre-closure snapshot s-1");
    let line = serde_json::to_string(&e).unwrap();
    assert!(
        line.contains(r#""event":{"v":1,"kind":"closure-reviewed""#),
        "{line}"
    );
    assert_eq!(serde_json::from_str::<AuditEntry>(&line).unwrap(), e);
    // An audit.jsonl line of an older version.
    let old = r#"{"seq":3,"at":"2026-05-04T09:00:00Z","actor":"anna","action":"closure.review","channel_id":1,"detail":"reviewed the pre-closure snapshot s-1"}"#;
    assert_eq!(serde_json::from_str::<AuditEntry>(old).unwrap(), e);
}
