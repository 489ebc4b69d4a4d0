//! A test's own database on the PostgreSQL test server
//! (`OGONBLICK_TEST_POSTGRES`, `scripts/test-postgres.sh`), shared by the
//! app's and the CLI's tests (the CLI's include this file). A test keeps
//! the guard for its whole body; when it ends, the guard drops what the
//! test left on the server, as `tests/e2e/postgres.mjs` and the store's
//! conformance backends do: the database (`WITH (FORCE)`), the register's
//! group roles (those whose comment is `ogonblick: <database>`, migration
//! 0007: never another register's), and the login roles the test named
//! through [`TestDatabase::login`] or [`TestDatabase::adopt_logins`]. Role
//! names are cluster-wide, so nothing else is dropped: a README reader's
//! own server keeps its roles.
//!
//! A cleanup that fails after a test that passed fails the test, naming
//! what was left; after a test that failed (the thread is panicking) it is
//! only printed, so that the test's own panic is the one reported.

use std::sync::Mutex;

use ogonblick_app::store::postgres::{Config, NoTls};

pub struct TestDatabase {
    server: Config,
    name: String,
    /// The test's tag (in its login names).
    test: String,
    /// The login roles to drop at the end.
    logins: Mutex<Vec<String>>,
}

impl TestDatabase {
    /// A fresh database `<prefix>_<pid>_<test>`, made with `options` after
    /// `CREATE DATABASE name`: the guard and its URL, or `None` (skipped,
    /// saying so) without a test server (under CI that fails).
    pub fn create(prefix: &str, test: &str, options: &str) -> Option<(TestDatabase, String)> {
        let Some(url) = std::env::var("OGONBLICK_TEST_POSTGRES")
            .ok()
            .filter(|u| !u.is_empty())
        else {
            assert!(
                std::env::var_os("CI").is_none(),
                "OGONBLICK_TEST_POSTGRES is not set under CI"
            );
            eprintln!("SKIPPED {test}: OGONBLICK_TEST_POSTGRES is not set");
            return None;
        };
        let server: Config = url.parse().expect("a postgres:// URL");
        let name = format!("{prefix}_{}_{test}", std::process::id());
        let mut admin = server.connect(NoTls).expect("connect to the test server");
        for sql in [
            format!("DROP DATABASE IF EXISTS {name}"),
            format!("CREATE DATABASE {name} {options}"),
        ] {
            admin.batch_execute(&sql).expect("create the test database");
        }
        let base = url.rsplit_once('/').expect("a database in the URL").0;
        let url = format!("{base}/{name}");
        let db = TestDatabase {
            server,
            name,
            test: test.to_string(),
            logins: Mutex::new(Vec::new()),
        };
        Some((db, url))
    }

    /// A login role name of this test (`<name>_<pid>_<test>`: role names
    /// are cluster-wide), dropped when the test ends.
    pub fn login(&self, name: &str) -> String {
        let login = format!("{name}_{}_{}", std::process::id(), self.test);
        self.keep(&login);
        login
    }

    /// Logins the test creates under names of their own (a moved register's
    /// people): those the server does not have yet are dropped when the test
    /// ends; one it has already is left alone.
    #[allow(dead_code)] // the CLI's `migrate` only
    pub fn adopt_logins(&self, names: &[&str]) {
        let mut admin = self
            .server
            .connect(NoTls)
            .expect("connect to the test server");
        for name in names {
            let there = admin
                .query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[name])
                .expect("look up a role");
            if there.is_none() {
                self.keep(name);
            }
        }
    }

    fn keep(&self, login: &str) {
        let mut logins = self.logins.lock().unwrap_or_else(|e| e.into_inner());
        if !logins.iter().any(|l| l == login) {
            logins.push(login.to_string());
        }
    }

    /// Drops the database, its group roles and the test's logins: what
    /// failed, in words.
    fn remove(&self) -> Vec<String> {
        let mut admin = match self.server.connect(NoTls) {
            Ok(c) => c,
            Err(e) => return vec![format!("connect to the test server: {}", said(&e))],
        };
        let mut failed = Vec::new();
        // Named as `create` named it (unquoted).
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        if let Err(e) = admin.batch_execute(&sql) {
            failed.push(format!("the database: {}", said(&e)));
        }
        // After the database: its grants to the group roles went with it.
        let groups = admin.query(
            "SELECT rolname::TEXT FROM pg_roles
             WHERE shobj_description(oid, 'pg_authid') = $1",
            &[&format!("ogonblick: {}", self.name)],
        );
        let groups: Vec<String> = match groups {
            Ok(rows) => rows.iter().map(|r| r.get(0)).collect(),
            Err(e) => {
                failed.push(format!("the group roles: {}", said(&e)));
                Vec::new()
            }
        };
        let logins = self
            .logins
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        for role in groups.iter().chain(&logins) {
            let sql = format!("DROP ROLE IF EXISTS {}", ident(role));
            if let Err(e) = admin.batch_execute(&sql) {
                failed.push(format!("the role {role}: {}", said(&e)));
            }
        }
        failed
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let failed = self.remove();
        if failed.is_empty() {
            return;
        }
        let said = format!(
            "the test database {} was not cleaned up: {}",
            self.name,
            failed.join("; ")
        );
        if std::thread::panicking() {
            eprintln!("{said}");
        } else {
            panic!("{said}");
        }
    }
}

/// `name` as an SQL identifier.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The server's words for `e` (its `Display` says only "db error").
fn said(e: &ogonblick_app::store::postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{} ({})", db.message(), db.code().code()),
        None => e.to_string(),
    }
}
