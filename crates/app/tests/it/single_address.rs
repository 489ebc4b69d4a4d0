//! A one-address capture (*enskild adress*) end to end: `App::capture_address`
//! with a real Chromium against the fixture site. The address need not be
//! one of the channel's registered addresses; the snapshot records it, and it
//! never counts as the channel's regular snapshot: the half-yearly clock,
//! the overview and the closure go on as if it had not been taken.

use std::sync::Arc;

use ogonblick_app::schedule::DueState;
use ogonblick_app::{AddressCaptureRequest, CaptureRequest};
use ogonblick_model::{
    AuditEvent, CancelToken, ErrorCode, FixedClock, NewChannel, NoProgress, Platform,
    SnapshotManifest, SnapshotReason, SnapshotStatus,
};

use crate::fixture::{open_at, t};

#[test]
fn a_single_address_is_recorded_and_does_not_reset_the_half_yearly_clock() {
    let site = ogonblick_testsite::TestSite::start().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(dir.path(), clock.clone());
    let ch = app
        .add_channel(NewChannel {
            name: "Kommunen på Facebook".into(),
            platform: Some(Platform::Facebook),
            urls: vec![site.url("/facebook")],
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

    // A post that is not one of the channel's registered addresses.
    let post = site.url("/tall?h=1500");
    let note = "Hets mot folkgrupp, tas bort efter fångst";
    let snapshot = app
        .capture_address(
            &AddressCaptureRequest {
                channel_id: ch,
                url: post.clone(),
                reason: SnapshotReason::SingleItem,
                reason_note: Some(note.into()),
                reason_message: None,
            },
            &NoProgress,
            &CancelToken::new(),
        )
        .unwrap();
    assert_eq!(
        snapshot.status,
        SnapshotStatus::Complete,
        "{:?}",
        snapshot.pages[0].error
    );
    assert_eq!(snapshot.single_address.as_deref(), Some(post.as_str()));
    assert_eq!(snapshot.reason, SnapshotReason::SingleItem);
    assert_eq!(snapshot.reason_note.as_deref(), Some(note));
    assert_eq!(snapshot.pages.len(), 1);
    assert_eq!(snapshot.pages[0].url, post);

    // The history, the manifest on disk and the audit log say the same.
    let history = app.history(Some(ch)).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].single_address.as_deref(), Some(post.as_str()));
    let png = &snapshot.pages[0].files[0];
    let png_path = app.snapshot_file_path(&snapshot.id, &png.path).unwrap();
    let manifest: SnapshotManifest = serde_json::from_slice(
        &std::fs::read(png_path.parent().unwrap().join(SnapshotManifest::FILE_NAME)).unwrap(),
    )
    .unwrap();
    assert_eq!(
        manifest.snapshot.single_address.as_deref(),
        Some(post.as_str())
    );
    assert!(app.audit_log(Some(ch)).unwrap().iter().any(|e| matches!(
        &e.event,
        AuditEvent::SnapshotStored { single_address: Some(a), reason: SnapshotReason::SingleItem, .. }
            if *a == post
    )));

    // It does not count for the regular schedule, nor as the overview's last
    // good snapshot of the channel.
    assert_eq!(state(&app), DueState::Due);
    let cov = app.coverage(None).unwrap();
    assert!(cov.groups[0].rows[0].last_good.is_none());

    // Whatever reason it is given: not even an ad-hoc one resets the clock.
    let adhoc = app
        .capture_address(
            &AddressCaptureRequest {
                channel_id: ch,
                url: post.clone(),
                reason: SnapshotReason::AdHoc,
                reason_note: None,
                reason_message: None,
            },
            &NoProgress,
            &CancelToken::new(),
        )
        .unwrap();
    assert_eq!(adhoc.status, SnapshotStatus::Complete);
    assert_eq!(state(&app), DueState::Due);

    // A regular capture of the channel does.
    app.capture(
        &CaptureRequest {
            channel_ids: vec![ch],
            reason: SnapshotReason::HalfYearly,
            reason_note: None,
            reason_message: None,
        },
        &NoProgress,
        &CancelToken::new(),
    )
    .unwrap();
    assert_eq!(state(&app), DueState::NotDue);
}

#[test]
fn a_regular_or_final_reason_is_refused_for_a_single_address() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(dir.path(), clock);
    let ch = app
        .add_channel(NewChannel {
            name: "Kommunen på Facebook".into(),
            platform: Some(Platform::Facebook),
            urls: vec!["https://www.facebook.com/kommunen".into()],
            ..Default::default()
        })
        .unwrap()
        .id;
    for reason in [
        SnapshotReason::HalfYearly,
        SnapshotReason::Yearly,
        SnapshotReason::PreClosure,
    ] {
        let e = app
            .capture_address(
                &AddressCaptureRequest {
                    channel_id: ch,
                    url: "https://www.facebook.com/kommunen/posts/1".into(),
                    reason,
                    reason_note: None,
                    reason_message: None,
                },
                &NoProgress,
                &CancelToken::new(),
            )
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}");
        assert!(e.to_string().contains("single-item"), "{e}");
    }
    assert!(app.history(Some(ch)).unwrap().is_empty());
}
