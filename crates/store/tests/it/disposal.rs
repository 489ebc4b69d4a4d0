//! Disposal is all or nothing: a process killed after any step leaves a
//! state the next open finishes (the document gone with every file, logged)
//! or rolls back (the document whole, untouched). Each intermediate state is
//! made on disk as the steps leave it, then the store is opened.

use std::fs;
use std::path::Path;

use ogonblick_model::fixity::sha256_file;
use ogonblick_model::{
    DisposalLogEntry, DisposalLogLine, DisposedFile, DisposedKind, RetentionKind, RetentionPeriod,
};
use ogonblick_store::fsutil::list_files;
use ogonblick_store::rusqlite::{params, Connection};
use ogonblick_store::Store;

use crate::common::{commit_real_snapshot, new_channel, open, t0};

pub(crate) fn entry(store: &Store, ch: i64, id: &str, disposal_id: &str) -> DisposalLogEntry {
    let folder = store.snapshot_dir(ch, id);
    let files = list_files(&folder)
        .unwrap()
        .into_iter()
        .map(|f| {
            let (sha256, size) = sha256_file(&folder.join(&f)).unwrap();
            DisposedFile {
                name: format!("channels/{ch}/snapshots/{id}/{f}"),
                size,
                sha256,
            }
        })
        .collect();
    entry_of(ch, id, disposal_id, files)
}

/// What and why a snapshot of channel `ch` is disposed of, with its files.
pub(crate) fn entry_of(
    ch: i64,
    id: &str,
    disposal_id: &str,
    files: Vec<DisposedFile>,
) -> DisposalLogEntry {
    DisposalLogEntry {
        disposal_id: disposal_id.into(),
        run_id: "run-1".into(),
        item_kind: DisposedKind::Snapshot,
        item_id: id.into(),
        channel_id: ch,
        channel_name: "Nacka".into(),
        board: None,
        address: "https://nacka.se".into(),
        item_date: t0(),
        rule_kind: RetentionKind::Snapshot(None),
        rule_board: None,
        rule_period: RetentionPeriod::DisposeAfter { months: 12 },
        decision: "KS 2019/233".into(),
        run_reference: None,
        diary_number: None,
        disposed_at: t0(),
        disposed_by: "Arkivarie".into(),
        files,
    }
}

fn append(d: &Path, line: &DisposalLogLine) {
    use std::io::Write;
    let mut f = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(d.join(DisposalLogLine::FILE_NAME))
        .unwrap();
    writeln!(f, "{}", serde_json::to_string(line).unwrap()).unwrap();
}

fn log_states(d: &Path) -> Vec<String> {
    fs::read_to_string(d.join(DisposalLogLine::FILE_NAME))
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["state"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn a_disposal_killed_after_any_step_is_finished_or_rolled_back_by_the_next_open() {
    // Steps done before the kill: 1 intent, 2 folder moved, 3 rows gone
    // and logged (one transaction), 4 files deleted.
    for steps in 1..=4 {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        let (store, _) = open(d);
        let ch = store
            .add_channel(&new_channel("Nacka", &["https://nacka.se"]), "t")
            .unwrap()
            .id;
        let urls = vec!["https://nacka.se".to_string()];
        commit_real_snapshot(&store, ch, "s-1", &urls, t0());
        let e = entry(&store, ch, "s-1", "d-1");
        let folder = store.snapshot_dir(ch, "s-1");
        drop(store);

        append(d, &DisposalLogLine::Begun { entry: e.clone() });
        let staged = d.join("staging").join("dispose-d-1");
        if steps >= 2 {
            fs::rename(&folder, &staged).unwrap();
        }
        if steps >= 3 {
            let conn = Connection::open(d.join("ogonblick.sqlite")).unwrap();
            conn.execute("DELETE FROM snapshots WHERE id = 's-1'", [])
                .unwrap();
            conn.execute(
                "INSERT INTO disposal_log (disposal_id, item_id, disposed_at, entry) VALUES ('d-1', 's-1', ?1, ?2)",
                params![t0().to_rfc3339(), serde_json::to_string(&e).unwrap()],
            )
            .unwrap();
        }
        if steps >= 4 {
            fs::remove_dir_all(&staged).unwrap();
        }

        let (store, _) = open(d);
        assert!(
            !staged.exists(),
            "after step {steps}: nothing left in staging"
        );
        let rows = store.snapshots(None).unwrap();
        if steps == 1 {
            // Rolled back: the snapshot is whole, every file as recorded.
            assert_eq!(rows.len(), 1);
            for f in &e.files {
                let (sha, _) = sha256_file(&d.join(&f.name)).unwrap();
                assert_eq!(sha, f.sha256);
            }
            assert!(store.disposal_log().unwrap().is_empty());
            assert_eq!(log_states(d), ["begun", "rolled-back"]);
        } else {
            // Finished: no row, no folder, logged once.
            assert!(rows.is_empty(), "after step {steps}");
            assert!(!folder.exists(), "after step {steps}");
            assert_eq!(store.disposal_log().unwrap(), vec![e.clone()]);
            assert_eq!(log_states(d), ["begun", "done"], "after step {steps}");
        }
        // A second open changes nothing more, and a rebuild keeps the log.
        drop(store);
        let (store, _) = open(d);
        let n = log_states(d).len();
        assert_eq!(n, 2);
        store.reindex().unwrap();
        assert_eq!(store.disposal_log().unwrap().len(), usize::from(steps > 1));
    }
}

#[test]
fn a_real_disposal_removes_the_row_and_every_file() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let (store, _) = open(d);
    let ch = store
        .add_channel(&new_channel("Nacka", &["https://nacka.se"]), "t")
        .unwrap()
        .id;
    let urls = vec![
        "https://nacka.se".to_string(),
        "https://nacka.se/b".to_string(),
    ];
    commit_real_snapshot(&store, ch, "s-1", &urls, t0());
    let e = entry(&store, ch, "s-1", "d-1");
    let lock = store.disposal_lock().unwrap().expect("the run's lock");
    let done = store.dispose(e.clone()).unwrap();
    drop(lock);
    assert_eq!(done.files, e.files);
    // Two pages' PNG and PDF, snapshot.json and the manifest of them all.
    assert_eq!(done.files.len(), 6);
    assert!(done
        .files
        .iter()
        .any(|f| f.name.ends_with("/manifest-sha256.txt")));
    assert!(!store.snapshot_dir(ch, "s-1").exists());
    assert!(store.snapshot("s-1").is_err());
    assert_eq!(store.disposal_log().unwrap(), vec![done]);
}
