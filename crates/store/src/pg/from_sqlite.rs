//! `ogonblick migrate --to postgres://…` (issue 15): the SQLite register of
//! a data directory copied into a PostgreSQL database that holds no
//! register yet, every row with its ids, sequence numbers and timestamps
//! unchanged, in ONE transaction of the target: the schema is created (or
//! brought up to date) inside it, the copy is checked
//! (`from_sqlite_check.rs`: every table's rows, every snapshot's recorded
//! files against the SQLite ones and against the files on disk) and only
//! then committed, so a refusal, a failure or a killed process leaves the
//! target as it was. The SQLite database is read in one transaction that
//! holds its write lock (`from_sqlite_busy.rs`): a move is refused while
//! another process captures, imports or disposes, and nothing is written
//! to the local register while it moves.
//!
//! What does not move: claims (a lease of a running capture) and the
//! reports' summary tables, which the target computes from the copied
//! snapshot rows (`ogonblick_refresh_summary`). Last, the target gets a
//! register id and the data directory its marker (`identity.rs`), so that
//! `--database` with the same data directory opens the moved register.

use std::path::Path;

use ogonblick_model::{Message, Timestamp};
use postgres::types::ToSql;
use postgres::Config;
use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::identity::{mark_and_commit, ID_KEY};
use super::{migrations, open_client, MARKER_FILE};
use crate::{Result, StoreError, DB_FILE_NAME};

/// How a column is carried across.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// INTEGER → BIGINT.
    Int,
    /// INTEGER → INTEGER.
    Int4,
    Text,
    /// INTEGER 0/1 → BOOLEAN.
    Bool,
    /// JSON text → JSONB.
    Json,
}

/// A table that moves: its columns and the key its rows are compared in.
pub(super) struct Table {
    pub name: &'static str,
    pub cols: &'static [(&'static str, Kind)],
    pub key: &'static [&'static str],
    /// The identity column whose sequence is advanced past the copied ids.
    pub identity: Option<&'static str>,
}

use Kind::*;

/// Every table that moves, parents before children.
pub(super) const TABLES: &[Table] = &[
    Table {
        name: "boards",
        cols: &[("id", Int), ("name", Text)],
        key: &["id"],
        identity: Some("id"),
    },
    Table {
        name: "units",
        cols: &[("id", Int), ("board_id", Int), ("name", Text)],
        key: &["id"],
        identity: Some("id"),
    },
    Table {
        name: "channels",
        cols: &[
            ("id", Int),
            ("name", Text),
            ("platform", Text),
            ("board_id", Int),
            ("unit_id", Int),
            ("responsible", Text),
            ("substitute", Text),
            ("purpose", Text),
            ("audience", Text),
            ("policy", Text),
            ("status", Text),
            ("created_at", Text),
            ("closing_started_at", Text),
            ("closed_at", Text),
            ("notes", Text),
        ],
        key: &["id"],
        identity: Some("id"),
    },
    Table {
        name: "channel_urls",
        cols: &[
            ("channel_id", Int),
            ("position", Int4),
            ("url", Text),
            ("normalised", Text),
        ],
        key: &["channel_id", "position"],
        identity: None,
    },
    Table {
        name: "audit_log",
        cols: &[
            ("seq", Int),
            ("at", Text),
            ("actor", Text),
            ("action", Text),
            ("channel_id", Int),
            ("detail", Text),
            ("event", Json),
        ],
        key: &["seq"],
        identity: Some("seq"),
    },
    Table {
        name: "settings",
        cols: &[("key", Text), ("value", Json)],
        key: &["key"],
        identity: None,
    },
    Table {
        name: "snapshots",
        cols: &[
            ("id", Text),
            ("channel_id", Int),
            ("reason", Text),
            ("status", Text),
            ("started_at", Text),
            ("finished_at", Text),
            ("operator", Text),
            ("folder", Text),
            ("manifest", Text),
            ("whole_channel", Bool),
        ],
        key: &["id"],
        identity: None,
    },
    Table {
        name: "snapshot_timestamps",
        cols: &[("snapshot_id", Text), ("pending", Bool), ("state", Text)],
        key: &["snapshot_id"],
        identity: None,
    },
    Table {
        name: "removal_grounds",
        cols: &[
            ("code", Text),
            ("position", Int4),
            ("label_sv", Text),
            ("label_en", Text),
            ("needs_text", Bool),
            ("retired", Bool),
        ],
        key: &["code"],
        identity: None,
    },
    Table {
        name: "removals",
        cols: &[
            ("id", Text),
            ("channel_id", Int),
            ("folder", Text),
            ("created_at", Text),
        ],
        key: &["id"],
        identity: None,
    },
    Table {
        name: "removal_versions",
        cols: &[
            ("removal_id", Text),
            ("version", Int4),
            ("recorded_at", Text),
            ("recorded_by", Text),
            ("removed_at", Text),
            ("ground", Text),
            ("diary_number", Text),
            ("record", Text),
        ],
        key: &["removal_id", "version"],
        identity: None,
    },
    Table {
        name: "marks",
        cols: &[("item_id", Text), ("kind", Text), ("mark", Text)],
        key: &["item_id"],
        identity: None,
    },
    Table {
        name: "disposal_log",
        cols: &[
            ("seq", Int),
            ("disposal_id", Text),
            ("item_id", Text),
            ("disposed_at", Text),
            ("entry", Text),
        ],
        key: &["seq"],
        identity: Some("seq"),
    },
    Table {
        name: "roles",
        cols: &[
            ("login", Text),
            ("role", Text),
            ("set_at", Text),
            ("set_by", Text),
        ],
        key: &["login", "role"],
        identity: None,
    },
    Table {
        name: "role_units",
        cols: &[("login", Text), ("unit", Text)],
        key: &["login", "unit"],
        identity: None,
    },
];

/// Tables of the target that must be empty besides [`TABLES`] (the
/// removal grounds are left out: the schema seeds them, and the copy
/// replaces them).
pub(super) const ALSO_EMPTY: &[&str] = &[
    "channel_claims",
    "channel_summary",
    "channel_good",
    "history_steps",
];

/// One table's rows, as moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableCount {
    pub table: String,
    pub rows: u64,
}

/// What `ogonblick migrate` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MigrationReport {
    /// `user@host:port/database` of the target (no password).
    pub address: String,
    /// The id the register got; the data directory's marker holds it.
    pub register_id: String,
    /// Every table moved, with its rows (equal on both sides).
    pub tables: Vec<TableCount>,
    /// Snapshots whose recorded files were checked, and the files hashed.
    pub snapshots_checked: u64,
    pub files_checked: u64,
}

impl MigrationReport {
    /// The rows of `table`.
    pub fn rows(&self, table: &str) -> u64 {
        self.tables
            .iter()
            .find(|t| t.table == table)
            .map_or(0, |t| t.rows)
    }
}

/// Opens the SQLite register of `data_dir` read-only, at this build's
/// schema version.
fn open_source(data_dir: &Path) -> Result<Connection> {
    let path = data_dir.join(DB_FILE_NAME);
    if !path.is_file() {
        return Err(StoreError::NotFound(Message::StorePgMigrateNoSource {
            path: path.display().to_string(),
        }));
    }
    // Read-write (never created): the move takes the write lock, though it
    // writes nothing to the source.
    let conn = Connection::open_with_flags(
        &path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(crate::store::BUSY_TIMEOUT)?;
    let current = crate::migrations::version(&conn)?;
    let known = crate::migrations::LATEST;
    if current > known {
        return Err(StoreError::Conflict(Message::StoreSchemaNewer {
            current: current as u64,
            known: known as u64,
        }));
    }
    if current < known {
        return Err(StoreError::Conflict(Message::StorePgMigrateSourceOld {
            path: path.display().to_string(),
        }));
    }
    Ok(conn)
}

/// A SQLite cell as the parameter of its column's kind.
fn param(table: &str, col: &str, kind: Kind, v: Value) -> Result<Box<dyn ToSql + Sync>> {
    let bad = || {
        StoreError::Environment(Message::StorePgMigrateValue {
            table: table.to_string(),
            column: col.to_string(),
        })
    };
    Ok(match (kind, v) {
        (Int | Int4, Value::Null) => Box::new(None::<i64>),
        (Int | Int4, Value::Integer(n)) => Box::new(Some(n)),
        (Bool, Value::Null) => Box::new(None::<bool>),
        (Bool, Value::Integer(n)) => Box::new(Some(n != 0)),
        (Text | Json, Value::Null) => Box::new(None::<String>),
        (Text | Json, Value::Text(s)) => Box::new(Some(s)),
        (Text | Json, Value::Integer(n)) => Box::new(Some(n.to_string())),
        (Text | Json, Value::Real(f)) => Box::new(Some(f.to_string())),
        _ => return Err(bad()),
    })
}

fn placeholder(i: usize, kind: Kind) -> String {
    let n = i + 1;
    match kind {
        Int => format!("${n}::int8"),
        Int4 => format!("(${n}::int8)::int4"),
        Text => format!("${n}::text"),
        Bool => format!("${n}::bool"),
        Json => format!("(${n}::text)::jsonb"),
    }
}

/// Copies one table's rows; their number.
fn copy_table(
    src: &rusqlite::Transaction<'_>,
    tx: &mut postgres::Transaction<'_>,
    t: &Table,
) -> Result<u64> {
    let names: Vec<&str> = t.cols.iter().map(|(c, _)| *c).collect();
    let insert = format!(
        "INSERT INTO {} ({}) {} VALUES ({})",
        t.name,
        names.join(", "),
        if t.identity.is_some() {
            "OVERRIDING SYSTEM VALUE"
        } else {
            ""
        },
        t.cols
            .iter()
            .enumerate()
            .map(|(i, (_, k))| placeholder(i, *k))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let insert = tx.prepare(&insert)?;
    let mut select = src.prepare(&format!(
        "SELECT {} FROM {} ORDER BY {}",
        names.join(", "),
        t.name,
        t.key.join(", ")
    ))?;
    let mut rows = select.query([])?;
    let mut n = 0u64;
    while let Some(row) = rows.next()? {
        let mut params = Vec::with_capacity(t.cols.len());
        for (i, (col, kind)) in t.cols.iter().enumerate() {
            params.push(param(t.name, col, *kind, row.get::<_, Value>(i)?)?);
        }
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref()).collect();
        tx.execute(&insert, &refs)?;
        n += 1;
    }
    if let Some(col) = t.identity {
        tx.execute(
            &format!(
                "SELECT setval(pg_get_serial_sequence('{0}', '{1}'), m)
                 FROM (SELECT max({1}) AS m FROM {0}) x WHERE m IS NOT NULL",
                t.name, col
            ),
            &[],
        )?;
    }
    Ok(n)
}

/// The tables of the target holding rows (`name (rows)`), none when it
/// holds no register (the schema's seeded removal grounds and a register
/// id are no register).
fn occupied(tx: &mut postgres::Transaction<'_>) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let names = TABLES
        .iter()
        .map(|t| t.name)
        .filter(|n| *n != "removal_grounds")
        .chain(ALSO_EMPTY.iter().copied());
    for name in names {
        // A register id alone is no register: a desktop opened the empty
        // database with a folder (the id is replaced below).
        let only = if name == "settings" {
            format!(" WHERE key <> '{ID_KEY}'")
        } else {
            String::new()
        };
        let n: i64 = tx
            .query_one(&format!("SELECT count(*) FROM {name}{only}"), &[])?
            .get(0);
        if n > 0 {
            found.push(format!("{name} ({n})"));
        }
    }
    Ok(found)
}

/// Moves the SQLite register of `data_dir` into the database `config`
/// names (see the module documentation).
pub fn migrate_from_sqlite(
    config: Config,
    data_dir: &Path,
    now: Timestamp,
) -> Result<MigrationReport> {
    let mut source = open_source(data_dir)?;
    let marker = data_dir.join(MARKER_FILE);
    if marker.exists() {
        return Err(StoreError::Conflict(Message::StorePgMigrateMarked {
            path: marker.display().to_string(),
        }));
    }
    // No other process with the register open, SQLite's write lock for the
    // whole move, then no process at work (`from_sqlite_busy.rs`); one
    // consistent picture of the source.
    let alone = super::from_sqlite_busy::hold_alone(data_dir)?;
    let src = super::from_sqlite_busy::hold_idle(&mut source, data_dir, now)?;
    let (mut client, _, address) = open_client(config)?;
    let mut tx = client.transaction()?;
    migrations::migrate_in(&mut tx, migrations::LATEST)?;
    let all: Vec<&str> = TABLES
        .iter()
        .map(|t| t.name)
        .chain(ALSO_EMPTY.iter().copied())
        .collect();
    tx.batch_execute(&format!("LOCK TABLE {} IN EXCLUSIVE MODE", all.join(", ")))?;
    let found = occupied(&mut tx)?;
    if !found.is_empty() {
        return Err(StoreError::Conflict(Message::StorePgMigrateNotEmpty {
            address,
            tables: found.join(", "),
        }));
    }
    tx.batch_execute("DELETE FROM removal_grounds")?;
    tx.execute("DELETE FROM settings WHERE key = $1", &[&ID_KEY])?;
    // The copied entries were written on SQLite, by no database role: the
    // server's stamp (migration 0008) would name the one moving them.
    tx.batch_execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_db_role")?;
    let mut tables = Vec::new();
    for t in TABLES {
        let rows = copy_table(&src, &mut tx, t)?;
        tables.push(TableCount {
            table: t.name.to_string(),
            rows,
        });
    }
    tx.batch_execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_db_role")?;
    // Each person's PostgreSQL role in the group roles of their roles
    // (migration 0007), as `role set` would have made it.
    tx.batch_execute(
        "SELECT ogonblick_set_groups(login, array_agg(role)) FROM roles GROUP BY login",
    )?;
    tx.batch_execute(
        "SELECT ogonblick_refresh_summary(channel_id)
         FROM (SELECT DISTINCT channel_id FROM snapshots) c",
    )?;
    super::from_sqlite_check::check_rows(&src, &mut tx)?;
    let (snapshots_checked, files_checked) =
        super::from_sqlite_check::check_snapshot_files(&src, &mut tx, data_dir)?;
    // SQLite's write lock (`src`) is held until the target has committed:
    // a local writer waiting for it writes only after the marker exists,
    // and is then refused (`store-moved-to-postgres`).
    let register_id = mark_and_commit(tx, data_dir, &address)?;
    drop(src);
    // An opener waiting for the lock now finds the marker and is refused.
    drop(alone);
    Ok(MigrationReport {
        address,
        register_id,
        tables,
        snapshots_checked,
        files_checked,
    })
}
