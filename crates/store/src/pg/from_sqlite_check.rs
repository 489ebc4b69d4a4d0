//! The checks of `ogonblick migrate` (`from_sqlite.rs`), run in the target's
//! transaction before it commits: every table moved holds the same rows on
//! both sides (their number and a SHA-256 over the rows read in key order,
//! JSON compared by meaning, since JSONB keeps its own spacing and key
//! order), and every snapshot's recorded files (path, size, SHA-256) in the
//! target are the SQLite ones and hash so on disk (the commit's own check,
//! `store::hash_recorded`).

use std::path::Path;

use ogonblick_model::{Message, Snapshot};
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;
use rusqlite::types::Value;
use serde_json::Value as Json;
use sha2::{Digest, Sha256};

use super::from_sqlite::{Kind, Table, TABLES};
use crate::fsutil::under;
use crate::store::hash_recorded;
use crate::{Result, StoreError};

/// A cell as both sides are compared.
enum Cell {
    Null,
    Int(i64),
    Text(String),
}

fn feed(h: &mut Sha256, c: &Cell) {
    match c {
        Cell::Null => h.update(b"N"),
        Cell::Int(n) => {
            h.update(b"I");
            h.update(n.to_le_bytes());
        }
        Cell::Text(s) => {
            h.update(b"T");
            h.update((s.len() as u64).to_le_bytes());
            h.update(s.as_bytes());
        }
    }
}

/// JSON text with its objects' keys sorted and no spacing.
fn canonical(text: &str) -> String {
    fn sort(v: Json) -> Json {
        match v {
            Json::Object(m) => {
                let mut pairs: Vec<(String, Json)> = m.into_iter().collect();
                pairs.sort_by(|a, b| a.0.cmp(&b.0));
                Json::Object(pairs.into_iter().map(|(k, v)| (k, sort(v))).collect())
            }
            Json::Array(a) => Json::Array(a.into_iter().map(sort).collect()),
            other => other,
        }
    }
    match serde_json::from_str::<Json>(text) {
        Ok(v) => sort(v).to_string(),
        // Not JSON: compared as it is.
        Err(_) => text.to_string(),
    }
}

fn text_cell(kind: Kind, s: String) -> Cell {
    match kind {
        Kind::Json => Cell::Text(canonical(&s)),
        _ => Cell::Text(s),
    }
}

/// The rows of `t` in the SQLite register: their number and digest.
fn sqlite_digest(src: &rusqlite::Transaction<'_>, t: &Table) -> Result<(u64, Vec<u8>)> {
    let names: Vec<&str> = t.cols.iter().map(|(c, _)| *c).collect();
    let mut stmt = src.prepare(&format!(
        "SELECT {} FROM {} ORDER BY {}",
        names.join(", "),
        t.name,
        t.key.join(", ")
    ))?;
    let mut rows = stmt.query([])?;
    let (mut h, mut n) = (Sha256::new(), 0u64);
    while let Some(row) = rows.next()? {
        for (i, (_, kind)) in t.cols.iter().enumerate() {
            let cell = match (row.get::<_, Value>(i)?, kind) {
                (Value::Null, _) => Cell::Null,
                (Value::Integer(v), Kind::Bool) => Cell::Int((v != 0) as i64),
                (Value::Integer(v), Kind::Int | Kind::Int4) => Cell::Int(v),
                (Value::Integer(v), _) => Cell::Text(v.to_string()),
                (Value::Real(f), _) => Cell::Text(f.to_string()),
                (Value::Text(s), kind) => text_cell(*kind, s),
                (Value::Blob(_), _) => Cell::Text(String::from("\u{0}blob")),
            };
            feed(&mut h, &cell);
        }
        n += 1;
    }
    Ok((n, h.finalize().to_vec()))
}

/// No parameters, for `query_raw`.
fn none() -> [&'static (dyn ToSql + Sync); 0] {
    []
}

/// The rows of `t` in the target: their number and digest.
fn pg_digest(tx: &mut postgres::Transaction<'_>, t: &Table) -> Result<(u64, Vec<u8>)> {
    let select: Vec<String> = t
        .cols
        .iter()
        .map(|(c, k)| match k {
            Kind::Int | Kind::Int4 => format!("{c}::int8"),
            Kind::Bool => format!("({c}::int4)::int8"),
            Kind::Json => format!("{c}::text"),
            Kind::Text => c.to_string(),
        })
        .collect();
    let order: Vec<String> = t
        .key
        .iter()
        .map(|k| match t.cols.iter().find(|(c, _)| c == k) {
            Some((_, Kind::Text)) => format!("{k} COLLATE \"C\""),
            _ => k.to_string(),
        })
        .collect();
    let sql = format!(
        "SELECT {} FROM {} ORDER BY {}",
        select.join(", "),
        t.name,
        order.join(", ")
    );
    let mut rows = tx.query_raw(&sql, none())?;
    let (mut h, mut n) = (Sha256::new(), 0u64);
    while let Some(row) = rows.next()? {
        for (i, (_, kind)) in t.cols.iter().enumerate() {
            let cell = match kind {
                Kind::Int | Kind::Int4 | Kind::Bool => {
                    row.get::<_, Option<i64>>(i).map_or(Cell::Null, Cell::Int)
                }
                Kind::Text | Kind::Json => row
                    .get::<_, Option<String>>(i)
                    .map_or(Cell::Null, |s| text_cell(*kind, s)),
            };
            feed(&mut h, &cell);
        }
        n += 1;
    }
    Ok((n, h.finalize().to_vec()))
}

/// Every table moved holds the same rows on both sides.
pub(super) fn check_rows(
    src: &rusqlite::Transaction<'_>,
    tx: &mut postgres::Transaction<'_>,
) -> Result<()> {
    for t in TABLES {
        let (sqlite, a) = sqlite_digest(src, t)?;
        let (postgres, b) = pg_digest(tx, t)?;
        if sqlite != postgres || a != b {
            return Err(StoreError::Integrity(Message::StorePgMigrateDiffers {
                table: t.name.to_string(),
                sqlite,
                postgres,
            }));
        }
    }
    Ok(())
}

/// Each snapshot's recorded files in the target are the SQLite ones, and
/// the files in its folder have those sizes and hashes; the snapshots and
/// files checked.
pub(super) fn check_snapshot_files(
    src: &rusqlite::Transaction<'_>,
    tx: &mut postgres::Transaction<'_>,
    data_dir: &Path,
) -> Result<(u64, u64)> {
    let mut lookup = src.prepare("SELECT manifest FROM snapshots WHERE id = ?1")?;
    let mut rows = tx.query_raw(
        "SELECT id, folder, manifest FROM snapshots ORDER BY id COLLATE \"C\"",
        none(),
    )?;
    let (mut snapshots, mut files) = (0u64, 0u64);
    let recorded = |s: &Snapshot| -> Vec<(String, String, u64)> {
        s.all_files()
            .map(|f| (f.path.clone(), f.sha256.to_ascii_lowercase(), f.size))
            .collect()
    };
    while let Some(row) = rows.next()? {
        let id: String = row.get(0);
        let folder: String = row.get(1);
        let moved: Snapshot = serde_json::from_str(row.get::<_, &str>(2))?;
        let source: Option<String> = match lookup.query_row([&id], |r| r.get(0)) {
            Ok(m) => Some(m),
            Err(rusqlite::Error::QueryReturnedNoRows) => None,
            Err(e) => return Err(e.into()),
        };
        let source: Option<Snapshot> = source.map(|m| serde_json::from_str(&m)).transpose()?;
        let differs = match &source {
            Some(s) => recorded(s) != recorded(&moved),
            None => true,
        };
        if differs {
            return Err(StoreError::Integrity(Message::StorePgMigrateDiffers {
                table: format!("snapshots ({id})"),
                sqlite: source.as_ref().map_or(0, |s| recorded(s).len() as u64),
                postgres: recorded(&moved).len() as u64,
            }));
        }
        let dir = under(data_dir, &folder)?;
        let hashed = hash_recorded(&dir, &moved).map_err(|e| {
            StoreError::Environment(Message::StorePgMigrateFile {
                snapshot: id.clone(),
                folder: dir.display().to_string(),
                cause: Box::new(e.message()),
            })
        })?;
        snapshots += 1;
        files += hashed.len() as u64;
    }
    Ok((snapshots, files))
}

#[cfg(test)]
mod tests {
    use super::super::from_sqlite::{ALSO_EMPTY, TABLES};

    /// Every column of the SQLite schema this build writes moves, or its
    /// table is one that does not (claims, the summary computed anew): a
    /// migration that adds a table or a column fails here until
    /// `from_sqlite.rs` carries it.
    #[test]
    fn every_column_of_the_sqlite_register_moves() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::migrations::migrate(&mut conn).unwrap();
        let not_moved: Vec<&str> = ALSO_EMPTY
            .iter()
            .copied()
            .chain(["summary_stale"])
            .collect();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut missing = Vec::new();
        for table in &tables {
            if not_moved.contains(&table.as_str()) {
                continue;
            }
            let moved = TABLES.iter().find(|t| t.name == table);
            let columns: Vec<String> = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            for c in columns {
                if !moved.is_some_and(|t| t.cols.iter().any(|(m, _)| *m == c)) {
                    missing.push(format!("{table}.{c}"));
                }
            }
        }
        for t in TABLES {
            assert!(tables.contains(&t.name.to_string()), "{}", t.name);
        }
        assert!(missing.is_empty(), "not moved: {}", missing.join(", "));
    }
}
