//! `App::coverage_summary` and `App::coverage_rows`: Översikt's table and a
//! page of a cell's channels, on a real register (SQLite + snapshot folders)
//! with channels in every state; the counts are the full report's.

use std::sync::Arc;

use ogonblick_app::schedule::DueState;
use ogonblick_app::{
    App, CoverageColumn, CoverageFilter, CoverageQuery, CoverageReport, CoverageRow, OverviewCounts,
};
use ogonblick_model::{
    FixedClock, NewChannel, Platform, SnapshotReason as R, SnapshotStatus as S, Timestamp,
};

use crate::fixture::{add, open_at, store_snapshot, t};

struct World {
    app: App,
    at: Option<Timestamp>,
    _dir: tempfile::TempDir,
}

/// Kulturnämnden/Biblioteken: A (complete in October, failed in March: due,
/// failed), B (complete in March: documented). Kulturnämnden/Musik: C (only a
/// failed try: overdue), Musikskolan (no substitute, never taken: overdue). Kommunstyrelsen: H
/// (being closed down). No board: D (complete in March: documented).
fn world() -> World {
    let tmp = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(tmp.path(), clock.clone());
    let kultur = Some("Kulturnämnden");
    let a = add(&app, "Kultur Instagram", kultur, Some("Biblioteken"), None);
    let b = add(&app, "Bokbussen", kultur, Some("Biblioteken"), None);
    let c = add(&app, "Fritidsgården", kultur, Some("Musik"), None);
    app.add_channel(NewChannel {
        name: "Musikskolan".into(),
        platform: Some(Platform::Facebook),
        urls: vec!["https://example.org/musikskolan".into()],
        board: kultur.map(Into::into),
        unit: Some("Musik".into()),
        responsible: Some("Bo Berg".into()),
        ..Default::default()
    })
    .unwrap();
    let h = add(&app, "Kommunen", Some("Kommunstyrelsen"), None, None);
    let d = add(&app, "Utan nämnd", None, None, None);
    let s = |ch, at: &str, r, st| {
        store_snapshot(&app, &clock, ch, at, r, st, None);
    };
    s(a, "2026-10-05T09:00:00Z", R::HalfYearly, S::Complete);
    s(a, "2027-03-10T09:00:00Z", R::HalfYearly, S::Failed);
    s(b, "2027-03-15T09:00:00Z", R::HalfYearly, S::Complete);
    s(c, "2026-10-10T09:00:00Z", R::HalfYearly, S::Failed);
    s(d, "2027-03-16T09:00:00Z", R::HalfYearly, S::Complete);
    clock.set(t("2027-03-17T09:00:00Z"));
    app.start_closure(h).unwrap();
    clock.set(t("2027-05-01T09:00:00Z"));
    World {
        app,
        at: Some(t("2027-03-20T12:00:00Z")),
        _dir: tmp,
    }
}

/// The rows of the full report the filter keeps, as (board, unit, row).
fn full_rows(
    report: &CoverageReport,
    keep: impl Fn(Option<&str>, &CoverageRow) -> bool,
) -> Vec<(Option<&str>, Option<&str>, &CoverageRow)> {
    report
        .groups
        .iter()
        .flat_map(|g| {
            g.rows
                .iter()
                .map(move |r| (g.board.as_deref(), g.unit.as_deref(), r))
        })
        .filter(|(b, _, r)| keep(*b, r))
        .collect()
}

fn count<'a>(rows: impl IntoIterator<Item = &'a CoverageRow>) -> OverviewCounts {
    let mut c = OverviewCounts::default();
    for r in rows {
        c.add(r);
    }
    c
}

#[test]
fn the_summary_counts_what_the_full_report_counts_per_line_and_in_total() {
    let w = world();
    let report = w.app.coverage(w.at).unwrap();
    let sum = w
        .app
        .coverage_summary(w.at, &CoverageFilter::default())
        .unwrap();
    assert_eq!(sum.at, report.at);
    assert_eq!(sum.local_date, report.local_date);
    // Every state is in the register.
    let all = count(report.groups.iter().flat_map(|g| &g.rows));
    assert_eq!(sum.total, all);
    assert_eq!(
        (
            all.channels,
            all.documented,
            all.due,
            all.overdue,
            all.failed,
            all.closing,
            all.no_substitute
        ),
        (6, 2, 2, 2, 2, 1, 1),
        "{all:?}"
    );
    // A line per group, in the report's order; Kulturnämnden (two units)
    // with its total before them.
    let lines: Vec<(&str, Option<&str>, Option<&str>, bool)> = sum
        .lines
        .iter()
        .map(|l| {
            (
                l.key.as_str(),
                l.board.as_deref(),
                l.unit.as_deref(),
                l.board_total,
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (
                "u:Kommunstyrelsen\0\0",
                Some("Kommunstyrelsen"),
                None,
                false
            ),
            ("b:Kulturnämnden", Some("Kulturnämnden"), None, true),
            (
                "u:Kulturnämnden\0Biblioteken",
                Some("Kulturnämnden"),
                Some("Biblioteken"),
                false
            ),
            (
                "u:Kulturnämnden\0Musik",
                Some("Kulturnämnden"),
                Some("Musik"),
                false
            ),
            ("u:\0\0\0", None, None, false),
        ]
    );
    for l in &sum.lines {
        let want = count(
            report
                .groups
                .iter()
                .filter(|g| {
                    g.board.as_deref() == l.board.as_deref()
                        && (l.board_total || g.unit.as_deref() == l.unit.as_deref())
                })
                .flat_map(|g| &g.rows),
        );
        assert_eq!(l.counts, want, "{}", l.key);
    }
    assert_eq!(
        sum.boards,
        [
            Some("Kommunstyrelsen".to_string()),
            Some("Kulturnämnden".into()),
            None
        ]
    );
    assert!(
        sum.people.contains(&"Bo Berg".to_string()),
        "{:?}",
        sum.people
    );
}

/// Which rows of the full report a filter keeps.
type Keep = Box<dyn Fn(Option<&str>, &CoverageRow) -> bool>;

#[test]
fn the_summarys_filters_keep_what_the_full_reports_rows_keep() {
    let w = world();
    let report = w.app.coverage(w.at).unwrap();
    let cases: Vec<(CoverageFilter, Keep)> = vec![
        (
            CoverageFilter {
                board: Some("Kulturnämnden".into()),
                ..Default::default()
            },
            Box::new(|b, _| b == Some("Kulturnämnden")),
        ),
        (
            CoverageFilter {
                board: Some(String::new()),
                ..Default::default()
            },
            Box::new(|b, _| b.is_none()),
        ),
        (
            CoverageFilter {
                person: Some("Bo Berg".into()),
                ..Default::default()
            },
            Box::new(|_, r| r.responsible.as_deref() == Some("Bo Berg")),
        ),
        (
            // The unit's name, any case.
            CoverageFilter {
                text: "MUSIK".into(),
                ..Default::default()
            },
            Box::new(|_, r| ["Fritidsgården", "Musikskolan"].contains(&r.name.as_str())),
        ),
        (
            CoverageFilter {
                platform: Some(Platform::Facebook),
                ..Default::default()
            },
            Box::new(|_, r| r.platform == Platform::Facebook),
        ),
        (
            CoverageFilter {
                state: Some(DueState::Overdue),
                ..Default::default()
            },
            Box::new(|_, r| r.state == DueState::Overdue),
        ),
        (
            CoverageFilter {
                failures: true,
                ..Default::default()
            },
            Box::new(|_, r| r.failures > 0),
        ),
    ];
    for (filter, keep) in cases {
        let want = full_rows(&report, keep);
        assert!(!want.is_empty(), "{filter:?}");
        let sum = w.app.coverage_summary(w.at, &filter).unwrap();
        assert_eq!(
            sum.total,
            count(want.iter().map(|(_, _, r)| *r)),
            "{filter:?}"
        );
        assert_eq!(sum.boards.len(), 3, "the choices stay: {filter:?}");
        let page = w
            .app
            .coverage_rows(
                w.at,
                &CoverageQuery {
                    filter: filter.clone(),
                    limit: 50,
                    ..Default::default()
                },
            )
            .unwrap();
        let ids: Vec<i64> = page
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .map(|r| r.channel_id)
            .collect();
        let want_ids: Vec<i64> = want.iter().map(|(_, _, r)| r.channel_id).collect();
        assert_eq!(ids, want_ids, "{filter:?}");
        assert_eq!(page.matching as usize, want_ids.len());
    }
}

#[test]
fn a_cells_rows_come_a_page_at_a_time_in_the_reports_order() {
    let w = world();
    let report = w.app.coverage(w.at).unwrap();
    let order: Vec<i64> = report
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .map(|r| r.channel_id)
        .collect();
    // Pages of 4: every channel once, in the report's order, the groups as runs.
    let page = |offset, line: Option<&str>, column| {
        w.app
            .coverage_rows(
                w.at,
                &CoverageQuery {
                    line: line.map(Into::into),
                    column,
                    offset,
                    limit: 4,
                    ..Default::default()
                },
            )
            .unwrap()
    };
    let (p1, p2) = (page(0, None, None), page(4, None, None));
    assert_eq!((p1.matching, p1.offset, p2.offset), (6, 0, 4));
    let ids: Vec<i64> = [&p1, &p2]
        .iter()
        .flat_map(|p| p.groups.iter().flat_map(|g| &g.rows))
        .map(|r| r.channel_id)
        .collect();
    assert_eq!(ids, order);
    let units: Vec<Option<&str>> = p1.groups.iter().map(|g| g.unit.as_deref()).collect();
    assert_eq!(units, [None, Some("Biblioteken"), Some("Musik")]);
    // Past the end: the last page.
    assert_eq!(page(40, None, None).offset, 4);
    // A cell: Kulturnämnden's failed channels (the board's total line), and a unit's.
    let names = |p: ogonblick_app::CoveragePage| -> Vec<String> {
        p.groups
            .into_iter()
            .flat_map(|g| g.rows)
            .map(|r| r.name)
            .collect()
    };
    let failed = names(page(
        0,
        Some("b:Kulturnämnden"),
        Some(CoverageColumn::Failed),
    ));
    assert_eq!(failed, ["Kultur Instagram", "Fritidsgården"]);
    let bib = names(page(
        0,
        Some("u:Kulturnämnden\0Biblioteken"),
        Some(CoverageColumn::Documented),
    ));
    assert_eq!(bib, ["Bokbussen"]);
    let nosub = names(page(0, None, Some(CoverageColumn::NoSubstitute)));
    assert_eq!(nosub, ["Musikskolan"]);
    let closing = names(page(0, None, Some(CoverageColumn::Closing)));
    assert_eq!(closing, ["Kommunen"]);
    // Every cell of the summary lists as many channels as it counts.
    let sum = w
        .app
        .coverage_summary(w.at, &CoverageFilter::default())
        .unwrap();
    for l in &sum.lines {
        for (col, n) in [
            (CoverageColumn::Channels, l.counts.channels),
            (CoverageColumn::Documented, l.counts.documented),
            (CoverageColumn::Due, l.counts.due),
            (CoverageColumn::Overdue, l.counts.overdue),
            (CoverageColumn::Failed, l.counts.failed),
            (CoverageColumn::Closing, l.counts.closing),
            (CoverageColumn::NoSubstitute, l.counts.no_substitute),
        ] {
            assert_eq!(
                page(0, Some(&l.key), Some(col)).matching,
                n,
                "{} {col:?}",
                l.key
            );
        }
    }
}

#[test]
fn the_view_is_the_summary_and_the_page_from_one_report() {
    let w = world();
    let q = CoverageQuery {
        filter: CoverageFilter {
            board: Some("Kulturnämnden".into()),
            ..Default::default()
        },
        line: Some("u:Kulturnämnden\0Musik".into()),
        column: Some(CoverageColumn::Overdue),
        offset: 0,
        limit: 1,
    };
    let view = w.app.coverage_view(w.at, &q).unwrap();
    assert_eq!(
        view.summary,
        w.app.coverage_summary(w.at, &q.filter).unwrap()
    );
    assert_eq!(view.page, w.app.coverage_rows(w.at, &q).unwrap());
    assert_eq!((view.page.matching, view.summary.total.channels), (2, 4));
}
