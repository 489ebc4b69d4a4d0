//! The commit protocol of a snapshot's files through the storage
//! interface, on both backends (moved from the SQLite-only
//! `tests/it/snapshots.rs` and `tests/it/recovery.rs`): a commit refuses a
//! file whose hash is wrong, a missing file, a file without a record, a
//! path out of the folder and a symbolic link, and writes nothing; a failed
//! snapshot is committed without files; an open removes the staging folders
//! nobody writes to any more and keeps a live one; a link among the
//! snapshot folders is never recorded.

use std::fs;

use ogonblick_model::{SnapshotManifest, SnapshotReason, SnapshotStatus};
use ogonblick_store::{Backend as Kind, Store, StoreError, DB_FILE_NAME};

use super::backends::{self, Backend};
use super::given_channel;
use super::snapshot_lifecycle::{capture, put_unrecorded};
use super::snapshots::snapshot;
use super::stamps_disposal::{complete, folder_path};
use crate::common::t0;

conformance!(
    a_commit_refuses_a_wrong_hash_a_missing_or_unrecorded_file_and_writes_nothing,
    a_failed_snapshot_is_committed_without_files,
    an_open_removes_a_dead_staging_folder_and_keeps_a_live_one,
    a_link_among_the_snapshot_folders_is_not_recorded,
);

fn a_commit_refuses_a_wrong_hash_a_missing_or_unrecorded_file_and_writes_nothing(b: &dyn Backend) {
    let r = b.connect();
    let c = given_channel(&*r);
    let s = complete(c.id, "s-2", 0);
    let bytes = s.id.as_bytes();
    let file = "page-0/page.png";
    let begin = || {
        let st = r.begin_snapshot(c.id, &s.id).unwrap();
        fs::create_dir_all(st.path().join("page-0")).unwrap();
        st
    };

    // Wrong content.
    let st = begin();
    fs::write(st.path().join(file), b"not the recorded bytes").unwrap();
    let err = r.commit_snapshot(st, s.clone()).unwrap_err();
    assert!(
        matches!(err, StoreError::Integrity(_)) && err.to_string().contains("SHA-256"),
        "{err}"
    );
    // Missing file.
    let st = begin();
    let err = r.commit_snapshot(st, s.clone()).unwrap_err();
    assert!(
        err.to_string().contains("not in the staging folder"),
        "{err}"
    );
    // A file without record.
    let st = begin();
    fs::write(st.path().join(file), bytes).unwrap();
    fs::write(st.path().join("stray.tmp"), b"x").unwrap();
    let err = r.commit_snapshot(st, s.clone()).unwrap_err();
    assert!(err.to_string().contains("stray.tmp"), "{err}");
    // A path escaping the folder.
    let st = begin();
    let mut evil = s.clone();
    evil.pages[0].files[0].path = "../../../evil.png".into();
    assert!(r.commit_snapshot(st, evil).is_err());

    // A symbolic link (could point anywhere).
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("outside.png"), bytes).unwrap();
        let st = begin();
        std::os::unix::fs::symlink(outside.path().join("outside.png"), st.path().join(file))
            .unwrap();
        let err = r.commit_snapshot(st, s.clone()).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
    }

    assert!(!folder_path(b, &s).exists());
    assert!(r.snapshots(None).unwrap().is_empty());

    // Right: commits.
    let st = begin();
    fs::write(st.path().join(file), bytes).unwrap();
    r.commit_snapshot(st, s.clone()).unwrap();
    assert_eq!(
        b.connect().snapshots(None).unwrap(),
        std::slice::from_ref(&s)
    );
    assert!(matches!(
        r.begin_snapshot(c.id, &s.id),
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        r.begin_snapshot(c.id + 100, "s-3"),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        r.begin_snapshot(c.id, "../x"),
        Err(StoreError::Invalid(_))
    ));
}

fn a_failed_snapshot_is_committed_without_files(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    let failed = snapshot(
        c.id,
        "fail-1",
        SnapshotReason::AdHoc,
        SnapshotStatus::Failed,
        t0(),
    );
    let st = a.begin_snapshot(c.id, &failed.id).unwrap();
    a.commit_snapshot(st, failed.clone()).unwrap();
    let h = other.snapshots(Some(c.id)).unwrap();
    assert_eq!(h, std::slice::from_ref(&failed));
    assert_eq!(h[0].status, SnapshotStatus::Failed);
    assert!(h[0].pages[0]
        .error
        .as_deref()
        .unwrap()
        .contains("60 seconds"));
    let m: SnapshotManifest = serde_json::from_slice(
        &fs::read(folder_path(b, &failed).join(SnapshotManifest::FILE_NAME)).unwrap(),
    )
    .unwrap();
    assert_eq!(m.snapshot, failed);
}

fn an_open_removes_a_dead_staging_folder_and_keeps_a_live_one(b: &dyn Backend) {
    let r = b.connect();
    let c = given_channel(&*r);
    let live = r.begin_snapshot(c.id, "live").unwrap();
    fs::write(live.path().join("half.png"), b"half").unwrap();
    let live_dir = live.path().to_path_buf();
    // A crashed capture: folder left behind, lock released.
    let crashed = r.begin_snapshot(c.id, "crashed").unwrap();
    fs::write(crashed.path().join("half.png"), b"half").unwrap();
    let crashed_dir = crashed.path().to_path_buf();
    drop(crashed);
    let orphan = b.data_dir().join("staging/orphan");
    fs::create_dir_all(&orphan).unwrap();
    let _next = b.connect();
    assert!(
        live_dir.join("half.png").exists(),
        "a running capture keeps its folder"
    );
    assert!(!crashed_dir.exists());
    assert!(!orphan.exists());
    r.discard(live).unwrap();
    assert!(!live_dir.exists());
}

/// A link in a channel's `snapshots/` (planted in a shared folder, say) is
/// not a snapshot folder: neither the next open nor a reindex (nor, on
/// SQLite, a rebuild from the files alone) records what it points at.
fn a_link_among_the_snapshot_folders_is_not_recorded(b: &dyn Backend) {
    let r = b.connect();
    let c = given_channel(&*r);
    let kept = complete(c.id, "s-1", 0);
    capture(&*r, &kept);
    let lost = complete(c.id, "s-2", 24);
    put_unrecorded(b, &*r, &lost);
    let at = folder_path(b, &lost);
    let away = tempfile::tempdir().unwrap();
    let elsewhere = away.path().join(&lost.id);
    fs::rename(&at, &elsewhere).unwrap();
    if !link(&elsewhere, &at) {
        return;
    }
    let kind = r.backend();
    drop(r);

    let next = b.connect();
    assert_eq!(
        next.snapshots(Some(c.id)).unwrap(),
        std::slice::from_ref(&kept)
    );
    next.reindex().unwrap();
    assert_eq!(
        next.snapshots(Some(c.id)).unwrap(),
        std::slice::from_ref(&kept)
    );
    assert!(matches!(
        next.snapshot(&lost.id),
        Err(StoreError::NotFound(_))
    ));
    drop(next);
    if kind == Kind::Sqlite {
        fs::remove_file(b.data_dir().join(DB_FILE_NAME)).unwrap();
        Store::rebuild(b.data_dir()).unwrap();
        assert_eq!(b.connect().snapshots(Some(c.id)).unwrap(), [kept]);
    }
}

/// Puts a symbolic link at `at` to `to`: false where there are none.
#[cfg(unix)]
fn link(to: &std::path::Path, at: &std::path::Path) -> bool {
    std::os::unix::fs::symlink(to, at).unwrap();
    true
}

#[cfg(not(unix))]
fn link(_: &std::path::Path, _: &std::path::Path) -> bool {
    false
}
