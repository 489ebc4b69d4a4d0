//! The two backends of the conformance suite. A [`Backend`] is one empty
//! register; `connect` opens one more connection to it (a second desktop).
//!
//! PostgreSQL: `OGONBLICK_TEST_POSTGRES` names a server (scripts/test.sh
//! starts a throwaway cluster and sets it); each test creates a database of
//! its own there (Swedish collation) and drops it at the end. Without the variable the tests
//! fail under CI (`CI` set) and skip, saying why, elsewhere.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use ogonblick_model::{Clock, FixedClock};
use ogonblick_store::pg::PgRegister;
use ogonblick_store::postgres::{Config, NoTls};
use ogonblick_store::{Register, Store};

use crate::common::t0;

pub trait Backend {
    /// A new connection to the register.
    fn connect(&self) -> Box<dyn Register>;
    /// Sets the database's schema version to `version` behind the client's back.
    fn set_schema_version(&self, version: u32);
    /// Points a snapshot's row at another folder behind the client's back
    /// (as a row written before folders were checked may).
    fn set_folder(&self, snapshot_id: &str, folder: &str);
    /// The highest schema version this build knows.
    fn latest(&self) -> u32;
    /// Opens the register as a client does, returning the refusal if any.
    fn try_connect(&self) -> Result<Box<dyn Register>, ogonblick_store::StoreError>;
    fn clock(&self) -> &Arc<FixedClock>;
    /// The data directory every connection shares (the snapshot folders,
    /// removal records' folders).
    fn data_dir(&self) -> &Path;
    /// The rows of the `boards` and `units` tables as names: every board,
    /// then every unit with its board, sorted.
    fn org_rows(&self) -> (Vec<String>, Vec<(Option<String>, String)>);
    /// Runs `sql` on the database behind the client's back (another tool
    /// opening it): the database's refusal, if any.
    fn try_sql(&self, sql: &str) -> Result<(), String>;
    /// Another empty register of the same backend, its clock where this
    /// one's is now.
    fn empty_twin(&self) -> Box<dyn Backend>;
}

const BOARD_ROWS: &str = "SELECT name FROM boards";
const UNIT_ROWS: &str =
    "SELECT b.name, u.name FROM units u LEFT JOIN boards b ON b.id = u.board_id";

/// [`Backend::org_rows`] sorted byte for byte, whatever the database's
/// collation.
fn sorted(
    mut boards: Vec<String>,
    mut units: Vec<(Option<String>, String)>,
) -> (Vec<String>, Vec<(Option<String>, String)>) {
    boards.sort();
    units.sort();
    (boards, units)
}

pub struct Sqlite {
    dir: tempfile::TempDir,
    clock: Arc<FixedClock>,
}

impl Sqlite {
    pub fn new() -> Sqlite {
        Sqlite {
            dir: tempfile::tempdir().unwrap(),
            clock: Arc::new(FixedClock::new(t0())),
        }
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join(ogonblick_store::DB_FILE_NAME)
    }
}

impl Backend for Sqlite {
    fn connect(&self) -> Box<dyn Register> {
        self.try_connect().expect("open the SQLite store")
    }
    fn try_connect(&self) -> Result<Box<dyn Register>, ogonblick_store::StoreError> {
        Ok(Box::new(Store::open(self.dir.path(), self.clock.clone())?))
    }
    fn set_schema_version(&self, version: u32) {
        let conn = ogonblick_store::rusqlite::Connection::open(self.db()).unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
    }
    fn set_folder(&self, snapshot_id: &str, folder: &str) {
        let conn = ogonblick_store::rusqlite::Connection::open(self.db()).unwrap();
        let n = conn
            .execute(
                "UPDATE snapshots SET folder = ?1 WHERE id = ?2",
                [folder, snapshot_id],
            )
            .unwrap();
        assert_eq!(n, 1);
    }
    fn latest(&self) -> u32 {
        ogonblick_store::migrations::LATEST
    }
    fn clock(&self) -> &Arc<FixedClock> {
        &self.clock
    }
    fn data_dir(&self) -> &Path {
        self.dir.path()
    }
    fn org_rows(&self) -> (Vec<String>, Vec<(Option<String>, String)>) {
        let conn = ogonblick_store::rusqlite::Connection::open(self.db()).unwrap();
        let mut boards = conn.prepare(BOARD_ROWS).unwrap();
        let boards = boards
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        let mut units = conn.prepare(UNIT_ROWS).unwrap();
        let units = units
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        sorted(boards, units)
    }
    fn try_sql(&self, sql: &str) -> Result<(), String> {
        let conn = ogonblick_store::rusqlite::Connection::open(self.db()).unwrap();
        conn.execute_batch(sql).map_err(|e| e.to_string())
    }
    fn empty_twin(&self) -> Box<dyn Backend> {
        let twin = Sqlite::new();
        twin.clock.set(self.clock.now());
        Box::new(twin)
    }
}

pub struct Postgres {
    server: Config,
    config: Config,
    name: String,
    clock: Arc<FixedClock>,
    /// The data directory the desktops share.
    files: tempfile::TempDir,
}

static SEQ: AtomicU32 = AtomicU32::new(0);

impl Postgres {
    /// A new database on the test server, or `None` (with the reason printed)
    /// when no server is given outside CI.
    pub fn new(test: &str) -> Option<Postgres> {
        let url = match std::env::var("OGONBLICK_TEST_POSTGRES") {
            Ok(u) if !u.is_empty() => u,
            _ if std::env::var_os("CI").is_some() => panic!(
                "OGONBLICK_TEST_POSTGRES is not set under CI: run scripts/test.sh, \
                 which starts a PostgreSQL cluster for the tests"
            ),
            _ => {
                eprintln!(
                    "SKIPPED {test} on PostgreSQL: OGONBLICK_TEST_POSTGRES is not set \
                     (scripts/test.sh starts a cluster and sets it)"
                );
                return None;
            }
        };
        let server: Config = url
            .parse()
            .expect("OGONBLICK_TEST_POSTGRES is a postgres:// URL");
        let name = format!(
            "ogonblick_{}_{}_{}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::SeqCst),
            &test[..test.len().min(30)]
        );
        let mut admin = server.connect(NoTls).expect("connect to the test server");
        // Swedish rules, as a municipality's database would have them, so
        // that an order left to the database's collation (which is not
        // SQLite's byte order) shows in the tests.
        admin
            .batch_execute(&format!(
                "CREATE DATABASE {name} TEMPLATE template0 \
                 LOCALE_PROVIDER icu ICU_LOCALE 'sv-SE' LOCALE 'C.UTF-8'"
            ))
            .expect("create the test database (PostgreSQL 15 with ICU)");
        let mut config = server.clone();
        config.dbname(&name);
        Some(Postgres {
            server,
            config,
            name,
            clock: Arc::new(FixedClock::new(t0())),
            files: tempfile::tempdir().unwrap(),
        })
    }
}

impl Postgres {
    /// The connection settings of this test's database.
    pub fn config(&self) -> &Config {
        &self.config
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        if let Ok(mut admin) = self.server.connect(NoTls) {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

impl Backend for Postgres {
    fn connect(&self) -> Box<dyn Register> {
        self.try_connect()
            .expect("connect to the PostgreSQL register")
    }
    fn try_connect(&self) -> Result<Box<dyn Register>, ogonblick_store::StoreError> {
        Ok(Box::new(
            PgRegister::connect_with(self.config.clone(), self.clock.clone())?
                .with_data_dir(self.files.path())?,
        ))
    }
    fn set_schema_version(&self, version: u32) {
        let mut c = self.config.connect(NoTls).unwrap();
        c.execute(
            "UPDATE ogonblick_schema SET version = $1",
            &[&(version as i32)],
        )
        .unwrap();
    }
    fn set_folder(&self, snapshot_id: &str, folder: &str) {
        let mut c = self.config.connect(NoTls).unwrap();
        let n = c
            .execute(
                "UPDATE snapshots SET folder = $1 WHERE id = $2",
                &[&folder, &snapshot_id],
            )
            .unwrap();
        assert_eq!(n, 1);
    }
    fn latest(&self) -> u32 {
        ogonblick_store::pg::migrations::LATEST
    }
    fn clock(&self) -> &Arc<FixedClock> {
        &self.clock
    }
    fn data_dir(&self) -> &Path {
        self.files.path()
    }
    fn org_rows(&self) -> (Vec<String>, Vec<(Option<String>, String)>) {
        let mut c = self.config.connect(NoTls).unwrap();
        let boards = c.query(BOARD_ROWS, &[]).unwrap();
        let units = c.query(UNIT_ROWS, &[]).unwrap();
        sorted(
            boards.iter().map(|r| r.get(0)).collect(),
            units.iter().map(|r| (r.get(0), r.get(1))).collect(),
        )
    }
    fn try_sql(&self, sql: &str) -> Result<(), String> {
        let mut c = self.config.connect(NoTls).unwrap();
        c.batch_execute(sql).map_err(|e| match e.as_db_error() {
            Some(db) => db.message().to_string(),
            None => e.to_string(),
        })
    }
    fn empty_twin(&self) -> Box<dyn Backend> {
        let twin = Postgres::new(&format!("twin_{}", self.name)).expect("the same server");
        twin.clock.set(self.clock.now());
        Box::new(twin)
    }
}
