//! The first run on a real data folder (SQLite, settings files); the
//! machine's checks with injected environments.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::TimeZone;
use ogonblick_capture::locate::Os;
use ogonblick_model::*;

use super::*;
use crate::AppConfig;

fn open(dir: &Path) -> App {
    App::open(
        AppConfig {
            data_dir: dir.to_path_buf(),
            operator: "anna".into(),
        },
        Arc::new(FixedClock::new(
            chrono::Utc.with_ymd_and_hms(2026, 4, 1, 8, 0, 0).unwrap(),
        )),
        Arc::new(SequentialIds::default()),
    )
    .unwrap()
}

fn ok_check() -> SetupCheck {
    SetupCheck {
        ok: true,
        path: Some("/usr/bin/chromium".into()),
        message: Message::SetupBrowserFound {
            path: "/usr/bin/chromium".into(),
        },
    }
}

fn form(name: &str) -> FirstRunForm {
    FirstRunForm {
        name: name.into(),
        org_number: Some(" 212000-0167 ".into()),
        e_archive_name: Some("Nacka e-arkiv".into()),
        submission_agreement: Some("".into()),
        schedule: None,
        auto_capture: true,
    }
}

#[test]
fn a_new_data_folder_needs_the_setup_and_the_setup_saves_everything() {
    let tmp = tempfile::tempdir().unwrap();
    let app = open(tmp.path());
    let s = app.first_run_status_with(ok_check(), ok_check()).unwrap();
    assert!(s.needed, "an empty folder has no organisation name");
    assert_eq!(s.channels, 0);
    assert!(!s.auto_capture, "automatic capture is off until chosen");

    let mut windows = app.schedule_settings().unwrap();
    windows.default_policy = SchedulePolicy::Yearly;
    let mut f = form("  Nacka kommun ");
    f.schedule = Some(windows.clone().into());
    app.complete_first_run(&f).unwrap();

    // Read back from a fresh open of the folder, as the next start does.
    drop(app);
    let app = open(tmp.path());
    let s = app.first_run_status_with(ok_check(), ok_check()).unwrap();
    assert!(!s.needed);
    assert!(s.auto_capture);
    let org = app.settings().unwrap();
    assert_eq!(org.name, "Nacka kommun");
    assert_eq!(org.org_number.as_deref(), Some("212000-0167"));
    assert_eq!(org.e_archive_name.as_deref(), Some("Nacka e-arkiv"));
    assert_eq!(org.submission_agreement, None, "an empty field is no value");
    assert_eq!(org.default_policy, SchedulePolicy::Yearly);
    assert_eq!(app.schedule_settings().unwrap(), windows);
    // The package defaults take the organisation's name: exports can run.
    assert_eq!(
        app.package_settings().unwrap().organisation_name,
        "Nacka kommun"
    );
}

#[test]
fn a_folder_already_in_use_opens_without_the_setup() {
    let tmp = tempfile::tempdir().unwrap();
    let app = open(tmp.path());
    app.add_channel(NewChannel {
        name: "Kommunen på Facebook".into(),
        platform: Some(Platform::Facebook),
        urls: vec!["https://www.facebook.com/kommunen".into()],
        ..Default::default()
    })
    .unwrap();
    let s = app.first_run_status_with(ok_check(), ok_check()).unwrap();
    assert_eq!(s.channels, 1);
    assert!(!s.needed, "channels registered: the folder is in use");
}

#[test]
fn a_setup_without_a_name_saves_nothing_and_says_what_to_give() {
    let tmp = tempfile::tempdir().unwrap();
    let app = open(tmp.path());
    let err = app.complete_first_run(&form("   ")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(err.message(), Message::SetupNameMissing {});
    let org = app.settings().unwrap();
    assert_eq!(org.org_number, None, "nothing of the form was saved");
    assert!(!app.scheduler_settings().unwrap().auto_capture);
}

#[test]
fn a_setup_with_windows_the_schedule_refuses_saves_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let app = open(tmp.path());
    let mut windows = app.schedule_settings().unwrap();
    windows.timezone = "Mars/Olympus_Mons".into();
    let mut f = form("Nacka kommun");
    f.schedule = Some(windows.into());
    let err = app.complete_first_run(&f).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput, "{err}");
    assert!(app.settings().unwrap().name.is_empty());
}

/// The window sends the days as text: `11-31` is decoded and then refused
/// by the engine with the catalogue's `schedule-bad-day`; nothing is saved.
#[test]
fn a_setup_with_a_day_that_does_not_exist_is_refused_with_the_catalogue_sentence() {
    let tmp = tempfile::tempdir().unwrap();
    let app = open(tmp.path());
    let before = app.schedule_settings().unwrap();
    let mut sent = serde_json::to_value(form("Nacka kommun")).unwrap();
    let mut windows = serde_json::to_value(&before).unwrap();
    windows["yearly_windows"][0]["end"] = "11-31".into();
    sent["schedule"] = windows;
    let f: FirstRunForm = serde_json::from_value(sent).expect("the form is decoded");
    let err = app.complete_first_run(&f).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput, "{err}");
    assert_eq!(
        err.message(),
        Message::ScheduleBadDay {
            given: "11-31".into(),
            detail: Box::new(Message::DayNoDay { month: 11, max: 30 }),
        }
    );
    assert!(app.settings().unwrap().name.is_empty(), "nothing was saved");
    assert_eq!(app.schedule_settings().unwrap(), before);
}

fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<OsString> {
    move |k| {
        pairs
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| OsString::from(v))
    }
}

#[test]
fn the_machine_checks_say_what_to_install_when_something_is_missing() {
    let env = env_of(&[]);
    let (browser, font) = environment_checks(Os::Linux, &env, &|_| false);
    assert!(!browser.ok && !font.ok);
    assert_eq!(browser.message, Message::SetupBrowserMissing {});
    assert_eq!(font.message, Message::SetupFontMissing {});
    assert!(browser
        .message
        .render(Language::Sv)
        .contains("apt-get install chromium"));
    assert!(font
        .message
        .render(Language::Sv)
        .contains("fonts-noto-color-emoji"));

    // OGONBLICK_CHROMIUM naming a file that is not there is no browser.
    let env = env_of(&[("OGONBLICK_CHROMIUM", "/opt/none/chrome")]);
    let (browser, _) = environment_checks(Os::Linux, &env, &|_| false);
    assert!(!browser.ok);

    // Windows: Edge and Segoe UI Emoji in their places.
    let env = env_of(&[
        ("ProgramFiles(x86)", r"C:\Program Files (x86)"),
        ("SystemRoot", r"C:\Windows"),
    ]);
    let mut edge = PathBuf::from(r"C:\Program Files (x86)");
    edge.extend(["Microsoft", "Edge", "Application", "msedge.exe"]);
    let mut emoji = PathBuf::from(r"C:\Windows");
    emoji.extend(["Fonts", "seguiemj.ttf"]);
    let (e2, f2) = (edge.clone(), emoji.clone());
    let (browser, font) = environment_checks(Os::Windows, &env, &move |p| p == e2 || p == f2);
    assert!(browser.ok && font.ok);
    assert_eq!(browser.path, Some(edge.display().to_string()));
    assert_eq!(font.path, Some(emoji.display().to_string()));
}

#[test]
fn this_machine_has_chromium_and_the_emoji_font() {
    // scripts/setup.sh installs both; the desktop's setup shows these.
    let tmp = tempfile::tempdir().unwrap();
    let s = open(tmp.path()).first_run_status().unwrap();
    assert!(s.browser.ok, "{:?}", s.browser);
    assert!(s.emoji_font.ok, "{:?}", s.emoji_font);
}

#[test]
fn once_set_the_organisations_name_cannot_be_emptied() {
    let tmp = tempfile::tempdir().unwrap();
    let app = open(tmp.path());
    app.complete_first_run(&form("Nacka kommun")).unwrap();
    let mut org = app.settings().unwrap();
    org.name = " ".into();
    let err = app.set_settings(org).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(err.message(), Message::SetupNameMissing {});
    assert_eq!(
        app.settings().unwrap().name,
        "Nacka kommun",
        "the name stays"
    );
    assert!(
        !app.first_run_status_with(ok_check(), ok_check())
            .unwrap()
            .needed
    );
}
