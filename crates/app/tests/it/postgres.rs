//! The app on a shared register (`App::open_postgres`, issue 15): a
//! channel added and captured with a real Chromium against the fixture site
//! by one desktop is in the history of a second App on the same database
//! and data directory; a data directory that is not the register's (an
//! unmounted share) is refused. PostgreSQL: `OGONBLICK_TEST_POSTGRES`
//! names a server (`scripts/test-postgres.sh`); each test makes a database
//! of its own. Without it the tests skip, saying so (and fail under CI).

use std::path::Path;
use std::sync::Arc;

use ogonblick_app::{App, AppConfig, CaptureRequest, ChannelCapture};
use ogonblick_model::{
    CancelToken, ErrorCode, FixedClock, Message, NewChannel, NoProgress, Platform, SequentialIds,
    SnapshotReason, SnapshotStatus,
};

use crate::fixture::t;
use crate::pg_database::TestDatabase;

/// A fresh database on the test server: the guard that drops it when the
/// test ends (`pg_database.rs`) and its URL, or `None` (skipped).
pub fn fresh_database(test: &str) -> Option<(TestDatabase, String)> {
    fresh_database_with(test, "")
}

/// [`fresh_database`] made with `options` after `CREATE DATABASE name`
/// (e.g. another locale).
pub fn fresh_database_with(test: &str, options: &str) -> Option<(TestDatabase, String)> {
    TestDatabase::create("ogonblick_app", test, options)
}

fn open(
    url: &str,
    dir: &Path,
    who: &str,
    clock: Arc<FixedClock>,
) -> Result<App, ogonblick_app::AppError> {
    App::open_postgres(
        AppConfig {
            data_dir: dir.to_path_buf(),
            operator: who.into(),
        },
        url,
        clock,
        Arc::new(SequentialIds::default()),
    )
}

#[test]
fn a_capture_on_one_desktop_is_in_the_history_of_another() {
    let Some((_db, url)) = fresh_database("capture") else {
        return;
    };
    let site = ogonblick_testsite::TestSite::start().unwrap();
    let shared = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let anna = open(&url, shared.path(), "anna", clock.clone()).unwrap();
    let ch = anna
        .add_channel(NewChannel {
            name: "Kommunen på Facebook".into(),
            platform: Some(Platform::Facebook),
            urls: vec![site.url("/facebook")],
            ..Default::default()
        })
        .unwrap()
        .id;
    let captured = anna
        .capture(
            &CaptureRequest {
                channel_ids: vec![ch],
                reason: SnapshotReason::HalfYearly,
                reason_note: None,
                reason_message: None,
            },
            &NoProgress,
            &CancelToken::new(),
        )
        .unwrap()
        .remove(0);
    let ChannelCapture::Stored { snapshot } = captured else {
        panic!("not stored: {captured:?}");
    };
    assert_eq!(
        snapshot.status,
        SnapshotStatus::Complete,
        "{:?}",
        snapshot.pages[0].error
    );
    let history = anna.history(Some(ch)).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].id, snapshot.id);
    // Nothing of the register in a SQLite file in the shared folder.
    assert!(!shared
        .path()
        .join(ogonblick_app::store::DB_FILE_NAME)
        .exists());

    // A second desktop on the same database and folder.
    let bo = open(&url, shared.path(), "bo", clock.clone()).unwrap();
    let seen = bo.history(Some(ch)).unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].id, snapshot.id);
    let png = &snapshot.pages[0].files[0];
    let path = bo.snapshot_file_path(&snapshot.id, &png.path).unwrap();
    assert!(
        path.starts_with(shared.path()) && path.is_file(),
        "{path:?}"
    );

    // The same register with the share not mounted (an empty folder):
    // refused, saying so, and nothing is written there.
    let mount_point = tempfile::tempdir().unwrap();
    let e = open(&url, mount_point.path(), "bo", clock).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(
        matches!(e.message(), Message::StorePgDataDirUnmarked { .. }),
        "{e}"
    );
    assert_eq!(std::fs::read_dir(mount_point.path()).unwrap().count(), 0);
}
