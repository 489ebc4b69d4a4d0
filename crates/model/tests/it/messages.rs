//! Page errors as catalogue messages, and records written before them.

use ogonblick_model::{Language, Message, SnapshotManifest};

const BEFORE: &str = include_str!("../data/snapshot-before-messages/snapshot.json");

#[test]
fn a_snapshot_json_from_before_the_catalogue_reads_and_shows_its_errors_in_both_languages() {
    let m: SnapshotManifest = serde_json::from_str(BEFORE).expect("old snapshot.json reads");
    let pages = &m.snapshot.pages;
    assert_eq!(pages.len(), 3);
    assert!(pages[0].ok && pages[0].error_text(Language::Sv).is_none());
    for p in &pages[1..] {
        assert!(!p.ok);
        assert_eq!(p.message, None);
        assert_eq!(p.error_text(Language::En), p.error);
        assert_eq!(p.error_text(Language::Sv), p.error_sv);
        assert!(p
            .error_text(Language::Sv)
            .unwrap()
            .contains("kunde inte fångas"));
    }
    // The catalogue says the same as the old code did.
    let url = &pages[1].url;
    let http = Message::PageHttpStatus {
        url: url.clone(),
        status: 404,
        reason: "Not Found".into(),
        server_fault: false,
    };
    assert_eq!(Some(http.render(Language::Sv)), pages[1].error_sv);
    assert_eq!(Some(http.render(Language::En)), pages[1].error);
    let dl = Message::PageDownload {
        url: pages[2].url.clone(),
        name: "ogonblick-evil.txt".into(),
    };
    assert_eq!(Some(dl.render(Language::Sv)), pages[2].error_sv);
    assert_eq!(Some(dl.render(Language::En)), pages[2].error);
}

#[test]
fn a_new_record_stores_the_key_and_parameters() {
    let mut m: SnapshotManifest = serde_json::from_str(BEFORE).unwrap();
    let page = &mut m.snapshot.pages[1];
    page.fail_with(Message::PageCrashed {
        url: "https://kommun.se/".into(),
    });
    let json = serde_json::to_value(&m).unwrap();
    let stored = &json["snapshot"]["pages"][1];
    assert_eq!(stored["message"]["key"], "page-crashed");
    assert_eq!(stored["message"]["args"]["url"], "https://kommun.se/");
    assert!(stored.get("error_sv").is_none(), "{stored}");
    let back: SnapshotManifest = serde_json::from_value(json).unwrap();
    let p = &back.snapshot.pages[1];
    assert_eq!(
        p.error_text(Language::Sv).unwrap(),
        "Sidan https://kommun.se/ kunde inte fångas: sidan fick Chromium att krascha."
    );
    assert_eq!(
        p.error.as_deref(),
        Some("Could not capture https://kommun.se/: the page crashed Chromium's renderer.")
    );
}
