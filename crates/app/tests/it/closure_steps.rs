//! The ends of a closure (h-close): the decision and its diary number,
//! undoing a closure before its final snapshot, and the day the account was
//! deleted on the platform; each refusal changes nothing.

use std::sync::Arc;

use ogonblick_app::store::RegisterExt;
use ogonblick_app::{App, AppError, ClosureDecision, ClosureStatus, ClosureStepKind};
use ogonblick_model::{
    AuditEvent, ChannelId, ChannelStatus, ErrorCode, FixedClock, Language, Message, SnapshotReason,
    SnapshotStatus,
};

use crate::fixture::{add, open_at, store_snapshot, t};

fn setup() -> (tempfile::TempDir, Arc<FixedClock>, App, ChannelId) {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2027-03-02T09:00:00Z")));
    let app = open_at(dir.path(), clock.clone());
    let id = add(&app, "Ungdomens hus", Some("Kulturnämnden"), None, None);
    (dir, clock, app, id)
}

fn decided(decision: &str, diary: &str) -> ClosureDecision {
    ClosureDecision {
        decision: Some(decision.into()),
        diary_number: Some(diary.into()),
    }
}

/// The refusal's catalogue message; asserts that nothing changed.
fn refused<T: std::fmt::Debug>(
    app: &App,
    id: ChannelId,
    code: ErrorCode,
    f: impl FnOnce() -> Result<T, AppError>,
) -> Message {
    let channel = app.get_channel(id).unwrap();
    let log = app.audit_log(Some(id)).unwrap().len();
    let e = f().expect_err("refused");
    assert_eq!(e.code(), code, "{e}");
    assert_eq!(
        app.get_channel(id).unwrap(),
        channel,
        "the channel is unchanged"
    );
    assert_eq!(
        app.audit_log(Some(id)).unwrap().len(),
        log,
        "nothing audited"
    );
    e.message()
}

fn done(s: &ClosureStatus, step: ClosureStepKind) -> bool {
    s.steps.iter().find(|x| x.step == step).unwrap().done
}

#[test]
fn the_decision_and_its_diary_number_are_kept_with_the_start() {
    let (_d, _clock, app, id) = setup();
    // Text that could fool a reader is refused before anything changes.
    let m = refused(&app, id, ErrorCode::InvalidInput, || {
        app.start_closure_with(id, &decided("KS \u{202e}21§ 2027", "KS 2027/31"))
    });
    assert!(
        m.render(Language::Sv).starts_with("beslutet ”KS"),
        "{}",
        m.render(Language::Sv)
    );
    refused(&app, id, ErrorCode::InvalidInput, || {
        app.start_closure_with(id, &decided("KS 2027-03-01 §12", "KS\n2027/31"))
    });

    let started = app
        .start_closure_with(id, &decided(" KS 2027-03-01 §12 ", "KS 2027/31"))
        .unwrap();
    assert_eq!(started.channel.status, ChannelStatus::Closing);
    let s = app.closure_status(id).unwrap();
    assert_eq!(s.decision.as_deref(), Some("KS 2027-03-01 §12"));
    assert_eq!(s.diary_number.as_deref(), Some("KS 2027/31"));
    assert!(s.can_undo);
    let last = app.audit_log(Some(id)).unwrap().pop().unwrap();
    assert_eq!(
        last.event,
        AuditEvent::ClosureStarted {
            from: ChannelStatus::Active,
            to: ChannelStatus::Closing,
            decision: Some("KS 2027-03-01 §12".into()),
            diary_number: Some("KS 2027/31".into()),
        }
    );
    // The Swedish log names them.
    let sv = app
        .audit_lines(Some(id))
        .unwrap()
        .pop()
        .unwrap()
        .text(Language::Sv);
    assert_eq!(
        sv.as_deref(),
        Some("Status: aktiv → under avveckling. Beslut: KS 2027-03-01 §12. Diarienummer: KS 2027/31.")
    );
}

#[test]
fn a_closure_is_undone_before_its_final_snapshot_and_a_new_start_begins_afresh() {
    let (_d, clock, app, id) = setup();
    let m = refused(&app, id, ErrorCode::Conflict, || app.undo_closure(id));
    assert_eq!(
        m.render(Language::Sv),
        format!("Kanal {id} är aktiv, inte under avveckling: det finns ingen påbörjad avveckling att ångra.")
    );

    app.start_closure_with(id, &decided("KS 2027-03-01 §12", "KS 2027/31"))
        .unwrap();
    clock.set(t("2027-03-03T10:00:00Z"));
    // A capture of the channel running now (it holds the channel's lock)
    // could commit the final snapshot: the undo waits for it.
    let capturing = app.try_lock_channel(id).unwrap().expect("free");
    let m = refused(&app, id, ErrorCode::Conflict, || app.undo_closure(id));
    assert!(m.render(Language::Sv).contains("fångas just nu"), "{m:?}");
    drop(capturing);
    let s = app.undo_closure(id).unwrap();
    assert_eq!(s.channel.status, ChannelStatus::Active);
    assert_eq!(s.channel.closing_started_at, None);
    assert!(!done(&s, ClosureStepKind::Start) && !s.can_undo);
    assert_eq!(s.current, Some(ClosureStepKind::Start));
    assert_eq!((s.decision, s.diary_number), (None, None));
    let undo = app.audit_log(Some(id)).unwrap().pop().unwrap();
    assert_eq!(
        undo.event,
        AuditEvent::ClosureUndone {
            from: ChannelStatus::Closing,
            to: ChannelStatus::Active
        }
    );
    assert_eq!(
        (undo.actor.as_str(), undo.at),
        ("Testare", t("2027-03-03T10:00:00Z"))
    );
    assert_eq!(app.get_channel(id).unwrap().status, ChannelStatus::Active);

    // Started again without a decision: the old start and its decision do not count.
    clock.set(t("2027-04-01T08:00:00Z"));
    app.start_closure(id).unwrap();
    let s = app.closure_status(id).unwrap();
    let start = &s.steps[0];
    assert!(start.done);
    assert_eq!(start.at, Some(t("2027-04-01T08:00:00Z")));
    assert_eq!((s.decision, s.diary_number), (None, None));
    assert_eq!(s.current, Some(ClosureStepKind::Snapshot));

    // Once a pre-closure snapshot is on the record, the closure cannot be undone.
    let snap = store_snapshot(
        &app,
        &clock,
        id,
        "2027-04-02T08:00:00Z",
        SnapshotReason::PreClosure,
        SnapshotStatus::Partial,
        None,
    );
    assert!(!app.closure_status(id).unwrap().can_undo);
    let m = refused(&app, id, ErrorCode::Conflict, || app.undo_closure(id));
    assert_eq!(
        m.render(Language::Sv),
        format!("Avvecklingen av kanal {id} kan inte längre ångras: den slutliga ögonblicksbilden {} är redan tagen. Slutför avvecklingen (granska, exportera och kontrollera arkivpaketet) i stället.", snap.id)
    );
    assert!(m.render(Language::En).contains("can no longer be undone"));
}

#[test]
fn the_account_deleted_on_the_platform_is_the_last_step() {
    let (_d, clock, app, id) = setup();
    let m = refused(&app, id, ErrorCode::Conflict, || {
        app.record_account_deleted(id, "2027-03-02")
    });
    assert!(m.render(Language::Sv).contains("aktiv, inte avvecklad"));
    app.start_closure(id).unwrap();
    let m = refused(&app, id, ErrorCode::Conflict, || {
        app.record_account_deleted(id, "2027-03-02")
    });
    assert_eq!(
        m.render(Language::En),
        format!("Channel {id} is closing, not closed: complete the closure (ogonblick close-complete {id}) before the account is deleted on the platform and the deletion recorded.")
    );
    // (The package path to `closed` is covered by the package tests; here
    // the store closes it.)
    clock.set(t("2027-03-10T12:00:00Z"));
    app.store().mark_closed(id, "Testare", "").unwrap();
    let s = app.closure_status(id).unwrap();
    assert!(done(&s, ClosureStepKind::Close));
    assert_eq!(s.steps.last().unwrap().step, ClosureStepKind::Deleted);
    assert!(!done(&s, ClosureStepKind::Deleted));
    assert_eq!(s.deleted_on, None);

    let m = refused(&app, id, ErrorCode::InvalidInput, || {
        app.record_account_deleted(id, "10/3/2027")
    });
    assert!(m.render(Language::Sv).contains("ÅÅÅÅ-MM-DD"));
    let m = refused(&app, id, ErrorCode::InvalidInput, || {
        app.record_account_deleted(id, "2027-03-11")
    });
    assert_eq!(
        m.render(Language::Sv),
        "Datumet 2027-03-11 har inte kommit än (i dag är det 2027-03-10): ange dagen då kontot raderades på plattformen."
    );
    let m = refused(&app, id, ErrorCode::InvalidInput, || {
        app.record_account_deleted(id, "2027-03-01")
    });
    assert!(
        m.render(Language::En)
            .starts_with("The date 2027-03-01 is before the closure started on 2027-03-02"),
        "{}",
        m.render(Language::En)
    );

    let s = app.record_account_deleted(id, "2027-03-10").unwrap();
    assert_eq!(s.deleted_on, chrono::NaiveDate::from_ymd_opt(2027, 3, 10));
    assert!(done(&s, ClosureStepKind::Deleted));
    let step = s.steps.last().unwrap();
    assert_eq!(step.actor.as_deref(), Some("Testare"));
    assert_eq!(step.at, Some(t("2027-03-10T12:00:00Z")));
    let last = app.audit_log(Some(id)).unwrap().pop().unwrap();
    assert_eq!(last.action, "closure.deleted");
    assert_eq!(
        last.event,
        AuditEvent::AccountDeleted {
            date: chrono::NaiveDate::from_ymd_opt(2027, 3, 10).unwrap()
        }
    );
    // Recorded again (a correction): the newest counts.
    let s = app.record_account_deleted(id, "2027-03-09").unwrap();
    assert_eq!(s.deleted_on, chrono::NaiveDate::from_ymd_opt(2027, 3, 9));
}

#[test]
fn only_a_role_that_may_close_channels_undoes_a_closure_or_records_the_deletion() {
    let (dir, clock, app, id) = setup();
    let as_login = |login: &str| {
        App::open(
            ogonblick_app::AppConfig {
                data_dir: dir.path().to_path_buf(),
                operator: login.into(),
            },
            clock.clone(),
            Arc::new(ogonblick_model::SequentialIds::default()),
        )
        .unwrap()
        .with_login(Some(login.to_string()))
    };
    let admin = as_login("adm");
    admin
        .set_role("adm", &[ogonblick_model::Role::Administrator], &[])
        .unwrap();
    admin
        .set_role("chefen", &[ogonblick_model::Role::Chef], &[])
        .unwrap();
    admin
        .set_role("ark", &[ogonblick_model::Role::Arkivarie], &[])
        .unwrap();
    let chef = as_login("chefen");
    let ark = as_login("ark");
    ark.start_closure_with(id, &decided("KS 2027-03-01 §12", "KS 2027/31"))
        .unwrap();
    let m = refused(&app, id, ErrorCode::Forbidden, || chef.undo_closure(id));
    assert!(m.render(Language::En).contains("may not close channels"));
    ark.undo_closure(id).unwrap();
    ark.start_closure(id).unwrap();
    app.store().mark_closed(id, "ark", "").unwrap();
    let e = chef.record_account_deleted(id, "2027-03-02").unwrap_err();
    assert_eq!(e.code(), ErrorCode::Forbidden);
    assert!(!app.closure_status(id).unwrap().steps[6].done);
    ark.record_account_deleted(id, "2027-03-02").unwrap();
}
