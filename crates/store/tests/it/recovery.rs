//! What the next open finishes after a process was killed or the register
//! was busy or full: the promises of ARCHITECTURE.md's invariants.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use ogonblick_model::{ChannelPatch, Snapshot};
use ogonblick_store::rusqlite::Connection;
use ogonblick_store::{Store, DB_FILE_NAME};

use crate::common::{commit_real_snapshot, new_channel, open, t0};

fn write_csv(dir: &std::path::Path, rows: usize) -> std::path::PathBuf {
    let mut text = String::from("name;platform;urls;board\n");
    for i in 0..rows {
        text.push_str(&format!(
            "Kanal {i};facebook;https://facebook.com/k{i};Nämnd {}\n",
            i % 3
        ));
    }
    let p = dir.join("kanaler.csv");
    std::fs::write(&p, text).unwrap();
    p
}

fn set_files(data: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(data.join("imports"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn an_import_is_one_set_file_and_a_rebuild_from_the_files_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (store, _) = open(&data);
    store
        .add_channel(&new_channel("Före", &["https://före.se"]), "t")
        .unwrap();
    let csv = write_csv(dir.path(), 40);
    let imported = store.import_register(&csv, "Åsa").unwrap().imported;
    assert_eq!(imported.len(), 40);
    assert_eq!(set_files(&data), ["2-41.json"]);
    // A change afterwards writes the channel's own file, which wins.
    let edited = store
        .edit_channel(
            7,
            &ChannelPatch {
                unit: Some("Ny enhet".into()),
                ..Default::default()
            },
            "t",
        )
        .unwrap();
    let before = store.channels().unwrap();
    drop(store);
    std::fs::remove_file(data.join(DB_FILE_NAME)).unwrap();
    let report = Store::rebuild(&data).unwrap();
    assert_eq!(report.channels, 41, "{:?}", report.warnings);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let (store, _) = open(&data);
    assert_eq!(store.channels().unwrap(), before);
    assert_eq!(store.channel(7).unwrap(), edited);
    // Ids continue after the set, also when the database is lost and not
    // rebuilt.
    drop(store);
    std::fs::remove_file(data.join(DB_FILE_NAME)).unwrap();
    let (store, _) = open(&data);
    let c = store
        .add_channel(&new_channel("Efter", &["https://efter.se"]), "t")
        .unwrap();
    assert_eq!(c.id, 42);
}

#[test]
fn an_import_killed_between_its_commit_and_its_file_is_completed_by_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (store, _) = open(&data);
    let csv = write_csv(dir.path(), 25);
    store.import_register(&csv, "Åsa").unwrap();
    let before = store.channels().unwrap();
    drop(store);
    // The state a kill right after the commit leaves: the rows, no file.
    std::fs::remove_file(data.join("imports/1-25.json")).unwrap();
    std::fs::write(data.join("imports/1-25.lock"), "").unwrap();
    std::fs::write(data.join("imports/.1-25.json.tmp-999-0"), "{\"form").unwrap();

    let (store, _) = open(&data);
    assert_eq!(
        set_files(&data),
        ["1-25.json"],
        "the lock and the temporary go"
    );
    drop(store);
    let report = Store::rebuild(&data).unwrap();
    assert_eq!(report.channels, 25, "{:?}", report.warnings);
    let (store, _) = open(&data);
    assert_eq!(store.channels().unwrap(), before);
}

#[test]
fn an_import_that_did_not_commit_leaves_nothing_a_rebuild_could_find() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (store, _) = open(&data);
    store
        .add_channel(&new_channel("Finns", &["https://finns.se"]), "t")
        .unwrap();
    // Another program holds the write lock: the import cannot commit.
    let other = Connection::open(data.join(DB_FILE_NAME)).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let csv = write_csv(dir.path(), 10);
    let t = Instant::now();
    assert!(store.import_register(&csv, "Åsa").is_err());
    assert!(t.elapsed() < Duration::from_secs(30));
    other.execute_batch("ROLLBACK").unwrap();
    drop(other);
    assert_eq!(store.channels().unwrap().len(), 1);
    drop(store);
    let report = Store::rebuild(&data).unwrap();
    assert_eq!(report.channels, 1);
    assert!(!data.join("imports").exists() || set_files(&data).is_empty());
}

/// A channel with two snapshots in `data`, the second's row deleted (its
/// folder stays): the channel, the first and the second.
fn second_snapshot_without_its_row(
    data: &std::path::Path,
) -> (ogonblick_model::Channel, Snapshot, Snapshot) {
    let (store, _) = open(data);
    let c = store
        .add_channel(&new_channel("K", &["https://a.se/k"]), "t")
        .unwrap();
    let kept = commit_real_snapshot(&store, c.id, "s-1", &c.urls, t0());
    let lost = commit_real_snapshot(
        &store,
        c.id,
        "s-2",
        &c.urls,
        t0() + chrono::Duration::days(1),
    );
    drop(store);
    let conn = Connection::open(data.join(DB_FILE_NAME)).unwrap();
    conn.execute("DELETE FROM snapshots WHERE id = 's-2'", [])
        .unwrap();
    (c, kept, lost)
}

/// A snapshot folder that was renamed into place but whose row never made
/// it (a kill, or a register that stayed busy).
#[test]
fn a_snapshot_folder_without_its_row_is_recorded_by_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let (c, kept, lost) = second_snapshot_without_its_row(dir.path());

    let (store, _) = open(dir.path());
    assert_eq!(
        store.snapshots(Some(c.id)).unwrap(),
        vec![kept, lost.clone()]
    );
    let (s, folder) = store.snapshot("s-2").unwrap();
    assert_eq!(s, lost);
    assert_eq!(folder, dir.path().join("channels/1/snapshots/s-2"));
    let log = store.audit_log(Some(c.id)).unwrap();
    assert!(
        log.last().unwrap().action == "snapshot.commit"
            && log.last().unwrap().detail.contains("s-2"),
        "{log:?}"
    );
    // Recorded once: the next open finds nothing to do.
    drop(store);
    let (store, _) = open(dir.path());
    assert_eq!(store.snapshots(None).unwrap().len(), 2);
    assert_eq!(store.audit_log(Some(c.id)).unwrap().len(), log.len());
}

#[test]
fn a_busy_register_delays_the_snapshot_row_instead_of_losing_it() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    let c = store
        .add_channel(&new_channel("K", &["https://a.se/k"]), "t")
        .unwrap();
    // Another program holds the write lock longer than one busy timeout
    // (10 s), as a long import did.
    let (held, release) = mpsc::channel::<()>();
    let path = dir.path().join(DB_FILE_NAME);
    let holder = std::thread::spawn(move || {
        let conn = Connection::open(path).unwrap();
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        held.send(()).unwrap();
        std::thread::sleep(Duration::from_secs(12));
        conn.execute_batch("COMMIT").unwrap();
    });
    release.recv().unwrap();
    let t = Instant::now();
    let snap = commit_real_snapshot(&store, c.id, "s-1", &c.urls, t0());
    assert!(t.elapsed() >= Duration::from_secs(10), "it waited");
    holder.join().unwrap();
    assert_eq!(store.snapshots(Some(c.id)).unwrap(), vec![snap]);
}

#[test]
fn opening_again_and_again_records_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    for i in 0..3 {
        let c = store
            .add_channel(
                &new_channel(&format!("K{i}"), &[&format!("https://a.se/{i}")]),
                "t",
            )
            .unwrap();
        for s in 0..4 {
            commit_real_snapshot(
                &store,
                c.id,
                &format!("s-{i}-{s}"),
                &c.urls,
                t0() + chrono::Duration::days(s),
            );
        }
    }
    let log = store.audit_log(None).unwrap();
    drop(store);
    for _ in 0..3 {
        let (store, _) = open(dir.path());
        assert_eq!(store.snapshots(None).unwrap().len(), 12);
        assert_eq!(store.audit_log(None).unwrap(), log);
    }
}

/// A rebuild swaps a new database file in: a process that still had the old
/// one open would go on writing to it, and its writes would be lost.
#[test]
fn a_rebuild_is_refused_while_another_has_the_register_open() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (mine, _) = open(&data);
    let (other, _) = open(&data);
    let refused = |r: Result<ogonblick_store::ReindexReport, ogonblick_store::StoreError>| {
        let e = r.expect_err("refused while another opener holds the register");
        assert!(
            matches!(&e, ogonblick_store::StoreError::Conflict(m)
                if matches!(m, ogonblick_model::Message::StoreReindexOpen { .. })),
            "{e:?}"
        );
    };
    refused(mine.reindex());
    refused(Store::rebuild(&data));
    // The refused reindex gave its own shared lock back: a rebuild is still
    // refused while `mine` is open, and a move could not slip in meanwhile.
    drop(other);
    mine.reindex().expect("alone now: the reindex runs");
    refused(Store::rebuild(&data));
    drop(mine);
    Store::rebuild(&data).expect("no opener left: the rebuild runs");
    // And an opener after the reindex still shares the lock with others.
    let (a, _) = open(&data);
    let (_b, _) = open(&data);
    refused(a.reindex());
}

/// An open that meets a move or a rebuild holding the register alone waits
/// for it, but not for ever: after its limit it is refused with a sentence
/// that says what goes on, and it opens as soon as the holder lets go.
#[test]
fn an_open_waits_for_a_move_at_most_its_limit() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    drop(open(&data));
    // As `migrate` and a rebuild hold it: the open lock alone.
    let mover = std::fs::OpenOptions::new()
        .write(true)
        .open(data.join(ogonblick_store::OPEN_LOCK_FILE))
        .unwrap();
    mover.lock().unwrap();
    let clock = std::sync::Arc::new(ogonblick_model::FixedClock::new(t0()));
    let started = Instant::now();
    let Err(e) = Store::open_waiting(&data, clock.clone(), Duration::from_millis(300)) else {
        panic!("opened while the move holds the register");
    };
    assert!(started.elapsed() >= Duration::from_millis(300), "it waited");
    assert!(
        matches!(&e, ogonblick_store::StoreError::Conflict(m)
            if matches!(m, ogonblick_model::Message::StoreOpenBusy { minutes: 1, .. })),
        "{e:?}"
    );
    // The move ends while an open waits: that open goes on.
    let (tx, rx) = mpsc::channel();
    let waiter = std::thread::spawn(move || {
        tx.send(()).unwrap();
        Store::open_waiting(&data, clock, Duration::from_secs(60)).map(|s| s.channels().unwrap())
    });
    rx.recv().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        !waiter.is_finished(),
        "the open waits while the move holds the register"
    );
    drop(mover);
    assert_eq!(
        waiter.join().unwrap().expect("opened after the move"),
        vec![]
    );
}
