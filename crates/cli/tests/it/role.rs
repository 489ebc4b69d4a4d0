//! `ogonblick role …` (h-roles) through the real binary: roles set by an
//! administrator, each person working under their own login (`$USER`), the
//! same refusals as the desktop's (one sentence, exit 1), all audited.

use std::path::Path;

use super::{facebook_args, finish, ogonblick, Run};

/// A 1×1 RGB PNG.
const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];

/// Runs `ogonblick --data-dir DIR ARGS` logged in as `login` (and, unless
/// the args say otherwise, with no operator name of its own).
fn as_user(dir: &Path, login: &str, args: &[&str]) -> Run {
    let mut cmd = ogonblick();
    cmd.arg("--data-dir").arg(dir).args(args);
    cmd.env_remove("OGONBLICK_DATA_DIR")
        .env_remove("OGONBLICK_OPERATOR")
        .env_remove("LOGNAME")
        .env_remove("USERNAME")
        .env("USER", login);
    finish(cmd.output().expect("run ogonblick"))
}

fn ok(dir: &Path, login: &str, args: &[&str]) -> String {
    let r = as_user(dir, login, args);
    assert_eq!(r.code, 0, "{login} {args:?} failed: {}", r.stderr);
    r.stdout
}

/// A refusal: exit 1, one line on stderr, nothing on stdout.
fn refused(dir: &Path, login: &str, args: &[&str]) -> String {
    let r = as_user(dir, login, args);
    assert_eq!(
        r.code, 1,
        "{login} {args:?} should be refused: {}",
        r.stdout
    );
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{:?}", r.stderr);
    lines[0].to_string()
}

fn add(dir: &Path, name: &str, unit: &str) -> String {
    let url = format!("https://www.facebook.com/{}", name.to_lowercase());
    ok(dir, "anyone", &facebook_args(name, &url, &["--unit", unit]))
        .trim()
        .to_string()
}

#[test]
fn an_administrator_sets_roles_and_each_person_may_do_what_their_role_allows() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let shot = tmp.path().join("skärmbild.png");
    std::fs::write(&shot, PNG_1X1).unwrap();
    // No roles yet: everyone may do everything, as before.
    let kultur = add(&d, "Kulturhuset", "Kultur");
    let fritid = add(&d, "Simhallen", "Fritid");
    assert!(ok(&d, "anyone", &["role", "list"]).contains("No roles are set"));

    // The first roles: whoever sets them is the administrator.
    let out = ok(
        &d,
        "it-stod",
        &[
            "role",
            "set",
            "anna",
            "--role",
            "handläggare",
            "--unit",
            "Kultur",
        ],
    );
    assert!(out.contains("anna: handlaggare (units: Kultur)"), "{out}");
    assert!(out.contains("it-stod: administrator"), "{out}");
    ok(
        &d,
        "it-stod",
        &["role", "set", "arkivet", "--role", "arkivarie"],
    );
    ok(
        &d,
        "it-stod",
        &[
            "role",
            "set",
            "chefen",
            "--role",
            "chef",
            "--role",
            "arkivarie",
        ],
    );
    ok(&d, "it-stod", &["role", "set", "chefen", "--role", "chef"]);
    let list: serde_json::Value =
        serde_json::from_str(&ok(&d, "anna", &["role", "list", "--json"])).unwrap();
    let people: Vec<(&str, &str)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["login"].as_str().unwrap(),
                p["roles"][0].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        people,
        vec![
            ("anna", "handlaggare"),
            ("arkivet", "arkivarie"),
            ("chefen", "chef"),
            ("it-stod", "administrator")
        ]
    );
    let table = ok(&d, "anna", &["role", "list"]);
    assert!(
        table.starts_with("LOGIN") && table.contains("Kultur"),
        "{table}"
    );

    // The manager reads, and is refused a change, in either language.
    ok(&d, "chefen", &["channel", "list"]);
    let msg = refused(&d, "chefen", &["channel", "edit", &kultur, "--notes", "x"]);
    assert_eq!(
        msg,
        "error: chefen is manager and may not change the register; only archivist may. An administrator can give you the right role (ogonblick role set)."
    );
    let msg = refused(
        &d,
        "chefen",
        &["--lang", "sv", "channel", "edit", &kultur, "--notes", "x"],
    );
    assert!(
        msg.starts_with("fel: chefen är chef och får inte ändra i förteckningen"),
        "{msg}"
    );
    // --operator names who works, for the log; it grants nothing.
    let msg = refused(
        &d,
        "chefen",
        &[
            "--operator",
            "it-stod",
            "role",
            "set",
            "chefen",
            "--role",
            "administrator",
        ],
    );
    assert!(msg.contains("only administrator may"), "{msg}");

    // The case officer: their unit's channels, not another unit's.
    let removal = |ch: &str| {
        vec![
            "removal".to_string(),
            "add".into(),
            "--channel".into(),
            ch.to_string(),
            "--url".into(),
            format!("https://www.facebook.com/x/posts/{ch}"),
            "--kind".into(),
            "kommentar".into(),
            "--ground".into(),
            "hot".into(),
            "--file".into(),
            shot.to_str().unwrap().to_string(),
        ]
    };
    let args = removal(&fritid);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let msg = refused(&d, "anna", &args);
    assert!(
        msg.contains("anna is case officer for Kultur") && msg.contains("Simhallen"),
        "{msg}"
    );
    let msg = refused(&d, "anna", &["capture", &fritid]);
    assert!(
        msg.contains("may not take snapshots for the channel Simhallen"),
        "{msg}"
    );
    let args = removal(&kultur);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(&d, "anna", &args);
    refused(
        &d,
        "anna",
        &[
            "export",
            "--channel",
            &kultur,
            "--out",
            tmp.path().to_str().unwrap(),
        ],
    );

    // The archivist edits the register, not the roles or the settings.
    ok(
        &d,
        "arkivet",
        &["channel", "edit", &fritid, "--notes", "flyttad"],
    );
    refused(&d, "arkivet", &["settings", "set", "--name", "Kommunen"]);
    refused(&d, "arkivet", &["role", "remove", "anna"]);
    // The administrator: settings and roles, not the register.
    ok(&d, "it-stod", &["settings", "set", "--name", "Kommunen"]);
    refused(&d, "it-stod", &["channel", "edit", &fritid, "--notes", "x"]);
    let msg = refused(&d, "it-stod", &["role", "remove", "it-stod"]);
    assert!(msg.contains("last administrator"), "{msg}");
    ok(&d, "it-stod", &["role", "remove", "anna"]);
    let msg = refused(&d, "anna", &["capture", &kultur]);
    assert!(msg.contains("anna has no role"), "{msg}");

    // Every refusal and every change of roles is in the audit log.
    let audit: serde_json::Value =
        serde_json::from_str(&ok(&d, "chefen", &["audit", "--json"])).unwrap();
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    let count = |a: &str| actions.iter().filter(|x| **x == a).count();
    assert_eq!(count("access.refused"), 10, "{actions:?}");
    assert_eq!(count("role.set"), 5, "{actions:?}");
    assert_eq!(count("role.remove"), 1, "{actions:?}");
}

/// The desktop's commands (`set_role`, `remove_role`, `edit_channel`, …) are
/// thin adapters over the same use cases, and the window renders the
/// payload's catalogue key: the CLI's line and the desktop's sentence are
/// the same, in both languages (h-roles2).
#[test]
fn the_cli_and_the_desktop_refuse_with_the_same_sentence() {
    use ogonblick_app::model::{ErrorCode, ErrorPayload, Language, RandomIds, SystemClock};
    use ogonblick_app::{App, AppConfig};
    use std::sync::Arc;

    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let kultur = add(&d, "Kulturhuset", "Kultur");
    ok(&d, "it-stod", &["role", "set", "chefen", "--role", "chef"]);
    let desktop = |login: &str| {
        App::open(
            AppConfig {
                data_dir: d.clone(),
                operator: login.into(),
            },
            Arc::new(SystemClock),
            Arc::new(RandomIds),
        )
        .unwrap()
        .with_login(Some(login.to_string()))
    };
    let id: i64 = kultur.parse().unwrap();
    for (login, args, payload, code) in [
        (
            "chefen",
            vec!["channel", "edit", kultur.as_str(), "--notes", "x"],
            ErrorPayload::from(
                desktop("chefen")
                    .edit_channel(
                        id,
                        ogonblick_app::model::ChannelPatch {
                            notes: Some("x".into()),
                            ..Default::default()
                        },
                    )
                    .unwrap_err(),
            ),
            ErrorCode::Forbidden,
        ),
        (
            "it-stod",
            vec!["role", "remove", "it-stod"],
            ErrorPayload::from(desktop("it-stod").remove_role("it-stod").unwrap_err()),
            ErrorCode::Conflict,
        ),
    ] {
        assert_eq!(payload.code, code, "{payload:?}");
        let key = payload.key.as_deref().expect("a catalogue key");
        let mut sv = vec!["--lang", "sv"];
        sv.extend(&args);
        let line = refused(&d, login, &sv);
        assert_eq!(line, format!("fel: {}", key.render(Language::Sv)));
        let mut en = vec!["--lang", "en"];
        en.extend(&args);
        let line = refused(&d, login, &en);
        assert_eq!(line, format!("error: {}", key.render(Language::En)));
        assert_eq!(line, format!("error: {}", payload.message));
    }
}
