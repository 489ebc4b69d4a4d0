//! The removal records as the desktop sends and filters them: a form with
//! dates as typed and a supplied screenshot, and the Borttaget filter by
//! channel, board, period, ground and police report.

use std::sync::Arc;

use ogonblick_app::{EvidenceChoice, RemovalFilter, RemovalForm};
use ogonblick_model::{CancelToken, ErrorCode, FixedClock, NoProgress, RemovedKind};

use crate::fixture::{add, open_at, png_bytes, t};

fn form(channel_id: i64, url: &str, ground: &str, file: &str) -> RemovalForm {
    RemovalForm {
        channel_id,
        url: url.into(),
        kind: RemovedKind::Comment,
        ground: ground.into(),
        ground_text: None,
        action: None,
        author: Some("Anna Andersson".into()),
        published_at: None,
        text: None,
        removed_at: None,
        police_report: None,
        police_report_date: None,
        police_reported: false,
        rules_page: None,
        contacted_at: None,
        contact_how: None,
        contact_message: None,
        forwarded_to: None,
        forwarded_at: None,
        diary_number: None,
        evidence: EvidenceChoice::File { path: file.into() },
    }
}

fn ids(app: &ogonblick_app::App, f: RemovalFilter) -> Vec<String> {
    app.find_removals(&f)
        .unwrap()
        .into_iter()
        .map(|r| r.url.rsplit('/').next().unwrap().to_string())
        .collect()
}

#[test]
fn the_form_records_with_typed_dates_and_the_filter_narrows_by_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-10-01T08:00:00Z")));
    let app = open_at(dir.path(), clock.clone());
    let ks = add(&app, "Kommunen", Some("Kommunstyrelsen"), None, None);
    let kf = add(
        &app,
        "Biblioteken",
        Some("Kultur- och fritidsnämnden"),
        None,
        None,
    );
    clock.set(t("2026-11-20T12:00:00Z"));
    let shot = dir.path().join("skärmbild.png");
    std::fs::write(&shot, png_bytes(40, 30, 10)).unwrap();
    let shot = shot.to_str().unwrap();
    let (none, cancel) = (NoProgress, CancelToken::new());

    let mut a = form(ks, "https://example.org/kommunen/a", "hot", shot);
    a.removed_at = Some("2026-11-02 09:30".into()); // Swedish time
    a.police_report = Some("5000-K1".into());
    a.police_report_date = Some("2026-11-02".into());
    let a = app.record_removal(&a, &none, &cancel).unwrap();
    assert_eq!(a.removed_at, t("2026-11-02T08:30:00Z"));
    assert!(a.police_report.reported);
    assert!(a.supplied_by_hand);

    let mut b = form(ks, "https://example.org/kommunen/b", "personangrepp", shot);
    b.removed_at = Some("2026-11-15".into());
    app.record_removal(&b, &none, &cancel).unwrap();
    let mut c = form(kf, "https://example.org/biblioteken/c", "hot", shot);
    c.removed_at = Some("2026-11-30".into());
    let err = app.record_removal(&c, &none, &cancel).unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::InvalidInput,
        "a removal in the future"
    );
    c.removed_at = Some("2026-11-20 10:00".into());
    app.record_removal(&c, &none, &cancel).unwrap();

    // Newest removal first; every field narrows.
    assert_eq!(ids(&app, RemovalFilter::default()), ["c", "b", "a"]);
    let f = |f: RemovalFilter| ids(&app, f);
    assert_eq!(
        f(RemovalFilter {
            channel_id: Some(ks),
            ..Default::default()
        }),
        ["b", "a"]
    );
    assert_eq!(
        f(RemovalFilter {
            board: Some(" kultur- och fritidsnämnden ".into()),
            ..Default::default()
        }),
        ["c"]
    );
    assert_eq!(
        f(RemovalFilter {
            ground: Some("hot".into()),
            ..Default::default()
        }),
        ["c", "a"]
    );
    assert_eq!(
        f(RemovalFilter {
            police_report: Some(true),
            ..Default::default()
        }),
        ["a"]
    );
    assert_eq!(
        f(RemovalFilter {
            police_report: Some(false),
            ..Default::default()
        }),
        ["c", "b"]
    );
    // The period is whole days in Swedish time, both ends included.
    assert_eq!(
        f(RemovalFilter {
            from: Some("2026-11-02".into()),
            to: Some("2026-11-15".into()),
            ..Default::default()
        }),
        ["b", "a"]
    );
    assert_eq!(
        f(RemovalFilter {
            from: Some("2026-11-03".into()),
            ..Default::default()
        }),
        ["c", "b"]
    );
    assert!(f(RemovalFilter {
        board: Some("Socialnämnden".into()),
        ..Default::default()
    })
    .is_empty());

    // A date that is no date is a sentence, not an empty list.
    let err = app
        .find_removals(&RemovalFilter {
            from: Some("förra veckan".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);

    // The supplied screenshot is where the record says, and a snapshot-backed
    // record has none.
    let path = app.removal_file_path(&a.id).unwrap();
    assert_eq!(std::fs::read(path).unwrap(), png_bytes(40, 30, 10));
}

/// h-rem3: the form's police-report checkbox records "yes" without a
/// reference or date, and the template's preview names the form's rules page
/// (else the channel's first address), as the record then writes it.
#[test]
fn the_police_checkbox_and_the_contact_preview_with_the_rules_page() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-10-01T08:00:00Z")));
    let app = open_at(dir.path(), clock.clone());
    let ks = add(&app, "Kommunen", Some("Kommunstyrelsen"), None, None);
    clock.set(t("2026-11-20T12:00:00Z"));
    let shot = dir.path().join("skärmbild.png");
    std::fs::write(&shot, png_bytes(40, 30, 10)).unwrap();
    let mut f = form(
        ks,
        "https://example.org/kommunen/a",
        "hot",
        shot.to_str().unwrap(),
    );
    f.police_reported = true;
    let preview = app.contact_preview(&f).unwrap();
    assert!(
        preview.contains("https://example.org/kommunen,"),
        "{preview}"
    );
    assert!(preview.starts_with("Hej Anna Andersson."), "{preview}");
    f.rules_page = Some("https://example.org/regler".into());
    f.contacted_at = Some("2026-11-20 10:00".into());
    let preview = app.contact_preview(&f).unwrap();
    assert!(preview.contains("https://example.org/regler,"), "{preview}");
    let r = app
        .record_removal(&f, &NoProgress, &CancelToken::new())
        .unwrap();
    assert!(r.police_report.reported);
    assert_eq!(r.police_report.reference, None);
    assert_eq!(r.contact.unwrap().message, preview);
}
