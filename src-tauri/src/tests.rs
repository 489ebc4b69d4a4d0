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
    let desktop = Desktop::open(dir.path().to_path_buf(), "Testare".into(), hooks(None));
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

fn hooks(tick: Option<Duration>) -> Hooks {
    Hooks {
        dialogs: DialogHooks::default(),
        no_open: true,
        tick,
    }
}

/// A manual "capture everything due" and the scheduler's run share one
/// slot: the command's job is refused while the scheduler runs.
#[test]
fn a_job_in_the_capture_due_group_is_refused_while_the_scheduler_runs() {
    let dir = tempfile::tempdir().unwrap();
    let desktop = Desktop::open(dir.path().to_path_buf(), "Testare".into(), hooks(None));
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
    let desktop = Desktop::open(file, "Testare".into(), hooks);
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
    let desktop = Desktop::open(dir.path().to_path_buf(), "Testare".into(), hooks(None));
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
    let desktop = Desktop::open(dir.path().to_path_buf(), "Testare".into(), hooks(None));
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
