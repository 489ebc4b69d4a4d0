//! The reports' summary (migration 0012) is kept with the snapshot rows:
//! after commits of every status, a folder recorded at open, a disposal,
//! reindex, the migration of an older store and an open that finds the
//! summary marked stale, what the store reports from
//! the summary equals a recomputation from the snapshot rows (the aggregate
//! queries the reports ran before the summary), at every moment around
//! every snapshot's finish; and a commit, in order (a step added) or out of
//! order (the channel recomputed), leaves the rows a full refresh gives.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use ogonblick_model::{ChannelId, SnapshotReason, SnapshotStatus, Timestamp};
use ogonblick_store::rusqlite::{Connection, Row};
use ogonblick_store::{
    ChannelFilter, ChannelHistorySummary, LatestGood, SnapshotBrief, Store, DB_FILE_NAME,
};

use crate::common::{commit_snapshot_as, new_channel, open, t0};
use crate::disposal::entry;

const LATEST_GOOD: &str = "SELECT channel_id, reason, MAX(finished_at) FROM snapshots
     WHERE whole_channel = 1 AND status = 'complete' AND finished_at <= ?1
     GROUP BY channel_id, reason ORDER BY channel_id, reason";

const HISTORY_SUMMARIES: &str = "WITH
     good AS (
        SELECT channel_id, MAX(finished_at || started_at || id) AS k,
               id, reason, status, started_at, finished_at
        FROM snapshots WHERE whole_channel = 1 AND status = 'complete' AND finished_at <= ?1
        GROUP BY channel_id),
     latest AS (
        SELECT channel_id, MAX(started_at || id) AS k, COUNT(*) AS n,
               id, reason, status, started_at, finished_at
        FROM snapshots WHERE whole_channel = 1 AND finished_at <= ?1
        GROUP BY channel_id),
     failed AS (
        SELECT s.channel_id, COUNT(*) AS n
        FROM snapshots s LEFT JOIN good g ON g.channel_id = s.channel_id
        WHERE s.whole_channel = 1 AND s.status <> 'complete' AND s.finished_at <= ?1
          AND (g.finished_at IS NULL OR s.started_at >= g.finished_at)
        GROUP BY s.channel_id)
     SELECT l.channel_id, l.n, COALESCE(f.n, 0),
            l.id, l.reason, l.status, l.started_at, l.finished_at,
            g.id, g.reason, g.status, g.started_at, g.finished_at
     FROM latest l
     LEFT JOIN good g ON g.channel_id = l.channel_id
     LEFT JOIN failed f ON f.channel_id = l.channel_id
     ORDER BY l.channel_id";

const CHANNEL_STATS: &str = "WITH
     latest AS (
        SELECT channel_id, MAX(started_at || id) AS k, COUNT(*) AS n, status, started_at
        FROM snapshots GROUP BY channel_id),
     good AS (
        SELECT channel_id, MAX(started_at) AS started_at
        FROM snapshots WHERE status = 'complete' GROUP BY channel_id)
     SELECT l.channel_id, l.n, l.started_at, l.status, g.started_at
     FROM latest l LEFT JOIN good g ON g.channel_id = l.channel_id";

fn ts(t: &Timestamp) -> String {
    t.to_rfc3339_opts(SecondsFormat::Nanos, true)
}

fn time(s: String) -> Timestamp {
    DateTime::parse_from_rfc3339(&s)
        .unwrap()
        .with_timezone(&Utc)
}

fn word<T: std::str::FromStr>(s: String) -> T
where
    T::Err: std::fmt::Debug,
{
    s.parse().unwrap()
}

fn brief(r: &Row<'_>, at: usize, channel_id: ChannelId) -> SnapshotBrief {
    SnapshotBrief {
        id: r.get(at).unwrap(),
        channel_id,
        reason: word(r.get(at + 1).unwrap()),
        status: word(r.get(at + 2).unwrap()),
        started_at: time(r.get(at + 3).unwrap()),
        finished_at: time(r.get(at + 4).unwrap()),
    }
}

type Stats = (
    u32,
    Option<Timestamp>,
    Option<SnapshotStatus>,
    Option<Timestamp>,
);

/// The reports recomputed from the snapshot rows at `at`.
fn recomputed(c: &Connection, at: Timestamp) -> (Vec<LatestGood>, Vec<ChannelHistorySummary>) {
    let mut stmt = c.prepare(LATEST_GOOD).unwrap();
    let good = stmt
        .query_map([ts(&at)], |r| {
            Ok(LatestGood {
                channel_id: r.get(0)?,
                reason: word(r.get(1)?),
                finished_at: time(r.get(2)?),
            })
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut stmt = c.prepare(HISTORY_SUMMARIES).unwrap();
    let history = stmt
        .query_map([ts(&at)], |r| {
            let channel_id: ChannelId = r.get(0)?;
            Ok(ChannelHistorySummary {
                channel_id,
                snapshots: r.get(1)?,
                failures: r.get(2)?,
                last: brief(r, 3, channel_id),
                last_good: r
                    .get::<_, Option<String>>(8)?
                    .map(|_| brief(r, 8, channel_id)),
            })
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (good, history)
}

fn recomputed_stats(c: &Connection) -> HashMap<ChannelId, Stats> {
    let mut stmt = c.prepare(CHANNEL_STATS).unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                (
                    r.get(1)?,
                    Some(time(r.get(2)?)),
                    Some(word(r.get(3)?)),
                    r.get::<_, Option<String>>(4)?.map(time),
                ),
            ))
        })
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// Holds the store's reports to the recomputation: before everything, at,
/// just before and just after every snapshot's finish, and long after.
fn check(store: &Store, when: &str) {
    let finished: BTreeSet<String> = store
        .with_connection(|c| {
            let mut stmt = c.prepare("SELECT finished_at FROM snapshots")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            Ok(rows.map(Result::unwrap).collect())
        })
        .unwrap();
    assert!(!finished.is_empty(), "{when}");
    let mut moments = vec![t0() - Duration::days(400), t0() + Duration::days(4000)];
    for f in finished {
        let f = time(f);
        moments.extend([
            f - Duration::nanoseconds(1),
            f,
            f + Duration::nanoseconds(1),
        ]);
    }
    for at in moments {
        let (good, history) = store.with_connection(|c| Ok(recomputed(c, at))).unwrap();
        assert_eq!(
            store.latest_good_snapshots(at).unwrap(),
            good,
            "{when}: latest good at {at}"
        );
        assert_eq!(
            store.history_summaries(at).unwrap(),
            history,
            "{when}: history at {at}"
        );
    }
    let want = store.with_connection(|c| Ok(recomputed_stats(c))).unwrap();
    for s in store.list_channels(&ChannelFilter::default()).unwrap() {
        let stats = want
            .get(&s.channel.id)
            .cloned()
            .unwrap_or((0, None, None, None));
        assert_eq!(
            (
                s.snapshot_count,
                s.last_snapshot_at,
                s.last_snapshot_status,
                s.last_complete_at
            ),
            stats,
            "{when}: the list's channel {}",
            s.channel.id
        );
    }
}

fn day(d: i64, minutes: i64) -> (Timestamp, Timestamp) {
    let start = t0() + Duration::days(d);
    (start, start + Duration::minutes(minutes))
}

#[test]
fn the_summary_equals_the_snapshot_rows_after_every_kind_of_write() {
    use SnapshotReason::{AdHoc, HalfYearly, MajorChange, SingleItem};
    use SnapshotStatus::{Complete, Failed, Partial};
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open(dir.path());
    let mut urls = Vec::new();
    for (i, name) in ["Nacka", "Täby", "Solna"].iter().enumerate() {
        let c = store
            .add_channel(
                &new_channel(
                    name,
                    &[
                        &format!("https://a{i}.se/k"),
                        &format!("https://a{i}.se/om"),
                    ],
                ),
                "t",
            )
            .unwrap();
        urls.push((c.id, c.urls));
    }
    let (a, b, c) = (&urls[0], &urls[1], &urls[2]);
    let commits = [
        (a, "a-1", day(0, 3), HalfYearly, Complete),
        (a, "a-2", day(1, 3), HalfYearly, Failed),
        (a, "a-3", day(2, 3), AdHoc, Partial),
        (a, "a-4", day(3, 3), AdHoc, Complete),
        (a, "a-5", day(4, 3), SingleItem, Complete),
        (a, "a-6", day(5, 3), HalfYearly, Failed),
        // Started before a-8 and finished after it.
        (a, "a-7", day(6, 60 * 30), MajorChange, Complete),
        (a, "a-8", day(7, 3), HalfYearly, Partial),
        // The same start as a-8: ordered by id.
        (a, "a-9", day(7, 5), HalfYearly, Failed),
        (b, "b-1", day(0, 3), HalfYearly, Failed),
        (b, "b-2", day(2, 3), SingleItem, Complete),
        (b, "b-3", day(3, 3), HalfYearly, Partial),
    ];
    for ((ch, urls), id, times, reason, status) in commits {
        commit_snapshot_as(&store, *ch, id, urls, times, reason, status);
    }
    check(&store, "after the commits");

    // A folder renamed into place whose row never made it: the next open
    // records it (made in another data directory with the same channel).
    let other = tempfile::tempdir().unwrap();
    {
        let (o, _) = open(other.path());
        let oc = o
            .add_channel(&new_channel("Nacka", &["https://a0.se/k"]), "t")
            .unwrap();
        assert_eq!(oc.id, a.0);
        commit_snapshot_as(&o, oc.id, "a-10", &oc.urls, day(9, 3), HalfYearly, Complete);
        let from = o.snapshot_dir(oc.id, "a-10");
        let to = store.snapshot_dir(a.0, "a-10");
        std::fs::create_dir_all(&to).unwrap();
        for f in ogonblick_store::fsutil::list_files(&from).unwrap() {
            let target = to.join(&f);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(from.join(&f), target).unwrap();
        }
    }
    drop(store);
    let (store, _) = open(dir.path());
    assert!(store.snapshot("a-10").is_ok());
    check(&store, "after the open recorded a folder");

    // A disposal of the latest good snapshot of a channel.
    let lock = store.disposal_lock().unwrap().expect("the run's lock");
    store.dispose(entry(&store, a.0, "a-10", "d-1")).unwrap();
    store.dispose(entry(&store, b.0, "b-2", "d-2")).unwrap();
    drop(lock);
    check(&store, "after the disposals");

    // More commits, then reindex.
    commit_snapshot_as(&store, c.0, "c-1", &c.1, day(8, 3), HalfYearly, Complete);
    commit_snapshot_as(&store, c.0, "c-2", &c.1, day(8, 3), HalfYearly, Failed);
    check(&store, "after more commits");
    store.reindex().unwrap();
    check(&store, "after reindex");

    // A store of schema version 11 (no summary) is filled by the migration.
    drop(store);
    {
        let conn = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
        conn.execute_batch(
            "DROP TABLE channel_summary; DROP TABLE channel_good; DROP TABLE history_steps;
             PRAGMA user_version = 11;",
        )
        .unwrap();
    }
    let (store, _) = open(dir.path());
    assert_eq!(
        store.schema_version().unwrap(),
        ogonblick_store::migrations::LATEST
    );
    check(&store, "after the migration");
    assert_eq!(stale_flags(&store), 0, "the refill clears the flag");

    // A later migration marks the summary stale (its SQL only): the open
    // after the last migration refills it from the rows, once.
    drop(store);
    {
        let conn = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
        conn.execute_batch(
            "DELETE FROM channel_summary; DELETE FROM channel_good; DELETE FROM history_steps;
             INSERT INTO summary_stale (id) VALUES (1);",
        )
        .unwrap();
    }
    let (store, _) = open(dir.path());
    check(&store, "after the summary was marked stale");
    assert_eq!(stale_flags(&store), 0);
}

fn stale_flags(store: &Store) -> i64 {
    store
        .with_connection(|c| {
            Ok(c.query_row("SELECT COUNT(*) FROM summary_stale", [], |r| r.get(0))?)
        })
        .unwrap()
}

/// The summary tables' rows, without their row numbers.
fn tables(store: &Store) -> Vec<Vec<String>> {
    let queries = [
        "SELECT channel_id || '|' || snapshots || '|' || last_started_at || '|' || last_status
             || '|' || COALESCE(last_complete_started_at, '-') FROM channel_summary ORDER BY channel_id",
        "SELECT channel_id || '|' || reason || '|' || finished_at FROM channel_good
             ORDER BY channel_id, reason",
        "SELECT channel_id || '|' || finished_at || '|' || started_at || '|' || id || '|' || snapshots
             || '|' || failures || '|' || last_id || '|' || last_reason || '|' || last_status
             || '|' || last_started_at || '|' || last_finished_at || '|' || COALESCE(good_id, '-')
             || '|' || COALESCE(good_reason, '-') || '|' || COALESCE(good_started_at, '-')
             || '|' || COALESCE(good_finished_at, '-')
         FROM history_steps ORDER BY channel_id, finished_at, started_at, id",
    ];
    store
        .with_connection(|c| {
            Ok(queries
                .iter()
                .map(|q| {
                    let mut stmt = c.prepare(q).unwrap();
                    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
                    rows.map(Result::unwrap).collect()
                })
                .collect())
        })
        .unwrap()
}

/// The summary a full refresh gives: the store marked stale and opened.
fn refreshed(dir: &std::path::Path) -> (Store, Vec<Vec<String>>) {
    let conn = Connection::open(dir.join(DB_FILE_NAME)).unwrap();
    conn.execute("INSERT INTO summary_stale (id) VALUES (1)", [])
        .unwrap();
    drop(conn);
    let (store, _) = open(dir);
    let rows = tables(&store);
    (store, rows)
}

#[test]
fn a_commit_in_order_or_out_of_order_gives_the_rows_of_a_full_refresh() {
    use SnapshotReason::{AdHoc, HalfYearly, MajorChange, SingleItem};
    use SnapshotStatus::{Complete, Failed, Partial};
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = open(dir.path());
    let c = store
        .add_channel(
            &new_channel("Nacka", &["https://a.se/k", "https://a.se/om"]),
            "t",
        )
        .unwrap();
    let at = |d: i64, m: i64, len: i64| {
        let s = t0() + Duration::days(d) + Duration::minutes(m);
        (s, s + Duration::minutes(len))
    };
    // Each commit is held to a full refresh of the same rows: the first
    // ones in order (the summary is updated step by step), then ones that
    // land before the latest by start or before the last step by finish.
    let commits = [
        ("s-1", at(0, 0, 3), HalfYearly, Failed),
        ("s-2", at(1, 0, 3), HalfYearly, Complete),
        ("s-3", at(2, 0, 3), AdHoc, Partial),
        ("s-4", at(3, 0, 3), SingleItem, Complete),
        ("s-5", at(4, 0, 3), HalfYearly, Failed),
        ("s-6", at(5, 0, 0), AdHoc, Failed),
        // Finishes when it starts, as s-6 (zero length): the failure of
        // s-6 started at its finish and still counts after it.
        ("s-7", at(5, 0, 0), HalfYearly, Complete),
        ("s-8", at(6, 0, 3), HalfYearly, Partial),
        // Out of order: started before the latest.
        ("s-0", at(-1, 0, 3), HalfYearly, Complete),
        // Started last, finished before the last step.
        ("s-9", at(6, 1, 1), MajorChange, Failed),
        // Started before the latest, finished after every other.
        ("s-10", at(5, 30, 60 * 48), HalfYearly, Complete),
        // A one-address capture out of order, then one in order.
        ("s-11", at(1, 5, 1), SingleItem, Failed),
        ("s-12", at(9, 0, 3), SingleItem, Partial),
        ("s-13", at(10, 0, 3), HalfYearly, Partial),
    ];
    for (id, times, reason, status) in commits {
        commit_snapshot_as(&store, c.id, id, &c.urls, times, reason, status);
        let kept = tables(&store);
        drop(store);
        let (again, full) = refreshed(dir.path());
        assert_eq!(kept, full, "after {id}");
        store = again;
    }
    check(&store, "after the commits in and out of order");
}
