//! The engine's own snapshot notes (h-voc6): a new record stores the key
//! and parameters in `reason_message`; an older `snapshot.json` whose
//! `reason_note` is the free text of before still reads and shows it as
//! recorded.

use ogonblick_model::{Language, Message, SnapshotManifest};

const BEFORE: &str = include_str!("../data/snapshot-before-messages/snapshot.json");

#[test]
fn an_old_snapshot_json_with_the_free_text_note_reads_and_shows_it_as_recorded() {
    let old = "captured again for removal record r-1 (borttaget innehåll)";
    let mut json: serde_json::Value = serde_json::from_str(BEFORE).unwrap();
    json["snapshot"]["reason_note"] = old.into();
    let m: SnapshotManifest = serde_json::from_value(json).expect("old snapshot.json reads");
    assert_eq!(m.snapshot.reason_message, None);
    for lang in Language::ALL {
        assert_eq!(m.snapshot.note_text(lang).as_deref(), Some(old));
    }
}

#[test]
fn the_engines_note_is_stored_as_its_key_and_shown_in_each_language() {
    let mut m: SnapshotManifest = serde_json::from_str(BEFORE).unwrap();
    m.snapshot.note_with(Message::SnapshotNoteRecaptured {
        removal: "r-1".into(),
    });
    let json = serde_json::to_value(&m).unwrap();
    assert_eq!(
        json["snapshot"]["reason_message"]["key"],
        "snapshot-note-recaptured"
    );
    assert_eq!(json["snapshot"]["reason_message"]["args"]["removal"], "r-1");
    let back: SnapshotManifest = serde_json::from_value(json).unwrap();
    assert_eq!(
        back.snapshot.note_text(Language::Sv).as_deref(),
        Some("fångad på nytt för posten om borttaget innehåll r-1")
    );
    assert_eq!(
        back.snapshot.note_text(Language::En).as_deref(),
        Some("captured again for removal record r-1")
    );
    // The English text stays in `reason_note` for readers of snapshot.json.
    assert_eq!(
        back.snapshot.reason_note.as_deref(),
        Some("captured again for removal record r-1")
    );
}
