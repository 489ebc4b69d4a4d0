//! The roles as PostgreSQL roles (h-pgroles, issue 15; migration 0007):
//! each person connects as their own PostgreSQL role, which is the person
//! the roles are looked up by; `role set` grants that role its group role
//! and revokes the others; the grants and row-level security hold for a
//! program that writes SQL itself. The test server trusts every
//! connection, so a test connects as any role (`postgres://anna@…`).

use std::sync::Arc;

use ogonblick_app::store::postgres::{Client, Config, NoTls};
use ogonblick_app::{App, AppConfig, CaptureRequest, ChannelCapture, EvidenceSource};
use ogonblick_model::{
    CancelToken, ErrorCode, FixedClock, Message, NewChannel, NoProgress, Platform, Role,
    SequentialIds, SnapshotReason, SnapshotStatus,
};

use crate::fixture::{removal, t};
use crate::postgres::{fresh_database, fresh_database_with};

/// `url` with `user` instead of its user name.
pub(crate) fn as_user(url: &str, user: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap();
    let (_, host) = rest.split_once('@').unwrap();
    format!("{scheme}://{user}@{host}")
}

pub(crate) fn open(url: &str, dir: &std::path::Path, clock: &Arc<FixedClock>) -> App {
    App::open_postgres(
        AppConfig {
            data_dir: dir.to_path_buf(),
            operator: "Ersättare för loggen".into(),
        },
        url,
        clock.clone(),
        Arc::new(SequentialIds::default()),
    )
    .unwrap()
    // The OS login plays no part on PostgreSQL.
    .with_login(Some("os-login".into()))
}

/// The roles whose group role `user` is a member of (`ogonblick_groups`).
fn groups(c: &mut Client, user: &str) -> Vec<String> {
    c.query_one("SELECT ogonblick_groups($1)", &[&user])
        .unwrap()
        .get(0)
}

/// The SQLSTATE of a refused statement.
pub(crate) fn sqlstate<T: std::fmt::Debug>(
    r: Result<T, ogonblick_app::store::postgres::Error>,
) -> String {
    r.expect_err("refused by the server")
        .code()
        .map(|c| c.code().to_string())
        .unwrap_or_default()
}

pub(crate) fn channel(app: &App, name: &str, unit: &str, url: String) -> i64 {
    app.add_channel(NewChannel {
        name: name.into(),
        platform: Some(Platform::Facebook),
        urls: vec![url],
        unit: Some(unit.into()),
        ..Default::default()
    })
    .unwrap()
    .id
}

fn capture(app: &App, ch: i64) -> Result<Vec<ChannelCapture>, ogonblick_app::AppError> {
    app.capture(
        &CaptureRequest {
            channel_ids: vec![ch],
            reason: SnapshotReason::AdHoc,
            reason_note: None,
            reason_message: None,
        },
        &NoProgress,
        &CancelToken::new(),
    )
}

#[test]
fn a_handlaggare_writes_their_units_channels_and_a_chef_writes_nothing_even_with_sql() {
    let Some((db, url)) = fresh_database("pg_roles") else {
        return;
    };
    let site = ogonblick_testsite::TestSite::start().unwrap();
    let shared = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let (anna, cecilia) = (db.login("anna"), db.login("cecilia"));

    // The schema owner (the first user) sets up the register.
    let owner = open(&url, shared.path(), &clock);
    assert_eq!(owner.login(), Some("postgres"));
    let own = channel(&owner, "Biblioteken", "Biblioteken", site.url("/facebook"));
    let other = channel(&owner, "Fritid", "Fritid", site.url("/facebook?f"));
    owner
        .set_role(&anna, &[Role::Handlaggare], &["biblioteken ".into()])
        .unwrap();
    owner.set_role(&cecilia, &[Role::Chef], &[]).unwrap();
    let mut sql = connect(&url);
    assert_eq!(groups(&mut sql, &anna), ["handlaggare"]);
    assert_eq!(groups(&mut sql, &cecilia), ["chef"]);
    assert_eq!(groups(&mut sql, "postgres"), ["administrator"]);

    // Anna, a handläggare, through the app: the person is her PostgreSQL role.
    let a = open(&as_user(&url, &anna), shared.path(), &clock);
    assert_eq!(a.login(), Some(anna.as_str()));
    let mut captured = capture(&a, own).unwrap();
    let ChannelCapture::Stored { snapshot } = captured.remove(0) else {
        panic!("not stored: {captured:?}");
    };
    assert_eq!(snapshot.status, SnapshotStatus::Complete);
    assert_eq!(a.history(Some(own)).unwrap().len(), 1);
    let mut record = removal(
        own,
        "https://example.org/post/1",
        EvidenceSource::Snapshot(snapshot.id.clone()),
    );
    record.removed_at = Some(t("2026-09-01T08:00:00Z"));
    let r = a.add_removal(record).unwrap();
    assert_eq!(a.store().removal(&r.id).unwrap().0.len(), 1);
    // Another unit's channel: the app refuses before anything is written.
    let e = capture(&a, other).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Forbidden, "{e}");
    assert!(a.history(Some(other)).unwrap().is_empty());

    // Anna with SQL of her own: another unit's rows are not hers to write.
    let mut anna_sql = connect(&as_user(&url, &anna));
    let claim = "INSERT INTO channel_claims (channel_id, holder, claimed_at, expires_at)
                 VALUES ($1, 'sql', 'a', 'b')";
    assert_eq!(sqlstate(anna_sql.execute(claim, &[&other])), "42501");
    let fake = "INSERT INTO snapshots (id, channel_id, reason, status, started_at, finished_at,
                   operator, folder, manifest, whole_channel)
                SELECT 'fake-' || $2::TEXT, $1, reason, status, started_at, finished_at, operator,
                       folder, manifest, whole_channel FROM snapshots LIMIT 1";
    assert_eq!(sqlstate(anna_sql.execute(fake, &[&other, &"x"])), "42501");
    assert_eq!(
        sqlstate(anna_sql.execute("UPDATE channels SET notes = 'x' WHERE id = $1", &[&other])),
        "42501"
    );
    // Temporary tables named like the register's do not stand in for them
    // in the check of her units (it searches pg_temp last).
    anna_sql
        .batch_execute(
            "CREATE TEMP TABLE role_units (login TEXT, unit TEXT);
             CREATE TEMP TABLE roles (login TEXT, role TEXT);
             CREATE TEMP TABLE channels (id BIGINT, unit_id BIGINT);
             CREATE TEMP TABLE units (id BIGINT, name TEXT);
             INSERT INTO channels SELECT g, 1 FROM generate_series(1, 1000) g;
             INSERT INTO units VALUES (1, 'alla');
             INSERT INTO role_units SELECT current_user, 'alla';
             INSERT INTO roles SELECT current_user, 'handlaggare';",
        )
        .unwrap();
    assert_eq!(sqlstate(anna_sql.execute(claim, &[&other])), "42501");
    anna_sql
        .batch_execute(
            "DROP TABLE pg_temp.role_units, pg_temp.roles, pg_temp.channels, pg_temp.units",
        )
        .unwrap();
    let gone = "DELETE FROM channel_summary WHERE channel_id = $1";
    assert_eq!(anna_sql.execute(gone, &[&other]).unwrap(), 0);
    // Her own channel's rows she may write (the capture's summary row).
    assert_eq!(anna_sql.execute(gone, &[&own]).unwrap(), 1);
    // She reads everything.
    let n: i64 = anna_sql
        .query_one("SELECT count(*) FROM channels", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 2);

    // Cecilia, a chef: reads, and writes nothing, by the app or with SQL.
    let c = open(&as_user(&url, &cecilia), shared.path(), &clock);
    assert_eq!(c.list_channels(&Default::default()).unwrap().len(), 2);
    assert_eq!(capture(&c, own).unwrap_err().code(), ErrorCode::Forbidden);
    let mut chef_sql = connect(&as_user(&url, &cecilia));
    for stmt in ["UPDATE channels SET notes = 'x' WHERE id = $1", gone, claim] {
        assert_eq!(sqlstate(chef_sql.execute(stmt, &[&own])), "42501", "{stmt}");
    }
    assert_eq!(sqlstate(chef_sql.execute(fake, &[&own, &"y"])), "42501");
    assert_eq!(
        sqlstate(chef_sql.execute("DELETE FROM roles", &[])),
        "42501"
    );
}

/// The database compares a handläggare's units as the application does
/// (migration 0011), even in a database made with the C locale, whose
/// `lower` changes A-Z only: given "äldreomsorgen", she captures a channel
/// of "Äldreomsorgen" and its rows are written (with 0007's comparison the
/// app allowed the capture and row-level security refused its rows).
#[test]
fn a_handlaggares_unit_matches_in_any_case_even_in_a_c_locale_database() {
    let Some((db, url)) = fresh_database_with(
        "pg_roles_c",
        "TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER libc LC_COLLATE 'C' LC_CTYPE 'C'",
    ) else {
        return;
    };
    let site = ogonblick_testsite::TestSite::start().unwrap();
    let shared = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let anna = db.login("anna_c");
    let owner = open(&url, shared.path(), &clock);
    let own = channel(
        &owner,
        "Äldreomsorgen",
        "Äldreomsorgen",
        site.url("/facebook"),
    );
    let other = channel(&owner, "Fritid", "Fritid", site.url("/facebook?f"));
    owner
        .set_role(&anna, &[Role::Handlaggare], &["äldreomsorgen".into()])
        .unwrap();

    let mut sql = connect(&url);
    let lowered: String = sql
        .query_one("SELECT lower('Äldreomsorgen')", &[])
        .unwrap()
        .get(0);
    assert_eq!(lowered, "Äldreomsorgen", "this database's lower() keeps Ä");
    let check = "SELECT ogonblick_own_channel($1, $2)";
    assert!(sql
        .query_one(check, &[&own, &anna])
        .unwrap()
        .get::<_, bool>(0));
    assert!(!sql
        .query_one(check, &[&other, &anna])
        .unwrap()
        .get::<_, bool>(0));
    // Every character Rust's trim removes, removed here too.
    let same: bool = sql
        .query_one(
            "SELECT ogonblick_unit_key(E'\\u00a0\\u3000 ÄLDREOMSORGEN\\t\\n') = ogonblick_unit_key('äldreomsorgen')",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(same);

    // Anna, through the app: the capture is hers, and its rows are written.
    let a = open(&as_user(&url, &anna), shared.path(), &clock);
    let mut captured = capture(&a, own).unwrap();
    let ChannelCapture::Stored { snapshot } = captured.remove(0) else {
        panic!("not stored: {captured:?}");
    };
    assert_eq!(snapshot.status, SnapshotStatus::Complete);
    assert_eq!(a.history(Some(own)).unwrap().len(), 1);
    assert_eq!(capture(&a, other).unwrap_err().code(), ErrorCode::Forbidden);
}

/// In a database made as README says (here the server's default locale),
/// a unit whose name begins with Å, Ä or Ö, given exactly so: 0007 lowered
/// the role's copy by `role_units.unit`'s collation "C" (A-Z only) and the
/// channel's by the database's, and refused her.
#[test]
fn a_unit_beginning_with_a_swedish_capital_is_the_handlaggares_in_a_default_database() {
    let Some((db, url)) = fresh_database("pg_roles_capital") else {
        return;
    };
    let shared = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let bo = db.login("bo");
    let owner = open(&url, shared.path(), &clock);
    let own = channel(
        &owner,
        "Överförmyndaren",
        "Överförmyndaren",
        "https://www.facebook.com/overformyndaren".into(),
    );
    owner
        .set_role(&bo, &[Role::Handlaggare], &["Överförmyndaren".into()])
        .unwrap();
    let mut sql = connect(&url);
    let mine: bool = sql
        .query_one("SELECT ogonblick_own_channel($1, $2)", &[&own, &bo])
        .unwrap()
        .get(0);
    assert!(mine, "the database agrees with the app");
    // And so his writes of the channel's rows pass row-level security.
    let mut bo_sql = connect(&as_user(&url, &bo));
    let claim = "INSERT INTO channel_claims (channel_id, holder, claimed_at, expires_at)
                 VALUES ($1, 'sql', 'a', 'b')";
    assert_eq!(bo_sql.execute(claim, &[&own]).unwrap(), 1);
}

#[test]
fn role_set_grants_the_group_role_and_a_second_revokes_the_old_one() {
    let Some((db, url)) = fresh_database("pg_role_set") else {
        return;
    };
    let shared = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let (bo, dora) = (db.login("bo"), db.login("dora"));
    let owner = open(&url, shared.path(), &clock);
    let mut sql = connect(&url);

    owner
        .set_role(&bo, &[Role::Handlaggare], &["Fritid".into()])
        .unwrap();
    assert_eq!(groups(&mut sql, &bo), ["handlaggare"]);
    // Created LOGIN, without a password (the test server trusts it).
    let can_login: bool = sql
        .query_one(
            "SELECT rolcanlogin FROM pg_roles WHERE rolname = $1",
            &[&bo],
        )
        .unwrap()
        .get(0);
    assert!(can_login);
    owner.set_role(&bo, &[Role::Arkivarie], &[]).unwrap();
    assert_eq!(groups(&mut sql, &bo), ["arkivarie"]);
    owner
        .set_role(&bo, &[Role::Chef, Role::Arkivarie], &[])
        .unwrap();
    assert_eq!(groups(&mut sql, &bo), ["arkivarie", "chef"]);
    owner.remove_role(&bo).unwrap();
    assert!(groups(&mut sql, &bo).is_empty());
    // A login PostgreSQL would cut short is refused, nothing written.
    let long = "l".repeat(64);
    let e = owner.set_role(&long, &[Role::Chef], &[]).unwrap_err();
    assert!(
        matches!(e.message(), Message::RoleBadLogin { login } if *login == long),
        "in words, not the server's: {e}"
    );
    assert!(owner.roles().unwrap().iter().all(|p| p.login != long));

    // Not an administrator: the app refuses, and so does the server.
    owner.set_role(&bo, &[Role::Chef], &[]).unwrap();
    let b = open(&as_user(&url, &bo), shared.path(), &clock);
    let e = b.set_role(&bo, &[Role::Administrator], &[]).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Forbidden, "{e}");
    let mut bo_sql = connect(&as_user(&url, &bo));
    let grant = "SELECT ogonblick_set_groups($1, ARRAY['administrator'])";
    assert_eq!(sqlstate(bo_sql.execute(grant, &[&bo])), "42501");
    assert_eq!(groups(&mut sql, &bo), ["chef"]);

    // An administrator in the register whose PostgreSQL role lost the
    // group: refused by the server, saying so, and nothing is written.
    owner
        .set_role(&dora, &[Role::Administrator, Role::Chef], &[])
        .unwrap();
    let d = open(&as_user(&url, &dora), shared.path(), &clock);
    let db: String = sql
        .query_one("SELECT current_database()::TEXT", &[])
        .unwrap()
        .get(0);
    sql.batch_execute(&format!("REVOKE {db}_administrator FROM {dora}"))
        .unwrap();
    let before = owner.roles().unwrap();
    let e = d.set_role(&bo, &[Role::Arkivarie], &[]).unwrap_err();
    assert!(
        matches!(e.message(), Message::RolePgGrantRefused { .. }),
        "{e}"
    );
    assert_eq!(owner.roles().unwrap(), before);
    assert_eq!(groups(&mut sql, &bo), ["chef"]);
}

#[test]
fn on_sqlite_the_login_is_the_one_given() {
    let dir = tempfile::tempdir().unwrap();
    let app = crate::fixture::open_at(
        dir.path(),
        Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z"))),
    )
    .with_login(Some("anna".into()));
    assert_eq!(app.login(), Some("anna"));
    // No roles: everyone may do everything.
    assert!(!app.current_access().unwrap().configured);
    crate::fixture::add(&app, "Kanal", None, Some("Fritid"), None);
}

pub(crate) fn connect(url: &str) -> Client {
    url.parse::<Config>().unwrap().connect(NoTls).unwrap()
}

#[test]
fn an_arkivarie_and_an_administrator_do_their_work_as_their_own_roles() {
    let Some((db, url)) = fresh_database("pg_roles_work") else {
        return;
    };
    let site = ogonblick_testsite::TestSite::start().unwrap();
    let shared = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let (erik, frida) = (db.login("erik"), db.login("frida"));
    let owner = open(&url, shared.path(), &clock);
    let ch = channel(&owner, "Fritid", "Fritid", site.url("/facebook"));
    owner.set_role(&erik, &[Role::Arkivarie], &[]).unwrap();
    owner.set_role(&frida, &[Role::Administrator], &[]).unwrap();

    // The arkivarie: the register, capture of any unit's channel, marks,
    // diary numbers, closure, the boards list, removal grounds, holds,
    // retention and disposal.
    let e = open(&as_user(&url, &erik), shared.path(), &clock);
    let added = e
        .add_channel(NewChannel {
            name: "Kultur".into(),
            platform: Some(Platform::Facebook),
            urls: vec![site.url("/facebook?k")],
            ..Default::default()
        })
        .unwrap();
    let patch = ogonblick_model::ChannelPatch {
        notes: Some("flyttad".into()),
        ..Default::default()
    };
    e.edit_channel(added.id, patch).unwrap();
    let ChannelCapture::Stored { snapshot } = capture(&e, ch).unwrap().remove(0) else {
        panic!("not stored");
    };
    let flags = ogonblick_model::MarkFlags {
        personal_data: true,
        secrecy: None,
        note: None,
    };
    e.set_mark(&snapshot.id, flags).unwrap();
    let targets = ogonblick_app::DiaryTargets {
        ids: vec![snapshot.id.clone()],
        ..Default::default()
    };
    e.set_diary_number(&targets, Some("KS 2026/1")).unwrap();
    e.start_closure(added.id).unwrap();
    e.undo_closure(added.id).unwrap();
    e.add_org_entry(ogonblick_app::OrgEntry::Board("Kommunstyrelsen"))
        .unwrap();
    e.add_removal_ground("spam", "Skräppost", None).unwrap();
    e.set_hold(&snapshot.id, "utredning").unwrap();
    e.clear_hold(&snapshot.id).unwrap();
    e.set_retention_rules(&Default::default()).unwrap();
    e.dispose("Erik", None).unwrap();
    // Not the settings, by the app or with SQL.
    let refused = e.set_settings(Default::default()).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Forbidden);
    let mut erik_sql = connect(&as_user(&url, &erik));
    let own_role =
        "INSERT INTO roles (login, role, set_at, set_by) VALUES ($1, 'administrator', 'x', 'x')";
    assert_eq!(sqlstate(erik_sql.execute(own_role, &[&erik])), "42501");

    // The administrator: settings and roles.
    let f = open(&as_user(&url, &frida), shared.path(), &clock);
    let mut settings = f.settings().unwrap();
    settings.name = "Kommunen".into();
    f.set_settings(settings).unwrap();
    f.set_comparison_settings(&f.comparison_settings().unwrap())
        .unwrap();
    // The arkivarie writes only the settings of their work, also with SQL.
    let org = "UPDATE settings SET value = '{}' WHERE key = 'organisation'";
    assert_eq!(erik_sql.execute(org, &[]).unwrap(), 0);
    let boards = "UPDATE settings SET value = value WHERE key = 'boards'";
    assert_eq!(erik_sql.execute(boards, &[]).unwrap(), 1);
    let tsa = "INSERT INTO settings (key, value) VALUES ('timestamp-x', '{}')";
    assert_eq!(sqlstate(erik_sql.execute(tsa, &[])), "42501");
    f.set_role(&db.login("gustav"), &[Role::Chef], &[]).unwrap();
    let mut sql = connect(&url);
    assert_eq!(groups(&mut sql, &db.login("gustav")), ["chef"]);
    f.remove_role(&db.login("gustav")).unwrap();
    assert!(groups(&mut sql, &db.login("gustav")).is_empty());
}

#[test]
fn a_login_without_a_role_and_an_upgrade_by_another_role_are_refused_in_words() {
    let Some((db, url)) = fresh_database("pg_no_role") else {
        return;
    };
    let shared = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let owner = open(&url, shared.path(), &clock);
    let (eva, bo) = (db.login("eva"), db.login("bo"));
    owner.set_role(&bo, &[Role::Arkivarie], &[]).unwrap();
    let mut sql = connect(&url);
    sql.batch_execute(&format!("CREATE ROLE {eva} LOGIN"))
        .unwrap();
    let opened = |user: &str| {
        App::open_postgres(
            AppConfig {
                data_dir: shared.path().to_path_buf(),
                operator: "x".into(),
            },
            &as_user(&url, user),
            clock.clone(),
            Arc::new(SequentialIds::default()),
        )
    };

    // A login the register gave no role: a sentence, not the server's words.
    let Err(e) = opened(&eva) else {
        panic!("a login without a role is refused")
    };
    assert!(
        matches!(e.message(), Message::StorePgNoRole { user } if *user == eva),
        "{e}"
    );
    let sv = e.message().render(ogonblick_model::Language::Sv);
    assert!(sv.contains("har ingen roll i det delade registret"), "{sv}");
    assert!(!sv.contains("permission denied"), "{sv}");

    // An older schema met by a person's role: only the owner may upgrade.
    drop(owner);
    sql.batch_execute("UPDATE ogonblick_schema SET version = version - 1")
        .unwrap();
    let Err(e) = opened(&bo) else {
        panic!("an upgrade by a person's role is refused")
    };
    assert!(
        matches!(e.message(), Message::StorePgUpgradeOwner { user, .. } if *user == bo),
        "{e}"
    );
    let version: i32 = sql
        .query_one("SELECT version FROM ogonblick_schema", &[])
        .unwrap()
        .get(0);
    assert_eq!(
        version as u32,
        ogonblick_app::store::pg::migrations::LATEST - 1,
        "nothing upgraded"
    );
}
