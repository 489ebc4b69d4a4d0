//! A snapshot's lifecycle through the storage interface, on both backends
//! (issue 15, the shared snapshot store): begun in a staging folder of the
//! writer's own, committed (hash check, rename, then the row) and read back
//! on another connection, discarded without a trace, committed by two
//! desktops at once into one shared data directory, and `reindex` against
//! the files: a folder whose row a killed commit never wrote is recorded, a
//! folder that lacks a file is reported and no file is deleted.

use std::fs;
use std::path::Path;

use ogonblick_model::{Message, Snapshot, SnapshotManifest};
use ogonblick_store::pg::PgRegister;
use ogonblick_store::{staging_owner, Backend as Kind, ChannelFilter, Register, StoreError};

use super::backends::{self, Backend};
use super::given_channel;
use super::snapshots::folder;
use super::stamps_disposal::{actions, complete, folder_path, put_folder};

conformance!(
    a_snapshot_begun_and_committed_is_read_back_on_another_connection,
    a_discarded_snapshot_leaves_nothing,
    two_desktops_committing_one_channel_at_once_both_land,
    an_open_leaves_another_machines_staging_folder_alone,
    an_open_removes_a_staging_folder_untouched_for_over_a_week,
    a_commit_killed_between_rename_and_row_is_repaired_by_reindex,
    reindex_reports_a_folder_that_lacks_a_file_and_deletes_nothing,
);

/// Begins `s`, writes its one file as a capture does, and commits it.
pub(super) fn capture(r: &dyn Register, s: &Snapshot) {
    let staging = r.begin_snapshot(s.channel_id, &s.id).unwrap();
    write_files(staging.path(), s);
    r.commit_snapshot(staging, s.clone()).unwrap();
}

fn write_files(dir: &Path, s: &Snapshot) {
    fs::create_dir_all(dir.join("page-0")).unwrap();
    fs::write(dir.join("page-0/page.png"), s.id.as_bytes()).unwrap();
}

/// The names in the data directory's `staging/`, sorted.
fn staging_names(b: &dyn Backend) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(b.data_dir().join("staging"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn a_snapshot_begun_and_committed_is_read_back_on_another_connection(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    let s = complete(c.id, "2026-03-15-nacka", 0);
    let staging = a.begin_snapshot(c.id, &s.id).unwrap();
    assert_eq!(
        (staging.channel_id(), staging.snapshot_id()),
        (c.id, "2026-03-15-nacka")
    );
    let name = staging
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(name, format!("{}@{}", s.id, staging_owner()));
    // One capture of an id at a time; a recorded id or folder is refused.
    assert!(matches!(
        other.begin_snapshot(c.id, &s.id),
        Err(StoreError::Conflict(Message::StoreSnapshotBusy { .. }))
    ));
    write_files(staging.path(), &s);
    a.commit_snapshot(staging, s.clone()).unwrap();

    assert_eq!(
        other.snapshots(Some(c.id)).unwrap(),
        std::slice::from_ref(&s)
    );
    let (read, recorded) = other.snapshot(&s.id).unwrap();
    assert_eq!((read, recorded.as_str()), (s.clone(), folder(&s).as_str()));
    let dir = other.folder_path(&recorded).unwrap();
    assert_eq!(dir, folder_path(b, &s));
    assert_eq!(
        fs::read(dir.join("page-0/page.png")).unwrap(),
        s.id.as_bytes()
    );
    let m: SnapshotManifest =
        serde_json::from_slice(&fs::read(dir.join(SnapshotManifest::FILE_NAME)).unwrap()).unwrap();
    assert_eq!((m.snapshot, m.channel), (s.clone(), c.clone()));
    assert_eq!(actions(&*other, c.id, "snapshot.commit").len(), 1);
    assert_eq!(
        other.list_channels(&ChannelFilter::default()).unwrap()[0].snapshot_count,
        1
    );
    assert!(staging_names(b).is_empty(), "{:?}", staging_names(b));
    assert!(matches!(
        other.begin_snapshot(c.id, &s.id),
        Err(StoreError::Conflict(Message::StoreSnapshotExists { .. }))
    ));
    assert!(matches!(
        other.begin_snapshot(c.id + 100, "2026-03-16-x"),
        Err(StoreError::NotFound(Message::StoreNoChannel { .. }))
    ));
    assert!(matches!(
        other.folder_path("channels/../../etc"),
        Err(StoreError::Integrity(Message::StoreBadFolder { .. }))
    ));
    assert_eq!(other.tsa_ca_dir().unwrap(), b.data_dir().join("tsa-ca"));
}

fn a_discarded_snapshot_leaves_nothing(b: &dyn Backend) {
    let r = b.connect();
    let c = given_channel(&*r);
    let s = complete(c.id, "2026-03-15-nacka", 0);
    let staging = r.begin_snapshot(c.id, &s.id).unwrap();
    write_files(staging.path(), &s);
    assert_eq!(staging_names(b).len(), 2, "the folder and its lock");
    r.discard(staging).unwrap();
    assert!(staging_names(b).is_empty(), "{:?}", staging_names(b));
    assert!(!folder_path(b, &s).exists());
    assert!(r.snapshots(None).unwrap().is_empty());
    assert!(
        r.audit_log(Some(c.id)).unwrap().len() == 1,
        "only channel.add"
    );
    // The id is free again.
    capture(&*r, &s);
    assert_eq!(r.snapshots(None).unwrap(), [s]);
}

fn two_desktops_committing_one_channel_at_once_both_land(b: &dyn Backend) {
    let desktops: Vec<_> = (0..2).map(|_| b.connect()).collect();
    let c = given_channel(&*desktops[0]);
    let shots: Vec<_> = (0..2)
        .map(|i| complete(c.id, &format!("2026-03-15-nacka-{i}"), i))
        .collect();
    let begun: Vec<_> = desktops
        .iter()
        .zip(&shots)
        .map(|(r, s)| {
            let staging = r.begin_snapshot(c.id, &s.id).unwrap();
            write_files(staging.path(), s);
            staging
        })
        .collect();
    let names: Vec<_> = begun.iter().map(|s| s.path().to_path_buf()).collect();
    assert_ne!(
        names[0], names[1],
        "two desktops never write one staging name"
    );
    let barrier = std::sync::Barrier::new(2);
    std::thread::scope(|scope| {
        for ((r, staging), s) in desktops.iter().zip(begun).zip(&shots) {
            let barrier = &barrier;
            scope.spawn(move || {
                barrier.wait();
                r.commit_snapshot(staging, s.clone()).unwrap();
            });
        }
    });
    let third = b.connect();
    assert_eq!(third.snapshots(Some(c.id)).unwrap(), shots);
    assert_eq!(actions(&*third, c.id, "snapshot.commit").len(), 2);
    let h = third
        .history_summaries(shots[1].finished_at + chrono::Duration::days(1))
        .unwrap();
    assert_eq!(
        (h[0].snapshots, h[0].last.id.as_str()),
        (2, shots[1].id.as_str())
    );
    assert!(staging_names(b).is_empty(), "{:?}", staging_names(b));
}

fn an_open_leaves_another_machines_staging_folder_alone(b: &dyn Backend) {
    let r = b.connect();
    let c = given_channel(&*r);
    let staging = b.data_dir().join("staging");
    // Another desktop's capture, running: its lock is not seen through the
    // share, only its files.
    let theirs = "2026-03-15-nacka@other-desktop.4242.17";
    fs::create_dir_all(staging.join(theirs).join("page-0")).unwrap();
    fs::write(staging.join(theirs).join("page-0/page.png"), b"png").unwrap();
    fs::write(staging.join(format!("{theirs}.lock")), b"").unwrap();
    // A capture of this machine that was killed: nobody holds its lock.
    let host = staging_owner().split('.').next().unwrap();
    let ours = format!("2026-03-16-nacka@{host}.1.0");
    fs::create_dir_all(staging.join(&ours)).unwrap();
    fs::write(staging.join(format!("{ours}.lock")), b"").unwrap();
    drop(r);
    let next = b.connect();
    assert_eq!(
        staging_names(b),
        [theirs.to_string(), format!("{theirs}.lock")]
    );
    // Its folder, once renamed into place, is left for it to record.
    let s = complete(c.id, "2026-03-15-nacka", 0);
    put_folder(b, &s, false);
    let manifest = SnapshotManifest {
        format: SnapshotManifest::FORMAT.into(),
        snapshot: s.clone(),
        channel: c.clone(),
    };
    fs::write(
        folder_path(b, &s).join(SnapshotManifest::FILE_NAME),
        serde_json::to_vec(&manifest).unwrap(),
    )
    .unwrap();
    drop(next);
    assert!(b.connect().snapshots(None).unwrap().is_empty());
}

/// Sets the modification time of `path` (a file or a folder) `days` back.
fn age(path: &Path, days: u64) {
    let t = std::time::SystemTime::now() - std::time::Duration::from_secs(days * 24 * 3600);
    fs::File::open(path).unwrap().set_modified(t).unwrap();
}

fn an_open_removes_a_staging_folder_untouched_for_over_a_week(b: &dyn Backend) {
    drop(b.connect());
    let staging = b.data_dir().join("staging");
    // A machine that never came back: nothing written for eight days.
    let gone = "2026-03-15-nacka@retired-desktop.77.3";
    // One whose files are old but whose lock was touched yesterday, and
    // one whose lock is old but whose folder was written to today.
    let slow = "2026-03-15-lund@slow-desktop.78.4";
    let busy = "2026-03-15-umea@busy-desktop.79.5";
    // One whose folder and lock are old, but a file in it was written now.
    let writing = "2026-03-15-visby@writing-desktop.80.6";
    for id in [gone, slow, busy, writing] {
        fs::create_dir_all(staging.join(id)).unwrap();
        fs::write(staging.join(id).join("page.png"), b"png").unwrap();
        fs::write(staging.join(format!("{id}.lock")), b"").unwrap();
    }
    age(&staging.join(gone).join("page.png"), 8);
    age(&staging.join(gone), 8);
    age(&staging.join(format!("{gone}.lock")), 8);
    age(&staging.join(slow), 8);
    age(&staging.join(format!("{slow}.lock")), 1);
    age(&staging.join(format!("{busy}.lock")), 30);
    age(&staging.join(writing), 8);
    age(&staging.join(format!("{writing}.lock")), 8);
    drop(b.connect());
    assert_eq!(
        staging_names(b),
        [
            slow.to_string(),
            format!("{slow}.lock"),
            busy.to_string(),
            format!("{busy}.lock"),
            writing.to_string(),
            format!("{writing}.lock"),
        ]
    );
}

/// Puts `s`'s folder in place with its `snapshot.json`, without its row: a
/// commit killed between the rename and the row.
pub(super) fn put_unrecorded(b: &dyn Backend, r: &dyn Register, s: &Snapshot) {
    put_folder(b, s, false);
    let manifest = SnapshotManifest {
        format: SnapshotManifest::FORMAT.into(),
        snapshot: s.clone(),
        channel: r.channel(s.channel_id).unwrap(),
    };
    fs::write(
        folder_path(b, s).join(SnapshotManifest::FILE_NAME),
        serde_json::to_vec(&manifest).unwrap(),
    )
    .unwrap();
}

fn a_commit_killed_between_rename_and_row_is_repaired_by_reindex(b: &dyn Backend) {
    let r = b.connect();
    let c = given_channel(&*r);
    let kept = complete(c.id, "2026-03-15-nacka", 0);
    capture(&*r, &kept);
    let lost = complete(c.id, "2026-03-16-nacka", 24);
    put_unrecorded(b, &*r, &lost);
    assert_eq!(r.snapshots(None).unwrap(), std::slice::from_ref(&kept));
    let report = r.reindex().unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!((report.channels, report.snapshots), (1, 2));
    drop(r);
    let next = b.connect();
    assert_eq!(next.snapshots(Some(c.id)).unwrap(), [kept, lost.clone()]);
    assert_eq!(next.snapshot(&lost.id).unwrap().1, folder(&lost));
    assert_eq!(
        next.list_channels(&ChannelFilter::default()).unwrap()[0].snapshot_count,
        2
    );
    // Done once: again, nothing changes.
    let again = next.reindex().unwrap();
    assert_eq!(again.snapshots, 2);
    assert_eq!(next.snapshots(None).unwrap().len(), 2);
}

fn reindex_reports_a_folder_that_lacks_a_file_and_deletes_nothing(b: &dyn Backend) {
    let r = b.connect();
    let c = given_channel(&*r);
    let whole = complete(c.id, "2026-03-15-nacka", 0);
    let broken = complete(c.id, "2026-03-16-nacka", 24);
    capture(&*r, &whole);
    capture(&*r, &broken);
    let dir = folder_path(b, &broken);
    fs::remove_file(dir.join("page-0/page.png")).unwrap();
    let before = files_under(b.data_dir());
    let report = r.reindex().unwrap();
    let shown = dir.display().to_string();
    let expected = match r.backend() {
        // SQLite rebuilds from the folders: the row is not restored.
        Kind::Sqlite => Message::ReindexSnapshotFileMissing {
            folder: shown,
            file: "page-0/page.png".into(),
        },
        // PostgreSQL keeps the shared register's row and says so.
        Kind::Postgres => Message::ReindexRecordedFileMissing {
            snapshot: broken.id.clone(),
            folder: shown,
            file: "page-0/page.png".into(),
        },
    };
    assert_eq!(report.warnings, [expected]);
    assert_eq!(files_under(b.data_dir()), before, "no file was deleted");
    drop(r);
    assert!(b.connect().snapshots(None).unwrap().contains(&whole));
}

/// Every file under `dir` but the SQLite database's own, relative.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                if !rel.starts_with(ogonblick_store::DB_FILE_NAME) && !rel.ends_with(".jsonl") {
                    out.push(rel);
                }
            }
        }
    }
    out.sort();
    out
}

/// A PostgreSQL register connected without a data directory refuses every
/// step of a snapshot's files with `store-pg-no-data-dir`, never panics.
#[test]
fn postgres_without_a_data_directory_refuses_the_files_with_a_keyed_error() {
    let Some(b) = backends::Postgres::new("pg_no_data_dir") else {
        return;
    };
    let with = b.connect();
    let c = given_channel(&*with);
    let r = PgRegister::connect_with(b.config().clone(), b.clock().clone()).unwrap();
    let refused = |e: StoreError| {
        assert!(
            matches!(e, StoreError::Invalid(Message::StorePgNoDataDir { .. })),
            "{e:?}"
        )
    };
    refused(r.begin_snapshot(c.id, "2026-03-15-nacka").unwrap_err());
    refused(r.folder_path("channels/1/snapshots/x").unwrap_err());
    refused(r.tsa_ca_dir().unwrap_err());
    refused(r.reindex().unwrap_err());
    // A staging folder begun with the data directory cannot be committed
    // through a register without one; nothing is written.
    let s = complete(c.id, "2026-03-15-nacka", 0);
    let staging = with.begin_snapshot(c.id, &s.id).unwrap();
    write_files(staging.path(), &s);
    refused(r.commit_snapshot(staging, s).unwrap_err());
    assert!(with.snapshots(None).unwrap().is_empty());
}

/// On a shared data directory another desktop's open may record a folder
/// between our rename and our row (it cannot see our staging lock through
/// the share): the row it wrote for our folder is ours, the commit
/// succeeds and the snapshot is recorded and audited once.
#[test]
fn postgres_commit_whose_row_another_desktop_wrote_meanwhile_succeeds_once() {
    let Some(b) = backends::Postgres::new("pg_row_meanwhile") else {
        return;
    };
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    let s = complete(c.id, "2026-03-15-nacka", 0);
    let staging = a.begin_snapshot(c.id, &s.id).unwrap();
    write_files(staging.path(), &s);
    other.record_snapshot(&s, &folder(&s)).unwrap();
    a.commit_snapshot(staging, s.clone()).unwrap();
    assert_eq!(a.snapshots(None).unwrap(), std::slice::from_ref(&s));
    assert_eq!(actions(&*a, c.id, "snapshot.commit").len(), 1);
    assert!(folder_path(&b, &s).join("page-0/page.png").is_file());
}
