//! `App::coverage`: channels with complete, failed and partial snapshots
//! across boards, stored through the real store (SQLite + snapshot folders).

use std::sync::Arc;

use ogonblick_app::schedule::DueState;
use ogonblick_app::store::RegisterExt;
use ogonblick_app::CoverageReport;
use ogonblick_model::{
    ChannelStatus, FixedClock, SchedulePolicy, SnapshotReason as R, SnapshotStatus as S,
};

use crate::fixture::{add, open_at, store_snapshot, t};

struct World {
    report: CoverageReport,
    with_closed: CoverageReport,
    ids: [i64; 6],
    snaps: Vec<String>,
    _dir: tempfile::TempDir,
}

/// A: complete in Oct, failed + partial in March (due in the spring window).
/// B: failed, complete, partial in Oct, complete on 15 March, and a complete
///    one after the moment asked about (must not count).
/// C: only a failed try (overdue). D (no board): only a major-change snapshot
///    (good, but does not count for the schedule: overdue). E: closed.
/// F: manual policy, never snapshotted.
fn world() -> World {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(&dir, clock.clone());
    let a = add(
        &app,
        "Kultur Instagram",
        Some("Kulturnämnden"),
        Some("Biblioteken"),
        None,
    );
    let b = add(
        &app,
        "Musikskolan",
        Some("Kulturnämnden"),
        Some("Biblioteken"),
        None,
    );
    let c = add(&app, "Fritidsgården", Some("Kulturnämnden"), None, None);
    let d = add(&app, "Kommunen", None, None, None);
    let e = add(
        &app,
        "Gamla sidan",
        Some("Kulturnämnden"),
        Some("Biblioteken"),
        None,
    );
    let f = add(
        &app,
        "Manuell",
        Some("Barn- och utbildningsnämnden"),
        Some("Skolor"),
        Some(SchedulePolicy::Manual),
    );
    let mut snaps = Vec::new();
    let mut s =
        |ch, at: &str, r, st| snaps.push(store_snapshot(&app, &clock, ch, at, r, st, None).id);
    s(a, "2026-10-05T09:00:00Z", R::HalfYearly, S::Complete); // 0
    s(a, "2027-03-10T09:00:00Z", R::HalfYearly, S::Failed); // 1
    s(a, "2027-03-12T09:00:00Z", R::HalfYearly, S::Partial); // 2
    s(b, "2026-10-01T09:00:00Z", R::HalfYearly, S::Failed); // 3
    s(b, "2026-10-02T09:00:00Z", R::HalfYearly, S::Complete); // 4
    s(b, "2026-10-03T09:00:00Z", R::AdHoc, S::Partial); // 5
    s(b, "2027-03-15T09:00:00Z", R::HalfYearly, S::Complete); // 6
    s(b, "2027-04-01T09:00:00Z", R::AdHoc, S::Complete); // 7: after the moment
    s(c, "2026-10-10T09:00:00Z", R::HalfYearly, S::Failed); // 8
    s(d, "2026-10-20T09:00:00Z", R::MajorChange, S::Complete); // 9
    s(e, "2026-10-06T09:00:00Z", R::HalfYearly, S::Complete); // 10
    clock.set(t("2026-11-30T09:00:00Z"));
    app.start_closure(e).unwrap();
    clock.set(t("2026-12-01T09:00:00Z"));
    app.store()
        .mark_closed(e, "Testare", "package verified")
        .unwrap();
    clock.set(t("2027-05-01T09:00:00Z"));
    let at = Some(t("2027-03-20T12:00:00Z"));
    let report = app.coverage(at).unwrap();
    let with_closed = app.coverage_with(at, true).unwrap();
    // The rows' states are the due report's, not a second opinion.
    let due = app.due(at).unwrap();
    for g in &with_closed.groups {
        for r in &g.rows {
            let e = due
                .channels
                .iter()
                .find(|e| e.assessment.channel_id == r.channel_id)
                .unwrap();
            assert_eq!(r.state, e.assessment.state, "{}", r.name);
            assert_eq!(r.next_window, e.assessment.next_window, "{}", r.name);
        }
    }
    World {
        report,
        with_closed,
        ids: [a, b, c, d, e, f],
        snaps,
        _dir: tmp,
    }
}

#[test]
fn coverage_groups_rows_and_picks_the_last_good_snapshot() {
    let w = world();
    let [a, b, c, d, e, f] = w.ids;
    let r = &w.report;
    assert!(!r.include_closed);
    assert_eq!(r.local_date.to_string(), "2027-03-20");
    let groups: Vec<(Option<&str>, Option<&str>, Vec<i64>)> = r
        .groups
        .iter()
        .map(|g| {
            (
                g.board.as_deref(),
                g.unit.as_deref(),
                g.rows.iter().map(|r| r.channel_id).collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        vec![
            (
                Some("Barn- och utbildningsnämnden"),
                Some("Skolor"),
                vec![f]
            ),
            (Some("Kulturnämnden"), Some("Biblioteken"), vec![a, b]),
            (Some("Kulturnämnden"), None, vec![c]),
            (None, None, vec![d]),
        ]
    );
    let row = |id: i64| {
        r.groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|r| r.channel_id == id)
            .unwrap()
    };
    let last_good = |id: i64| row(id).last_good.as_ref().map(|s| s.id.clone());

    // (channel, state, last good snapshot, failures, snapshots)
    let table: [(i64, DueState, Option<usize>, u32, u32); 5] = [
        (a, DueState::Due, Some(0), 2, 3),
        (b, DueState::NotDue, Some(6), 0, 4),
        (c, DueState::Overdue, None, 1, 1),
        (d, DueState::Overdue, Some(9), 0, 1),
        (f, DueState::Manual, None, 0, 0),
    ];
    for (id, state, good, failures, count) in table {
        let x = row(id);
        assert_eq!(x.state, state, "{}", x.name);
        assert_eq!(
            last_good(id),
            good.map(|i| w.snaps[i].clone()),
            "{}",
            x.name
        );
        assert_eq!(x.failures, failures, "{}", x.name);
        assert_eq!(x.snapshot_count, count, "{}", x.name);
        assert!(!x.closed);
        assert_eq!(
            x.responsible.as_deref(),
            Some(format!("Ansvarig för {}", x.name).as_str())
        );
        assert_eq!(
            x.substitute.as_deref(),
            Some(format!("Ersättare för {}", x.name).as_str())
        );
    }
    // A: the last attempt was the partial one; its last good is from October.
    let ra = row(a);
    assert_eq!(ra.last_snapshot.as_ref().unwrap().id, w.snaps[2]);
    assert_eq!(ra.last_snapshot.as_ref().unwrap().status, S::Partial);
    assert_eq!(
        ra.last_good.as_ref().unwrap().started_at,
        t("2026-10-05T08:57:00Z")
    );
    assert_eq!(ra.last_good.as_ref().unwrap().reason, R::HalfYearly);
    assert_eq!(
        ra.current_window.as_ref().unwrap().last_day.to_string(),
        "2027-04-30"
    );
    assert!(ra.capture_now);
    // D: the major-change snapshot is good but the schedule does not count it.
    assert_eq!(row(d).last_good.as_ref().unwrap().reason, R::MajorChange);
    assert_eq!(
        row(d).next_window.as_ref().unwrap().first_day.to_string(),
        "2027-10-01"
    );

    let kb = &r.groups[1].counts;
    assert_eq!(
        (
            kb.channels,
            kb.due,
            kb.overdue,
            kb.failures,
            kb.snapshots,
            kb.closed
        ),
        (2, 1, 0, 2, 7, 1)
    );
    let tot = &r.totals;
    assert_eq!(tot.channels, 5);
    assert_eq!(tot.with_good_snapshot, 3);
    assert_eq!(tot.without_good_snapshot, 2);
    assert_eq!((tot.due, tot.overdue, tot.closure_due), (1, 2, 0));
    assert_eq!(tot.failures, 3);
    assert_eq!(tot.snapshots, 9);
    assert_eq!(tot.closed, 1);
    assert!(r
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .all(|x| x.channel_id != e));
}

#[test]
fn coverage_lists_closed_channels_flagged_when_asked() {
    let w = world();
    let e = w.ids[4];
    let r = &w.with_closed;
    assert!(r.include_closed);
    let g = r
        .groups
        .iter()
        .find(|g| g.rows.iter().any(|x| x.channel_id == e))
        .unwrap();
    assert_eq!(g.board.as_deref(), Some("Kulturnämnden"));
    let x = g.rows.iter().find(|x| x.channel_id == e).unwrap();
    assert!(x.closed);
    assert_eq!(x.status, ChannelStatus::Closed);
    assert_eq!(x.state, DueState::Closed);
    assert_eq!(x.last_good.as_ref().unwrap().id, w.snaps[10]);
    assert_eq!(r.totals.channels, 6);
    assert_eq!(r.totals.closed, 1);
    // Closed rows come after the others in their group.
    assert_eq!(g.rows.last().unwrap().channel_id, e);
}

#[test]
fn coverage_of_an_empty_register_and_before_any_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(dir.path(), clock.clone());
    let r = app.coverage(None).unwrap();
    assert!(r.groups.is_empty());
    assert_eq!(r.totals.channels, 0);
    let a = add(&app, "A", Some("KS"), None, None);
    store_snapshot(
        &app,
        &clock,
        a,
        "2026-10-05T09:00:00Z",
        R::HalfYearly,
        S::Complete,
        None,
    );
    // Asked about a day before the snapshot: it does not exist yet.
    let r = app.coverage(Some(t("2026-10-04T12:00:00Z"))).unwrap();
    let x = &r.groups[0].rows[0];
    assert_eq!(
        (x.snapshot_count, x.last_good.is_none(), x.state),
        (0, true, DueState::Due)
    );
    let r = app.coverage(None).unwrap();
    assert_eq!(r.at, t("2026-10-05T09:00:00Z"));
    assert_eq!(r.groups[0].rows[0].snapshot_count, 1);
    assert_eq!(r.groups[0].rows[0].state, DueState::NotDue);
}
