//! `App::due_page`: Att göra a page at a time, checked against the whole
//! due report (real SQLite, real snapshot folders).

use std::sync::Arc;

use ogonblick_app::schedule::DueState;
use ogonblick_app::{App, DueQuery};
use ogonblick_model::{
    ChannelId, ChannelPatch, FixedClock, SchedulePolicy, SnapshotReason as R, SnapshotStatus as S,
};

use crate::fixture::{add, open_at, store_snapshot, t};

/// Seven channels over two boards: Åby and Zeta never taken, Bravo taken
/// (complete) this October, Östra failed this October, Ängby without a
/// substitute, Manuell manual, Alfa without a board.
fn world() -> (App, Vec<ChannelId>, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(tmp.path(), clock.clone());
    let ks = Some("Kommunstyrelsen");
    let kn = Some("Kulturnämnden");
    let ids = vec![
        add(&app, "Åby", kn, Some("Biblioteket"), None),
        add(&app, "Zeta", kn, Some("Biblioteket"), None),
        add(&app, "Bravo", ks, Some("HR"), None),
        add(&app, "Östra", ks, Some("HR"), None),
        add(&app, "Ängby", ks, Some("Kommunikation"), None),
        add(
            &app,
            "Manuell",
            ks,
            Some("HR"),
            Some(SchedulePolicy::Manual),
        ),
        add(&app, "Alfa", None, None, None),
    ];
    let no_sub = ChannelPatch {
        substitute: Some(String::new()),
        ..Default::default()
    };
    app.edit_channel(ids[4], no_sub).unwrap();
    store_snapshot(
        &app,
        &clock,
        ids[2],
        "2026-10-02T09:00:00Z",
        R::HalfYearly,
        S::Complete,
        None,
    );
    store_snapshot(
        &app,
        &clock,
        ids[3],
        "2026-10-02T10:00:00Z",
        R::HalfYearly,
        S::Failed,
        None,
    );
    clock.set(t("2026-10-15T08:00:00Z"));
    (app, ids, tmp)
}

fn query(limit: u32) -> DueQuery {
    DueQuery {
        limit,
        ..DueQuery::default()
    }
}

/// The channels of every page of `q`, in page order, with their groups.
fn all_pages(app: &App, q: &DueQuery) -> Vec<(Option<String>, ChannelId)> {
    let mut out = Vec::new();
    let mut offset = 0;
    loop {
        let page = app
            .due_page(
                None,
                &DueQuery {
                    offset,
                    ..q.clone()
                },
            )
            .unwrap();
        assert_eq!(page.offset, offset);
        for g in &page.groups {
            out.extend(
                g.entries
                    .iter()
                    .map(|e| (g.board.clone(), e.assessment.channel_id)),
            );
        }
        offset += q.limit;
        if offset >= page.matching {
            return out;
        }
    }
}

#[test]
fn the_pages_together_are_the_reports_channels_to_capture_in_its_order() {
    let (app, ids, _tmp) = world();
    let report = app.due(None).unwrap();
    let urgent: Vec<ChannelId> = report
        .channels
        .iter()
        .filter(|e| {
            matches!(
                e.assessment.state,
                DueState::Due | DueState::Overdue | DueState::ClosureDue
            )
        })
        .map(|e| e.assessment.channel_id)
        .collect();
    assert_eq!(urgent.len(), 5, "all but Bravo (taken) and Manuell");
    let first = app.due_page(None, &query(2)).unwrap();
    assert_eq!((first.urgent, first.matching, first.offset), (5, 5, 0));
    assert_eq!(first.counts, report.summary.total);
    let paged = all_pages(&app, &query(2));
    assert_eq!(paged.iter().map(|p| p.1).collect::<Vec<_>>(), urgent);
    // A page's groups are named as the report's groups.
    assert!(paged.iter().any(|(b, id)| *id == ids[6] && b.is_none()));
    assert!(paged
        .iter()
        .any(|(b, id)| *id == ids[0] && b.as_deref() == Some("Kulturnämnden")));
    // The last page; one beyond it is held to the last.
    let last = app
        .due_page(
            None,
            &DueQuery {
                offset: 40,
                ..query(2)
            },
        )
        .unwrap();
    assert_eq!(last.offset, 4);
    assert_eq!(
        last.groups.iter().map(|g| g.entries.len()).sum::<usize>(),
        1
    );
    // Failed on the page: Östra, when it is on the page.
    let everything = app.due_page(None, &query(50)).unwrap();
    assert_eq!(everything.failed, [ids[3]]);
}

#[test]
fn the_filters_keep_what_they_say_and_the_choices_come_from_the_channels_to_capture() {
    let (app, ids, _tmp) = world();
    let only = |f: fn(&mut DueQuery)| {
        let mut q = query(50);
        f(&mut q);
        let mut got: Vec<ChannelId> = all_pages(&app, &q).into_iter().map(|p| p.1).collect();
        got.sort();
        got
    };
    assert_eq!(
        only(|q| q.board = Some("Kulturnämnden".into())),
        [ids[0], ids[1]]
    );
    assert_eq!(only(|q| q.unit = Some("HR".into())), [ids[3]]);
    assert_eq!(
        only(|q| q.person = Some("Ersättare för Zeta".into())),
        [ids[1]]
    );
    assert_eq!(only(|q| q.failed = true), [ids[3]]);
    assert_eq!(only(|q| q.no_substitute = true), [ids[4]]);
    assert_eq!(only(|q| q.text = "ÖSTR".into()), [ids[3]]);
    assert_eq!(only(|q| q.text = "kulturnämnden".into()), [ids[0], ids[1]]);
    let state = app.due(None).unwrap().channels[0].assessment.state;
    let by_state = app
        .due_page(
            None,
            &DueQuery {
                state: Some(state),
                ..query(50)
            },
        )
        .unwrap();
    assert!(by_state
        .groups
        .iter()
        .flat_map(|g| &g.entries)
        .all(|e| e.assessment.state == state));
    let none = app
        .due_page(
            None,
            &DueQuery {
                state: Some(DueState::ClosureDue),
                ..query(50)
            },
        )
        .unwrap();
    assert_eq!((none.matching, none.urgent), (0, 5));
    assert!(none.groups.is_empty());
    let page = app
        .due_page(
            None,
            &DueQuery {
                board: Some("Kommunstyrelsen".into()),
                ..query(0)
            },
        )
        .unwrap();
    assert_eq!(page.boards, ["Kommunstyrelsen", "Kulturnämnden"]);
    assert_eq!(page.units, ["HR", "Kommunikation"]);
    assert!(page.people.contains(&"Ansvarig för Östra".to_string()));
    assert!(
        !page.people.iter().any(|p| p.contains("Bravo")),
        "Bravo is not to be captured"
    );
}

/// Export's channel chooser lists the register in Swedish order of the
/// names (å, ä, ö after z; any case), closed channels too.
#[test]
fn the_channel_choices_are_in_swedish_order() {
    let (app, ids, _tmp) = world();
    let names: Vec<String> = app
        .channel_choices()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(
        names,
        ["Alfa", "Bravo", "Manuell", "Zeta", "Åby", "Ängby", "Östra"]
    );
    assert_eq!(app.channel_choices().unwrap()[4].id, ids[0]);
}

/// Att göra's people are chosen once whatever their case, as Kanaler's
/// are (one rule for both lists).
#[test]
fn the_choices_are_once_each_in_any_case() {
    let (app, ids, _tmp) = world();
    // Åby and Zeta are to be captured (never taken).
    for (id, who) in [(ids[0], "Eva Ek"), (ids[1], " EVA EK ")] {
        let patch = ChannelPatch {
            responsible: Some(who.into()),
            ..Default::default()
        };
        app.edit_channel(id, patch).unwrap();
    }
    let page = app.due_page(None, &query(0)).unwrap();
    let evas: Vec<&String> = page
        .people
        .iter()
        .filter(|p| p.trim().to_lowercase() == "eva ek")
        .collect();
    assert_eq!(evas.len(), 1, "{:?}", page.people);
}
