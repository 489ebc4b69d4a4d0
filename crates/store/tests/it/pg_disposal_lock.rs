//! A disposal run's lock on PostgreSQL is an advisory lock of a connection
//! of its own (`pg/disposal.rs`), which the server lets go of when that
//! connection breaks. `DisposalLock::check` tells a run so, and another
//! desktop may then take the lock; while the connection lives, the lock
//! holds and is checked as held. Runs on `OGONBLICK_TEST_POSTGRES`.

use ogonblick_model::Message;
use ogonblick_store::{Register, StoreError};

use crate::conformance::backends::{Backend, Postgres};

#[test]
fn a_lock_whose_connection_broke_is_reported_lost_and_free_to_take() {
    let Some(pg) = Postgres::new("disposal_lock_lost") else {
        return;
    };
    let a = pg.connect();
    let b = pg.connect();
    let mut lock = a.disposal_lock().unwrap().expect("the run's lock");
    lock.check().expect("held while its connection lives");
    lock.check().expect("checking does not let go of it");
    assert!(b.disposal_lock().unwrap().is_none(), "held against others");

    // The lock's connection is cut (a network cut, a server restart).
    pg.try_sql(
        // This test's database and the run's key ("ogongall") only: the
        // cluster serves other tests at once.
        "SELECT pg_terminate_backend(pid) FROM pg_locks
         WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND ((classid::BIGINT << 32) | objid::BIGINT) = 8027507380782722156",
    )
    .unwrap();
    let e = lock
        .check()
        .expect_err("a lock whose connection broke is lost");
    assert!(
        matches!(e, StoreError::Conflict(Message::DisposeLockLost {})),
        "{e:?}"
    );
    assert!(
        b.disposal_lock().unwrap().is_some(),
        "another desktop may take it now"
    );
}

#[test]
fn a_local_registers_lock_file_holds_while_open() {
    let dir = tempfile::tempdir().unwrap();
    let store = ogonblick_store::Store::open(
        dir.path(),
        std::sync::Arc::new(ogonblick_model::FixedClock::new(crate::common::t0())),
    )
    .unwrap();
    let mut lock = Register::disposal_lock(&store).unwrap().expect("the lock");
    lock.check().unwrap();
    assert!(Register::disposal_lock(&store).unwrap().is_none());
    drop(lock);
    assert!(Register::disposal_lock(&store).unwrap().is_some());
}
