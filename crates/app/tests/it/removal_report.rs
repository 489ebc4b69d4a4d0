//! The period report's days are Swedish days, both included: on a fixed
//! clock, records removed just inside and just outside the period.

use std::sync::Arc;

use ogonblick_app::{EvidenceSource, NewRemoval, RemovalReportRequest};
use ogonblick_model::{FixedClock, Language};

use super::fixture::{add, open_at, removal, t};

#[test]
fn the_period_is_swedish_days_with_both_ends_included() {
    let tmp = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-01-02T09:00:00Z")));
    let app = open_at(&tmp.path().join("data"), clock.clone());
    let ch = add(&app, "Kanalen", Some("Kommunstyrelsen"), None, None);
    clock.set(t("2026-07-01T09:00:00Z"));
    let shot = tmp.path().join("s.png");
    std::fs::write(&shot, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR-x").unwrap();
    // Swedish time is UTC+1 in winter, UTC+2 in summer.
    let cases = [
        (
            "https://example.org/p/before",
            "2026-02-28T22:59:00Z",
            false,
        ),
        ("https://example.org/p/first", "2026-02-28T23:00:00Z", true),
        ("https://example.org/p/last", "2026-03-31T21:59:00Z", true),
        ("https://example.org/p/after", "2026-03-31T22:00:00Z", false),
    ];
    for (url, at, _) in cases {
        let r = NewRemoval {
            removed_at: Some(t(at)),
            ..removal(ch, url, EvidenceSource::File(shot.clone()))
        };
        app.add_removal(r).unwrap();
    }
    let out = tmp.path().join("mars.csv");
    let s = app
        .removal_report(&RemovalReportRequest {
            from: "2026-03-01".into(),
            to: "2026-03-31".into(),
            channel: None,
            board: None,
            language: Language::Sv,
            out: out.clone(),
        })
        .unwrap();
    assert_eq!(s.records, 2);
    assert_eq!(s.by_ground.len(), 1);
    assert_eq!(
        (s.by_ground[0].label.as_str(), s.by_ground[0].count),
        ("Hot", 2)
    );
    let text = String::from_utf8(std::fs::read(&out).unwrap()).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a BOM");
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("Post;Kanal;Nämnd;Adress;"),
        "{}",
        lines[0]
    );
    for (url, _, inside) in cases {
        assert_eq!(text.contains(url), inside, "{url}: {text}");
    }
    assert!(lines[1].contains("2026-03-01 00:00"), "{}", lines[1]);
    assert!(lines[2].contains("2026-03-31 23:59"), "{}", lines[2]);
}
