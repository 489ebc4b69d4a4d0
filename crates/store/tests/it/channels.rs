//! The SQLite database's own settings. What a channel's add, edit and
//! closure do through the storage interface is in
//! `conformance/channel_edits.rs` (and `conformance/mod.rs`), on both
//! backends.

use crate::common::open;

#[test]
fn database_runs_in_wal_mode_with_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    store
        .with_connection(|c| {
            let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
            let fk: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
            assert_eq!(mode, "wal");
            assert_eq!(fk, 1);
            let bad = c.execute(
                "INSERT INTO snapshots (id, channel_id, reason, status, started_at, finished_at, operator, folder, manifest)
                 VALUES ('x', 999, 'ad-hoc', 'failed', 'a', 'b', 'c', 'd', '{}')",
                [],
            );
            assert!(bad.is_err(), "a snapshot of a missing channel must be refused");
            Ok(())
        })
        .unwrap();
}
