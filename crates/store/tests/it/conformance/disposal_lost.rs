//! A disposal whose database step breaks off with the connection
//! (PostgreSQL only: its server can be made to end a desktop's session at
//! the right moment): the folder stays in staging with its intent open,
//! since the commit may have happened; the next connection settles it.

use std::fs;
use std::time::{Duration, Instant};

use ogonblick_model::DisposalLogLine;
use ogonblick_store::postgres::NoTls;
use ogonblick_store::{ChannelFilter, StoreError};

use super::backends::{Backend, Postgres};
use super::given_channel;
use super::stamps_disposal::{assert_disposed_once, complete, disposal, folder_path, given_folder};

#[test]
fn a_disposal_cut_off_in_the_database_step_is_settled_by_the_next_connection() {
    let Some(b) = Postgres::new("disposal_cut_off") else {
        return;
    };
    let a = b.connect();
    let c = given_channel(&*a);
    let s = complete(c.id, "2019-03-15-nacka", 0);
    given_folder(&b, &*a, &s, true);
    // Another session holds the channel's row, so the disposal's
    // transaction waits inside its database step; then it is ended.
    let mut other = b.config().connect(NoTls).unwrap();
    let mut held = other.transaction().unwrap();
    held.execute("SELECT id FROM channels WHERE id = $1 FOR UPDATE", &[&c.id])
        .unwrap();
    let result = std::thread::scope(|sc| {
        let run = sc.spawn(|| a.dispose(disposal(&s, "d-1")));
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let n: i64 = held
                .query_one(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                     WHERE datname = current_database() AND pid <> pg_backend_pid()
                       AND wait_event_type = 'Lock'",
                    &[],
                )
                .unwrap()
                .get(0);
            if n > 0 {
                break;
            }
            assert!(Instant::now() < deadline, "the disposal never waited");
            std::thread::sleep(Duration::from_millis(20));
        }
        run.join().unwrap()
    });
    held.rollback().unwrap();
    let e = result.unwrap_err();
    assert!(
        !matches!(
            e,
            StoreError::NotFound(_) | StoreError::Invalid(_) | StoreError::Conflict(_)
        ),
        "{e:?}"
    );
    // Not put back: the intent is open and the folder waits in staging.
    assert!(!folder_path(&b, &s).exists(), "the folder was put back");
    let staged = b.data_dir().join("staging/dispose-d-1");
    assert!(staged.join("page-0/page.png").is_file());
    let log_file = b.data_dir().join(DisposalLogLine::FILE_NAME);
    let log = fs::read_to_string(&log_file).unwrap();
    assert_eq!(log.lines().count(), 1, "only the intent: {log}");
    drop(a);

    // The next connection finishes it: the rows go, the log says done.
    let next = b.connect();
    assert!(!staged.exists());
    assert!(next.snapshots(Some(c.id)).unwrap().is_empty());
    let logged = next.disposal_log().unwrap();
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].item_id, s.id);
    assert_disposed_once(&b, &*next, &logged[0], 2);
    assert!(fs::read_to_string(&log_file).unwrap().contains("\"done\""));
    let listed = next.list_channels(&ChannelFilter::default()).unwrap();
    assert_eq!(listed[0].snapshot_count, 0);
}
