//! One audit event of every variant, for tests that must cover them all.

use super::*;

impl AuditEvent {
    /// One event of every variant (with awkward values: paths with spaces,
    /// brackets and the separators of the old text formats), for tests that
    /// must cover every variant. A test in this crate fails when a variant
    /// has no example here.
    #[doc(hidden)]
    pub fn examples() -> Vec<AuditEvent> {
        let path = "/home/anna/Mina paket (2026): with snapshots, at x/x.zip".to_string();
        vec![
            AuditEvent::ChannelAdded {
                name: "Biblioteket på Instagram".into(),
            },
            AuditEvent::ChannelImported {
                name: "Musik' from skolan".into(),
                source: "register (1).csv".into(),
            },
            AuditEvent::ChannelEdited {
                fields: vec![ChannelField::Unit, ChannelField::Purpose],
            },
            AuditEvent::ClosureStarted {
                from: ChannelStatus::Active,
                to: ChannelStatus::Closing,
                decision: None,
                diary_number: None,
            },
            AuditEvent::ClosureCompleted {
                from: ChannelStatus::Closing,
                to: ChannelStatus::Closed,
            },
            AuditEvent::ClosedOn {
                snapshot_id: "snap-1".into(),
                package_objid: "uuid-1".into(),
                package_path: path.clone(),
            },
            AuditEvent::ClosureNote {
                text: "Kontot stängs efter beslut KS 2026-45".into(),
            },
            AuditEvent::ClosureReviewed {
                snapshot_id: "snap-1".into(),
            },
            AuditEvent::SettingsSet {
                key: "package".into(),
            },
            AuditEvent::SnapshotStored {
                snapshot_id: "snap-1".into(),
                status: SnapshotStatus::Partial,
                reason: SnapshotReason::PreClosure,
                pages: 1,
                single_address: None,
            },
            AuditEvent::SnapshotStored {
                snapshot_id: "snap-2".into(),
                status: SnapshotStatus::Complete,
                reason: SnapshotReason::SingleItem,
                pages: 1,
                single_address: Some("https://www.facebook.com/kommunen/posts/1".into()),
            },
            AuditEvent::LoginBrowserOpened {
                url: "https://www.facebook.com/kommunen".into(),
            },
            AuditEvent::PackageExported {
                objid: "uuid-1".into(),
                path: path.clone(),
                sha256: "ab12".into(),
                size: 42,
                snapshot_ids: vec!["a-1".into(), "b-2".into()],
            },
            AuditEvent::PackageVerified {
                objid: Some("uuid-1".into()),
                path: path.clone(),
                ok: false,
                problems: 3,
            },
            AuditEvent::RegisterExported {
                channels: 2,
                path: path.clone(),
            },
            AuditEvent::RegisterRebuilt {
                channels: 2,
                snapshots: 1,
                audit_entries: 14,
                warnings: 0,
            },
            AuditEvent::RemovalRecorded {
                removal_id: "rem-1".into(),
                item: RemovedKind::Comment,
                action: RemovalAction::Hidden,
                ground: "hot".into(),
                evidence: "snap-1".into(),
                supplied_by_hand: false,
            },
            AuditEvent::RemovalCorrected {
                removal_id: "rem-1".into(),
                version: 2,
            },
            AuditEvent::RemovalCertified {
                removal_id: "rem-1".into(),
                version: 3,
                by: "Pär Ähl".into(),
            },
            AuditEvent::DiaryNumberSet {
                number: Some("KS 2027/12".into()),
                snapshot_ids: vec!["snap-1".into()],
                removal_ids: vec!["rem-1".into()],
            },
            AuditEvent::MarkSet {
                item_kind: MarkedKind::Snapshot,
                item_id: "snap-1".into(),
                personal_data: true,
                secrecy: Some("OSL 21 kap. 7 §".into()),
                note: Some("namn på barn".into()),
            },
            AuditEvent::MarkCleared {
                item_kind: MarkedKind::Removal,
                item_id: "rem-1".into(),
            },
            AuditEvent::Legacy {
                action: "something.new".into(),
                detail: "whatever".into(),
            },
            AuditEvent::HoldSet {
                item_id: "snap-1".into(),
                reason: "Begäran om utlämnande".into(),
            },
            AuditEvent::HoldCleared {
                item_id: "snap-1".into(),
            },
            AuditEvent::DiaryKept {
                number: "KS 2027/12".into(),
                keep: true,
            },
            AuditEvent::ItemDisposed {
                item_kind: DisposedKind::Snapshot,
                item_id: "snap-1".into(),
                disposal_id: "d-1".into(),
                decision: "KS 2019/233".into(),
                files: 3,
            },
            AuditEvent::RemovalReportMade {
                from: "2026-01-01".into(),
                to: "2026-06-30".into(),
                channel: Some(1),
                board: Some("Kommunstyrelsen".into()),
                records: 3,
                path: "/tmp/rapport.pdf".into(),
            },
            AuditEvent::RemovalRecaptured {
                removal_id: "rem-1".into(),
                version: 4,
                snapshot_id: "snap-2".into(),
            },
            AuditEvent::RemovalGroundChanged {
                code: "spam".into(),
                change: GroundChange::Retired,
            },
            AuditEvent::TimestampAdded {
                snapshot_id: "snap-1".into(),
                authority: "http://127.0.0.1:3161/tsa".into(),
                token: "manifest-sha256.txt.1.tsr".into(),
                time: chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("a time"),
            },
            AuditEvent::TimestampPending {
                snapshot_id: "snap-1".into(),
                authority: "http://127.0.0.1:3161/tsa".into(),
                cause: "the authority could not be reached".into(),
                why: Some(ogonblick_messages::Message::TimestampFailedWhy {
                    url: "http://127.0.0.1:3161/tsa".into(),
                    reason: "unreachable".into(),
                    detail: "connection refused".into(),
                }),
            },
            AuditEvent::ChangeRegistered {
                snapshot_id: "snap-2".into(),
                new_snapshot_id: "snap-3".into(),
                note: "new profile picture".into(),
            },
            AuditEvent::ChangeDismissed {
                snapshot_id: "snap-2".into(),
                note: None,
            },
            AuditEvent::RoleSet {
                login: "anna".into(),
                roles: vec![crate::Role::Handlaggare, crate::Role::Chef],
                units: vec!["Kultur, fritid".into()],
            },
            AuditEvent::RoleRemoved { login: "bo".into() },
            AuditEvent::AccessRefused {
                login: "cia".into(),
                action: crate::RoleAction::Disposal,
            },
            AuditEvent::ClosureUndone {
                from: ChannelStatus::Closing,
                to: ChannelStatus::Active,
            },
            AuditEvent::AccountDeleted {
                date: chrono::NaiveDate::from_ymd_opt(2027, 3, 14).unwrap(),
            },
            AuditEvent::OrgUnitAdded {
                board: "Kulturnämnden".into(),
                unit: Some("Bibliotek".into()),
            },
            AuditEvent::OrgUnitRenamed {
                board: "Kulturnämden".into(),
                unit: None,
                to: "Kulturnämnden".into(),
            },
            AuditEvent::OrgUnitRemoved {
                board: "Kulturnämnden".into(),
                unit: Some("Fritid".into()),
            },
        ]
    }
}
