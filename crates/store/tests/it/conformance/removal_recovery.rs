//! What a killed write of a removal record leaves, on both backends (moved
//! from the SQLite-only `tests/it/removals.rs`): a complete folder
//! without its rows is recorded by the next open, a half-built staging
//! folder is removed by it, and a recorded folder whose screenshot is gone
//! is named by `reindex`: no record points at a missing file unsaid.

use std::fs;
use std::path::Path;

use ogonblick_model::{AuditEvent, Evidence};
use ogonblick_store::Backend as Kind;

use super::backends::{self, Backend};
use super::given_channel;
use crate::common::png;
use crate::removals::{placeholder, record, supplied};

conformance!(a_killed_removal_write_leaves_no_record_pointing_at_a_missing_file_unsaid);

/// Copies the folder `from`, with everything in it, to `to`.
fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap().flatten() {
        if e.path().is_dir() {
            copy_folder(&e.path(), &to.join(e.file_name()));
        } else {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

fn a_killed_removal_write_leaves_no_record_pointing_at_a_missing_file_unsaid(b: &dyn Backend) {
    let a = b.connect();
    let c = given_channel(&*a);
    let src = tempfile::tempdir().unwrap();
    // rem-1: a write killed after its folder was renamed into place and
    // before its rows went in (the folder made by another register of the
    // same channel and copied here).
    let twin = b.empty_twin();
    let rem1 = format!("channels/{}/removals/rem-1", c.id);
    {
        let t = twin.connect();
        assert_eq!(given_channel(&*t).id, c.id);
        let file = supplied(src.path(), "a.png", &png(4, 4, 1));
        t.add_removal(record("rem-1", c.id, placeholder()), Some(&file))
            .unwrap();
    }
    copy_folder(&twin.data_dir().join(&rem1), &b.data_dir().join(&rem1));
    // rem-2: recorded, then its screenshot lost.
    let file = supplied(src.path(), "a.png", &png(4, 4, 1));
    a.add_removal(record("rem-2", c.id, placeholder()), Some(&file))
        .unwrap();
    let (_, rem2) = a.removal("rem-2").unwrap();
    fs::remove_file(b.data_dir().join(&rem2).join("screenshot.png")).unwrap();
    // A staging folder of a write killed before the rename.
    let half = b.data_dir().join("staging/removal-rem-3");
    fs::create_dir_all(&half).unwrap();
    fs::write(half.join("screenshot.png"), b"\x89PNG half").unwrap();
    let kind = a.backend();
    drop(a);

    let r = b.connect();
    assert!(!half.exists(), "the half-built staging folder is removed");
    // The open records the complete folder without its rows, not the one
    // that lost its file (it keeps its own rows: the register is not
    // changed behind the user's back; reindex reports it).
    assert_eq!(r.removal("rem-1").unwrap().0.len(), 1);
    assert!(r
        .audit_log(None)
        .unwrap()
        .iter()
        .any(|e| matches!(&e.event, AuditEvent::RemovalRecorded { removal_id, .. } if removal_id == "rem-1")));
    let report = r.reindex().unwrap();
    let warned: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
    let named = |id: &str| {
        warned
            .iter()
            .any(|w| w.contains(id) && w.contains("screenshot.png"))
    };
    // Both name rem-2 and its lost screenshot: SQLite's reindex, which
    // rebuilds from the files, and PostgreSQL's, which checks the recorded
    // records' folders (it said nothing before).
    assert!(named("rem-2"), "{warned:?}");
    let ids: Vec<String> = r
        .removals(None)
        .unwrap()
        .into_iter()
        .map(|x| x.id)
        .collect();
    match kind {
        // SQLite rebuilds from the folders: the record is not restored.
        Kind::Sqlite => {
            assert_eq!(report.removals, 1, "{warned:?}");
            assert_eq!(ids, ["rem-1"]);
        }
        // PostgreSQL keeps the shared register's rows (as it keeps a
        // snapshot's whose folder lacks a file) and says so.
        Kind::Postgres => assert_eq!(ids, ["rem-1", "rem-2"]),
    }
    for rec in r.removals(None).unwrap() {
        let (_, folder) = r.removal(&rec.id).unwrap();
        if let Evidence::File(f) = &rec.evidence {
            let there = r.folder_path(&folder).unwrap().join(&f.path).is_file();
            assert!(
                there || named(&rec.id),
                "{} points at a missing file",
                rec.id
            );
        }
    }
}
