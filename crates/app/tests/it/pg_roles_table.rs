//! The table of roles on PostgreSQL (issue 15): `roles_table.rs`'s run on
//! a shared register where each person connects as their own PostgreSQL
//! role (granted its group role by `role set`, as in `pg_roles.rs`). For
//! every role, the administratör's included, every `RoleAction` on a
//! channel of the person's unit and on one of another unit: what the table
//! allows passes the check (and no grant of the server refuses it), what it
//! refuses is refused with `forbidden` and one `access.refused` entry
//! naming the person, with the same sentence as on SQLite (the login aside,
//! whose name differs). A login without a role does not open the register
//! at all on PostgreSQL. Each person's run has a database of its own, made
//! as `roles_table.rs` makes its register (a fresh copy per person there).
//! Skipped without `OGONBLICK_TEST_POSTGRES`, as `postgres.rs` says.

use std::sync::Arc;

use ogonblick_app::{App, AppConfig};
use ogonblick_model::{Language, Message, Role, RoleAction, SequentialIds};

use crate::pg_database::TestDatabase;
use crate::pg_roles::{as_user, connect, open};
use crate::postgres::fresh_database;
use crate::roles_table::{check, on_sqlite, table, Office, Outcome, PEOPLE};

/// A database of `tag` holding the register `roles_table.rs` makes, set
/// up by the schema owner, its people the test's logins; `None`: skipped.
fn register(tag: &str) -> Option<(TestDatabase, String, Office)> {
    let (db, url) = fresh_database(&format!("roles_table_{tag}"))?;
    let office = Office::furnished(
        |dir, clock| open(&url, dir, clock),
        &|name| db.login(name),
        db.login("ny"),
    );
    Some((db, url, office))
}

/// `name`'s run of the table as their own PostgreSQL role; `None`: skipped.
fn on_postgres(name: &str, role: Role) -> Option<(String, Outcome)> {
    let (db, url, o) = register(name)?;
    let login = db.login(name);
    let app = open(&as_user(&url, &login), &o.dir, &o.clock);
    assert_eq!(app.login(), Some(login.as_str()), "the connection's role");
    let outcome = check(&app, &o, &login, table(role));
    Some((login, outcome))
}

/// What differs between the refusals' sentences on the two backends.
fn differences(
    name: &str,
    pg: &[(RoleAction, bool, Message)],
    sqlite: &[(RoleAction, bool, Message)],
) -> Vec<String> {
    let words = |m: &Message| m.render(Language::Sv);
    let mut wrong = Vec::new();
    for (action, own, m) in pg {
        match sqlite.iter().find(|(a, o, _)| a == action && o == own) {
            Some((_, _, s)) if s == m => {}
            Some((_, _, s)) => wrong.push(format!(
                "{name} {action:?} (own unit: {own}) says on PostgreSQL «{}» {m:?}, \
                 on SQLite «{}» {s:?}",
                words(m),
                words(s)
            )),
            None => wrong.push(format!(
                "{name} {action:?} (own unit: {own}) refused on PostgreSQL only: «{}»",
                words(m)
            )),
        }
    }
    for (action, own, s) in sqlite {
        if !pg.iter().any(|(a, o, _)| a == action && o == own) {
            wrong.push(format!(
                "{name} {action:?} (own unit: {own}) refused on SQLite only: «{}»",
                words(s)
            ));
        }
    }
    wrong
}

#[test]
fn every_role_is_refused_exactly_what_the_table_refuses_on_postgres_in_the_same_words() {
    let mut runs = Vec::new();
    for (name, role) in PEOPLE {
        let Some(run) = on_postgres(name, role) else {
            return;
        };
        runs.push((name, run));
    }
    let sqlite = on_sqlite();
    let mut wrong = Vec::new();
    for (name, (login, pg)) in runs {
        wrong.extend(pg.wrong);
        let (_, s) = sqlite.iter().find(|(n, _)| *n == name).unwrap();
        assert!(s.wrong.is_empty(), "on SQLite: {}", s.wrong.join("\n"));
        // Every role is refused something (the administratör the archive's
        // work): the comparison compares something.
        assert!(!pg.said.is_empty(), "{login} was refused nothing");
        wrong.extend(differences(&login, &pg.said, &s.said));
    }

    // A login without a role: the register does not open for it (on
    // SQLite it opens and is refused every action, `roles_table.rs`).
    let Some((db, url, o)) = register("okand") else {
        return;
    };
    let okand = db.login("okand");
    connect(&url)
        .batch_execute(&format!("CREATE ROLE {okand} LOGIN"))
        .unwrap();
    let opened = App::open_postgres(
        AppConfig {
            data_dir: o.dir.clone(),
            operator: "Person okand".into(),
        },
        &as_user(&url, &okand),
        o.clock.clone(),
        Arc::new(SequentialIds::default()),
    );
    match opened {
        Err(e) if matches!(e.message(), Message::StorePgNoRole { user } if *user == okand) => {}
        Err(e) => wrong.push(format!("{okand} without a role: refused otherwise: {e:?}")),
        Ok(_) => wrong.push(format!("{okand} without a role opened the register")),
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
