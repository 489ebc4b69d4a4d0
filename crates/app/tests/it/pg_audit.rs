//! The audit log on a shared register against people who write SQL of
//! their own (issue 15's review, migration 0008): every group role may
//! append to the log, so an entry can name anyone as its person, but the
//! server stamps each entry with the PostgreSQL role that wrote it, and the
//! app shows that role beside the person when they differ; no group role,
//! the administratör's included, may change or remove an entry.

use std::sync::Arc;

use ogonblick_app::{App, AppConfig};
use ogonblick_model::{
    ChannelPatch, ErrorCode, FixedClock, Language, Message, Role, SequentialIds,
};

use crate::fixture::t;

fn note(n: &str) -> ChannelPatch {
    ChannelPatch {
        notes: Some(n.into()),
        ..Default::default()
    }
}
use crate::pg_roles::{as_user, channel, connect, open, sqlstate};
use crate::postgres::fresh_database;

#[test]
fn an_entry_written_with_sql_in_another_name_carries_the_writers_role_and_none_is_changed() {
    let Some((db, url)) = fresh_database("pg_audit") else {
        return;
    };
    let shared = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let (anna, erik, frida) = (db.login("anna"), db.login("erik"), db.login("frida"));
    let owner = open(&url, shared.path(), &clock);
    let ch = channel(
        &owner,
        "Biblioteken",
        "Biblioteken",
        "https://example.org/b".into(),
    );
    owner
        .set_role(&anna, &[Role::Handlaggare], &["Biblioteken".into()])
        .unwrap();
    owner.set_role(&erik, &[Role::Arkivarie], &[]).unwrap();
    owner.set_role(&frida, &[Role::Administrator], &[]).unwrap();

    // Erik's (an arkivarie's) edit form, opened before anything below.
    let erik_app = open(&as_user(&url, &erik), shared.path(), &clock);
    let form = erik_app.channel_for_edit(ch).unwrap();
    let before = chrono::Utc::now() - chrono::Duration::seconds(1);

    // Anna, a handläggare, with SQL of her own: an entry in Erik's name.
    let mut anna_sql = connect(&as_user(&url, &anna));
    anna_sql
        .execute(
            "INSERT INTO audit_log (at, actor, action, channel_id, detail)
             VALUES ('2026-09-01T08:00:00Z', $1, 'channel.edit', $2, 'made up')",
            &[&erik, &ch],
        )
        .unwrap();
    // Naming its own database role, or choosing its number (one far ahead
    // would freeze the change stamp every desktop polls): refused by the
    // column grants, for every group role.
    for who in [&anna, &erik, &frida] {
        let mut c = connect(&as_user(&url, who));
        let mut refused = |stmt: &str| {
            assert_eq!(
                sqlstate(c.execute(stmt, &[&erik, &ch])),
                "42501",
                "{who}: {stmt}"
            );
        };
        refused(
            "INSERT INTO audit_log (at, actor, action, channel_id, detail, db_role)
             VALUES ('2026-09-01T08:00:00Z', $1, 'channel.edit', $2, 'made up', $1)",
        );
        // Nor the time the server records (migration 0010).
        refused(
            "INSERT INTO audit_log (at, actor, action, channel_id, detail, recorded_at)
             VALUES ('2026-09-01T08:00:00Z', $1, 'channel.edit', $2, 'made up', now())",
        );
        refused(
            "INSERT INTO audit_log (seq, at, actor, action, channel_id, detail)
             OVERRIDING SYSTEM VALUE
             VALUES (9000000000000000000, '2026-09-01T08:00:00Z', $1, 'channel.edit', $2, 'made up')",
        );
    }
    let log = owner.audit_log(Some(ch)).unwrap();
    let forged: Vec<_> = log.iter().filter(|e| e.detail == "made up").collect();
    assert_eq!(forged.len(), 1);
    let after = chrono::Utc::now() + chrono::Duration::seconds(1);
    for e in &forged {
        assert_eq!(e.actor, erik);
        assert_eq!(e.db_role.as_deref(), Some(anna.as_str()), "{e:?}");
        // The time claimed is the client's; the server recorded its own.
        assert_eq!(e.at, t("2026-09-01T08:00:00Z"));
        let recorded = e.recorded_at.expect("the server's time");
        assert!(before <= recorded && recorded <= after, "{e:?}");
    }
    // Shown in the JSON the CLI and the package write.
    let json = serde_json::to_value(forged[0]).unwrap();
    assert_eq!(json["db_role"], anna.as_str());
    assert!(json["recorded_at"].is_string(), "{json}");

    // Erik's form, opened before Anna's entry, is refused with the login
    // the server recorded, not only the name the entry claims (his own).
    let e = erik_app
        .edit_channel_seen(ch, note("från Erik"), form.revision)
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict, "{e}");
    assert!(
        matches!(e.message(), Message::StoreChannelChangedByLogin { by, login, .. }
                 if *by == erik && *login == anna),
        "{e}"
    );
    let sv = e.message().render(Language::Sv);
    assert!(
        sv.contains(&format!(
            "ändrades av PostgreSQL-inloggningen {anna} (i namnet {erik})"
        )),
        "{sv}"
    );

    // An entry the app writes for the person who is logged in shows none;
    // one written for an operator named otherwise shows the role.
    let as_erik = App::open_postgres(
        AppConfig {
            data_dir: shared.path().to_path_buf(),
            operator: erik.clone(),
        },
        &as_user(&url, &erik),
        clock.clone(),
        Arc::new(SequentialIds::default()),
    )
    .unwrap()
    .with_login(Some("os-login".into()));
    let notes = |n: &str| ChannelPatch {
        notes: Some(n.into()),
        ..Default::default()
    };
    as_erik.edit_channel(ch, notes("ny")).unwrap();
    let for_operator = open(&as_user(&url, &erik), shared.path(), &clock);
    for_operator.edit_channel(ch, notes("nyare")).unwrap();
    let log = owner.audit_log(Some(ch)).unwrap();
    let [.., by_login, by_operator] = &log[..] else {
        panic!("{log:?}")
    };
    assert_eq!((&by_login.actor, &by_login.db_role), (&erik, &None));
    assert!(by_login.recorded_at.is_some(), "{by_login:?}");
    assert_eq!(by_operator.actor, "Ersättare för loggen");
    assert_eq!(by_operator.db_role.as_deref(), Some(erik.as_str()));

    // Append-only for every group role: refused by the grants.
    for who in [&anna, &erik, &frida] {
        let mut c = connect(&as_user(&url, who));
        for stmt in [
            "UPDATE audit_log SET actor = 'x'",
            "DELETE FROM audit_log",
            "TRUNCATE audit_log",
        ] {
            assert_eq!(sqlstate(c.execute(stmt, &[])), "42501", "{who}: {stmt}");
        }
    }
    assert_eq!(owner.audit_log(Some(ch)).unwrap().len(), log.len());
}

#[test]
fn another_registers_group_role_is_refused_in_words() {
    let Some((_db, url)) = fresh_database("pg_group_taken") else {
        return;
    };
    let shared = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let mut sql = connect(&url);
    let db: String = sql
        .query_one("SELECT current_database()::TEXT", &[])
        .unwrap()
        .get(0);
    // A role of its own by the name of this register's chef group.
    let taken = format!("{db}_chef");
    sql.batch_execute(&format!("CREATE ROLE {taken} NOLOGIN"))
        .unwrap();
    let opened = App::open_postgres(
        AppConfig {
            data_dir: shared.path().to_path_buf(),
            operator: "x".into(),
        },
        &url,
        clock,
        Arc::new(SequentialIds::default()),
    );
    sql.batch_execute(&format!("DROP ROLE {taken}")).unwrap();
    let Err(e) = opened else {
        panic!("another's group role is refused")
    };
    assert_eq!(e.code(), ErrorCode::Conflict, "{e}");
    assert!(
        matches!(e.message(), Message::StorePgGroupTaken { role, database }
                 if *role == taken && *database == db),
        "{e}"
    );
    let sv = e.message().render(Language::Sv);
    assert!(sv.contains("är inte det här registrets grupproll"), "{sv}");
    assert!(!sv.contains("SQLSTATE"), "{sv}");
}
