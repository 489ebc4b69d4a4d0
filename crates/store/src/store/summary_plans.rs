//! The register's summary and history queries use their indexes: SQLite's
//! own query plans, on the schema the migrations build. A full scan of the
//! snapshot rows reads every manifest's pages (80 MB at 50,000 snapshots).

use rusqlite::Connection;

use super::super::channel_rows::{one_channel_sql, URLS_OF_CHANNEL};
use super::super::snapshots::{HISTORY, HISTORY_OF_CHANNEL};
use super::{CHANNEL_STATS, HISTORY_SUMMARIES, LATEST_GOOD, LINES_OF_CHANNEL};
use crate::migrations;

fn plan(sql: &str) -> Vec<String> {
    let mut conn = Connection::open_in_memory().unwrap();
    migrations::migrate(&mut conn).unwrap();
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let unbound = vec![rusqlite::types::Null; stmt.parameter_count()];
    let rows = stmt
        .query_map(rusqlite::params_from_iter(unbound), |r| {
            r.get::<_, String>(3)
        })
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    rows
}

/// Every step that reads the snapshot rows.
fn snapshot_steps(sql: &str) -> Vec<String> {
    plan(sql)
        .into_iter()
        .filter(|d| d.starts_with("SCAN s") || d.starts_with("SEARCH s"))
        .filter(|d| !d.contains(" g ") && !d.starts_with("SCAN l") && !d.starts_with("SEARCH f"))
        .collect()
}

#[test]
fn one_channels_history_searches_its_index() {
    let steps = snapshot_steps(HISTORY_OF_CHANNEL);
    assert_eq!(
        steps,
        ["SEARCH snapshots USING INDEX snapshots_channel_started (channel_id=?)"],
        "{:?}",
        plan(HISTORY_OF_CHANNEL)
    );
    // The whole history is a scan, as it must be.
    assert!(!plan(HISTORY).is_empty());
}

#[test]
fn one_channels_lines_search_the_covering_index() {
    assert_eq!(
        plan(LINES_OF_CHANNEL),
        [
            "SEARCH snapshots USING COVERING INDEX snapshots_summary (channel_id=?)",
            "USE TEMP B-TREE FOR ORDER BY"
        ],
    );
}

#[test]
fn the_latest_good_snapshots_are_read_in_order_from_their_own_index() {
    // Migration 0011: no temporary B-tree, no other index.
    assert_eq!(
        plan(LATEST_GOOD),
        ["SCAN snapshots USING COVERING INDEX snapshots_good"]
    );
}

#[test]
fn the_summary_queries_read_only_the_covering_index() {
    for sql in [HISTORY_SUMMARIES, CHANNEL_STATS] {
        let steps = snapshot_steps(sql);
        assert!(!steps.is_empty(), "{:?}", plan(sql));
        for step in &steps {
            assert!(
                step.contains("USING COVERING INDEX snapshots_summary"),
                "{step} in {:?}",
                plan(sql)
            );
        }
    }
}

#[test]
fn one_channel_is_read_by_its_key_and_its_addresses_by_their_index() {
    let sql = one_channel_sql();
    let plan_of_one = plan(&sql);
    assert!(
        plan_of_one
            .iter()
            .any(|d| d == "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)"),
        "{plan_of_one:?}"
    );
    assert!(
        !plan_of_one.iter().any(|d| d.starts_with("SCAN")),
        "{plan_of_one:?}"
    );
    assert_eq!(
        plan(URLS_OF_CHANNEL),
        ["SEARCH channel_urls USING INDEX sqlite_autoindex_channel_urls_2 (channel_id=?)"]
    );
}
