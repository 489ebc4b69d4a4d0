//! `ogonblick migrate` and the local register around it (issue 15's
//! review): a data folder whose register moved to PostgreSQL is refused
//! when opened without that database, with a sentence naming it and saying
//! what to do, so that the local register is not written beside the shared
//! one; and the move is refused while another process is at work with the
//! local register (here a lock file a process holds, as a capture's
//! staging folder has), and goes through once it is done.

use std::path::PathBuf;

use ogonblick_app::store::fsutil::LockFile;

use super::facebook_args;
use super::migrate::{at, ok};
use super::postgres::{fresh_database, TestDatabase};

/// A fresh database (dropped with its guard) and a local register of one
/// channel in `data` of a temporary folder (kept while the guard lives);
/// `None`: skipped.
fn given(test: &str) -> Option<(TestDatabase, String, tempfile::TempDir, PathBuf)> {
    let (db, url) = fresh_database(test)?;
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let lokal = facebook_args("Lokal", "https://www.facebook.com/lokal", &[]);
    ok(&d, None, &lokal);
    Some((db, url, tmp, d))
}

#[test]
fn a_moved_folder_opened_without_its_database_is_refused_naming_it() {
    let Some((_db, url, _tmp, d)) = given("migrate_moved") else {
        return;
    };
    ok(&d, None, &["migrate", "--to", &url]);

    // The database as each person names it: without the mover's user.
    let database = url.replacen("postgres@", "", 1);
    for args in [&["history"][..], &["channel", "list"], &["reindex"]] {
        let r = at(&d, None, None, args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stdout);
        assert!(
            r.stderr.contains(&format!("({database})")) && r.stderr.contains("--database"),
            "{args:?}: {}",
            r.stderr
        );
    }
    // With it, the folder opens.
    let listed = ok(&d, Some(&url), &["channel", "list"]);
    assert!(listed.contains("Lokal"), "{listed}");
}

#[test]
fn a_move_while_another_process_works_with_the_register_is_refused() {
    let Some((_db, url, _tmp, d)) = given("migrate_busy") else {
        return;
    };
    // Another process's capture writing its staging folder.
    let held = LockFile::try_acquire(&d.join("staging").join("s-1.lock"))
        .unwrap()
        .unwrap();
    let r = at(&d, None, None, &["migrate", "--to", &url]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stderr.contains("staging/s-1.lock"), "{}", r.stderr);
    assert!(!d.join("ogonblick-register.json").exists());
    // The local register still opens and nothing moved.
    ok(&d, None, &["channel", "list"]);
    let mut db = url
        .parse::<ogonblick_app::store::postgres::Config>()
        .unwrap()
        .connect(ogonblick_app::store::postgres::NoTls)
        .unwrap();
    let schema: Option<String> = db
        .query_one("SELECT to_regclass('channels')::text", &[])
        .unwrap()
        .get(0);
    assert_eq!(schema, None);

    // Done: it moves.
    drop(held);
    ok(&d, None, &["migrate", "--to", &url]);
    assert!(d.join("ogonblick-register.json").exists());
}

#[test]
fn a_move_while_another_process_has_the_register_open_is_refused() {
    let Some((_db, url, _tmp, d)) = given("migrate_open") else {
        return;
    };
    // A desktop with the local register open (this test's process), idle:
    // no capture, no lock file, no write under way.
    let clock = std::sync::Arc::new(ogonblick_model::FixedClock::new(
        chrono::DateTime::parse_from_rfc3339("2026-09-01T08:00:00Z")
            .unwrap()
            .into(),
    ));
    let desktop = ogonblick_app::store::Store::open(&d, clock).unwrap();
    let r = at(&d, None, None, &["--lang", "sv", "migrate", "--to", &url]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stderr
            .contains("Ögonblick har det öppet i en annan process")
            && r.stderr
                .contains("Stäng Ögonblick på de andra datorerna först"),
        "{}",
        r.stderr
    );
    assert!(!d.join("ogonblick-register.json").exists());
    // Others may open it beside the desktop meanwhile.
    ok(&d, None, &["channel", "list"]);

    // The desktop closed: it moves, and the desktop's next open is refused.
    drop(desktop);
    ok(&d, None, &["migrate", "--to", &url]);
    assert!(d.join("ogonblick-register.json").exists());
    let clock = std::sync::Arc::new(ogonblick_model::FixedClock::new(chrono::Utc::now()));
    assert!(ogonblick_app::store::Store::open(&d, clock).is_err());
}
