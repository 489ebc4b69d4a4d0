//! `ogonblick due`: a register with a dated history (real SQLite and real
//! snapshot folders, written through the store with a fixed clock), then
//! the real binary asked about several days.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use ogonblick_app::model::fixity::sha256_file;
use ogonblick_app::{App, AppConfig};
use ogonblick_model::{
    Clock, CompletenessReport, FileRecord, FileRole, FixedClock, NewChannel, PageRecord, Platform,
    Provenance, SchedulePolicy, SequentialIds, Snapshot, SnapshotReason, SnapshotStatus, Timestamp,
};
use serde_json::Value;

use super::{json, ok, user_error};

fn t(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn open(dir: &Path, clock: Arc<FixedClock>) -> App {
    let config = AppConfig {
        data_dir: dir.to_path_buf(),
        operator: "Testare".into(),
    };
    App::open(config, clock, Arc::new(SequentialIds::default())).unwrap()
}

fn add(
    app: &App,
    name: &str,
    board: &str,
    unit: &str,
    who: (&str, &str),
    policy: Option<SchedulePolicy>,
) -> i64 {
    app.add_channel(NewChannel {
        name: name.into(),
        platform: Some(Platform::Facebook),
        urls: vec![format!(
            "https://example.org/{}",
            name.to_lowercase().replace(' ', "-")
        )],
        board: Some(board.into()),
        unit: Some(unit.into()),
        responsible: Some(who.0.into()),
        substitute: Some(who.1.into()),
        policy,
        ..Default::default()
    })
    .unwrap()
    .id
}

/// Stores a snapshot finished at `at` through the store's staging and
/// commit (a real file with its real SHA-256 for captured pages).
fn snapshot(
    app: &App,
    clock: &FixedClock,
    channel: i64,
    at: &str,
    reason: SnapshotReason,
    status: SnapshotStatus,
) {
    clock.set(t(at));
    let id = app.ids().new_id();
    let store = app.store();
    let staging = store.begin_snapshot(channel, &id).unwrap();
    let mut pages = Vec::new();
    let captured = status != SnapshotStatus::Failed;
    let url = store.channel(channel).unwrap().urls[0].clone();
    let mut files = Vec::new();
    if captured {
        let path = staging.path().join("page-1.png");
        std::fs::write(&path, format!("not really a png, taken {at}")).unwrap();
        let (sha256, size) = sha256_file(&path).unwrap();
        files.push(FileRecord {
            role: FileRole::Png,
            path: "page-1.png".into(),
            sha256,
            size,
            media_type: "image/png".into(),
        });
    }
    let prov = Provenance {
        started_at: t(at),
        finished_at: t(at),
        operator: "Testare".into(),
        ..Default::default()
    };
    pages.push(PageRecord {
        url: url.clone(),
        ok: captured,
        error: (!captured).then(|| "the page did not load".to_string()),
        error_sv: None,
        message: None,
        files,
        report: CompletenessReport::default(),
        provenance: prov.clone(),
    });
    if status == SnapshotStatus::Partial {
        pages.push(PageRecord {
            url: format!("{url}/about"),
            ok: false,
            error: Some("a login wall".into()),
            error_sv: None,
            message: None,
            files: vec![],
            report: CompletenessReport::default(),
            provenance: prov,
        });
    }
    let snap = Snapshot {
        id,
        channel_id: channel,
        reason,
        reason_note: None,
        reason_message: None,
        status,
        started_at: t(at) - chrono::Duration::minutes(3),
        finished_at: t(at),
        operator: "Testare".into(),
        pages,
        diary_number: None,
        single_address: None,
        files: Vec::new(),
    };
    store.commit_snapshot(staging, snap).unwrap();
}

struct Ids {
    facebook: i64,
    library: i64,
    blog: i64,
    youth: i64,
}

/// Four channels created in September 2026:
/// - facebook (half-yearly by default): good in autumn 2026, a failed try in March 2027;
/// - library (yearly): good in autumn 2026;
/// - blog (manual): nothing;
/// - youth (half-yearly): good in autumn 2026, closure started 1 February 2027.
fn register(dir: &Path) -> Ids {
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open(dir, clock.clone());
    let ids = Ids {
        facebook: add(
            &app,
            "Kommunen på Facebook",
            "Kommunstyrelsen",
            "Kommunikation",
            ("Anna Ek", "Bo Ek"),
            None,
        ),
        library: add(
            &app,
            "Biblioteket",
            "Kulturnämnden",
            "Biblioteken",
            ("Cecilia Ås", "David Ås"),
            Some(SchedulePolicy::Yearly),
        ),
        blog: add(
            &app,
            "Gamla bloggen",
            "Kulturnämnden",
            "Biblioteken",
            ("Cecilia Ås", "David Ås"),
            Some(SchedulePolicy::Manual),
        ),
        youth: add(
            &app,
            "Ungdomskanalen",
            "Kommunstyrelsen",
            "Kommunikation",
            ("Anna Ek", "Erik Öst"),
            None,
        ),
    };
    use SnapshotReason as R;
    use SnapshotStatus as S;
    snapshot(
        &app,
        &clock,
        ids.facebook,
        "2026-10-05T09:00:00Z",
        R::HalfYearly,
        S::Complete,
    );
    snapshot(
        &app,
        &clock,
        ids.library,
        "2026-10-06T09:00:00Z",
        R::Yearly,
        S::Complete,
    );
    snapshot(
        &app,
        &clock,
        ids.youth,
        "2026-10-07T09:00:00Z",
        R::HalfYearly,
        S::Complete,
    );
    clock.set(t("2027-02-01T08:00:00Z"));
    app.start_closure(ids.youth).unwrap();
    snapshot(
        &app,
        &clock,
        ids.facebook,
        "2027-03-03T09:00:00Z",
        R::HalfYearly,
        S::Failed,
    );
    snapshot(
        &app,
        &clock,
        ids.facebook,
        "2027-03-04T09:00:00Z",
        R::HalfYearly,
        S::Partial,
    );
    assert_eq!(clock.now(), t("2027-03-04T09:00:00Z"));
    ids
}

fn entry(report: &Value, id: i64) -> &Value {
    report["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["channel_id"] == id)
        .unwrap()
}

#[test]
fn due_answers_for_any_date_per_board_and_unit() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let ids = register(dir);

    // 10 March 2027, noon in Stockholm: the spring window is open.
    let r = json(dir, &["due", "--at", "2027-03-10", "--json"]);
    assert_eq!(r["at"], "2027-03-10T11:00:00Z");
    assert_eq!(r["local_date"], "2027-03-10");
    assert_eq!(r["timezone"], "Europe/Stockholm");
    assert!(r["blackout"].is_null());
    let fb = entry(&r, ids.facebook);
    assert_eq!(
        fb["state"], "due",
        "a failed and a partial try do not count: {fb}"
    );
    assert_eq!(fb["reason_to_capture"], "half-yearly");
    assert_eq!(fb["responsible"], "Anna Ek");
    assert_eq!(fb["substitute"], "Bo Ek");
    assert_eq!(fb["board"], "Kommunstyrelsen");
    assert_eq!(fb["current_window"]["last_day"], "2027-04-30");
    assert_eq!(fb["last_good_snapshot"], "2026-10-05T09:00:00Z");
    assert_eq!(entry(&r, ids.library)["state"], "not-due");
    assert_eq!(entry(&r, ids.blog)["state"], "manual");
    let youth = entry(&r, ids.youth);
    assert_eq!(youth["state"], "closure-due");
    assert_eq!(youth["reason_to_capture"], "pre-closure");
    assert_eq!(youth["substitute"], "Erik Öst");
    // Per board and unit, most urgent first within a group.
    let groups = r["summary"]["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0]["board"], "Kommunstyrelsen");
    assert_eq!(groups[0]["unit"], "Kommunikation");
    assert_eq!(groups[0]["counts"]["due"], 1);
    assert_eq!(groups[0]["counts"]["closure_due"], 1);
    assert_eq!(
        groups[0]["channel_ids"],
        serde_json::json!([ids.youth, ids.facebook])
    );
    assert_eq!(groups[1]["board"], "Kulturnämnden");
    assert_eq!(groups[1]["counts"]["manual"], 1);
    assert_eq!(r["summary"]["total"]["channels"], 4);
    assert_eq!(r["summary"]["total"]["capture_now"], 2);

    // After the window closed (1 May 00:00 CEST = 30 April 22:00 UTC).
    let r = json(dir, &["due", "--at", "2027-04-30T21:59:59Z", "--json"]);
    assert_eq!(entry(&r, ids.facebook)["state"], "due");
    let r = json(dir, &["due", "--at", "2027-05-01T00:00:00+02:00", "--json"]);
    let fb = entry(&r, ids.facebook);
    assert_eq!(fb["state"], "overdue");
    assert_eq!(fb["overdue_since"], "2027-04-30T22:00:00Z");

    // In the summer blackout an overdue channel waits; the closure does not.
    let r = json(dir, &["due", "--at", "2027-07-01", "--json"]);
    assert_eq!(r["blackout"]["label"], "sommar");
    assert_eq!(entry(&r, ids.facebook)["state"], "overdue");
    assert_eq!(entry(&r, ids.facebook)["capture_now"], false);
    assert_eq!(entry(&r, ids.youth)["capture_now"], true);

    // Before the closure started, the youth channel followed its schedule;
    // before the channels existed, nothing was due.
    let r = json(dir, &["due", "--at", "2027-01-15", "--json"]);
    assert_eq!(entry(&r, ids.youth)["state"], "not-due");
    let r = json(dir, &["due", "--at", "2026-08-01", "--json"]);
    assert_eq!(
        r["summary"]["total"]["not_due"], 4,
        "even the manual one: it did not exist"
    );
    let why: ogonblick_model::Message =
        serde_json::from_value(entry(&r, ids.blog)["message"].clone()).unwrap();
    assert!(why
        .render(ogonblick_model::Language::En)
        .contains("did not exist"));

    // Autumn 2027: the yearly library channel is due again.
    let r = json(dir, &["due", "--at", "2027-10-15", "--json"]);
    assert_eq!(entry(&r, ids.library)["state"], "due");
    assert_eq!(entry(&r, ids.library)["reason_to_capture"], "yearly");
}

#[test]
fn due_prints_a_readable_report() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let ids = register(dir);
    let out = ok(dir, &["due", "--at", "2027-05-15"]);
    assert!(
        out.contains("2027-05-15") && out.contains("Europe/Stockholm"),
        "{out}"
    );
    let ks = out.find("Kommunstyrelsen / Kommunikation").expect(&out);
    let kn = out.find("Kulturnämnden / Biblioteken").expect(&out);
    assert!(ks < kn, "{out}");
    let fb_line = out
        .lines()
        .find(|l| l.contains("Kommunen på Facebook"))
        .expect(&out);
    assert!(
        fb_line.contains("OVERDUE") && fb_line.contains("Anna Ek") && fb_line.contains("Bo Ek"),
        "{fb_line}"
    );
    assert!(fb_line.contains(&ids.facebook.to_string()));
    let youth_line = out
        .lines()
        .find(|l| l.contains("Ungdomskanalen"))
        .expect(&out);
    assert!(
        youth_line.contains("CLOSURE-DUE") && youth_line.contains("Erik Öst"),
        "{youth_line}"
    );
    assert!(
        out.contains("4 channel(s): 1 closure due, 1 overdue, 1 not due, 1 manual"),
        "{out}"
    );
    // Christmas: the blackout is announced.
    let out = ok(dir, &["due", "--at", "2027-12-24"]);
    assert!(out.contains("Blackout 'jul'"), "{out}");
}

#[test]
fn due_without_at_uses_the_clock_and_bad_input_is_a_user_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let out = ok(dir, &["due"]);
    assert!(out.contains("The register is empty"), "{out}");
    let before = Utc::now();
    let r = json(dir, &["due", "--json"]);
    let at = t(r["at"].as_str().unwrap());
    assert!(
        at >= before - chrono::Duration::seconds(1) && at <= Utc::now(),
        "{at}"
    );

    let e = user_error(dir, &["due", "--at", "2027-02-30"]);
    assert!(e.contains("2027-02-30") && e.contains("YYYY-MM-DD"), "{e}");
    let e = user_error(dir, &["due", "--at", "nästa vecka", "--json"]);
    assert!(e.contains("nästa vecka"), "{e}");

    // Broken schedule settings in the organisation settings: a clear error.
    let clock = Arc::new(FixedClock::new(t("2027-01-01T08:00:00Z")));
    let app = open(dir, clock);
    let mut org = app.settings().unwrap();
    org.schedule_windows = Some(
        serde_json::from_value(
            serde_json::json!({"yearly_windows": [{"start": "06-20", "end": "08-01"}]}),
        )
        .unwrap(),
    );
    app.set_settings(org).unwrap();
    drop(app);
    let e = user_error(dir, &["due"]);
    assert!(
        e.contains("schedule settings") && e.contains("blackout"),
        "{e}"
    );
}

#[test]
fn the_organisations_windows_and_blackouts_decide() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let ids = register(dir);
    // The organisation moves the spring window to May and says a
    // major-change snapshot resets the schedule.
    let app = open(dir, Arc::new(FixedClock::new(t("2027-03-05T08:00:00Z"))));
    let mut s = app.schedule_settings().unwrap();
    assert_eq!(s, ogonblick_app::schedule::ScheduleSettings::default());
    s.half_yearly_windows[0] =
        ogonblick_app::schedule::Period::new("maj", (5, 1), (5, 31)).unwrap();
    s.major_change_resets_schedule = true;
    let stored = app.set_schedule_settings(s.clone()).unwrap();
    assert_eq!(stored, s);
    // A window swallowed by a blackout is refused, and nothing is stored.
    let mut bad = s.clone();
    bad.yearly_windows[0] =
        ogonblick_app::schedule::Period::new("midsommar", (6, 20), (6, 25)).unwrap();
    let e = app.set_schedule_settings(bad).unwrap_err();
    assert_eq!(e.code(), ogonblick_model::ErrorCode::InvalidInput);
    assert!(e.to_string().contains("sommar"), "{e}");
    assert_eq!(app.schedule_settings().unwrap(), s);
    drop(app);

    let r = json(dir, &["due", "--at", "2027-03-10", "--json"]);
    assert_eq!(entry(&r, ids.facebook)["state"], "not-due");
    assert_eq!(
        entry(&r, ids.facebook)["next_window"]["first_day"],
        "2027-05-01"
    );
    let r = json(dir, &["due", "--at", "2027-05-02", "--json"]);
    assert_eq!(entry(&r, ids.facebook)["state"], "due");
    assert_eq!(entry(&r, ids.facebook)["current_window"]["label"], "maj");
    let r = json(dir, &["due", "--at", "2027-06-01", "--json"]);
    assert_eq!(entry(&r, ids.facebook)["state"], "overdue");
}
