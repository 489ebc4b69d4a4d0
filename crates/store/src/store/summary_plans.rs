//! The register's summary and history queries use their indexes: SQLite's
//! own query plans, on the schema the migrations build. A full scan of the
//! snapshot rows reads every manifest's pages (80 MB at 50,000 snapshots),
//! and the reports read the summary (0012) instead of aggregating the rows.

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

#[test]
fn one_channels_history_searches_its_index() {
    let steps: Vec<String> = plan(HISTORY_OF_CHANNEL)
        .into_iter()
        .filter(|d| d.starts_with("SEARCH") || d.starts_with("SCAN"))
        .collect();
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
fn the_latest_good_snapshots_are_read_from_the_summary_in_order() {
    // Migration 0012: the summary in its key's order, no temporary B-tree;
    // for a moment before the summary's finish, one search of the index of
    // good snapshots (0011) for that channel and reason.
    assert_eq!(
        plan(LATEST_GOOD),
        [
            "SCAN g",
            "CORRELATED SCALAR SUBQUERY 1",
            "SEARCH s USING COVERING INDEX snapshots_good (channel_id=? AND reason=? AND finished_at<?)"
        ]
    );
}

#[test]
fn the_overview_searches_one_history_step_per_channel() {
    // Migration 0012: no scan of the snapshot rows, no temporary B-tree.
    assert_eq!(
        plan(HISTORY_SUMMARIES),
        [
            "SCAN c",
            "SEARCH h USING INTEGER PRIMARY KEY (rowid=?)",
            "CORRELATED SCALAR SUBQUERY 1",
            "SEARCH history_steps USING COVERING INDEX history_steps_order (channel_id=? AND finished_at<?)"
        ]
    );
}

#[test]
fn the_channel_lists_statistics_are_the_summary_rows() {
    assert_eq!(plan(CHANNEL_STATS), ["SCAN channel_summary"]);
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
