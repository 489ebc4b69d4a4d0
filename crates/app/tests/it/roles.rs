//! Roles (h-roles): each role's refusals and permissions through the use
//! cases, on a real register. Several `App`s open the same data directory,
//! one per person (login), as several programs would.

use std::path::Path;
use std::sync::Arc;

use ogonblick_app::{App, AppConfig, AppError, CaptureRequest, EvidenceSource};
use ogonblick_model::{
    AuditEvent, CancelToken, ErrorCode, FixedClock, Language, Message, NoProgress, OrgSettings,
    RetentionRules, Role, RoleAction, SequentialIds, SnapshotReason, SnapshotStatus,
};

use crate::fixture::{add, removal, store_snapshot, t};

const POST: &str = "https://example.org/post/1";

fn snap(id: &str) -> EvidenceSource {
    EvidenceSource::Snapshot(id.into())
}

fn as_person(dir: &Path, clock: &Arc<FixedClock>, operator: &str, login: Option<&str>) -> App {
    App::open(
        AppConfig {
            data_dir: dir.to_path_buf(),
            operator: operator.into(),
        },
        clock.clone(),
        Arc::new(SequentialIds::default()),
    )
    .unwrap()
    .with_login(login.map(str::to_string))
}

fn forbidden<T: std::fmt::Debug>(r: Result<T, AppError>) -> Message {
    let e = r.expect_err("refused");
    assert_eq!(e.code(), ErrorCode::Forbidden, "{e}");
    e.message()
}

fn refusals(app: &App) -> Vec<(String, RoleAction)> {
    app.store()
        .audit_log(None)
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.event {
            AuditEvent::AccessRefused { login, action } => Some((login, action)),
            _ => None,
        })
        .collect()
}

/// A capture whose browser does not exist: past the role check it fails
/// with `environment`, so a test sees the check pass without Chromium.
fn capture_without_browser(app: &App, channel: i64) -> Result<(), AppError> {
    let mut opts = app.capture_options();
    opts.chromium = "/nonexistent/chromium-for-the-role-test".into();
    let request = CaptureRequest {
        channel_ids: vec![channel],
        reason: SnapshotReason::AdHoc,
        reason_note: None,
        reason_message: None,
    };
    app.capture_with(&request, &opts, &NoProgress, &CancelToken::new(), |_| {
        Ok(true)
    })
    .map(|_| ())
}

struct Office {
    _tmp: tempfile::TempDir,
    dir: std::path::PathBuf,
    clock: Arc<FixedClock>,
    kultur: i64,
    fritid: i64,
    snap_kultur: String,
    snap_fritid: String,
}

/// A register with an administrator (adm), an archivist (ark), a manager
/// (chefen) and a case officer for Kultur (hl); channels of Kultur and Fritid.
fn office() -> Office {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let clock = Arc::new(FixedClock::new(t("2026-04-01T08:00:00Z")));
    let app = as_person(&dir, &clock, "Admin", Some("adm"));
    let kultur = add(&app, "Kulturhuset", Some("KFN"), Some("Kultur"), None);
    let fritid = add(&app, "Simhallen", Some("KFN"), Some("Fritid"), None);
    let snap_kultur = store_snapshot(
        &app,
        &clock,
        kultur,
        "2026-04-01T08:10:00Z",
        SnapshotReason::AdHoc,
        SnapshotStatus::Complete,
        None,
    )
    .id;
    let snap_fritid = store_snapshot(
        &app,
        &clock,
        fritid,
        "2026-04-01T08:20:00Z",
        SnapshotReason::AdHoc,
        SnapshotStatus::Complete,
        None,
    )
    .id;
    clock.set(t("2026-04-01T10:00:00Z"));
    app.set_role("adm", &[Role::Administrator], &[]).unwrap();
    app.set_role("ark", &[Role::Arkivarie], &[]).unwrap();
    app.set_role("chefen", &[Role::Chef], &[]).unwrap();
    app.set_role("hl", &[Role::Handlaggare], &[" kultur ".into()])
        .unwrap();
    Office {
        _tmp: tmp,
        dir,
        clock,
        kultur,
        fritid,
        snap_kultur,
        snap_fritid,
    }
}

#[test]
fn without_roles_everyone_may_everything_and_the_first_role_set_makes_its_setter_administrator() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let clock = Arc::new(FixedClock::new(t("2026-04-01T08:00:00Z")));
    // No login at all, no roles: as before roles, nothing is checked.
    let nobody = as_person(&dir, &clock, "Vem som helst", None);
    let id = add(&nobody, "Biblioteket", None, Some("Kultur"), None);
    nobody
        .set_settings(OrgSettings {
            name: "Kommunen".into(),
            ..Default::default()
        })
        .unwrap();
    let access = nobody.current_access().unwrap();
    assert!(!access.configured);
    assert_eq!(access.may, RoleAction::ALL.to_vec());

    // Without a login, the first role may not go to someone who is not an
    // administrator: nobody would be one. Nothing is written.
    let e = nobody
        .set_role("anna", &[Role::Handlaggare], &["Kultur".into()])
        .expect_err("refused without a login");
    assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}");
    assert_eq!(
        e.message(),
        Message::RoleFirstWithoutLogin {
            login: "anna".into()
        }
    );
    assert!(nobody.roles().unwrap().is_empty());

    // The first role set, by it-stod for someone else: it-stod becomes administrator too.
    let it = as_person(&dir, &clock, "IT-stöd", Some("it-stod"));
    let all = it
        .set_role("anna", &[Role::Handlaggare], &["Kultur".into()])
        .unwrap();
    let logins: Vec<(&str, Vec<Role>)> = all
        .iter()
        .map(|p| (p.login.as_str(), p.roles.clone()))
        .collect();
    assert_eq!(
        logins,
        vec![
            ("anna", vec![Role::Handlaggare]),
            ("it-stod", vec![Role::Administrator])
        ]
    );
    assert_eq!(all[0].units, vec!["Kultur".to_string()]);
    assert_eq!(all[0].set_by, "IT-stöd");
    let set: Vec<AuditEvent> = it
        .store()
        .audit_log_of_action("role.set")
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .collect();
    assert_eq!(set.len(), 2, "{set:?}");
    // Now the roles hold: the one without a login is refused, and says why.
    let m = forbidden(nobody.edit_channel(
        id,
        ogonblick_model::ChannelPatch {
            name: Some("X".into()),
            ..Default::default()
        },
    ));
    assert!(matches!(m, Message::RoleNoLogin { .. }), "{m:?}");

    // Setting one's own first roles keeps them and adds administrator.
    let tmp2 = tempfile::tempdir().unwrap();
    let solo = as_person(&tmp2.path().join("data"), &clock, "Bo", Some("bo"));
    let all = solo.set_role("bo", &[Role::Arkivarie], &[]).unwrap();
    assert_eq!(all[0].roles, vec![Role::Arkivarie, Role::Administrator]);
}

#[test]
fn each_role_is_refused_what_it_may_not_do_and_allowed_what_it_may() {
    let o = office();
    let (dir, clock) = (&o.dir, &o.clock);
    let patch = || ogonblick_model::ChannelPatch {
        notes: Some("ny anteckning".into()),
        ..Default::default()
    };
    let out = dir.parent().unwrap().join("oversikt.csv");

    // chef: reads and writes reports, changes nothing.
    let chef = as_person(dir, clock, "Chefen", Some("chefen"));
    let m = forbidden(chef.edit_channel(o.kultur, patch()));
    assert_eq!(
        m.render(Language::Sv),
        "chefen är chef och får inte ändra i förteckningen; det får bara arkivarie. En administratör kan ge dig rätt roll (ogonblick role set)."
    );
    assert_eq!(
        m.render(Language::En),
        "chefen is manager and may not change the register; only archivist may. An administrator can give you the right role (ogonblick role set)."
    );
    forbidden(chef.dispose("Chefen", None));
    forbidden(chef.set_settings(OrgSettings::default()));
    forbidden(capture_without_browser(&chef, o.kultur));
    forbidden(chef.set_role("chefen", &[Role::Administrator], &[]));
    chef.write_overview(None, &out, Language::Sv).unwrap();
    assert_eq!(refusals(&chef).len(), 5);

    // handläggare: their unit's channels only.
    let hl = as_person(dir, clock, "Hanna", Some("hl"));
    let m = forbidden(capture_without_browser(&hl, o.fritid));
    assert_eq!(
        m.render(Language::Sv),
        "hl är handläggare för kultur och får inte ta ögonblicksbilder för kanalen Simhallen, som hör till enheten Fritid. En handläggare får bara arbeta med kanalerna i sina enheter: be en administratör lägga till enheten (ogonblick role set --unit)."
    );
    let e = capture_without_browser(&hl, o.kultur).expect_err("no browser here");
    assert_eq!(e.code(), ErrorCode::Environment, "past the role check: {e}");
    forbidden(hl.add_removal(removal(o.fritid, POST, snap(&o.snap_fritid))));
    let r = hl
        .add_removal(removal(o.kultur, POST, snap(&o.snap_kultur)))
        .unwrap();
    hl.certify_removal(&r.id, "Hanna").unwrap();
    forbidden(hl.edit_channel(o.kultur, patch()));
    forbidden(hl.set_retention_rules(&RetentionRules::default()));
    forbidden(hl.set_mark(
        &o.snap_kultur,
        ogonblick_model::MarkFlags {
            personal_data: true,
            secrecy: None,
            note: None,
        },
    ));

    // arkivarie: the register and the archive, captures of every unit, no settings.
    let ark = as_person(dir, clock, "Arkivarien", Some("ark"));
    ark.edit_channel(o.fritid, patch()).unwrap();
    ark.set_retention_rules(&RetentionRules::default()).unwrap();
    ark.dispose("Arkivarien", None).unwrap();
    let e = capture_without_browser(&ark, o.fritid).expect_err("no browser here");
    assert_eq!(e.code(), ErrorCode::Environment, "{e}");
    forbidden(ark.add_removal(removal(o.fritid, POST, snap(&o.snap_fritid))));
    forbidden(ark.set_settings(OrgSettings::default()));
    forbidden(ark.set_role("ark", &[Role::Administrator], &[]));

    // administratör: roles and settings, not the archive.
    let adm = as_person(dir, clock, "Admin", Some("adm"));
    adm.set_settings(OrgSettings {
        name: "Kommunen".into(),
        ..Default::default()
    })
    .unwrap();
    forbidden(adm.edit_channel(o.kultur, patch()));
    forbidden(adm.dispose("Admin", None));
    adm.set_role(
        "hl",
        &[Role::Handlaggare],
        &["Kultur".into(), "Fritid".into()],
    )
    .unwrap();
    // … and now the case officer may work on Fritid too.
    hl.add_removal(removal(o.fritid, POST, snap(&o.snap_fritid)))
        .unwrap();

    // Every refusal is in the audit log, under the login that was refused.
    let all = refusals(&adm);
    let count = |login: &str| all.iter().filter(|(l, _)| l == login).count();
    assert_eq!(
        (count("chefen"), count("hl"), count("ark"), count("adm")),
        (5, 5, 3, 2)
    );
    assert!(all.contains(&("hl".into(), RoleAction::RemovalRecord)));
    assert!(all.contains(&("adm".into(), RoleAction::Disposal)));
}

#[test]
fn the_operator_name_grants_nothing_and_an_unknown_login_is_told_what_to_do() {
    let o = office();
    // Working as "Admin" (the operator the audit log shows) but logged in as chefen.
    let app = as_person(&o.dir, &o.clock, "Admin", Some("chefen"));
    forbidden(app.set_settings(OrgSettings::default()));
    let stranger = as_person(&o.dir, &o.clock, "adm", Some("okand"));
    let m = forbidden(stranger.start_closure(o.kultur));
    assert_eq!(
        m.render(Language::En),
        "okand has no role in the register and may not close channels; only archivist may. Ask an administrator to give you a role (ogonblick role set)."
    );
    let access = stranger.current_access().unwrap();
    assert!(access.configured && access.may.is_empty() && access.own_units.is_empty());
    let access = as_person(&o.dir, &o.clock, "x", Some("hl"))
        .current_access()
        .unwrap();
    assert_eq!(access.units, vec!["kultur".to_string()]);
    assert!(access.may.contains(&RoleAction::Report) && !access.may.contains(&RoleAction::Capture));
    assert!(access.own_units.contains(&RoleAction::Capture));
}

#[test]
fn roles_keep_an_administrator_survive_a_rebuild_and_refuse_bad_input() {
    let o = office();
    let adm = as_person(&o.dir, &o.clock, "Admin", Some("adm"));
    let e = adm.remove_role("adm").unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(matches!(e.message(), Message::RoleLastAdministrator { .. }));
    let e = adm.set_role("adm", &[Role::Chef], &[]).unwrap_err();
    assert!(matches!(e.message(), Message::RoleLastAdministrator { .. }));
    for (login, roles, units) in [
        ("anna", vec![Role::Handlaggare], vec![]),
        ("anna", vec![Role::Chef], vec!["Kultur".to_string()]),
        ("anna", vec![], vec![]),
        ("an na", vec![Role::Chef], vec![]),
        ("", vec![Role::Chef], vec![]),
    ] {
        let e = adm.set_role(login, &roles, &units).unwrap_err();
        assert_eq!(
            e.code(),
            ErrorCode::InvalidInput,
            "{login} {roles:?} {units:?}: {e}"
        );
    }
    assert_eq!(
        adm.remove_role("nobody").unwrap_err().code(),
        ErrorCode::NotFound
    );

    let before = adm.roles().unwrap();
    assert_eq!(before.len(), 4);
    // A rebuilt register keeps the roles (roles.json), or everyone would be allowed everything.
    adm.reindex().unwrap();
    assert_eq!(adm.roles().unwrap(), before);
    // A rebuild is refused while a program has the register open: closed first.
    drop(adm);
    std::fs::remove_file(o.dir.join("ogonblick.sqlite")).unwrap();
    let _ = std::fs::remove_file(o.dir.join("ogonblick.sqlite-wal"));
    let _ = std::fs::remove_file(o.dir.join("ogonblick.sqlite-shm"));
    // The rebuild of a lost database is checked against the mirror too.
    let cfg = AppConfig {
        data_dir: o.dir.clone(),
        operator: "Chefen".into(),
    };
    let e = App::reindex_data_dir_as(
        cfg.clone(),
        Some("chefen".into()),
        o.clock.clone(),
        Arc::new(SequentialIds::default()),
    )
    .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Forbidden);
    let (app, _) = App::reindex_data_dir_as(
        cfg,
        Some("ark".into()),
        o.clock.clone(),
        Arc::new(SequentialIds::default()),
    )
    .unwrap();
    assert_eq!(app.roles().unwrap(), before);

    // Removing everyone turns roles off again.
    let adm = as_person(&o.dir, &o.clock, "Admin", Some("adm"));
    for l in ["ark", "chefen", "hl", "adm"] {
        adm.remove_role(l).unwrap();
    }
    assert!(!adm.current_access().unwrap().configured);
    let removed = adm.store().audit_log_of_action("role.remove").unwrap();
    assert_eq!(removed.len(), 4);
}

#[test]
fn a_due_run_takes_only_the_channels_its_person_may_capture() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let clock = Arc::new(FixedClock::new(t("2026-04-01T08:00:00Z")));
    let setup = as_person(&dir, &clock, "Admin", Some("adm"));
    add(&setup, "Kulturhuset", None, Some("Kultur"), None);
    add(&setup, "Simhallen", None, Some("Fritid"), None);
    assert_eq!(
        setup.due(None).unwrap().to_capture().count(),
        2,
        "both are due"
    );
    setup.set_role("adm", &[Role::Administrator], &[]).unwrap();
    setup.set_role("chefen", &[Role::Chef], &[]).unwrap();
    setup
        .set_role("hl", &[Role::Handlaggare], &["Kultur".into()])
        .unwrap();
    let due_run = |login: &str| {
        let app = as_person(&dir, &clock, login, Some(login));
        let mut opts = app.capture_options();
        opts.chromium = "/nonexistent/chromium-for-the-role-test".into();
        app.capture_due_with(None, &opts, &NoProgress, &CancelToken::new())
    };
    // Nothing for a manager to take: no browser started, nothing refused.
    assert!(due_run("chefen").unwrap().is_empty());
    assert!(due_run("adm").unwrap().is_empty());
    // The case officer's run takes Kultur's channel (and so needs a browser).
    let e = due_run("hl").unwrap_err();
    assert_eq!(e.code(), ErrorCode::Environment, "{e}");
    assert!(refusals(&setup).is_empty());
}
