//! `--database postgres://…` (h-app1): two CLI processes (two desktops)
//! sharing one register on PostgreSQL and one data directory for the
//! snapshot files, the flag or `OGONBLICK_DATABASE`, and the refusals of a
//! bad address, an unreachable server and a newer schema, in Swedish by
//! default. PostgreSQL: `OGONBLICK_TEST_POSTGRES` names a server
//! (`scripts/test-postgres.sh`); each test makes a database of its own. Without
//! it the tests skip, saying so (and fail under CI).

use std::path::Path;

use ogonblick_app::store::postgres::{Config, NoTls};
use ogonblick_testsite::TestSite;
use serde_json::Value;

use super::{finish, ogonblick, Run};

#[path = "../../../app/tests/it/pg_database.rs"]
mod pg_database;
pub(crate) use pg_database::TestDatabase;

/// A fresh database on the test server: the guard that drops it when the
/// test ends (the app's `pg_database.rs`) and its URL, or `None` (skipped).
pub(crate) fn fresh_database(test: &str) -> Option<(TestDatabase, String)> {
    TestDatabase::create("ogonblick_cli", test, "")
}

/// `ogonblick --data-dir DIR --operator WHO --database URL ARGS`.
pub(crate) fn desktop(dir: &Path, who: &str, url: &str, args: &[&str]) -> Run {
    let mut cmd = in_folder(dir, who);
    cmd.args(["--database", url]).args(args);
    finish(cmd.output().expect("run ogonblick"))
}

/// `ogonblick --data-dir DIR --operator WHO`, none of the tester's
/// `OGONBLICK_*` settings.
fn in_folder(dir: &Path, who: &str) -> std::process::Command {
    let mut cmd = ogonblick();
    cmd.arg("--data-dir").arg(dir).args(["--operator", who]);
    cmd.env_remove("OGONBLICK_DATA_DIR")
        .env_remove("OGONBLICK_OPERATOR")
        .env_remove("OGONBLICK_DATABASE");
    cmd
}

/// `channel add` of "Nacka" at `address` by anna.
fn add_nacka(dir: &Path, url: &str, address: &str) -> Run {
    let args = [
        "channel",
        "add",
        "--name",
        "Nacka",
        "--platform",
        "facebook",
    ];
    desktop(dir, "anna", url, &[&args[..], &["--url", address]].concat())
}

fn ok_json(dir: &Path, who: &str, url: &str, args: &[&str]) -> Value {
    let r = desktop(dir, who, url, args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {}", r.stdout))
}

#[test]
fn a_channel_added_on_one_desktop_is_listed_on_the_other() {
    let Some((_db, url)) = fresh_database("channels") else {
        return;
    };
    let shared = tempfile::tempdir().unwrap();
    let r = add_nacka(shared.path(), &url, "not an address");
    // A bad address is refused by the shared register.
    assert_eq!(r.code, 1, "{}", r.stderr);
    let r = add_nacka(shared.path(), &url, "https://facebook.com/nacka");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let id: i64 = r.stdout.trim().parse().unwrap();

    // The other desktop, given the register by OGONBLICK_DATABASE.
    let mut cmd = ogonblick();
    cmd.arg("--data-dir").arg(shared.path());
    cmd.args(["--operator", "bo", "channel", "list", "--json"]);
    cmd.env("OGONBLICK_DATABASE", &url);
    let r = finish(cmd.output().unwrap());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let list: Value = serde_json::from_str(&r.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["channel"]["id"], id);
    assert_eq!(list[0]["channel"]["name"], "Nacka");
    // The register is the database: no SQLite file in the shared folder.
    assert!(!shared
        .path()
        .join(ogonblick_app::store::DB_FILE_NAME)
        .exists());
    let audit = ok_json(shared.path(), "bo", &url, &["audit", "--json"]);
    let actors: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["actor"].as_str().unwrap())
        .collect();
    assert_eq!(actors, ["anna"]);
}

#[test]
fn a_capture_by_one_desktop_is_in_the_others_history() {
    let Some((_db, url)) = fresh_database("capture") else {
        return;
    };
    let site = TestSite::start().unwrap();
    let shared = tempfile::tempdir().unwrap();
    let fb = site.url("/facebook");
    let r = add_nacka(shared.path(), &url, &fb);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let id = r.stdout.trim().to_string();
    let results = ok_json(shared.path(), "anna", &url, &["capture", &id, "--json"]);
    let snapshot = &results[0]["snapshot"];
    assert_eq!(snapshot["status"], "complete");

    let history = ok_json(shared.path(), "bo", &url, &["history", "--json"]);
    let history = history.as_array().unwrap();
    assert_eq!(history.len(), 1, "{history:?}");
    assert_eq!(history[0]["id"], snapshot["id"]);
    let folder = shared
        .path()
        .join("channels")
        .join(&id)
        .join("snapshots")
        .join(snapshot["id"].as_str().unwrap());
    assert!(folder.join("snapshot.json").is_file());
    // reindex checks the shared folder against the register: nothing to
    // record, nothing missing, nothing rebuilt.
    let r = ok_json(shared.path(), "bo", &url, &["reindex", "--json"]);
    assert_eq!(r["snapshots"], 1, "{r}");
    assert_eq!(r["warnings"], serde_json::json!([]), "{r}");
    // The row is in the shared database, not in a SQLite file of the folder.
    let mut db = url.parse::<Config>().unwrap().connect(NoTls).unwrap();
    let rows = db.query_one("SELECT count(*) FROM snapshots", &[]).unwrap();
    assert_eq!(rows.get::<_, i64>(0), 1);
    assert!(!shared
        .path()
        .join(ogonblick_app::store::DB_FILE_NAME)
        .exists());
}

/// A refusal in Swedish (no `--lang`): exit 1, one line `fel: …`.
fn swedish_refusal(r: Run) -> String {
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{:?}", r.stderr);
    assert!(lines[0].starts_with("fel: "), "{}", lines[0]);
    lines[0].to_string()
}

fn swedish(dir: &Path, url: &str) -> Run {
    let mut cmd = ogonblick();
    cmd.env("LANG", "sv_SE.UTF-8");
    cmd.arg("--data-dir").arg(dir).args(["--database", url]);
    cmd.args(["channel", "list"]);
    cmd.env_remove("OGONBLICK_DATABASE");
    finish(cmd.output().unwrap())
}

#[test]
fn a_bad_address_an_unreachable_server_and_a_newer_schema_are_refused_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let line = swedish_refusal(swedish(dir.path(), "postgres://anna@db:notaport/ogonblick"));
    assert!(
        line.contains("Adressen till förteckningen i PostgreSQL är inte giltig"),
        "{line}"
    );
    let line = swedish_refusal(swedish(
        dir.path(),
        "postgres://anna:hemligt@127.0.0.1:1/ogonblick",
    ));
    assert!(
        line.contains("Kan inte ansluta till förteckningen i PostgreSQL"),
        "{line}"
    );
    assert!(line.contains("anna@127.0.0.1:1/ogonblick"), "{line}");
    assert!(!line.contains("hemligt"), "{line}");

    let Some((_db, url)) = fresh_database("schema") else {
        return;
    };
    assert_eq!(swedish(dir.path(), &url).code, 0);
    let config: Config = url.parse().unwrap();
    let mut c = config.connect(NoTls).unwrap();
    c.batch_execute("UPDATE ogonblick_schema SET version = 999")
        .unwrap();
    let line = swedish_refusal(swedish(dir.path(), &url));
    assert!(line.contains("schemaversion 999"), "{line}");
}

/// The address the desktop saved (Inställningar → Delat register) is the
/// CLI's register too when neither `--database` nor `OGONBLICK_DATABASE`
/// is given (the order itself: `crates/app/tests/it/shared_register.rs`).
#[test]
fn the_desktops_saved_address_opens_the_shared_register() {
    let Some((_db, url)) = fresh_database("saved") else {
        return;
    };
    let shared = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    std::fs::write(
        config.path().join("shared-register.json"),
        serde_json::json!({ "database": url }).to_string(),
    )
    .unwrap();
    let saved = |args: &[&str]| {
        let mut cmd = in_folder(shared.path(), "anna");
        cmd.args(args).env("OGONBLICK_CONFIG_DIR", config.path());
        finish(cmd.output().expect("run ogonblick"))
    };
    let r = saved(&[
        "channel",
        "add",
        "--name",
        "Nacka",
        "--platform",
        "facebook",
        "--url",
        "https://www.facebook.com/nacka",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // On the shared register, not in a SQLite file in the data directory.
    assert!(!shared
        .path()
        .join(ogonblick_app::store::DB_FILE_NAME)
        .exists());
    let listed = ok_json(shared.path(), "bo", &url, &["channel", "list", "--json"]);
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    let r = saved(&["channel", "list", "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let seen: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(seen, listed);
}
