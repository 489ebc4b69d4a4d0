//! `App::overview_document` / `write_overview`: Översikt for a board's report,
//! counting channels (not snapshots) per board and unit in each state, from a
//! real register with real snapshot folders.

use std::sync::Arc;

use ogonblick_app::OverviewCounts;
use ogonblick_model::{
    ErrorCode, FixedClock, Language, NewChannel, Platform, SnapshotReason as R, SnapshotStatus as S,
};

use crate::fixture::{add, open_at, store_snapshot, t};

#[test]
fn a_boards_overview_counts_channels_per_unit_and_state_and_lists_them() {
    let tmp = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(tmp.path(), clock.clone());
    let bib = |n| add(&app, n, Some("Kulturnämnden"), Some("Biblioteken"), None);
    let (a, b) = (bib("Biblioteket"), bib("Bokbussen"));
    // No substitute named.
    let c = app
        .add_channel(NewChannel {
            name: "Fritidsgården".into(),
            platform: Some(Platform::Facebook),
            urls: vec!["https://example.org/fritid".into()],
            board: Some("Kulturnämnden".into()),
            responsible: Some("Bo Berg".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    let other = add(&app, "Kommunen", Some("Kommunstyrelsen"), None, None);
    // A: complete in the autumn period; B: three failed tries (one channel).
    store_snapshot(
        &app,
        &clock,
        a,
        "2026-10-05T09:00:00Z",
        R::HalfYearly,
        S::Complete,
        None,
    );
    for day in ["06", "07", "08"] {
        let at = format!("2026-10-{day}T09:00:00Z");
        store_snapshot(&app, &clock, b, &at, R::HalfYearly, S::Failed, None);
    }
    clock.set(t("2026-11-15T09:00:00Z"));
    app.start_closure(other).unwrap();

    let doc = app
        .overview_document(Some("Kulturnämnden"), Language::Sv)
        .unwrap();
    assert_eq!(doc.title, "Översikt: läget per nämnd och enhet");
    assert_eq!(doc.lines[0], "Nämnd: Kulturnämnden");
    let counts = &doc.summaries[0];
    assert_eq!(
        counts.columns,
        [
            "Nämnd",
            "Enhet",
            "Kanaler",
            "Dokumenterad",
            "Ska tas nu",
            "Försenad",
            "Misslyckad",
            "Under avveckling",
            "Ersättare saknas"
        ]
    );
    assert_eq!(
        counts.rows,
        [
            [
                "Kulturnämnden",
                "Biblioteken",
                "2",
                "1",
                "1",
                "0",
                "1",
                "0",
                "0"
            ],
            [
                "Kulturnämnden",
                "(ingen)",
                "1",
                "0",
                "1",
                "0",
                "0",
                "0",
                "1"
            ],
            ["Totalt", "", "3", "1", "2", "0", "1", "0", "1"],
        ]
    );
    let states: Vec<(&str, &str)> = doc
        .rows
        .iter()
        .map(|r| (r[0].as_str(), r[3].as_str()))
        .collect();
    assert_eq!(
        states,
        [
            ("Bokbussen", "Ska tas nu"),
            ("Biblioteket", "Dokumenterad för perioden"),
            ("Fritidsgården", "Ska tas nu"),
        ]
    );
    assert_eq!(
        doc.rows[1][4], "2026-10-05 11:00",
        "the last complete, local time"
    );
    let _ = c;

    // Every board: the board being closed down counts as under avveckling and to take now.
    let all = app.overview_document(None, Language::En).unwrap();
    assert_eq!(all.lines[0], "All boards");
    let total = all.summaries[0].rows.last().unwrap();
    assert_eq!(total, &["Total", "", "4", "1", "3", "0", "1", "1", "1"]);
    let mut sum = OverviewCounts::default();
    for g in app.coverage(None).unwrap().groups {
        for r in &g.rows {
            sum.add(r);
        }
    }
    assert_eq!((sum.channels, sum.closing, sum.failed), (4, 1, 1));

    // The CSV: one line per channel, in Swedish, beside no temporary file.
    let out = tmp.path().join("kulturnamnden.csv");
    let (_, n) = app
        .write_overview(Some("Kulturnämnden"), &out, Language::Sv)
        .unwrap();
    assert_eq!(n, 3);
    let csv = String::from_utf8(std::fs::read(&out).unwrap()).unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Kanal;Nämnd;Enhet;Läge;Senaste fullständiga;Ansvarig;Ersättare"
    );
    assert_eq!(lines.len(), 4);
    assert!(lines[3].starts_with("Fritidsgården;Kulturnämnden;(ingen);Ska tas nu;;Bo Berg;"));

    // A board with no channel is refused, naming the boards there are; nothing is written.
    let bad = tmp.path().join("ingen.csv");
    let e = app
        .write_overview(Some("Kulturnamnden"), &bad, Language::Sv)
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    let said = e.message().render(Language::Sv);
    assert!(said.contains("Kommunstyrelsen, Kulturnämnden"), "{said}");
    assert!(!bad.exists());
}
