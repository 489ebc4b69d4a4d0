//! The scheduler loop with a real App on a temporary data directory (real
//! SQLite, real files) and, for the runs, real Chromium against the fixture
//! site. No window: the output records what the window would get.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use ogonblick_app::{
    App, AppConfig, SchedulerEvent, SchedulerNoticeKind, SchedulerSettings, SchedulerStatus,
};
use ogonblick_model::{
    ChannelId, ErrorCode, FixedClock, NewChannel, Platform, SequentialIds, SnapshotStatus,
};
use ogonblick_testsite::TestSite;

use super::*;
use crate::lang::Language;

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// What the window and the notification daemon would have received.
#[derive(Default)]
struct Recorder {
    events: Mutex<Vec<SchedulerEvent>>,
    notifications: Mutex<Vec<(String, String)>>,
    /// Behave like a machine without a notification daemon.
    fail_notify: bool,
}

impl Recorder {
    fn events(&self) -> Vec<SchedulerEvent> {
        self.events.lock().unwrap().clone()
    }
    fn notices(&self) -> Vec<ogonblick_app::SchedulerNotice> {
        self.events()
            .into_iter()
            .filter_map(|e| match e {
                SchedulerEvent::Notice { notice } => Some(notice),
                _ => None,
            })
            .collect()
    }
    fn last_status(&self) -> Option<SchedulerStatus> {
        self.events().into_iter().rev().find_map(|e| match e {
            SchedulerEvent::Status { status } => Some(status),
            _ => None,
        })
    }
    fn runs_started(&self) -> usize {
        self.events()
            .iter()
            .filter(|e| matches!(e, SchedulerEvent::RunStarted { .. }))
            .count()
    }
}

impl SchedulerOutput for Recorder {
    fn event(&self, event: &SchedulerEvent) {
        self.events.lock().unwrap().push(event.clone());
    }
    fn notify(&self, title: &str, body: &str) -> Result<(), String> {
        if self.fail_notify {
            return Err("org.freedesktop.DBus.Error.ServiceUnknown: no notification daemon".into());
        }
        self.notifications
            .lock()
            .unwrap()
            .push((title.to_string(), body.to_string()));
        Ok(())
    }
}

/// Shares a recorder with the scheduler's thread.
struct Shared(Arc<Recorder>);

impl SchedulerOutput for Shared {
    fn event(&self, event: &SchedulerEvent) {
        self.0.event(event)
    }
    fn notify(&self, title: &str, body: &str) -> Result<(), String> {
        self.0.notify(title, body)
    }
}

/// A data directory with one Facebook channel at `url`, created on
/// 2026-09-01 and, by the default half-yearly schedule, due on 2026-10-15
/// (the clock is set there).
fn setup(dir: &Path, url: &str, auto_capture: bool) -> (Arc<App>, Arc<FixedClock>, ChannelId) {
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = App::open(
        AppConfig {
            data_dir: dir.to_path_buf(),
            operator: "Testare".into(),
        },
        clock.clone(),
        Arc::new(SequentialIds::default()),
    )
    .unwrap();
    let id = app
        .add_channel(NewChannel {
            name: "Kommunen på Facebook".into(),
            platform: Some(Platform::Facebook),
            urls: vec![url.to_string()],
            board: Some("Kommunstyrelsen".into()),
            responsible: Some("Anna Ek".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    app.set_scheduler_settings(SchedulerSettings { auto_capture })
        .unwrap();
    clock.set(t("2026-10-15T09:00:00Z"));
    let report = app.due(None).unwrap();
    assert!(
        report.to_capture().any(|e| e.assessment.channel_id == id),
        "the fixture channel should be due on 2026-10-15"
    );
    (Arc::new(app), clock, id)
}

fn scheduler(app: &Arc<App>, jobs: &Arc<JobRegistry>, lang: &Arc<LanguageCell>) -> Scheduler {
    Scheduler::new(
        app.clone(),
        jobs.clone(),
        lang.clone(),
        Duration::from_secs(300),
    )
    .unwrap()
}

fn wait_until(what: &str, limit: Duration, cond: impl Fn() -> bool) {
    let start = Instant::now();
    while !cond() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_period_comes_from_the_environment_and_zero_turns_it_off() {
    assert_eq!(parse_tick(None), Ok(Some(Duration::from_secs(300))));
    assert_eq!(parse_tick(Some(" 2 ")), Ok(Some(Duration::from_secs(2))));
    assert_eq!(parse_tick(Some("0")), Ok(None));
    let err = parse_tick(Some("fem")).unwrap_err();
    assert!(err.contains("OGONBLICK_SCHEDULER_TICK_SECS"), "{err}");
}

#[test]
fn without_auto_capture_a_tick_notifies_in_the_chosen_language_and_starts_no_run() {
    // Swedish (the default), on a machine whose notification daemon fails.
    let dir = tempfile::tempdir().unwrap();
    let (app, _clock, id) = setup(dir.path(), "https://example.org/kommunen", false);
    let jobs = Arc::new(JobRegistry::default());
    let lang = Arc::new(LanguageCell::default());
    let s = scheduler(&app, &jobs, &lang);
    let out = Recorder {
        fail_notify: true,
        ..Recorder::default()
    };
    assert_eq!(s.tick(&out), None, "no run without auto capture");
    assert_eq!(out.runs_started(), 0);
    let notices = out.notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].kind, SchedulerNoticeKind::Due);
    assert_eq!(notices[0].channel_ids, vec![id]);
    assert!(out.notifications.lock().unwrap().is_empty());
    let status = out.last_status().expect("a status event");
    assert_eq!(status.last_tick, Some(t("2026-10-15T09:00:00Z")));
    assert_eq!(status.next_tick, Some(t("2026-10-15T09:05:00Z")));
    assert!(!status.auto_capture && !status.running);
    assert_eq!(s.status(), status);
    // The same channel is not announced twice in one window.
    s.tick(&out);
    assert_eq!(out.notices().len(), 1);

    // English, with a working daemon: the notification carries the English text.
    let dir = tempfile::tempdir().unwrap();
    let (app, _clock, _id) = setup(dir.path(), "https://example.org/kommunen", false);
    let lang = Arc::new(LanguageCell::default());
    lang.set(Language::En);
    let s = scheduler(&app, &jobs, &lang);
    let out = Recorder::default();
    s.tick(&out);
    let notice = out.notices().pop().expect("a notice");
    let shown = out.notifications.lock().unwrap().clone();
    assert_eq!(
        shown,
        vec![(
            notice.title.render(Language::En),
            format!(
                "{} Open Ögonblick to take them.",
                notice.body.render(Language::En)
            )
        )],
        "the notification, read outside the app, says what to do"
    );
    assert_eq!(
        notice
            .hint
            .as_ref()
            .map(|h| h.render(Language::En))
            .as_deref(),
        Some("Open Ögonblick to take them.")
    );
    assert!(
        !notice.body.render(Language::En).contains("Open Ögonblick"),
        "the in-app line does not"
    );
    assert_ne!(
        notice.title.render(Language::En),
        notice.title.render(Language::Sv)
    );
    assert!(shown[0].1.contains("Kommunen på Facebook"), "{shown:?}");
}

#[test]
fn an_automatic_run_captures_the_due_channel_and_reports_it() {
    let site = TestSite::start().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (app, _clock, id) = setup(dir.path(), &site.url("/x"), true);
    let jobs = Arc::new(JobRegistry::default());
    let s = scheduler(&app, &jobs, &Arc::default());
    let out = Recorder::default();
    let summary = s.tick(&out).expect("a run");
    assert_eq!(
        (summary.complete, summary.failed, summary.partial),
        (1, 0, 0),
        "{summary:?}"
    );
    assert!(summary.error.is_none());
    assert!(jobs.running().is_empty(), "the run left the registry");

    let history = app.history(Some(id)).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].status, SnapshotStatus::Complete);

    let events = out.events();
    let started = events
        .iter()
        .position(|e| matches!(e, SchedulerEvent::RunStarted { .. }))
        .unwrap();
    let finished = events
        .iter()
        .position(|e| matches!(e, SchedulerEvent::RunFinished { .. }))
        .unwrap();
    assert!(
        matches!(&events[started], SchedulerEvent::RunStarted { channel_ids, catch_up: true } if channel_ids == &vec![id])
    );
    assert!(
        events[started..finished]
            .iter()
            .any(|e| matches!(e, SchedulerEvent::Progress { .. })),
        "progress reaches the window"
    );
    // The captured channel is announced as done, not as due.
    let kinds: Vec<_> = out.notices().iter().map(|n| n.kind).collect();
    assert_eq!(kinds, vec![SchedulerNoticeKind::Done]);
    assert_eq!(out.notifications.lock().unwrap().len(), 1);
    let status = out.last_status().unwrap();
    assert!(!status.running);
    assert_eq!(
        status.last_run_summary.as_ref().map(|r| r.complete),
        Some(1)
    );
    assert_eq!(s.status().last_run_summary, Some(summary));
}

#[test]
fn a_scheduled_run_is_cancellable_and_never_overlaps_a_manual_one() {
    let site = TestSite::start().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // A page that never answers: the run goes on until it is cancelled.
    let (app, clock, id) = setup(dir.path(), &site.url("/hang"), true);
    let jobs = Arc::new(JobRegistry::default());
    let s = Arc::new(scheduler(&app, &jobs, &Arc::default()));
    let out = Arc::new(Recorder::default());
    let (s2, out2) = (s.clone(), out.clone());
    let run = std::thread::spawn(move || s2.tick(out2.as_ref()));
    wait_until("the scheduled run", Duration::from_secs(20), || {
        jobs.is_running(SCHEDULER_JOB_ID)
    });
    assert!(s.status().running);

    // A manual "capture everything due" meanwhile is a conflict.
    let err = jobs
        .start_in("manual-1", Some(CAPTURE_DUE_GROUP))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);

    let asked = Instant::now();
    assert!(jobs.cancel(SCHEDULER_JOB_ID));
    wait_until("the run to stop", Duration::from_secs(20), || {
        run.is_finished()
    });
    let summary = run.join().unwrap().expect("the run's summary");
    assert!(asked.elapsed() < Duration::from_secs(20));
    assert_eq!(
        summary.error.as_ref().map(|e| e.code),
        Some(ErrorCode::Cancelled),
        "{summary:?}"
    );
    assert!(
        !out.notices()
            .iter()
            .any(|n| n.kind == SchedulerNoticeKind::Failed),
        "a cancelled run is no failure"
    );
    assert!(
        app.history(Some(id))
            .unwrap()
            .iter()
            .all(|s| s.status != SnapshotStatus::Complete),
        "nothing complete was stored"
    );
    assert!(!s.status().running);

    // While a manual run holds the due channels, the scheduler does not start one.
    let manual = jobs.start_in("manual-2", Some(CAPTURE_DUE_GROUP)).unwrap();
    clock.advance(chrono::Duration::minutes(5));
    assert_eq!(s.tick(out.as_ref()), None);
    assert_eq!(
        out.runs_started(),
        1,
        "only the first, cancelled run started"
    );
    assert!(!jobs.is_running(SCHEDULER_JOB_ID));
    drop(manual);
}

#[test]
fn the_loop_ticks_every_period_and_shuts_down_promptly() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _clock, _id) = setup(dir.path(), "https://example.org/kommunen", false);
    let jobs = Arc::new(JobRegistry::default());
    let s = Scheduler::new(app, jobs, Arc::default(), Duration::from_millis(300)).unwrap();
    let out = Arc::new(Recorder::default());
    let thread = SchedulerThread::spawn(s, Box::new(Shared(out.clone()))).unwrap();
    let statuses = || {
        out.events()
            .iter()
            .filter(|e| matches!(e, SchedulerEvent::Status { .. }))
            .count()
    };
    wait_until("three ticks", Duration::from_secs(10), || statuses() >= 3);
    let asked = Instant::now();
    assert!(thread.shutdown(Duration::from_secs(5)));
    assert!(
        asked.elapsed() < Duration::from_secs(1),
        "the loop wakes up to stop"
    );
    let after = statuses();
    std::thread::sleep(Duration::from_millis(700));
    assert_eq!(statuses(), after, "no tick after shutdown");
    assert!(
        thread.shutdown(Duration::from_secs(1)),
        "a second shutdown is harmless"
    );
}

#[test]
fn shutdown_cancels_a_running_scheduled_capture_and_joins() {
    let site = TestSite::start().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (app, _clock, _id) = setup(dir.path(), &site.url("/hang"), true);
    let jobs = Arc::new(JobRegistry::default());
    let s = Scheduler::new(
        app,
        jobs.clone(),
        Arc::default(),
        Duration::from_millis(200),
    )
    .unwrap();
    let out = Arc::new(Recorder::default());
    let thread = SchedulerThread::spawn(s, Box::new(Shared(out.clone()))).unwrap();
    wait_until("the scheduled run", Duration::from_secs(20), || {
        jobs.is_running(SCHEDULER_JOB_ID)
    });
    let asked = Instant::now();
    assert!(thread.shutdown(Duration::from_secs(20)), "the thread ended");
    assert!(asked.elapsed() < Duration::from_secs(20));
    assert!(jobs.running().is_empty());
    let finished = out.events().into_iter().find_map(|e| match e {
        SchedulerEvent::RunFinished { summary } => Some(summary),
        _ => None,
    });
    assert_eq!(
        finished.and_then(|s| s.error).map(|e| e.code),
        Some(ErrorCode::Cancelled)
    );
    assert_eq!(out.runs_started(), 1);
}
