//! Roles (h-roles2): the table `grants` against the real use cases. For
//! every role (and a login without one), every `RoleAction` is tried through
//! a use case that checks it, on a channel of the person's unit and on one of
//! another unit: what the table allows passes the check (the use case may
//! still fail for its own reasons, never with `forbidden`), what it refuses
//! is refused with `forbidden` and one `access.refused` entry in the audit
//! log naming the login and the action. The match in `attempt` has no
//! wildcard, so a new action does not compile until it is tried here.
//! `pg_roles_table.rs` runs the same table on PostgreSQL, each person as
//! their own PostgreSQL role, and compares the refusals' sentences with
//! these.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ogonblick_app::model::fixity::sha256_file;
use ogonblick_app::package::ExportRequest;
use ogonblick_app::{
    grant, App, AppConfig, AppError, CaptureRequest, DiaryTargets, EvidenceSource, Grant,
};
use ogonblick_model::{
    AuditEvent, CancelToken, ChangeSignal, ChannelId, ChannelPatch, CompletenessReport, ErrorCode,
    FileRecord, FileRole, FixedClock, Language, MarkFlags, Message, NoProgress, OrgSettings,
    PageComparison, PageRecord, Provenance, RetentionRules, Role, RoleAction, SequentialIds,
    Snapshot, SnapshotReason, SnapshotStatus,
};

use crate::fixture::{add, png_bytes, removal, store_snapshot, t};

fn as_person(dir: &Path, clock: &Arc<FixedClock>, login: &str) -> App {
    App::open(
        AppConfig {
            data_dir: dir.to_path_buf(),
            operator: format!("Person {login}"),
        },
        clock.clone(),
        Arc::new(SequentialIds::default()),
    )
    .unwrap()
    .with_login(Some(login.to_string()))
}

/// One unit's channel and what the use cases need on it.
pub(crate) struct Unit {
    channel: ChannelId,
    snapshot: String,
    /// A snapshot whose comparison suggests a major change.
    suggestion: String,
    removal: String,
}

pub(crate) struct Office {
    pub(crate) _tmp: tempfile::TempDir,
    pub(crate) dir: PathBuf,
    pub(crate) out: PathBuf,
    pub(crate) clock: Arc<FixedClock>,
    /// The case officer's unit (Kultur) and another (Fritid).
    pub(crate) own: Unit,
    pub(crate) other: Unit,
    /// The login the administratör's `Roles` action gives a role (on
    /// PostgreSQL a role of the test's, the name being cluster-wide).
    pub(crate) newcomer: String,
}

/// A snapshot of `channel` whose one page's comparison with `previous`
/// suggests a major change (as a capture's comparison would record it).
fn suggested_change(app: &App, clock: &FixedClock, channel: ChannelId, previous: &str) -> String {
    clock.set(t("2026-04-01T09:00:00Z"));
    let id = app.ids().new_id();
    let store = app.store();
    let staging = store.begin_snapshot(channel, &id).unwrap();
    let url = store.channel(channel).unwrap().urls[0].clone();
    let path = staging.path().join("page-01.png");
    std::fs::write(&path, png_bytes(40, 60, 10)).unwrap();
    let (sha256, size) = sha256_file(&path).unwrap();
    let report = CompletenessReport {
        comparison: Some(PageComparison {
            previous_snapshot_id: previous.to_string(),
            previous_url: url.clone(),
            text_similarity: 0.2,
            header_text_similarity: 0.1,
            changed_regions: Vec::new(),
            text_removed: Vec::new(),
            text_added: Vec::new(),
            signals: vec![ChangeSignal::HeaderText],
            suggests_major_change: true,
        }),
        ..Default::default()
    };
    let prov = Provenance {
        started_at: t("2026-04-01T09:00:00Z"),
        finished_at: t("2026-04-01T09:00:00Z"),
        operator: "Testare".into(),
        ..Default::default()
    };
    let snap = Snapshot {
        id: id.clone(),
        channel_id: channel,
        reason: SnapshotReason::HalfYearly,
        reason_note: None,
        reason_message: None,
        status: SnapshotStatus::Complete,
        started_at: t("2026-04-01T08:58:00Z"),
        finished_at: t("2026-04-01T09:00:00Z"),
        operator: "Testare".into(),
        pages: vec![PageRecord {
            url,
            ok: true,
            error: None,
            error_sv: None,
            message: None,
            files: vec![FileRecord {
                role: FileRole::Png,
                path: "page-01.png".into(),
                sha256,
                size,
                media_type: "image/png".into(),
            }],
            report,
            provenance: prov,
        }],
        diary_number: None,
        single_address: None,
        files: Vec::new(),
    };
    store.commit_snapshot(staging, snap).unwrap();
    id
}

/// The removed post's address: one per channel.
fn post(channel: ChannelId) -> String {
    format!("https://example.org/post/{channel}")
}

fn unit(app: &App, clock: &FixedClock, name: &str, unit: &str) -> Unit {
    let channel = add(app, name, Some("KFN"), Some(unit), None);
    let snapshot = store_snapshot(
        app,
        clock,
        channel,
        "2026-04-01T08:10:00Z",
        SnapshotReason::AdHoc,
        SnapshotStatus::Complete,
        None,
    )
    .id;
    let suggestion = suggested_change(app, clock, channel, &snapshot);
    let removal = app
        .add_removal(removal(
            channel,
            &post(channel),
            EvidenceSource::Snapshot(snapshot.clone()),
        ))
        .unwrap()
        .id;
    Unit {
        channel,
        snapshot,
        suggestion,
        removal,
    }
}

/// The people of the table: a login (as `who` names it on the backend)
/// and their role.
pub(crate) const PEOPLE: [(&str, Role); 4] = [
    ("hl", Role::Handlaggare),
    ("ark", Role::Arkivarie),
    ("chefen", Role::Chef),
    ("adm", Role::Administrator),
];

/// Fills the register `app` works on (made before roles, so anyone could):
/// a channel of Kultur and one of Fritid, then one person per role of
/// [`PEOPLE`], the handläggare's unit Kultur; `who` turns a name of
/// [`PEOPLE`] into the backend's login. The two units.
fn furnish(app: &App, clock: &FixedClock, who: &dyn Fn(&str) -> String) -> (Unit, Unit) {
    let own = unit(app, clock, "Kulturhuset", "Kultur");
    let other = unit(app, clock, "Simhallen", "Fritid");
    assert_eq!(app.change_suggestions().unwrap().len(), 2);
    clock.set(t("2026-04-01T10:00:00Z"));
    for (name, role) in PEOPLE.iter().rev() {
        let units = match role {
            Role::Handlaggare => vec!["Kultur".to_string()],
            _ => Vec::new(),
        };
        app.set_role(&who(name), &[*role], &units).unwrap();
    }
    (own, other)
}

/// A register made by adm with one person per role: hl (handläggare for
/// Kultur), ark, chefen, adm.
fn office() -> Office {
    Office::furnished(
        |dir, clock| as_person(dir, clock, "adm"),
        &|name| name.to_string(),
        "ny".into(),
    )
}

impl Office {
    /// A register in a new folder, set up by the app `open` gives (before
    /// roles) with [`furnish`]; `who` and `newcomer` as there and in
    /// [`Office::newcomer`].
    pub(crate) fn furnished(
        open: impl FnOnce(&Path, &Arc<FixedClock>) -> App,
        who: &dyn Fn(&str) -> String,
        newcomer: String,
    ) -> Office {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        let out = tmp.path().join("ut");
        std::fs::create_dir_all(&out).unwrap();
        let clock = Arc::new(FixedClock::new(t("2026-04-01T08:00:00Z")));
        let (own, other) = furnish(&open(&dir, &clock), &clock, who);
        Office {
            _tmp: tmp,
            dir,
            out,
            clock,
            own,
            other,
            newcomer,
        }
    }
}

/// A capture whose browser does not exist: past the role check it fails
/// with `environment`, so the check is seen without Chromium.
fn capture_without_browser(app: &App, channel: ChannelId) -> Result<(), AppError> {
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

/// Tries `action` through a use case that checks it, on the channel `u`
/// (for the actions that do not concern a channel, `u` is not used).
fn attempt(app: &App, o: &Office, action: RoleAction, u: &Unit) -> Result<(), AppError> {
    use RoleAction as A;
    let patch = || ChannelPatch {
        notes: Some("ny anteckning".into()),
        ..Default::default()
    };
    match action {
        A::Capture => capture_without_browser(app, u.channel),
        A::MajorChange => app.dismiss_change(&u.suggestion, None),
        A::RemovalRecord => app
            .add_removal(removal(
                u.channel,
                &post(u.channel),
                EvidenceSource::Snapshot(u.snapshot.clone()),
            ))
            .map(|_| ()),
        A::CertifyRemoval => app.certify_removal(&u.removal, "Granskaren").map(|_| ()),
        A::RegisterEdit => app.edit_channel(u.channel, patch()).map(|_| ()),
        A::Export => app
            .export_packages(
                &ExportRequest {
                    channel_id: Some(u.channel),
                    ..Default::default()
                },
                &o.out.join(format!("paket-{}.zip", u.channel)),
                &NoProgress,
                &CancelToken::new(),
            )
            .map(|_| ()),
        A::Closure => app.start_closure(u.channel).map(|_| ()),
        A::DiaryNumber => app
            .set_diary_number(
                &DiaryTargets {
                    ids: vec![u.snapshot.clone()],
                    channel: None,
                    board: None,
                    year: None,
                },
                Some("KS 2026/1"),
            )
            .map(|_| ()),
        A::Mark => app
            .set_mark(
                &u.snapshot,
                MarkFlags {
                    personal_data: true,
                    secrecy: None,
                    note: None,
                },
            )
            .map(|_| ()),
        A::Retention => app
            .set_retention_rules(&RetentionRules::default())
            .map(|_| ()),
        A::RemovalGrounds => app
            .add_removal_ground(&format!("egen{}", u.channel), "Egen grund", None)
            .map(|_| ()),
        A::Disposal => app.dispose("Gallraren", None).map(|_| ()),
        A::Report => app
            .write_overview(None, &o.out.join("oversikt.csv"), Language::Sv)
            .map(|_| ()),
        A::Reindex => app.reindex().map(|_| ()),
        A::Settings => app
            .set_settings(OrgSettings {
                name: "Kommunen".into(),
                ..Default::default()
            })
            .map(|_| ()),
        A::Roles => app.set_role(&o.newcomer, &[Role::Chef], &[]).map(|_| ()),
    }
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

/// A copy of `dir` (the register and its files, no app open on it).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A fresh copy of `template`'s register (each login's actions change it).
fn copy_of(template: &Office) -> Office {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    copy_dir(&template.dir, &dir);
    let out = tmp.path().join("ut");
    std::fs::create_dir_all(&out).unwrap();
    let unit = |u: &Unit| Unit {
        channel: u.channel,
        snapshot: u.snapshot.clone(),
        suggestion: u.suggestion.clone(),
        removal: u.removal.clone(),
    };
    Office {
        _tmp: tmp,
        dir,
        out,
        clock: Arc::new(FixedClock::new(t("2026-04-01T10:00:00Z"))),
        own: unit(&template.own),
        other: unit(&template.other),
        newcomer: template.newcomer.clone(),
    }
}

/// What one person's run found: what differed from the table, and each
/// refusal's sentence with the login as `<login>` (its name differs
/// between the backends), by action and whether on their own unit.
#[derive(Default)]
pub(crate) struct Outcome {
    pub(crate) wrong: Vec<String>,
    pub(crate) said: Vec<(RoleAction, bool, Message)>,
}

/// `m` with `login` as `<login>` where a refusal names the person.
fn without_login(mut m: Message, who: &str) -> Message {
    if let Message::RoleRefused { login, .. }
    | Message::RoleRefusedUnit { login, .. }
    | Message::RoleNone { login, .. } = &mut m
    {
        if login == who {
            *login = "<login>".into();
        }
    }
    m
}

/// What the table says `role` may do (true: allowed), on their own unit or
/// not.
pub(crate) fn table(role: Role) -> impl Fn(RoleAction, bool) -> bool {
    move |action, own| match grant(role, action) {
        Grant::Any => true,
        Grant::OwnUnits => own,
        Grant::No => false,
    }
}

/// Runs every action as `login` (the person `app` works as) on `o` and
/// returns what differed from `expected(action, own_unit)` (true: allowed)
/// and what the refusals said.
pub(crate) fn check(
    app: &App,
    o: &Office,
    login: &str,
    expected: impl Fn(RoleAction, bool) -> bool,
) -> Outcome {
    let mut out = Outcome::default();
    for action in RoleAction::ALL {
        for (own, u) in [(true, &o.own), (false, &o.other)] {
            let before = refusals(app).len();
            let r = attempt(app, o, *action, u);
            let refused = matches!(&r, Err(e) if e.code() == ErrorCode::Forbidden);
            let logged = refusals(app);
            let want = expected(*action, own);
            let wrong = &mut out.wrong;
            if refused == want {
                wrong.push(format!(
                    "{login} {action:?} on {} (own unit: {own}): expected {}, got {r:?}",
                    u.channel,
                    if want { "allowed" } else { "refused" },
                ));
            } else if refused
                && (logged.len() != before + 1
                    || logged.last() != Some(&(login.to_string(), *action)))
            {
                wrong.push(format!(
                    "{login} {action:?}: refused without its audit entry: {logged:?}"
                ));
            } else if matches!(&r, Err(e) if format!("{e:?}").contains("SQLSTATE 42501")) {
                // Allowed by the app, refused by a PostgreSQL register's
                // grants or row-level security.
                wrong.push(format!(
                    "{login} {action:?} on {} (own unit: {own}): allowed, but the server refused: {r:?}",
                    u.channel
                ));
            }
            if let Err(e) = &r {
                if refused {
                    let m = without_login(e.message().clone(), login);
                    out.said.push((*action, own, m));
                }
            }
        }
    }
    out
}

/// [`check`] as `login` on a fresh copy of `template`.
fn check_copy(
    template: &Office,
    login: &str,
    expected: impl Fn(RoleAction, bool) -> bool,
) -> Outcome {
    let o = copy_of(template);
    let app = as_person(&o.dir, &o.clock, login);
    check(&app, &o, login, expected)
}

/// Each of [`PEOPLE`]'s runs on SQLite, by name.
pub(crate) fn on_sqlite() -> Vec<(&'static str, Outcome)> {
    let template = office();
    PEOPLE
        .iter()
        .map(|(login, role)| (*login, check_copy(&template, login, table(*role))))
        .collect()
}

#[test]
fn every_role_is_refused_exactly_what_the_table_refuses_in_every_use_case() {
    let template = office();
    let mut wrong = Vec::new();
    for (login, role) in PEOPLE {
        wrong.extend(check_copy(&template, login, table(role)).wrong);
    }
    // A login without a role may do nothing once roles are set.
    wrong.extend(check_copy(&template, "okand", |_, _| false).wrong);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
