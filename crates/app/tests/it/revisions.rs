//! Two desktops editing one channel (issue 15): the second save from a form
//! opened before the first is refused with who changed it and when, nothing
//! of it saved; reloaded, it goes through. The change stamp another desktop
//! polls moves with the edit. On SQLite (two Apps on one data directory)
//! and on PostgreSQL when `OGONBLICK_TEST_POSTGRES` names a server.

use std::path::Path;
use std::sync::Arc;

use ogonblick_app::{App, AppConfig};
use ogonblick_model::{ChannelPatch, ErrorCode, FixedClock, Message, SequentialIds};

use crate::fixture::{add, t};

fn config(dir: &Path, who: &str) -> AppConfig {
    AppConfig {
        data_dir: dir.to_path_buf(),
        operator: who.into(),
    }
}

fn responsible(name: &str) -> ChannelPatch {
    ChannelPatch {
        responsible: Some(name.into()),
        ..Default::default()
    }
}

fn second_save_from_a_stale_form_is_refused(anna: &App, bo: &App, clock: &FixedClock) {
    let id = add(anna, "Kultur", None, None, None);
    let since = bo.change_stamp(0).unwrap().last;
    let before = bo.change_stamp(since).unwrap();
    // Both open the channel's edit form.
    let form_a = anna.channel_for_edit(id).unwrap();
    let form_b = bo.channel_for_edit(id).unwrap();
    assert_eq!(form_a, form_b);
    clock.advance(chrono::Duration::minutes(12));
    anna.edit_channel_seen(id, responsible("Anna Berg"), form_a.revision)
        .unwrap();
    // Bo's desktop sees that something changed.
    assert_ne!(bo.change_stamp(since).unwrap(), before);
    let e = bo
        .edit_channel_seen(id, responsible("Bo Ek"), form_b.revision)
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict, "{e}");
    // On PostgreSQL the test's login (not "anna") wrote the entry: the
    // sentence names the login the server recorded beside the claim.
    let login = anna.store().connection_login();
    match e.message() {
        Message::StoreChannelChangedBy { id: of, by, at, .. } if login.is_none() => {
            assert_eq!((of, by.as_str()), (id, "anna"));
            assert_eq!(at.0, t("2026-09-01T08:12:00Z"));
        }
        Message::StoreChannelChangedByLogin {
            id: of,
            by,
            at,
            login: l,
            ..
        } if Some(l.as_str()) == login.as_deref() => {
            assert_eq!((of, by.as_str()), (id, "anna"));
            assert_eq!(at.0, t("2026-09-01T08:12:00Z"));
        }
        m => panic!("expected changed-by, got {m:?}"),
    }
    let payload = e.payload();
    assert!(payload.message.contains("anna"), "{}", payload.message);
    // Nothing of Bo's edit was saved.
    let now = anna.get_channel(id).unwrap();
    assert_eq!(now.responsible.as_deref(), Some("Anna Berg"));
    // Reloaded, Bo's form has Anna's value and his edit goes through.
    let reloaded = bo.channel_for_edit(id).unwrap();
    assert_eq!(reloaded.channel, now);
    assert!(reloaded.revision > form_b.revision);
    let saved = bo
        .edit_channel_seen(id, responsible("Bo Ek"), reloaded.revision)
        .unwrap();
    assert_eq!(saved.responsible.as_deref(), Some("Bo Ek"));
    // The CLI's plain edit still edits at once.
    anna.edit_channel(id, responsible("Cecilia")).unwrap();
    assert_eq!(
        bo.get_channel(id).unwrap().responsible.as_deref(),
        Some("Cecilia")
    );
}

#[test]
fn second_save_from_a_stale_form_is_refused_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let open = |who: &str| {
        App::open(
            config(dir.path(), who),
            clock.clone(),
            Arc::new(SequentialIds::default()),
        )
        .unwrap()
    };
    second_save_from_a_stale_form_is_refused(&open("anna"), &open("bo"), &clock);
}

#[test]
fn second_save_from_a_stale_form_is_refused_on_postgres() {
    let Some((_db, url)) = crate::postgres::fresh_database("revisions") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let open = |who: &str| {
        App::open_postgres(
            config(dir.path(), who),
            &url,
            clock.clone(),
            Arc::new(SequentialIds::default()),
        )
        .unwrap()
    };
    second_save_from_a_stale_form_is_refused(&open("anna"), &open("bo"), &clock);
}
