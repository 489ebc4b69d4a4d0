//! The reports' summary (issue 18) on both backends: after snapshots of
//! every status and reason, one-address captures, ties, long captures that
//! finish after later ones, and a disposal, SQLite and PostgreSQL give the
//! same answers to the channel list, `due` (`latest_good_snapshots`),
//! `coverage` and the overview (`history_summaries`) and the views' lines,
//! at every moment around every snapshot's start and finish. SQLite's own
//! summary is held to a recomputation from its rows (`tests/it/summary.rs`),
//! so PostgreSQL's is too.

use chrono::Duration;
use ogonblick_model::{ChannelId, Snapshot, SnapshotReason, SnapshotStatus, Timestamp};
use ogonblick_store::{ChannelFilter, GoodTimes, Register};

use super::backends::{Backend, Postgres, Sqlite};
use super::given_two_channels;
use super::snapshots::snapshot;
use super::stamps_disposal::{disposal, given_folder};
use crate::common::{new_channel, t0};

/// A varied history of four channels (the fourth without snapshots, the
/// third with a one-address capture only); returns its snapshots.
fn given_history(b: &dyn Backend, r: &dyn Register) -> Vec<Snapshot> {
    let (c, d) = given_two_channels(r);
    let e = r
        .add_channel(
            &new_channel("Skolan", &["https://instagram.com/skolan"]),
            "anna",
        )
        .unwrap();
    r.add_channel(&new_channel("Tyst", &["https://x.com/tyst"]), "anna")
        .unwrap();
    use SnapshotReason::{AdHoc, HalfYearly, MajorChange, PreClosure, Yearly};
    use SnapshotStatus::{Complete, Failed, Partial};
    let h = |n: i64| t0() + Duration::hours(n);
    // (channel, id, reason, status, start, minutes it took, one address)
    let plan = [
        (c.id, "c-1", HalfYearly, Complete, h(0), 1, false),
        (c.id, "c-2", HalfYearly, Failed, h(1), 1, false),
        (c.id, "c-3", AdHoc, Partial, h(2), 1, false),
        // Long: finishes after c-5 and c-6 started and finished.
        (c.id, "c-4", MajorChange, Complete, h(3), 180, false),
        (c.id, "c-5", HalfYearly, Failed, h(4), 1, false),
        (c.id, "c-6", AdHoc, Complete, h(5), 1, true),
        // The same start: the id decides ('_' after '-' byte for byte).
        (c.id, "c-7_b", HalfYearly, Complete, h(7), 2, false),
        (c.id, "c-7-a", HalfYearly, Partial, h(7), 2, false),
        (c.id, "c-8", HalfYearly, Failed, h(9), 1, false),
        (d.id, "d-1", HalfYearly, Failed, h(0), 5, false),
        (d.id, "d-2", AdHoc, Partial, h(2), 5, false),
        (d.id, "d-3", HalfYearly, Complete, h(6), 5, false),
        (d.id, "d-4", MajorChange, Complete, h(6), 5, false),
        // Started the moment d-3 and d-4 finished: a failure since them.
        (
            d.id,
            "d-5",
            AdHoc,
            Failed,
            h(6) + Duration::minutes(5),
            1,
            false,
        ),
        // A final snapshot, and two of other reasons that finish at once
        // (the schedule's latest "other" is the first reason in order).
        (d.id, "d-6", PreClosure, Complete, h(10), 1, false),
        (d.id, "d-7", Yearly, Complete, h(11), 1, false),
        (d.id, "d-8", AdHoc, Complete, h(11), 1, false),
        (e.id, "e-1", HalfYearly, Complete, h(1), 5, true),
    ];
    plan.into_iter()
        .map(|(ch, id, reason, status, at, minutes, single)| {
            let mut s = snapshot(ch, id, reason, status, at);
            s.finished_at = at + Duration::minutes(minutes);
            if single {
                s.single_address = Some("https://facebook.com/nacka/posts/1".into());
            }
            given_folder(b, r, &s, false);
            s
        })
        .collect()
}

/// Every moment where an answer can change: before, at and after each
/// start and finish.
fn moments(history: &[Snapshot]) -> Vec<Timestamp> {
    let mut out: Vec<Timestamp> = history
        .iter()
        .flat_map(|s| [s.started_at, s.finished_at])
        .flat_map(|t| {
            [
                t - Duration::nanoseconds(1),
                t,
                t + Duration::nanoseconds(1),
            ]
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Everything the reports answer, as text (each type's `Debug`), for one
/// moment.
fn answers(r: &dyn Register, at: Timestamp, channels: &[ChannelId]) -> String {
    let listed: Vec<_> = r
        .list_channels(&ChannelFilter::default())
        .unwrap()
        .into_iter()
        .map(|s| {
            (
                s.channel.id,
                s.snapshot_count,
                s.last_snapshot_at,
                s.last_snapshot_status,
                s.last_complete_at,
            )
        })
        .collect();
    // The reports' one read (PostgreSQL's summary rows, SQLite's the
    // three reads joined) and, that it says the same, those reads.
    let joined = r.report_rows(at, true).unwrap();
    let mut good: std::collections::BTreeMap<ChannelId, GoodTimes> = Default::default();
    for g in r.latest_good_snapshots(at).unwrap() {
        good.entry(g.channel_id)
            .or_default()
            .add(g.reason, g.finished_at);
    }
    for row in &joined {
        assert_eq!(row.good, good.remove(&row.brief.id).unwrap_or_default());
    }
    assert_eq!(
        joined
            .iter()
            .flat_map(|row| row.history.clone())
            .collect::<Vec<_>>(),
        r.history_summaries(at).unwrap()
    );
    assert_eq!(
        joined.iter().map(|row| &row.brief).collect::<Vec<_>>(),
        r.channel_briefs().unwrap().iter().collect::<Vec<_>>()
    );
    let without: Vec<_> = r.report_rows(at, false).unwrap();
    assert!(without.iter().all(|row| row.history.is_none()));
    assert_eq!(
        without
            .iter()
            .map(|row| (&row.brief, row.good))
            .collect::<Vec<_>>(),
        joined
            .iter()
            .map(|row| (&row.brief, row.good))
            .collect::<Vec<_>>()
    );
    format!(
        "{listed:?}\n{:?}\n{:?}\n{:?}\n{joined:?}",
        r.latest_good_snapshots(at).unwrap(),
        r.history_summaries(at).unwrap(),
        r.snapshot_lines(channels).unwrap()
    )
}

#[test]
fn both_backends_answer_the_reports_alike_at_every_moment() {
    let Some(pg) = Postgres::new("reports_alike") else {
        return;
    };
    let lite = Sqlite::new();
    let (p, l) = (pg.connect(), lite.connect());
    let history = given_history(&pg, &*p);
    assert_eq!(given_history(&lite, &*l), history);
    let channels = [4, 1, 2, 3, 1, 99];
    let compare = |when: &str| {
        for at in moments(&history) {
            let (x, y) = (answers(&*l, at, &channels), answers(&*p, at, &channels));
            assert_eq!(x, y, "{when}, at {at}: SQLite first, PostgreSQL second");
        }
    };
    compare("after the captures");
    summary_holds_the_latest_step(&pg, "after the captures");
    // Not trivially equal: the answers change over time and say something.
    let first = answers(&*p, t0(), &channels);
    let last = answers(&*p, t0() + Duration::days(1), &channels);
    assert_ne!(first, last);
    assert!(last.contains("c-7_b") && last.contains("d-8"), "{last}");
    assert!(
        last.contains("other: Some((AdHoc,") && last.contains("pre_closure: Some("),
        "{last}"
    );

    // A disposal changes the summary in its transaction, alike.
    for r in [&p, &l] {
        for id in ["c-4", "d-3"] {
            let s = history.iter().find(|s| s.id == id).unwrap();
            let lock = r.disposal_lock().unwrap().unwrap();
            r.dispose(disposal(s, &format!("dispose-{id}"))).unwrap();
            drop(lock);
        }
    }
    compare("after two disposals");
    summary_holds_the_latest_step(&pg, "after two disposals");
}

/// A step's finish, count, failures, latest id, good id, good finish.
type StepColumns = (
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// PostgreSQL's summary row of each channel holds the channel's latest
/// step of `history_steps` (migration 0009), from which the overview
/// answers without searching the steps: every channel with steps has them
/// (column for column), one without has none.
fn summary_holds_the_latest_step(pg: &Postgres, when: &str) {
    let mut c = pg
        .config()
        .connect(ogonblick_store::postgres::NoTls)
        .unwrap();
    let rows = c
        .query(
            "SELECT c.channel_id, h.finished_at, h.snapshots, h.failures, h.last_id,
                    h.good_id, h.good_finished_at,
                    c.step_finished_at, c.step_snapshots, c.step_failures, c.step_last_id,
                    c.step_good_id, c.step_good_finished_at,
                    ROW(h.last_reason, h.last_status, h.last_started_at, h.last_finished_at,
                        h.good_reason, h.good_started_at)::TEXT
                    = ROW(c.step_last_reason, c.step_last_status, c.step_last_started_at,
                          c.step_last_finished_at, c.step_good_reason,
                          c.step_good_started_at)::TEXT
             FROM channel_summary c
             LEFT JOIN LATERAL (
                SELECT * FROM history_steps WHERE channel_id = c.channel_id
                ORDER BY finished_at DESC, started_at DESC, id DESC LIMIT 1) h ON TRUE
             ORDER BY c.channel_id",
            &[],
        )
        .unwrap();
    assert_eq!(rows.len(), 3, "{when}: three channels have snapshots");
    let mut with_steps = 0;
    for r in rows {
        let cols = |k: usize| -> StepColumns {
            (
                r.get(k),
                r.get(k + 1),
                r.get(k + 2),
                r.get(k + 3),
                r.get(k + 4),
                r.get(k + 5),
            )
        };
        let (step, summary) = (cols(1), cols(7));
        assert_eq!(summary, step, "{when}: channel {}", r.get::<_, i64>(0));
        if step.0.is_some() {
            with_steps += 1;
            assert_eq!(r.get::<_, Option<bool>>(13), Some(true), "{when}");
        }
    }
    assert_eq!(
        with_steps, 2,
        "{when}: the one-address capture makes no step"
    );
}
