//! The shared data directory's identity on PostgreSQL (`pg/identity.rs`):
//! an unmounted share's empty mount point and another register's folder
//! are refused before anything in them is touched (no recovery, disposal
//! or reindex), and the first use of a folder (a new register, or the first
//! use after the upgrade) adopts it. PostgreSQL only: the SQLite store's
//! database lives in its data directory, which is its identity.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use ogonblick_model::{Clock, Message};
use ogonblick_store::pg::{DataDirIdentity, PgRegister, MARKER_FILE};
use ogonblick_store::{Store, StoreError};

use super::backends::{Backend, Postgres};
use super::given_channel;
use super::stamps_disposal::{complete, folder_path, given_folder};

fn open(b: &Postgres, dir: &Path) -> Result<PgRegister, StoreError> {
    let clock: Arc<dyn Clock> = b.clock().clone();
    PgRegister::connect_with(b.config().clone(), clock)?.with_data_dir(dir)
}

fn entries(dir: &Path) -> usize {
    fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

fn marker_id(dir: &Path) -> String {
    let v: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join(MARKER_FILE)).unwrap()).unwrap();
    v["register"].as_str().unwrap().to_string()
}

/// Forgets the register's id and the folder's marker, as a register and
/// folder from before markers were.
fn as_before_the_upgrade(b: &Postgres) {
    b.try_sql("DELETE FROM settings WHERE key = 'register_id'")
        .unwrap();
    fs::remove_file(b.data_dir().join(MARKER_FILE)).unwrap();
}

#[test]
fn an_empty_mount_point_is_refused_before_anything_runs() {
    let Some(b) = Postgres::new("empty_mount_point") else {
        return;
    };
    let a = b.connect();
    let c = given_channel(&*a);
    let s = complete(c.id, "2026-03-15-nacka", 0);
    given_folder(&b, &*a, &s, false);
    drop(a);
    let id = marker_id(b.data_dir());

    // The share not mounted: its mount point is an empty folder.
    let mount_point = tempfile::tempdir().unwrap();
    let e = open(&b, mount_point.path()).unwrap_err();
    assert!(
        matches!(&e, StoreError::Conflict(Message::StorePgDataDirUnmarked { path, .. })
            if path == &mount_point.path().display().to_string()),
        "{e:?}"
    );
    assert_eq!(
        entries(mount_point.path()),
        0,
        "nothing written into the mount point"
    );
    // Nor when the mount point is not there at all.
    let gone = mount_point.path().join("share");
    assert!(open(&b, &gone).is_err());
    assert!(!gone.exists());

    // The register and its real folder are as they were.
    let again = open(&b, b.data_dir()).unwrap();
    assert_eq!(again.register_id().unwrap().as_deref(), Some(id.as_str()));
    assert!(folder_path(&b, &s).join("page-0/page.png").exists());
    use ogonblick_store::Register;
    assert_eq!(again.snapshots(Some(c.id)).unwrap(), [s]);
    assert!(again.reindex().unwrap().warnings.is_empty());

    // After an upgrade (no id, no marker yet), a register holding snapshots
    // refuses an empty folder too.
    drop(again);
    as_before_the_upgrade(&b);
    let e = open(&b, mount_point.path()).unwrap_err();
    assert!(
        matches!(
            e,
            StoreError::Conflict(Message::StorePgDataDirUnmarked { .. })
        ),
        "{e:?}"
    );
    assert_eq!(entries(mount_point.path()), 0);
}

#[test]
fn another_registers_folder_is_refused() {
    let Some(b) = Postgres::new("other_registers_folder") else {
        return;
    };
    drop(b.connect());
    let theirs = b.data_dir().to_path_buf();
    let before = marker_id(&theirs);

    // A new register (no id yet) pointed at the folder of the first one.
    let twin = Postgres::new("other_registers_folder_twin").unwrap();
    let e = open(&twin, &theirs).unwrap_err();
    assert!(
        matches!(e, StoreError::Conflict(Message::StorePgDataDirOther { .. })),
        "{e:?}"
    );
    // The same register once it has a folder of its own.
    drop(twin.connect());
    let e = open(&twin, &theirs).unwrap_err();
    assert!(
        matches!(e, StoreError::Conflict(Message::StorePgDataDirOther { .. })),
        "{e:?}"
    );
    assert_eq!(
        marker_id(&theirs),
        before,
        "the other register's marker is kept"
    );
    assert_ne!(marker_id(twin.data_dir()), before);

    // A local (SQLite) register's data folder: channel folders, no marker.
    let local = tempfile::tempdir().unwrap();
    let store = Store::open(local.path(), b.clock().clone()).unwrap();
    given_channel(&store);
    drop(store);
    let fresh = Postgres::new("other_registers_folder_local").unwrap();
    let e = open(&fresh, local.path()).unwrap_err();
    assert!(
        matches!(
            e,
            StoreError::Conflict(Message::StorePgDataDirForeign { .. })
        ),
        "{e:?}"
    );
    assert!(!local.path().join(MARKER_FILE).exists());
}

#[test]
fn the_first_use_of_a_folder_adopts_it() {
    let Some(b) = Postgres::new("first_use_adopts") else {
        return;
    };
    // A new register and an empty folder: checked without writing, then
    // adopted on open.
    let probe = PgRegister::connect_with(b.config().clone(), b.clock().clone()).unwrap();
    assert_eq!(probe.register_id().unwrap(), None);
    assert_eq!(
        probe.check_data_dir(b.data_dir()).unwrap(),
        DataDirIdentity::Adopted
    );
    assert!(!b.data_dir().join(MARKER_FILE).exists());
    drop(probe);
    let a = open(&b, b.data_dir()).unwrap();
    let id = a
        .register_id()
        .unwrap()
        .expect("an id once it has a folder");
    assert_eq!(marker_id(b.data_dir()), id);
    assert_eq!(
        a.check_data_dir(b.data_dir()).unwrap(),
        DataDirIdentity::Marked
    );
    let c = given_channel(&a);
    let s = complete(c.id, "2026-03-15-nacka", 0);
    given_folder(&b, &a, &s, false);
    drop(a);

    // The first use after the upgrade: the register's snapshots and their
    // folders are there, neither has an identity yet.
    as_before_the_upgrade(&b);
    let a = open(&b, b.data_dir()).unwrap();
    let new_id = a.register_id().unwrap().expect("an id again");
    assert_eq!(marker_id(b.data_dir()), new_id);
    use ogonblick_store::Register;
    assert_eq!(a.snapshots(None).unwrap(), [s]);
    // A second desktop opening the same register and folder is let in.
    drop(open(&b, b.data_dir()).unwrap());
}

#[test]
fn an_adoption_killed_before_its_commit_is_finished_by_the_next_open() {
    let Some(b) = Postgres::new("adoption_killed") else {
        return;
    };
    drop(b.connect());
    let first = marker_id(b.data_dir());
    // Killed between the marker and the commit: the marker names this
    // database, the register has no id.
    b.try_sql("DELETE FROM settings WHERE key = 'register_id'")
        .unwrap();
    let again = open(&b, b.data_dir()).expect("its own unfinished marker is not another's");
    let id = again.register_id().unwrap().expect("an id now");
    assert_ne!(id, first, "a new id, committed this time");
    assert_eq!(marker_id(b.data_dir()), id, "the marker names it");
    // From now on the folder is simply the register's.
    assert_eq!(
        again.check_data_dir(b.data_dir()).unwrap(),
        DataDirIdentity::Marked
    );
    drop(again);

    // The address is only text: a register with snapshots none of whose
    // folders is in the folder does not take a marker naming "its" address
    // for its own (another server also called localhost).
    let a = b.connect();
    let c = given_channel(&*a);
    let s = complete(c.id, "2026-03-15-nacka", 0);
    given_folder(&b, &*a, &s, false);
    drop(a);
    let away = tempfile::tempdir().unwrap();
    fs::rename(folder_path(&b, &s), away.path().join("s")).unwrap();
    b.try_sql("DELETE FROM settings WHERE key = 'register_id'")
        .unwrap();
    let e = open(&b, b.data_dir()).unwrap_err();
    assert!(
        matches!(e, StoreError::Conflict(Message::StorePgDataDirOther { .. })),
        "{e:?}"
    );
    // With its snapshot's folder there, the killed adoption is its own.
    fs::rename(away.path().join("s"), folder_path(&b, &s)).unwrap();
    let again = open(&b, b.data_dir()).unwrap();
    assert_eq!(
        marker_id(b.data_dir()),
        again.register_id().unwrap().unwrap()
    );
}
