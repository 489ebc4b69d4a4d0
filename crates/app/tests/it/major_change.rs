//! A major-change snapshot end to end: `App::capture` with reason
//! major-change and a note, real Chromium against the fixture site, the
//! manifest on disk, and the organisation setting that decides whether it
//! also resets the regular schedule.

use std::sync::Arc;

use ogonblick_app::schedule::DueState;
use ogonblick_app::CaptureRequest;
use ogonblick_model::{
    CancelToken, FileRole, FixedClock, NewChannel, NoProgress, Platform, SnapshotManifest,
    SnapshotReason, SnapshotStatus,
};

use crate::fixture::{open_at, t};

#[test]
fn major_change_capture_keeps_its_note_and_resets_the_schedule_only_when_set() {
    let site = ogonblick_testsite::TestSite::start().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(dir.path(), clock.clone());
    let ch = app
        .add_channel(NewChannel {
            name: "Kommunen på Instagram".into(),
            platform: Some(Platform::Instagram),
            urls: vec![site.url("/instagram")],
            ..Default::default()
        })
        .unwrap()
        .id;
    // In the autumn window: the channel is due.
    clock.set(t("2026-10-02T08:00:00Z"));
    let state = |app: &ogonblick_app::App| {
        app.due(None)
            .unwrap()
            .channels
            .iter()
            .find(|e| e.assessment.channel_id == ch)
            .unwrap()
            .assessment
            .state
    };
    assert_eq!(state(&app), DueState::Due);

    let note = "Ny grafisk profil och nya kommentarsregler";
    let results = app
        .capture(
            &CaptureRequest {
                channel_ids: vec![ch],
                reason: SnapshotReason::MajorChange,
                reason_note: Some(note.into()),
                reason_message: None,
            },
            &NoProgress,
            &CancelToken::new(),
        )
        .unwrap();
    let [ogonblick_app::ChannelCapture::Stored { snapshot }] = results.as_slice() else {
        panic!("expected one stored snapshot: {results:?}");
    };
    assert_eq!(
        snapshot.status,
        SnapshotStatus::Complete,
        "{:?}",
        snapshot.pages[0].error
    );
    assert_eq!(snapshot.reason, SnapshotReason::MajorChange);
    assert_eq!(snapshot.reason_note.as_deref(), Some(note));

    // The history and the self-describing manifest on disk say the same.
    let history = app.history(Some(ch)).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].reason_note.as_deref(), Some(note));
    let png = snapshot.pages[0]
        .files
        .iter()
        .find(|f| f.role == FileRole::Png)
        .unwrap();
    let png_path = app.snapshot_file_path(&snapshot.id, &png.path).unwrap();
    let manifest: SnapshotManifest = serde_json::from_slice(
        &std::fs::read(png_path.parent().unwrap().join(SnapshotManifest::FILE_NAME)).unwrap(),
    )
    .unwrap();
    assert_eq!(manifest.snapshot.reason, SnapshotReason::MajorChange);
    assert_eq!(manifest.snapshot.reason_note.as_deref(), Some(note));
    assert!(app
        .audit_log(Some(ch))
        .unwrap()
        .iter()
        .any(|e| e.detail.contains("major-change")));
    // The thumbnail of a real capture.
    let thumb = app.thumbnail(&snapshot.id, 0, 160).unwrap();
    let info = png::Decoder::new(std::io::Cursor::new(thumb))
        .read_info()
        .unwrap()
        .info()
        .clone();
    assert_eq!(info.width, 160);
    assert!(info.height > 0 && info.height <= 240);

    // Default: a major-change snapshot does not count for the regular schedule.
    let settings = app.schedule_settings().unwrap();
    assert!(!settings.major_change_resets_schedule);
    assert_eq!(state(&app), DueState::Due);
    let cov = app.coverage(None).unwrap();
    let row = &cov.groups[0].rows[0];
    assert_eq!(
        row.last_good.as_ref().map(|s| s.id.as_str()),
        Some(snapshot.id.as_str())
    );
    assert_eq!(row.state, DueState::Due);

    // When the organisation says so, it resets the regular schedule.
    let mut s = settings;
    s.major_change_resets_schedule = true;
    app.set_schedule_settings(s).unwrap();
    assert_eq!(state(&app), DueState::NotDue);
    let next = app.due(None).unwrap().channels[0]
        .assessment
        .next_window
        .clone()
        .unwrap();
    assert_eq!(next.first_day.to_string(), "2027-03-01");
}
