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

#[test]
fn warnings_of_a_snapshot_json_from_before_the_catalogue_read_as_text() {
    let m: SnapshotManifest = serde_json::from_str(BEFORE).expect("old snapshot.json reads");
    let warnings = &m.snapshot.pages[2].report.warnings;
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let Message::Text { text } = &warnings[0] else {
        panic!("an old warning reads as text: {:?}", warnings[0]);
    };
    // The catalogue's English is what the old code wrote.
    let download = Message::WarnDownload {
        name: "ogonblick-evil.txt".into(),
        url: m.snapshot.pages[2].url.clone(),
    };
    assert_eq!(&download.render(Language::En), text);
    assert_eq!(warnings[0].render(Language::Sv), *text, "shown as it was");
    // Written again, it stays what it was, readable by both forms.
    let json = serde_json::to_value(&m).unwrap();
    let back: SnapshotManifest = serde_json::from_value(json).unwrap();
    assert_eq!(back, m);
}

#[test]
fn a_coverage_warning_of_an_older_version_shows_its_swedish_text() {
    let old = r#"{"seen":40,"in_png":25,"in_pdf_text":25,"missing":["Inlägg 1 av 40"],
        "warning":"of the 40 posts seen while scrolling, the PNG holds 25 and the PDF/A's text 25: compare the files with the page before relying on the snapshot",
        "warning_sv":"av de 40 inlägg som syntes vid rullningen finns 25 i PNG-filen och 25 i PDF/A-filens text: jämför filerna med sidan innan ögonblicksbilden används"}"#;
    let c: ogonblick_model::PostCoverage = serde_json::from_str(old).expect("reads");
    let now = Message::WarnCoverage {
        seen: 40,
        in_png: 25,
        in_pdf_text: 25,
    };
    assert!(matches!(c.warning, Some(Message::Text { .. })));
    assert_eq!(c.warning_text(Language::Sv), Some(now.render(Language::Sv)));
    assert_eq!(c.warning_text(Language::En), Some(now.render(Language::En)));
    // A new record stores the key; its Swedish comes from the catalogue.
    let new = ogonblick_model::PostCoverage {
        warning: Some(now.clone()),
        ..c
    };
    let json = serde_json::to_value(&new).unwrap();
    assert_eq!(json["warning"]["key"], "warn-coverage");
    let back: ogonblick_model::PostCoverage = serde_json::from_value(json).unwrap();
    assert_eq!(back.warning, Some(now));
}

/// An unknown word of each vocabulary names its kind in Swedish (not the
/// catalogue's fallback "värdet") and in English.
#[test]
fn an_unknown_word_of_every_vocabulary_names_its_kind_in_both_languages() {
    use ogonblick_model::{
        ChannelField, ChannelStatus, DisposedKind, FileRole, Platform, RemovalAction, RemovedKind,
        Role, RoleAction, SchedulePolicy, SnapshotReason, SnapshotStatus, UnknownWord,
    };
    fn refusal<T: std::str::FromStr<Err = UnknownWord>>() -> UnknownWord {
        match "no-such-word".parse::<T>() {
            Err(e) => e,
            Ok(_) => panic!("'no-such-word' parsed"),
        }
    }
    let refusals = [
        refusal::<Platform>(),
        refusal::<SchedulePolicy>(),
        refusal::<ChannelStatus>(),
        refusal::<SnapshotReason>(),
        refusal::<SnapshotStatus>(),
        refusal::<FileRole>(),
        refusal::<ChannelField>(),
        refusal::<RemovedKind>(),
        refusal::<RemovalAction>(),
        refusal::<DisposedKind>(),
        refusal::<Role>(),
        refusal::<RoleAction>(),
    ];
    for e in refusals {
        let sv = e.message().render(Language::Sv);
        let en = e.message().render(Language::En);
        assert!(!sv.starts_with("värdet"), "{}: {sv}", e.what);
        assert!(sv.contains("”no-such-word” finns inte"), "{sv}");
        assert!(
            en.starts_with(&format!("unknown {} 'no-such-word'", e.what)),
            "{en}"
        );
    }
}

/// A page cut at a cap: older snapshot.json files hold an English sentence
/// in `truncated` (read as text, shown as it was), new ones the message.
#[test]
fn a_truncated_feed_of_an_older_version_reads_as_text_and_a_new_one_as_its_key() {
    let old_text =
        "stopped scrolling at the height cap of 15000 px; the page may continue (endless feed)";
    let mut json: serde_json::Value = serde_json::from_str(BEFORE).unwrap();
    json["snapshot"]["pages"][0]["report"]["truncated"] = old_text.into();
    let m: SnapshotManifest = serde_json::from_value(json).expect("old truncated reads");
    let t = m.snapshot.pages[0].report.truncated.clone().unwrap();
    assert_eq!(
        t,
        Message::Text {
            text: old_text.into()
        }
    );
    // The catalogue's English is what the old code wrote.
    let cap = Message::TruncatedHeightCap { cap: 15_000 };
    assert_eq!(cap.render(Language::En), old_text);
    assert_eq!(
        cap.render(Language::Sv),
        "rullningen stoppades vid höjdgränsen 15000 px; sidan kan fortsätta (ändlöst flöde)"
    );
    // A new record stores the key; without the field it is none.
    let mut m = m;
    m.snapshot.pages[0].report.truncated = Some(cap.clone());
    let mut json = serde_json::to_value(&m).unwrap();
    let stored = &json["snapshot"]["pages"][0]["report"]["truncated"];
    assert_eq!(stored["key"], "truncated-height-cap");
    let back: SnapshotManifest = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back.snapshot.pages[0].report.truncated, Some(cap));
    json["snapshot"]["pages"][0]["report"]
        .as_object_mut()
        .unwrap()
        .remove("truncated");
    let back: SnapshotManifest = serde_json::from_value(json).unwrap();
    assert_eq!(back.snapshot.pages[0].report.truncated, None);
}
