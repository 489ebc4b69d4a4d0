use std::time::Duration;

use ogonblick_app::SchedulerEvent;
use ogonblick_model::{ErrorCode, Message, ProgressEvent};
use tauri::ipc::Channel as IpcChannel;

use crate::commands::{off_runtime, settings, COMMANDS};
use crate::dialogs::DialogHooks;
use crate::jobs::{self, CAPTURE_DUE_GROUP};
use crate::lang::Language;
use crate::scheduler::SchedulerOutput;
use crate::state::{Desktop, Hooks};

/// Every command of the table is granted to the main window, and nothing
/// else but listening to the events the desktop emits (least privilege).
/// (build.rs makes the permissions and commands/mod.rs the handlers from the
/// same table, so those two cannot disagree.)
#[test]
fn the_window_is_granted_exactly_the_commands_of_the_table() {
    let caps: serde_json::Value =
        serde_json::from_str(include_str!("../capabilities/main.json")).expect("capability JSON");
    let mut granted: Vec<String> = caps["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("permission identifiers only").to_string())
        .collect();
    let mut expected: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    expected.extend([
        "core:event:allow-listen".to_string(),
        "core:event:allow-unlisten".to_string(),
    ]);
    granted.sort();
    expected.sort();
    assert_eq!(granted, expected);
    assert_eq!(caps["windows"], serde_json::json!(["main"]));
    assert!(
        caps.get("remote").is_none(),
        "no remote URL may call the app"
    );
}

/// The committed capabilities/main.json is, byte for byte, the capability
/// build.rs generates from the command table (the one the app is built
/// with): adding a command without committing the regenerated file fails.
#[test]
fn the_committed_capability_is_the_generated_one() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/capabilities/main.json"));
    let committed = include_str!("../capabilities/main.json");
    assert!(
        committed == generated,
        "src-tauri/capabilities/main.json differs from what the command table generates; update it: cp {}/capabilities/main.json src-tauri/capabilities/main.json",
        env!("OUT_DIR")
    );
}

/// A blocking command must not hold one of the async runtime's worker
/// threads: more of them at once than there are workers all get to run.
/// (Run inline on the runtime, as `#[tauri::command(async)]` does, the
/// workers would all wait and the last call would not start until they
/// gave up.)
#[test]
fn blocking_commands_run_off_the_async_runtime() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::Instant;
    // Tauri's runtime has one worker per core; one call more than that.
    let n = std::thread::available_parallelism().map_or(4, |n| n.get()) + 1;
    let started = Arc::new(AtomicUsize::new(0));
    let calls: Vec<_> = (0..n)
        .map(|_| {
            let started = started.clone();
            tauri::async_runtime::spawn(off_runtime(move || {
                started.fetch_add(1, Ordering::SeqCst);
                let deadline = Instant::now() + Duration::from_secs(5);
                // Blocks its thread until every call has started.
                while started.load(Ordering::SeqCst) < n && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Ok(started.load(Ordering::SeqCst) == n)
            }))
        })
        .collect();
    for call in calls {
        let all_started = tauri::async_runtime::block_on(call).unwrap();
        assert_eq!(all_started, Ok(true), "a call waited for a worker thread");
    }
}

/// `?` on an `AppError` hands the window `{code, message, key}`: the code to
/// act on, the English sentence, and the catalogue message the window renders
/// in its language; nothing else.
#[test]
fn a_failed_command_sends_code_and_message() {
    let dir = tempfile::tempdir().unwrap();
    let desktop = open_local(dir.path().to_path_buf(), "Testare".into(), hooks(None));
    let err = crate::commands::register::get_channel(&desktop, 4711).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    let sent = serde_json::to_value(&err).unwrap();
    assert_eq!(
        sent.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["code", "key", "message"]
    );
    assert_eq!(sent["code"], "not_found");
    assert!(sent["key"]["key"].is_string(), "a catalogue key: {sent}");
    assert!(!sent["message"].as_str().unwrap().is_empty());
}

/// The desktop on the local register in `dir`, whatever the tester's
/// `OGONBLICK_DATABASE` or saved address says.
fn open_local(dir: std::path::PathBuf, operator: String, hooks: Hooks) -> Desktop {
    Desktop::open_with(
        dir,
        operator,
        hooks,
        Ok(ogonblick_app::RegisterChoice::local()),
    )
}

fn hooks(tick: Option<Duration>) -> Hooks {
    Hooks {
        dialogs: DialogHooks::default(),
        no_open: true,
        tick,
        watch: None,
    }
}

/// A manual "capture everything due" and the scheduler's run share one
/// slot: the command's job is refused while the scheduler runs.
#[test]
fn a_job_in_the_capture_due_group_is_refused_while_the_scheduler_runs() {
    let dir = tempfile::tempdir().unwrap();
    let desktop = open_local(dir.path().to_path_buf(), "Testare".into(), hooks(None));
    let sched = desktop
        .jobs()
        .start_in(jobs::SCHEDULER_JOB_ID, Some(CAPTURE_DUE_GROUP))
        .unwrap();
    let channel: IpcChannel<ProgressEvent> = IpcChannel::new(|_| Ok(()));
    let r = tauri::async_runtime::block_on(desktop.run_job(
        "manual".into(),
        Some(CAPTURE_DUE_GROUP),
        channel,
        |_app, _sink, _cancel| Ok(1),
    ));
    let err = r.unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("scheduled"), "{}", err.message);
    drop(sched);
    let channel: IpcChannel<ProgressEvent> = IpcChannel::new(|_| Ok(()));
    let r = tauri::async_runtime::block_on(desktop.run_job(
        "manual".into(),
        Some(CAPTURE_DUE_GROUP),
        channel,
        |app, _sink, _cancel| app.list_channels(&Default::default()).map(|c| c.len()),
    ));
    assert_eq!(r, Ok(0));
    assert!(desktop.jobs().running().is_empty());
    // With the scheduler off, the status still tells the switch.
    assert!(!desktop.scheduler_status().auto_capture);
    assert_eq!(desktop.scheduler_status().last_tick, None);
}

/// A data directory that cannot be opened: every command gets the error.
#[test]
fn an_unopenable_data_dir_is_an_error_for_every_command_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let mut hooks = hooks(Some(Duration::from_secs(1)));
    hooks.no_open = false;
    let desktop = open_local(file, "Testare".into(), hooks);
    let err = desktop.app().unwrap_err();
    assert_eq!(err.code, ErrorCode::Environment);
    // No scheduler is started without an App.
    struct Nothing;
    impl SchedulerOutput for Nothing {
        fn event(&self, _: &SchedulerEvent) {}
        fn notify(&self, _: &str, _: &str) -> Result<(), String> {
            Ok(())
        }
    }
    assert!(desktop.start_scheduler(Box::new(Nothing)).is_ok());
    assert!(desktop.scheduler.lock().unwrap().is_none());
    desktop.shutdown();
}

/// The window's schedule settings with the yearly window ending on `end`,
/// decoded as Tauri decodes the command's argument from the window's JSON.
fn schedule_ending<T: serde::de::DeserializeOwned>(desktop: &Desktop, end: &str) -> T {
    let mut sent = serde_json::to_value(settings::get_schedule_settings(desktop).unwrap()).unwrap();
    sent["yearly_windows"][0]["end"] = end.into();
    serde_json::from_value(sent)
        .expect("the window's settings are decoded; the days are read later")
}

/// A day that is no day of the year (`11-31`) passes the argument decoding
/// as text and is refused by the engine with the catalogue's
/// `schedule-bad-day`; nothing is saved.
#[test]
fn a_schedule_day_that_does_not_exist_is_refused_with_the_catalogue_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let desktop = open_local(dir.path().to_path_buf(), "Testare".into(), hooks(None));
    let before = settings::get_schedule_settings(&desktop).unwrap();
    let r = settings::set_schedule_settings(&desktop, schedule_ending(&desktop, "11-31"));
    let err = desktop.answer(r).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(
        err.key.as_deref(),
        Some(&Message::ScheduleBadDay {
            given: "11-31".into(),
            detail: Box::new(Message::DayNoDay { month: 11, max: 30 }),
        })
    );
    assert_eq!(settings::get_schedule_settings(&desktop).unwrap(), before);
    // A day that exists is saved.
    let r = settings::set_schedule_settings(&desktop, schedule_ending(&desktop, "11-15"));
    let saved = desktop.answer(r).unwrap();
    assert_eq!(saved.yearly_windows[0].end.to_string(), "11-15");
}

/// A refusal's `message` (the text beside its catalogue key) is in the
/// language the window chose, not the process's locale.
#[test]
fn a_refusal_is_sent_in_the_language_the_window_chose() {
    let dir = tempfile::tempdir().unwrap();
    let desktop = open_local(dir.path().to_path_buf(), "Testare".into(), hooks(None));
    let refusal = || {
        let r = settings::set_schedule_settings(&desktop, schedule_ending(&desktop, "11-31"));
        desktop.answer(r).unwrap_err().message
    };
    assert_eq!(
        refusal(),
        "'11-31' är ingen dag på året: månaden 11 har dagarna 01–30",
        "Swedish until the window says otherwise"
    );
    settings::set_language(&desktop, Language::En).unwrap();
    assert!(
        refusal().starts_with("'11-31' is not a day of the year"),
        "{}",
        refusal()
    );
    settings::set_language(&desktop, Language::Sv).unwrap();
    assert!(
        refusal().starts_with("'11-31' är ingen dag på året"),
        "{}",
        refusal()
    );
}

/// The desktop on a shared register (`OGONBLICK_DATABASE` or the saved
/// address): the window's footer and Inställningar say which, a channel added
/// is in the database, and a second desktop whose data folder is an
/// unmounted share's empty mount point opens with the refusal as its
/// sentence. PostgreSQL: skipped without `OGONBLICK_TEST_POSTGRES`.
#[test]
fn the_desktop_on_a_shared_register_says_so_and_refuses_an_unmounted_share() {
    use ogonblick_app::store::postgres::{Config, NoTls};
    use ogonblick_app::{RegisterChoice, RegisterSource};
    let Some(server) = std::env::var("OGONBLICK_TEST_POSTGRES")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        eprintln!("SKIPPED: OGONBLICK_TEST_POSTGRES is not set");
        return;
    };
    let name = format!("ogonblick_desktop_{}", std::process::id());
    let config: Config = server.parse().unwrap();
    let mut admin = config.connect(NoTls).unwrap();
    for sql in [
        format!("DROP DATABASE IF EXISTS {name}"),
        format!("CREATE DATABASE {name}"),
    ] {
        admin.batch_execute(&sql).unwrap();
    }
    let url = format!("{}/{name}", server.rsplit_once('/').unwrap().0);
    let choice = || {
        Ok(RegisterChoice {
            source: RegisterSource::Environment,
            database: Some(url.clone()),
        })
    };
    let shared = tempfile::tempdir().unwrap();
    let desktop = Desktop::open_with(shared.path().into(), "anna".into(), hooks(None), choice());
    let info = settings::app_info(&desktop).unwrap();
    assert_eq!(info.shared_register, Some(format!("127.0.0.1/{name}")));
    let on = crate::commands::shared::shared_register(&desktop).unwrap();
    assert_eq!(on.source, RegisterSource::Environment);
    assert_eq!(on.current, Some(format!("127.0.0.1/{name}")));
    let added = crate::commands::register::add_channel(
        &desktop,
        ogonblick_model::NewChannel {
            name: "Nacka".into(),
            platform: Some(ogonblick_model::Platform::Facebook),
            urls: vec!["https://www.facebook.com/nacka".into()],
            ..Default::default()
        },
    )
    .unwrap();
    let mut db = config.clone();
    db.dbname(&name);
    let rows: i64 = db
        .connect(NoTls)
        .unwrap()
        .query_one("SELECT count(*) FROM channels WHERE id = $1", &[&added.id])
        .unwrap()
        .get(0);
    assert_eq!(rows, 1);
    assert!(!shared
        .path()
        .join(ogonblick_app::store::DB_FILE_NAME)
        .exists());

    let mount_point = tempfile::tempdir().unwrap();
    let other = Desktop::open_with(
        mount_point.path().into(),
        "bo".into(),
        hooks(None),
        choice(),
    );
    let err = other.app().unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(
        matches!(
            err.key.as_deref(),
            Some(Message::StorePgDataDirUnmarked { .. })
        ),
        "{err:?}"
    );
    assert_eq!(std::fs::read_dir(mount_point.path()).unwrap().count(), 0);
    drop((desktop, other));
    let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));

    // The local register says so too.
    let dir = tempfile::tempdir().unwrap();
    let local = open_local(dir.path().into(), "anna".into(), hooks(None));
    assert_eq!(settings::app_info(&local).unwrap().shared_register, None);
}

/// Issue 15: a damaged saved connection file stops the register from
/// opening, and Inställningar (where its sentence sends the user) still
/// answers: no saved address and the problem, and saving a new address
/// replaces the damaged file. (The only test here that sets the config
/// folder.)
#[test]
fn a_damaged_saved_connection_can_be_replaced_in_settings() {
    use crate::commands::shared;
    use ogonblick_app::{RegisterSource, CONFIG_DIR_ENV, SHARED_REGISTER_FILE};
    let config = tempfile::tempdir().unwrap();
    std::env::set_var(CONFIG_DIR_ENV, config.path());
    std::env::remove_var(ogonblick_app::DATABASE_ENV);
    let file = config.path().join(SHARED_REGISTER_FILE);
    std::fs::write(&file, "{").unwrap();
    let data = tempfile::tempdir().unwrap();
    let choice = ogonblick_app::choose_register_in(None, None, Some(config.path()));
    let desktop = Desktop::open_with(data.path().into(), "anna".into(), hooks(None), choice);
    assert!(matches!(
        desktop.app().unwrap_err().key.as_deref(),
        Some(Message::SharedRegisterFileUnreadable { .. })
    ));
    let info = shared::shared_register(&desktop).unwrap();
    assert_eq!(info.saved, None);
    assert!(
        matches!(
            info.problem,
            Some(Message::SharedRegisterFileUnreadable { .. })
        ),
        "{info:?}"
    );
    let address = "postgres://anna@db.kommun.se/ogonblick";
    let info = shared::save_shared_register(&desktop, Some(address.into())).unwrap();
    assert_eq!((info.saved.as_deref(), info.problem), (Some(address), None));
    let next = ogonblick_app::choose_register_in(None, None, Some(config.path())).unwrap();
    assert_eq!(next.source, RegisterSource::Saved);
    std::env::remove_var(CONFIG_DIR_ENV);
}
