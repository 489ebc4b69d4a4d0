//! `ogonblick role set` on a shared register (h-pgroles, issue 15): the
//! person is the connection's PostgreSQL role, not `$USER` nor
//! `--operator`; `role set` grants that login its group role and a second
//! `role set` revokes the old one; a person who may not is refused, the
//! refusal audited. PostgreSQL as in `postgres.rs` (skipped without it).

use ogonblick_app::store::postgres::{Client, Config, NoTls};

use super::postgres::{desktop, fresh_database};

/// The roles whose group role `user` is a member of (`ogonblick_groups`).
fn groups(c: &mut Client, user: &str) -> Vec<String> {
    c.query_one("SELECT ogonblick_groups($1)", &[&user])
        .unwrap()
        .get(0)
}

#[test]
fn role_set_on_postgres_grants_the_connections_people_their_group_roles() {
    let Some((db, url)) = fresh_database("pg_role_set") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let hanna = db.login("hanna");
    let set = |url: &str, args: &[&str]| desktop(dir.path(), "Operatören", url, args);

    let r = set(
        &url,
        &[
            "role",
            "set",
            &hanna,
            "--role",
            "handlaggare",
            "--unit",
            "Fritid",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The first administrator is the connection's role, not $USER.
    let list: serde_json::Value =
        serde_json::from_str(&set(&url, &["role", "list", "--json"]).stdout).unwrap();
    let logins: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["login"].as_str().unwrap())
        .collect();
    assert_eq!(logins, [hanna.as_str(), "postgres"]);
    let mut sql = url.parse::<Config>().unwrap().connect(NoTls).unwrap();
    assert_eq!(groups(&mut sql, &hanna), ["handlaggare"]);

    let r = set(&url, &["role", "set", &hanna, "--role", "chef"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(groups(&mut sql, &hanna), ["chef"]);

    // Hanna, a chef, may not set roles, whatever --operator says.
    let as_hanna = url.replacen("postgres@", &format!("{hanna}@"), 1);
    let r = set(
        &as_hanna,
        &["role", "set", &hanna, "--role", "administrator"],
    );
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains(&hanna), "{}", r.stderr);
    assert_eq!(groups(&mut sql, &hanna), ["chef"]);
    let refused: i64 = sql
        .query_one(
            "SELECT count(*) FROM audit_log
             WHERE action = 'access.refused' AND strpos(event::TEXT, $1) > 0",
            &[&hanna],
        )
        .unwrap()
        .get(0);
    assert_eq!(refused, 1);

    let r = set(&url, &["role", "remove", &hanna]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(groups(&mut sql, &hanna).is_empty());
}
