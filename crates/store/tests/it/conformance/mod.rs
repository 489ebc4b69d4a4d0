//! The conformance suite of the storage interface ([`Register`]): every
//! test below runs against the SQLite store and against PostgreSQL (the
//! `conformance!` macro instantiates each twice), asserting what a user
//! sees. A backend that passes one and not the other is a bug.

pub(crate) mod backends;

use ogonblick_model::{
    AuditEvent, Channel, ChannelField, ChannelPatch, ChannelStatus, Message, OrgSettings, Platform,
};
use ogonblick_store::{ChannelFilter, Register, RegisterExt, StoreError};

use crate::common::{new_channel, t0};
use backends::Backend;

macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $( #[test] fn $name() { super::$name(&super::backends::Sqlite::new()); } )*
        }
        mod postgres {
            $( #[test] fn $name() {
                if let Some(b) = super::backends::Postgres::new(stringify!($name)) {
                    super::$name(&b);
                }
            } )*
        }
    };
}

conformance!(
    channel_added_on_one_connection_is_listed_by_another,
    list_filters_by_status_platform_board_and_text,
    address_of_another_channel_is_refused_and_nothing_is_added,
    invalid_channel_is_refused_without_a_trace,
    edit_shows_on_the_other_connection_and_is_audited,
    closure_start_and_undo_follow_the_order,
    settings_are_shared_and_audited,
    audit_log_appends_in_order_and_filters_by_channel,
    schema_newer_than_the_client_is_refused,
    second_edit_from_a_stale_view_is_refused_with_who_and_when,
    two_desktops_adding_the_same_address_at_once_get_one_channel,
);

mod app_methods;
mod change_stamp;
mod channel_briefs;
mod channel_edits;
mod channel_page;
mod channels_bulk;
mod claims;
mod concurrent_stamps;
mod consistent_reads;
mod disposal_lost;
mod disposal_races;
mod folder_recovery;
mod marks;
mod org_rows;
mod pg_identity;
mod pg_review;
mod pg_values;
mod register_csv;
mod removal_disposal;
mod removal_recovery;
mod removal_versions;
mod removals;
mod reports;
mod roles_org;
mod snapshot_commit;
mod snapshot_lifecycle;
mod snapshot_reads;
pub(crate) mod snapshots;
mod stamps_disposal;

/// The channel most tests start from: "Nacka" at facebook.com/nacka, added
/// by anna.
fn given_channel(r: &dyn Register) -> Channel {
    r.add_channel(
        &new_channel("Nacka", &["https://facebook.com/nacka"]),
        "anna",
    )
    .unwrap()
}

/// [`given_channel`] and a second channel, "Kultur" at x.com/kultur.
fn given_two_channels(r: &dyn Register) -> (Channel, Channel) {
    let c = given_channel(r);
    let d = r
        .add_channel(&new_channel("Kultur", &["https://x.com/kultur"]), "anna")
        .unwrap();
    (c, d)
}

fn channel_added_on_one_connection_is_listed_by_another(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let added = a
        .add_channel(
            &new_channel("Nacka kommun", &["https://www.facebook.com/nackakommun"]),
            "anna",
        )
        .unwrap();
    assert_eq!(added.status, ChannelStatus::Active);
    assert_eq!(added.created_at, t0());
    let listed = other.list_channels(&ChannelFilter::default()).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].channel, added);
    assert_eq!(listed[0].snapshot_count, 0);
    assert_eq!(other.channel(added.id).unwrap(), added);
    let second = other
        .add_channel(
            &new_channel("Nacka bibliotek", &["https://x.com/nackabib"]),
            "bo",
        )
        .unwrap();
    assert!(
        second.id > added.id,
        "ids grow: {} then {}",
        added.id,
        second.id
    );
    let ids: Vec<_> = a
        .list_channels(&ChannelFilter::default())
        .unwrap()
        .into_iter()
        .map(|s| s.channel.id)
        .collect();
    assert_eq!(ids, vec![added.id, second.id]);
    let missing = a.channel(second.id + 100).unwrap_err();
    assert!(matches!(
        missing,
        StoreError::NotFound(Message::StoreNoChannel { .. })
    ));
}

fn list_filters_by_status_platform_board_and_text(b: &dyn Backend) {
    let r = b.connect();
    let fb = r
        .add_channel(
            &new_channel("Kultur på Facebook", &["https://facebook.com/kultur"]),
            "a",
        )
        .unwrap();
    let mut n = new_channel("Skolan på Instagram", &["https://instagram.com/skolan"]);
    n.platform = Some(Platform::Instagram);
    n.board = Some("Utbildningsnämnden".into());
    n.responsible = Some("Karin Lund".into());
    let ig = r.add_channel(&n, "a").unwrap();
    r.start_closure(fb.id, "a").unwrap();
    let ids = |f: ChannelFilter| -> Vec<i64> {
        r.list_channels(&f)
            .unwrap()
            .into_iter()
            .map(|s| s.channel.id)
            .collect()
    };
    let f = ChannelFilter {
        status: Some(ChannelStatus::Closing),
        ..Default::default()
    };
    assert_eq!(ids(f), vec![fb.id]);
    let f = ChannelFilter {
        platform: Some(Platform::Instagram),
        ..Default::default()
    };
    assert_eq!(ids(f), vec![ig.id]);
    let f = ChannelFilter {
        board: Some("  utbildningsnämnden ".into()),
        ..Default::default()
    };
    assert_eq!(ids(f), vec![ig.id]);
    let f = ChannelFilter {
        text: Some("KARIN".into()),
        ..Default::default()
    };
    assert_eq!(ids(f), vec![ig.id]);
    let f = ChannelFilter {
        text: Some("facebook.com/kult".into()),
        ..Default::default()
    };
    assert_eq!(ids(f), vec![fb.id]);
}

fn address_of_another_channel_is_refused_and_nothing_is_added(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let first = a
        .add_channel(
            &new_channel("Första", &["https://www.facebook.com/nacka"]),
            "a",
        )
        .unwrap();
    // The same page written differently (case, trailing slash) is the same address.
    let err = other
        .add_channel(
            &new_channel("Andra", &["https://WWW.facebook.com/nacka/"]),
            "b",
        )
        .unwrap_err();
    match err {
        StoreError::Conflict(Message::StoreUrlsTaken { problems }) => {
            assert!(
                matches!(&problems[..], [Message::StoreUrlTaken { id, name, .. }] if *id == first.id && name == "Första"),
                "{problems:?}"
            );
        }
        e => panic!("expected the address refused, got {e:?}"),
    }
    assert_eq!(a.list_channels(&ChannelFilter::default()).unwrap().len(), 1);
    let second = a
        .add_channel(&new_channel("Andra", &["https://x.com/andra"]), "a")
        .unwrap();
    let patch = ChannelPatch {
        urls: Some(vec!["https://www.facebook.com/nacka".into()]),
        ..Default::default()
    };
    let err = other.edit_channel(second.id, &patch, "b").unwrap_err();
    assert!(
        matches!(err, StoreError::Conflict(Message::StoreUrlsTaken { .. })),
        "{err:?}"
    );
    assert_eq!(
        a.channel(second.id).unwrap().urls,
        vec!["https://x.com/andra"]
    );
}

fn invalid_channel_is_refused_without_a_trace(b: &dyn Backend) {
    let r = b.connect();
    let err = r
        .add_channel(&new_channel("   ", &["https://facebook.com/x"]), "a")
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    assert!(r
        .list_channels(&ChannelFilter::default())
        .unwrap()
        .is_empty());
    assert!(r.audit_log(None).unwrap().is_empty());
}

fn edit_shows_on_the_other_connection_and_is_audited(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    b.clock().advance(chrono::Duration::minutes(5));
    let patch = ChannelPatch {
        responsible: Some("Bo Ek".into()),
        board: Some("Kulturnämnden".into()),
        ..Default::default()
    };
    let edited = a.edit_channel(c.id, &patch, "anna").unwrap();
    assert_eq!(other.channel(c.id).unwrap(), edited);
    assert_eq!(edited.responsible.as_deref(), Some("Bo Ek"));
    assert_eq!(edited.board.as_deref(), Some("Kulturnämnden"));
    // The same patch again changes nothing and logs nothing.
    assert_eq!(other.edit_channel(c.id, &patch, "bo").unwrap(), edited);
    let log = other.audit_log(Some(c.id)).unwrap();
    let actions: Vec<_> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["channel.add", "channel.edit"]);
    let edit = &log[1];
    assert_eq!(edit.actor, "anna");
    assert_eq!(edit.at, t0() + chrono::Duration::minutes(5));
    match &edit.event {
        AuditEvent::ChannelEdited { fields } => {
            assert_eq!(fields, &[ChannelField::Board, ChannelField::Responsible])
        }
        e => panic!("expected channel.edit, got {e:?}"),
    }
    let empty = ChannelPatch {
        name: Some(" ".into()),
        ..Default::default()
    };
    assert!(matches!(
        a.edit_channel(c.id, &empty, "a"),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(a.channel(c.id).unwrap().name, "Nacka");
}

fn closure_start_and_undo_follow_the_order(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    b.clock().advance(chrono::Duration::days(1));
    let closing = a.start_closure(c.id, "arkivarie").unwrap();
    assert_eq!(closing.status, ChannelStatus::Closing);
    assert_eq!(
        closing.closing_started_at,
        Some(t0() + chrono::Duration::days(1))
    );
    assert_eq!(other.channel(c.id).unwrap(), closing);
    match other.start_closure(c.id, "b").unwrap_err() {
        StoreError::Conflict(Message::StoreChannelStatusOrder { status, since, .. }) => {
            assert_eq!(status, "closing");
            assert_eq!(since, "2026-03-16");
        }
        e => panic!("expected the order refused, got {e:?}"),
    }
    let active = other.undo_closure(c.id, "arkivarie").unwrap();
    assert_eq!(active.status, ChannelStatus::Active);
    assert_eq!(active.closing_started_at, None);
    assert!(matches!(
        a.undo_closure(c.id, "a"),
        Err(StoreError::Conflict(
            Message::StoreChannelStatusOrder { .. }
        ))
    ));
    let actions: Vec<_> = a
        .audit_log(Some(c.id))
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, ["channel.add", "closure.start", "closure.undo"]);
}

fn settings_are_shared_and_audited(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    assert_eq!(a.setting::<OrgSettings>().unwrap(), OrgSettings::default());
    let s = OrgSettings {
        name: "Nacka kommun".into(),
        org_number: Some("212000-0167".into()),
        ..Default::default()
    };
    a.set_setting(&s, "admin").unwrap();
    assert_eq!(other.setting::<OrgSettings>().unwrap(), s);
    let s2 = OrgSettings {
        name: "Nacka kommun, arkivet".into(),
        ..s.clone()
    };
    other.set_setting(&s2, "admin2").unwrap();
    assert_eq!(a.setting::<OrgSettings>().unwrap(), s2);
    let log = a.audit_log(None).unwrap();
    assert_eq!(log.len(), 2);
    assert!(log
        .iter()
        .all(|e| e.action == "settings.set" && e.channel_id.is_none()));
    assert_eq!(log[1].actor, "admin2");
}

fn audit_log_appends_in_order_and_filters_by_channel(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    let note = AuditEvent::ClosureNote {
        text: "Kontot stängs efter valet".into(),
    };
    let e1 = other.append_audit("bo", Some(c.id), note.clone()).unwrap();
    let e2 = a
        .append_audit(
            "bo",
            None,
            AuditEvent::SettingsSet {
                key: "organisation".into(),
            },
        )
        .unwrap();
    assert!(e2.seq > e1.seq);
    let all = other.audit_log(None).unwrap();
    assert_eq!(all.len(), 3);
    assert!(all.windows(2).all(|w| w[0].seq < w[1].seq));
    assert_eq!(all[1], e1);
    assert_eq!(all[1].event, note);
    assert_eq!(all[2], e2);
    let mine = a.audit_log(Some(c.id)).unwrap();
    assert_eq!(mine.len(), 2);
    assert!(mine.iter().all(|e| e.channel_id == Some(c.id)));
}

fn schema_newer_than_the_client_is_refused(b: &dyn Backend) {
    let r = b.connect();
    assert_eq!(r.schema_version().unwrap(), b.latest());
    drop(r);
    b.set_schema_version(b.latest() + 1);
    match b.try_connect() {
        Err(StoreError::Conflict(Message::StoreSchemaNewer { current, known })) => {
            assert_eq!((current, known), (b.latest() as u64 + 1, b.latest() as u64));
        }
        Err(e) => panic!("expected the newer schema refused, got {e:?}"),
        Ok(_) => panic!("a client opened a register newer than it knows"),
    }
}

fn second_edit_from_a_stale_view_is_refused_with_who_and_when(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    // Both desktops open the channel.
    let seen_a = a.channel_revision(c.id).unwrap();
    let seen_b = other.channel_revision(c.id).unwrap();
    assert_eq!(seen_a, seen_b);
    assert_eq!(seen_a.by, "anna");
    b.clock().advance(chrono::Duration::minutes(7));
    let patch_a = ChannelPatch {
        responsible: Some("Anna Berg".into()),
        ..Default::default()
    };
    a.edit_channel_if(c.id, &patch_a, "anna", seen_a.seq)
        .unwrap();
    let patch_b = ChannelPatch {
        responsible: Some("Bo Ek".into()),
        ..Default::default()
    };
    // On PostgreSQL the test's login (not "anna") wrote the entry: the
    // sentence names the login the server recorded beside the claim.
    let login = a.connection_login();
    match other
        .edit_channel_if(c.id, &patch_b, "bo", seen_b.seq)
        .unwrap_err()
    {
        StoreError::Conflict(Message::StoreChannelChangedBy { id, by, at, .. })
            if login.is_none() =>
        {
            assert_eq!((id, by.as_str()), (c.id, "anna"));
            assert_eq!(at.0, t0() + chrono::Duration::minutes(7));
        }
        StoreError::Conflict(Message::StoreChannelChangedByLogin {
            id,
            by,
            at,
            login: l,
            ..
        }) if Some(&l) == login.as_ref() => {
            assert_eq!((id, by.as_str()), (c.id, "anna"));
            assert_eq!(at.0, t0() + chrono::Duration::minutes(7));
        }
        e => panic!("expected the stale edit refused, got {e:?}"),
    }
    // Nothing of the refused edit was saved, nor audited.
    assert_eq!(
        a.channel(c.id).unwrap().responsible.as_deref(),
        Some("Anna Berg")
    );
    assert_eq!(a.audit_log(Some(c.id)).unwrap().len(), 2);
    // Reloaded, the edit goes through; a closure step is a change too.
    let fresh = other.channel_revision(c.id).unwrap();
    other
        .edit_channel_if(c.id, &patch_b, "bo", fresh.seq)
        .unwrap();
    let before_closure = a.channel_revision(c.id).unwrap();
    assert_eq!(before_closure.by, "bo");
    other.start_closure(c.id, "bo").unwrap();
    assert!(matches!(
        a.edit_channel_if(c.id, &patch_a, "anna", before_closure.seq),
        Err(StoreError::Conflict(
            Message::StoreChannelChangedBy { .. } | Message::StoreChannelChangedByLogin { .. }
        ))
    ));
}

fn two_desktops_adding_the_same_address_at_once_get_one_channel(b: &dyn Backend) {
    let desktops: Vec<_> = (0..4).map(|_| b.connect()).collect();
    let results: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = desktops
            .iter()
            .enumerate()
            .map(|(i, r)| {
                s.spawn(move || {
                    let mine = format!("https://x.com/enhet{i}");
                    r.add_channel(&new_channel(&format!("Enhet {i}"), &[&mine]), "a")
                        .unwrap();
                    r.add_channel(
                        &new_channel(&format!("Kopia {i}"), &["https://facebook.com/delad"]),
                        "a",
                    )
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let won = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(won, 1, "{results:?}");
    for r in results.iter().filter_map(|r| r.as_ref().err()) {
        assert!(
            matches!(r, StoreError::Conflict(Message::StoreUrlsTaken { .. })),
            "{r:?}"
        );
    }
    let listed = desktops[0]
        .list_channels(&ChannelFilter::default())
        .unwrap();
    assert_eq!(listed.len(), 5);
    let mut ids: Vec<_> = listed.iter().map(|s| s.channel.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 5, "every channel has an id of its own");
}
