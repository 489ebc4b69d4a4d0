//! `ogonblick migrate --to postgres://…` (issue 15): a local register with
//! boards and units, channels, real captures (complete and failed), a
//! removal record with its screenshot, a mark, a diary number, settings and
//! roles moves into an empty PostgreSQL database; opened with `--database`
//! and the same data folder it reads exactly as the SQLite one did, and the
//! SQLite file is untouched. A database that already holds a register is
//! refused and left as it was. PostgreSQL as in `postgres.rs`.

use std::path::Path;

use ogonblick_app::store::postgres::{Config, NoTls};
use ogonblick_app::store::DB_FILE_NAME;
use ogonblick_testsite::tsa::{free_port, LocalPki};
use ogonblick_testsite::TestSite;
use serde_json::Value;

use super::mark::PNG_1X1;
use super::postgres::fresh_database;
use super::{facebook_args, finish, ogonblick, Run};

/// `ogonblick --data-dir DIR --operator Testare [--database URL] ARGS` as
/// the login `it-stod`; `now` fixes the clock (for `due` and `coverage`).
pub(super) fn at(dir: &Path, database: Option<&str>, now: Option<&str>, args: &[&str]) -> Run {
    let mut cmd = ogonblick();
    cmd.arg("--data-dir")
        .arg(dir)
        .args(["--operator", "Testare"]);
    if let Some(url) = database {
        cmd.args(["--database", url]);
    }
    cmd.args(args)
        .env_remove("OGONBLICK_DATA_DIR")
        .env_remove("OGONBLICK_OPERATOR")
        .env_remove("OGONBLICK_DATABASE")
        .env_remove("LOGNAME")
        .env_remove("USERNAME")
        .env("USER", "it-stod");
    match now {
        Some(t) => cmd.env("OGONBLICK_TEST_NOW", t),
        None => cmd.env_remove("OGONBLICK_TEST_NOW"),
    };
    finish(cmd.output().expect("run ogonblick"))
}

pub(super) fn ok(dir: &Path, database: Option<&str>, args: &[&str]) -> String {
    let r = at(dir, database, None, args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
}

fn json(dir: &Path, database: Option<&str>, args: &[&str]) -> Value {
    let out = ok(dir, database, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
}

const NOW: &str = "2031-03-01T12:00:00Z";

/// What a user sees of the register, every view as JSON.
fn views(dir: &Path, database: Option<&str>) -> Vec<(String, Value)> {
    let lists: &[&[&str]] = &[
        &["channel", "list", "--json"],
        &["history", "--json"],
        &["due", "--json"],
        &["coverage", "--json"],
        &["audit", "--json"],
        &["role", "list", "--json"],
        &["removal", "list", "--json"],
        &["mark", "list", "--json"],
        &["settings", "show", "--json"],
        &["org", "list", "--json"],
        &["removal", "grounds", "--json"],
        &["dispose", "log", "--json"],
        &["retention", "show", "--json"],
        &["hold", "list", "--json"],
    ];
    lists
        .iter()
        .map(|args| {
            let r = at(dir, database, Some(NOW), args);
            assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
            let v: Value = serde_json::from_str(&r.stdout)
                .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", r.stdout));
            (args.join(" "), v)
        })
        .collect()
}

/// A digest of the SQLite register's files (the database and its WAL; a
/// read-only reader may leave an empty WAL where there was none).
fn sqlite_files(dir: &Path) -> Vec<(usize, u64)> {
    use std::hash::{Hash, Hasher};
    ["", "-wal"]
        .iter()
        .map(|s| {
            let bytes = std::fs::read(dir.join(format!("{DB_FILE_NAME}{s}"))).unwrap_or_default();
            let mut h = std::collections::hash_map::DefaultHasher::new();
            bytes.hash(&mut h);
            (bytes.len(), h.finish())
        })
        .collect()
}

/// A local register with something in every table that moves.
fn local_register(d: &Path, site: &TestSite, shot: &Path) -> (String, String) {
    // A time-stamping authority that does not answer: every capture's
    // timestamp stays pending (a row of its own, and the roots in tsa-ca/).
    let pki = LocalPki::create(&d.with_extension("pki"));
    let tsa = format!("http://127.0.0.1:{}/tsa", free_port());
    let ca = pki.ca_pem().display().to_string();
    ok(
        d,
        None,
        &["settings", "set", "--tsa-url", &tsa, "--tsa-ca", &ca],
    );
    ok(d, None, &["org", "board", "add", "Kulturnämnden"]);
    ok(
        d,
        None,
        &["org", "unit", "add", "Kulturnämnden", "Bibliotek"],
    );
    let add = |name: &str, platform: &str, url: &str, extra: &[&str]| {
        let args = [
            &[
                "channel",
                "add",
                "--name",
                name,
                "--platform",
                platform,
                "--url",
                url,
            ][..],
            extra,
        ]
        .concat();
        ok(d, None, &args).trim().to_string()
    };
    let fb = add(
        "Biblioteket",
        "facebook",
        &site.url("/facebook"),
        &["--board", "Kulturnämnden", "--unit", "Bibliotek"],
    );
    let yt = add("Kanalen", "youtube", &site.url("/youtube"), &[]);
    let broken = add("Trasig", "instagram", &site.url("/status/500"), &[]);
    let captured = json(d, None, &["capture", &fb, &yt, "--json"]);
    let snap = captured[0]["snapshot"]["id"].as_str().unwrap().to_string();
    // A failed capture (exit 1) is history too.
    assert_eq!(at(d, None, None, &["capture", &broken]).code, 1);
    ok(d, None, &["settings", "set", "--name", "Nacka kommun"]);
    let removal = json(
        d,
        None,
        &[
            "removal",
            "add",
            "--channel",
            &fb,
            "--url",
            "https://www.facebook.com/biblioteket/posts/1?comment_id=2",
            "--kind",
            "kommentar",
            "--ground",
            "personuppgifter",
            "--file",
            shot.to_str().unwrap(),
            "--json",
        ],
    );
    let held = removal["id"].as_str().unwrap().to_string();
    ok(d, None, &["mark", "set", &held, "--personal-data"]);
    ok(d, None, &["diary", "set", &snap, "--number", "KS 2031/7"]);
    // A second removal record, disposed of under a retention rule (the
    // first is held): the disposal log.
    let removal = |channel: &str, ground: &str| {
        let url = format!("https://www.facebook.com/{channel}/posts/9");
        let args = [
            "removal",
            "add",
            "--channel",
            channel,
            "--url",
            &url,
            "--kind",
            "post",
            "--ground",
            ground,
            "--file",
        ];
        ok(d, None, &[&args[..], &[shot.to_str().unwrap()]].concat())
    };
    removal(&yt, "reklam");
    let rule = [
        "retention",
        "set",
        "--kind",
        "removal",
        "--dispose-after",
        "1y",
        "--decision",
        "KS 2019/233",
    ];
    ok(d, None, &rule);
    ok(
        d,
        None,
        &["hold", "set", &held, "--reason", "Begäran om utlämnande"],
    );
    let r = at(
        d,
        None,
        Some(NOW),
        &[
            "dispose",
            "--confirm",
            "--by",
            "Arkivarie Anna",
            "--decision",
            "Protokoll 2031:1",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The first roles (it-stod becomes the administrator) come last: with
    // roles, it-stod may no longer record removed content.
    ok(
        d,
        None,
        &[
            "role",
            "set",
            "anna",
            "--role",
            "handlaggare",
            "--unit",
            "Bibliotek",
        ],
    );
    ok(
        d,
        None,
        &[
            "role",
            "set",
            "it-stod",
            "--role",
            "administrator",
            "--role",
            "arkivarie",
            "--role",
            "handlaggare",
            "--unit",
            "Bibliotek",
        ],
    );
    (fb, snap)
}

#[test]
fn a_local_register_moves_into_postgres_whole_and_reads_the_same() {
    let Some((db, url)) = fresh_database("migrate") else {
        return;
    };
    // The move makes its people's PostgreSQL roles, by their own names.
    db.adopt_logins(&["anna", "it-stod"]);
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let shot = tmp.path().join("skärmbild.png");
    std::fs::write(&shot, PNG_1X1).unwrap();
    let (fb, _) = local_register(&d, &site, &shot);
    let before = views(&d, None);
    let files = sqlite_files(&d);

    // The database has the schema and a register id already (a desktop
    // opened it with an empty folder): still no register, so it is taken.
    let elsewhere = tmp.path().join("elsewhere");
    ok(&elsewhere, Some(&url), &["channel", "list"]);

    let report = json(&d, None, &["migrate", "--to", &url, "--json"]);
    let rows = |table: &str| {
        report["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["table"] == table)
            .unwrap_or_else(|| panic!("{table}: {report}"))["rows"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(rows("channels"), 3, "{report}");
    assert_eq!(rows("snapshots"), 3, "{report}");
    assert_eq!(rows("removals"), 1, "{report}");
    assert_eq!(rows("disposal_log"), 1, "{report}");
    assert_eq!(rows("snapshot_timestamps"), 3, "{report}");
    assert_eq!(rows("marks"), 1, "{report}");
    assert_eq!(rows("boards"), 1, "{report}");
    assert!(rows("roles") >= 2, "{report}");
    // Each person's PostgreSQL role is in the group roles of their roles.
    let mut db = url.parse::<Config>().unwrap().connect(NoTls).unwrap();
    let groups: Vec<String> = db
        .query_one("SELECT ogonblick_groups('anna')", &[])
        .unwrap()
        .get(0);
    assert_eq!(groups, ["handlaggare"]);
    assert!(rows("audit_log") >= 10, "{report}");
    assert_eq!(report["snapshots_checked"], 3, "{report}");
    assert!(report["files_checked"].as_u64().unwrap() >= 2, "{report}");
    // The SQLite register is never written.
    assert_eq!(sqlite_files(&d), files);

    // The same data folder with the shared register reads the same.
    // On PostgreSQL the person is the connection's role: it-stod's, which
    // the move made (a LOGIN role in the group roles of its roles).
    let as_it = url.replacen("postgres@", "it-stod@", 1);
    assert_ne!(as_it, url);
    let after = views(&d, Some(&as_it));
    for ((view, was), (_, is)) in before.iter().zip(&after) {
        assert_eq!(was, is, "{view} differs after the move");
    }
    // The sequences continue past the copied ids, and the moved snapshots'
    // folders are the register's (reindex finds nothing missing).
    let id = ok(
        &d,
        Some(&as_it),
        &facebook_args("Ny", "https://www.facebook.com/ny", &[]),
    );
    assert_eq!(id.trim(), "4");
    let audit = json(&d, Some(&as_it), &["audit", "--json"]);
    let seqs: Vec<i64> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["seq"].as_i64().unwrap())
        .collect();
    let mut sorted = seqs.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), seqs.len(), "{seqs:?}");
    let reindex = json(&d, Some(&as_it), &["reindex", "--json"]);
    assert_eq!(reindex["warnings"], serde_json::json!([]), "{reindex}");
    assert_eq!(reindex["snapshots"], 3, "{reindex}");
    // A capture on the shared register lands beside the moved ones.
    let again = json(&d, Some(&as_it), &["capture", &fb, "--json"]);
    assert_eq!(again[0]["snapshot"]["status"], "complete", "{again}");
    let history = json(&d, Some(&as_it), &["history", "--json"]);
    assert_eq!(history.as_array().unwrap().len(), 4, "{history}");

    // Moved once: the folder is the shared register's now.
    let r = at(&d, None, None, &["migrate", "--to", &url]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stderr.contains("ogonblick-register.json"), "{}", r.stderr);
}

#[test]
fn a_database_holding_a_register_is_refused_and_left_as_it_was() {
    let Some((_db, url)) = fresh_database("migrate_refused") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let shared = tmp.path().join("shared");
    let d = tmp.path().join("data");
    let add = |dir: &Path, database: Option<&str>, name: &str| {
        let url = format!("https://www.facebook.com/{}", name.to_lowercase());
        ok(dir, database, &facebook_args(name, &url, &[]))
    };
    add(&shared, Some(&url), "Delad");
    add(&d, None, "Lokal");
    let target = views(&shared, Some(&url));
    let files = sqlite_files(&d);

    let mut cmd = ogonblick();
    cmd.env("LANG", "sv_SE.UTF-8")
        .env_remove("OGONBLICK_DATABASE")
        .arg("--data-dir")
        .arg(&d)
        .args(["migrate", "--to", &url]);
    let r = finish(cmd.output().unwrap());
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", r.stderr);
    assert!(
        lines[0].starts_with("fel: Databasen")
            && lines[0].contains("innehåller redan ett register"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("channels (1)"), "{}", lines[0]);

    // Nothing changed: the target, the local register, the folder.
    assert_eq!(views(&shared, Some(&url)), target);
    assert_eq!(sqlite_files(&d), files);
    assert!(!d.join("ogonblick-register.json").exists());
    let mut db = url.parse::<Config>().unwrap().connect(NoTls).unwrap();
    let n: i64 = db
        .query_one("SELECT count(*) FROM channels", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 1);
}

#[test]
fn a_snapshot_file_that_does_not_hash_as_recorded_stops_the_move_and_nothing_is_kept() {
    let Some((_db, url)) = fresh_database("migrate_damaged") else {
        return;
    };
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let page = site.url("/facebook");
    let id = ok(&d, None, &facebook_args("Biblioteket", &page, &[]));
    let captured = json(&d, None, &["capture", id.trim(), "--json"]);
    let snapshot = &captured[0]["snapshot"];
    let file = snapshot["pages"][0]["files"][0]["path"].as_str().unwrap();
    let folder = d
        .join("channels")
        .join(id.trim())
        .join("snapshots")
        .join(snapshot["id"].as_str().unwrap());
    let mut bytes = std::fs::read(folder.join(file)).unwrap();
    bytes[0] ^= 0xff;
    std::fs::write(folder.join(file), bytes).unwrap();

    let r = at(&d, None, None, &["migrate", "--to", &url]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(
        r.stderr.contains(snapshot["id"].as_str().unwrap()) && r.stderr.contains(file),
        "{}",
        r.stderr
    );
    // One transaction: not even the schema was kept, and no marker written.
    let mut db = url.parse::<Config>().unwrap().connect(NoTls).unwrap();
    let schema: Option<String> = db
        .query_one("SELECT to_regclass('channels')::text", &[])
        .unwrap()
        .get(0);
    assert_eq!(schema, None);
    assert!(!d.join("ogonblick-register.json").exists());
}
