//! The background scheduler's decisions (`App::scheduler_tick` /
//! `scheduler_after_run`) with a fixed clock, real SQLite, the real state
//! file and, for the capture, real Chromium against the fixture site.

use std::sync::Arc;

use ogonblick_app::store::RegisterExt;
use ogonblick_app::{
    App, AppError, SchedulerNotice, SchedulerNoticeKind as K, SchedulerSettings, SchedulerState,
    SCHEDULER_STATE_FILE,
};
use ogonblick_model::{
    CancelToken, ChannelId, FixedClock, Language, NewChannel, NoProgress, Platform, SchedulePolicy,
    SnapshotReason as R, SnapshotStatus as S, Timestamp,
};

use crate::fixture::{add, open_at, store_snapshot, t};

fn kinds(notices: &[SchedulerNotice]) -> Vec<(K, Vec<ChannelId>)> {
    let mut v: Vec<(K, Vec<ChannelId>)> = notices
        .iter()
        .map(|n| {
            let mut ids = n.channel_ids.clone();
            ids.sort();
            (n.kind, ids)
        })
        .collect();
    v.sort();
    v
}

fn tick(app: &App, state: &mut SchedulerState, now: &str) -> ogonblick_app::TickPlan {
    app.scheduler_tick(state, t(now)).unwrap()
}

#[test]
fn notices_are_shown_once_per_window_or_day_across_ticks_and_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(dir.path(), clock.clone());
    let a = add(&app, "Alfa", Some("KS"), None, None);
    let b = add(&app, "Beta", Some("KS"), None, None);
    let closed = add(&app, "Stängd", Some("KS"), None, None);
    let manual = add(
        &app,
        "Manuell",
        Some("KS"),
        None,
        Some(SchedulePolicy::Manual),
    );
    let closing = add(&app, "Avslutas", Some("KS"), None, None);
    clock.set(t("2026-09-10T08:00:00Z"));
    app.start_closure(closed).unwrap();
    app.store()
        .mark_closed(closed, "Testare", "verified")
        .unwrap();
    clock.set(t("2026-10-01T06:00:00Z"));
    app.start_closure(closing).unwrap();
    assert!(
        !app.scheduler_settings().unwrap().auto_capture,
        "automatic capture is off by default"
    );

    let mut state = app.load_scheduler_state(300).unwrap();
    // (now, reload the state first?, catch-up?, notices)
    type Row = (&'static str, bool, bool, Vec<(K, Vec<ChannelId>)>);
    let table: Vec<Row> = vec![
        (
            "2026-10-02T08:00:00Z",
            false,
            true,
            vec![(K::Due, vec![a, b]), (K::Due, vec![closing])],
        ),
        ("2026-10-02T08:05:00Z", false, false, vec![]),
        ("2026-10-02T08:10:00Z", false, false, vec![]),
        ("2026-10-02T08:15:00Z", true, true, vec![]),
        ("2026-10-20T08:00:00Z", false, true, vec![]),
        (
            "2026-12-01T08:00:00Z",
            false,
            true,
            vec![(K::Overdue, vec![a, b])],
        ),
        ("2026-12-01T08:05:00Z", false, false, vec![]),
        ("2026-12-01T15:05:00Z", true, true, vec![]),
        (
            "2026-12-02T08:00:00Z",
            false,
            true,
            vec![(K::Overdue, vec![a, b])],
        ),
        ("2026-12-02T08:05:00Z", true, true, vec![]),
    ];
    for (now, reload, catch_up, expected) in table {
        if reload {
            let app2 = open_at(dir.path(), clock.clone());
            state = app2.load_scheduler_state(300).unwrap();
        }
        let plan = tick(&app, &mut state, now);
        assert_eq!(kinds(&plan.notices), expected, "at {now}");
        assert_eq!(plan.catch_up, catch_up, "catch-up at {now}");
        assert!(
            !plan.run_capture && plan.to_capture.is_empty(),
            "automatic capture is off ({now})"
        );
        for n in &plan.notices {
            assert!(!n.channel_ids.contains(&closed) && !n.channel_ids.contains(&manual));
            assert!(
                !n.body.render(Language::Sv).contains("Öppna Ögonblick"),
                "the body is for the app too: {}",
                n.body.render(Language::Sv)
            );
            assert_eq!(
                n.hint.as_ref().map(|h| h.render(Language::Sv)).as_deref(),
                Some("Öppna Ögonblick för att ta bilderna."),
                "the notification's hint"
            );
            assert_eq!(
                n.hint.as_ref().map(|h| h.render(Language::En)).as_deref(),
                Some("Open Ögonblick to take them.")
            );
            assert!(
                !n.title.render(Language::Sv).is_empty()
                    && !n.title.render(Language::En).is_empty()
            );
        }
        if now == "2026-10-02T08:00:00Z" {
            let closure = plan
                .notices
                .iter()
                .find(|n| n.channel_ids == vec![closing])
                .unwrap();
            assert_eq!(
                closure.title.render(Language::Sv),
                "Slutlig ögonblicksbild krävs"
            );
            assert!(
                closure.body.render(Language::Sv).starts_with("Avslutas: "),
                "{}",
                closure.body.render(Language::Sv)
            );
            let due = plan
                .notices
                .iter()
                .find(|n| n.channel_ids.len() == 2)
                .unwrap();
            assert_eq!(
                due.body.render(Language::Sv),
                "2 kanaler ska dokumenteras nu: Alfa och Beta."
            );
            assert_eq!((plan.due, plan.closure_due, plan.overdue), (2, 1, 0));
        }
    }
    // The state file is there, complete JSON.
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join(SCHEDULER_STATE_FILE)).unwrap())
            .unwrap();
    assert_eq!(saved["last_tick"], "2026-12-02T08:05:00Z");

    // A snapshots in December; in the spring window A is due (a new window:
    // announced), B still overdue (a new day: announced again).
    store_snapshot(
        &app,
        &clock,
        a,
        "2026-12-02T10:00:00Z",
        R::HalfYearly,
        S::Complete,
        None,
    );
    let plan = tick(&app, &mut state, "2027-03-02T08:00:00Z");
    assert_eq!(
        kinds(&plan.notices),
        vec![(K::Due, vec![a]), (K::Overdue, vec![b])]
    );
    let plan = tick(&app, &mut state, "2027-03-02T08:05:00Z");
    assert!(plan.notices.is_empty());
    // Only the newest key of each channel and kind is kept (the state file
    // stays as small as the register, however long a channel is overdue).
    let mut keys: Vec<(ChannelId, K, &str)> = state
        .notified
        .iter()
        .map(|n| (n.channel_id, n.kind, n.key.as_str()))
        .collect();
    keys.sort();
    let mut expected = vec![
        (a, K::Due, "due:2027-02-28T23:00:00+00:00"),
        (a, K::Overdue, "2026-12-02"),
        (b, K::Due, "due:2026-09-30T22:00:00+00:00"),
        (b, K::Overdue, "2027-03-02"),
        (closing, K::Due, "closure-due:2026-10-01T06:00:00+00:00"),
    ];
    expected.sort();
    assert_eq!(keys, expected);
}

#[test]
fn a_damaged_state_file_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(dir.path(), clock.clone());
    let a = add(&app, "Alfa", None, None, None);
    std::fs::write(dir.path().join(SCHEDULER_STATE_FILE), "{ not json").unwrap();
    let mut state = app.load_scheduler_state(60).unwrap();
    assert!(dir.path().join("scheduler-state.json.bad").is_file());
    let plan = tick(&app, &mut state, "2026-10-02T08:00:00Z");
    assert_eq!(kinds(&plan.notices), vec![(K::Due, vec![a])]);
    let state = app.load_scheduler_state(60).unwrap();
    assert_eq!(state.notified.len(), 1);
}

#[test]
fn scheduler_settings_round_trip_and_are_audited() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(dir.path(), clock.clone());
    assert_eq!(
        app.scheduler_settings().unwrap(),
        SchedulerSettings {
            auto_capture: false
        }
    );
    app.set_scheduler_settings(SchedulerSettings { auto_capture: true })
        .unwrap();
    let app = open_at(dir.path(), clock);
    assert!(app.scheduler_settings().unwrap().auto_capture);
    let last = app.audit_log(None).unwrap().pop().unwrap();
    assert_eq!(
        (last.action.as_str(), last.detail.as_str()),
        ("settings.set", "set scheduler")
    );
    // The organisation settings are untouched.
    assert_eq!(
        app.settings().unwrap(),
        ogonblick_model::OrgSettings::default()
    );
}

#[test]
fn overdue_in_a_blackout_is_announced_but_not_captured() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(dir.path(), clock.clone());
    let a = add(&app, "Alfa", None, None, None);
    app.set_scheduler_settings(SchedulerSettings { auto_capture: true })
        .unwrap();
    let mut state = app.load_scheduler_state(300).unwrap();
    let plan = tick(&app, &mut state, "2026-12-20T09:00:00Z");
    assert!(plan.catch_up && !plan.run_capture);
    assert_eq!(kinds(&plan.notices), vec![(K::Overdue, vec![a])]);
    assert!(!plan.notices[0]
        .body
        .render(Language::Sv)
        .contains("Öppna Ögonblick"));
    assert_eq!(
        plan.notices[0].hint, None,
        "automatic capture on: nothing for the user to do"
    );
    let plan = tick(&app, &mut state, "2027-01-08T09:00:00Z");
    assert!(
        plan.run_capture && plan.to_capture == vec![a],
        "after the blackout it is captured"
    );
    assert!(
        plan.notices.is_empty(),
        "a channel being captured is not announced"
    );
    clock.set(t("2027-01-08T09:01:00Z"));
    let n = app
        .scheduler_after_error(
            &mut state,
            &AppError::said(
                ogonblick_model::ErrorCode::Environment,
                ogonblick_model::Message::CaptureLaunch {
                    detail: "Chromium is missing".into(),
                },
            ),
        )
        .unwrap();
    assert_eq!(kinds(&n), vec![(K::Failed, vec![a])]);
    assert!(n[0]
        .body
        .render(Language::Sv)
        .contains("Chromium is missing"));
    assert!(state.pending.is_empty());
    // The failed run puts the channel in back-off: not captured on the next
    // regular tick, so announced as overdue (a new day), then not again.
    let plan = tick(&app, &mut state, "2027-01-08T09:05:00Z");
    assert!(!plan.run_capture, "{plan:?}");
    assert_eq!(kinds(&plan.notices), vec![(K::Overdue, vec![a])]);
    let plan = tick(&app, &mut state, "2027-01-08T09:10:00Z");
    assert!(!plan.run_capture && plan.notices.is_empty(), "{plan:?}");
}

fn add_url(app: &App, name: &str, url: &str) -> ChannelId {
    app.add_channel(NewChannel {
        name: name.into(),
        platform: Some(Platform::Facebook),
        urls: vec![url.into()],
        ..Default::default()
    })
    .unwrap()
    .id
}

fn at(s: &str) -> Timestamp {
    t(s)
}

#[test]
fn auto_capture_runs_due_channels_reports_done_and_failed_and_backs_off() {
    let site = ogonblick_testsite::TestSite::start().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(dir.path(), clock.clone());
    let good = add_url(&app, "Fixturen", &site.url("/facebook"));
    // Nothing listens on port 9 of this machine: the page cannot load.
    let broken = add_url(&app, "Trasig", "http://127.0.0.1:9/sida");
    app.set_scheduler_settings(SchedulerSettings { auto_capture: true })
        .unwrap();
    let mut state = app.load_scheduler_state(300).unwrap();

    let t1 = "2026-10-02T08:00:00Z";
    clock.set(at(t1));
    let plan = tick(&app, &mut state, t1);
    assert!(plan.catch_up && plan.run_capture);
    let mut want = plan.to_capture.clone();
    want.sort();
    assert_eq!(want, vec![good, broken]);
    assert!(plan.notices.is_empty());

    let results = app
        .capture_due(None, &NoProgress, &CancelToken::new())
        .unwrap();
    assert_eq!(results.len(), 2);
    let notices = app.scheduler_after_run(&mut state, &results).unwrap();
    assert_eq!(
        kinds(&notices),
        vec![(K::Done, vec![good]), (K::Failed, vec![broken])]
    );
    let failed = notices.iter().find(|n| n.kind == K::Failed).unwrap();
    assert!(
        failed.body.render(Language::Sv).contains("Trasig"),
        "{}",
        failed.body.render(Language::Sv)
    );
    let done = notices.iter().find(|n| n.kind == K::Done).unwrap();
    assert_eq!(
        done.body.render(Language::Sv),
        "1 kanal dokumenterad: Fixturen."
    );

    // Regular ticks: the broken channel is in back-off for an hour; now that
    // it is not being captured it is announced as due, once.
    let mut first_retry = None;
    for minutes in (5..=70).step_by(5) {
        let now = at(t1) + chrono::Duration::minutes(minutes);
        let plan = app.scheduler_tick(&mut state, now).unwrap();
        assert!(!plan.catch_up);
        if minutes == 5 {
            assert_eq!(kinds(&plan.notices), vec![(K::Due, vec![broken])]);
        } else {
            assert!(plan.notices.is_empty(), "{minutes}: {:?}", plan.notices);
        }
        if plan.run_capture {
            assert_eq!(plan.to_capture, vec![broken]);
            first_retry.get_or_insert(minutes);
            // The desktop would run now; pretend it failed again at once.
            clock.set(now);
            app.scheduler_after_error(
                &mut state,
                &AppError::said(
                    ogonblick_model::ErrorCode::Environment,
                    ogonblick_model::Message::CaptureLaunch {
                        detail: "offline".into(),
                    },
                ),
            )
            .unwrap();
        }
    }
    assert_eq!(
        first_retry,
        Some(60),
        "retried after {} minutes",
        super::scheduler::RETRY
    );

    // Catch-up: after a gap of more than two periods (the computer slept),
    // the back-off does not hold.
    let plan = app
        .scheduler_tick(&mut state, at(t1) + chrono::Duration::minutes(90))
        .unwrap();
    assert!(
        plan.catch_up && plan.run_capture && plan.to_capture == vec![broken],
        "{plan:?}"
    );
    // And after a restart.
    let mut state = app.load_scheduler_state(300).unwrap();
    let plan = app
        .scheduler_tick(&mut state, at(t1) + chrono::Duration::minutes(91))
        .unwrap();
    assert!(plan.catch_up && plan.run_capture, "{plan:?}");
}

pub const RETRY: i64 = ogonblick_app::RETRY_AFTER_MINUTES;
