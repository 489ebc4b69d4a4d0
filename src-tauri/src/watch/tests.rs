//! Two desktops on one register (issue 15), SQLite: the poll sees a change
//! the other makes (as the CLI's scheduled run would) and stays quiet
//! otherwise; an edit saved from a form opened before the other's change is
//! refused through the command, as the window gets it (`{code, key,
//! message}` with who and when), and goes through once reloaded.

use std::path::Path;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use ogonblick_app::{App, AppConfig, RegisterChoice};
use ogonblick_model::{ChannelPatch, ErrorCode, NewChannel, Platform, RandomIds, SystemClock};

use super::{RegisterChanged, RegisterWatch};
use crate::commands::register::{channel_for_edit, edit_channel};
use crate::dialogs::DialogHooks;
use crate::state::{Desktop, Hooks};

fn desktop(dir: &Path, who: &str) -> Desktop {
    Desktop::open_with(
        dir.to_path_buf(),
        who.into(),
        Hooks {
            dialogs: DialogHooks::default(),
            no_open: true,
            tick: None,
            watch: None,
        },
        Ok(RegisterChoice::local()),
    )
}

/// Another program on the same data directory (the CLI).
fn other_program(dir: &Path) -> App {
    App::open(
        AppConfig {
            data_dir: dir.to_path_buf(),
            operator: "cli".into(),
        },
        Arc::new(SystemClock),
        Arc::new(RandomIds),
    )
    .unwrap()
}

fn add(app: &App) -> i64 {
    app.add_channel(NewChannel {
        name: "Kultur".into(),
        platform: Some(Platform::X),
        urls: vec!["https://x.com/kultur".into()],
        ..Default::default()
    })
    .unwrap()
    .id
}

fn notes(text: &str) -> ChannelPatch {
    ChannelPatch {
        notes: Some(text.into()),
        ..Default::default()
    }
}

#[test]
fn a_change_by_another_program_is_seen_within_a_few_ticks_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let cli = other_program(dir.path());
    let id = add(&cli);
    let app = Arc::new(other_program(dir.path()));
    let (tx, rx) = mpsc::channel::<RegisterChanged>();
    let tx = std::sync::Mutex::new(tx);
    let watch = RegisterWatch::spawn(
        app,
        Duration::from_millis(50),
        Box::new(move |c| {
            let _ = tx.lock().unwrap().send(c);
        }),
    )
    .unwrap();
    assert!(
        rx.recv_timeout(Duration::from_millis(400)).is_err(),
        "no change, no event"
    );
    cli.edit_channel(id, notes("ändrad i CLI")).unwrap();
    let seen = rx.recv_timeout(Duration::from_secs(3)).expect("an event");
    let newest = cli.audit_log(None).unwrap().last().unwrap().seq;
    assert_eq!(seen.last, newest);
    assert!(
        rx.recv_timeout(Duration::from_millis(400)).is_err(),
        "one event per change"
    );
    watch.shutdown();
}

#[test]
fn an_edit_from_a_form_opened_before_another_change_is_refused_with_who_and_when() {
    let dir = tempfile::tempdir().unwrap();
    let anna = desktop(dir.path(), "anna");
    let cli = other_program(dir.path());
    let id = add(&cli);
    let form = channel_for_edit(&anna, id).unwrap();
    assert_eq!(form.channel.notes, None);
    cli.edit_channel(id, notes("ändrad i CLI")).unwrap();
    let err = edit_channel(&anna, id, notes("annas"), Some(form.revision)).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    let sent = serde_json::to_value(&err).unwrap();
    assert_eq!(sent["key"]["key"], "store-channel-changed-by", "{sent}");
    assert_eq!(sent["key"]["args"]["by"], "cli", "{sent}");
    assert!(sent["message"].as_str().unwrap().contains("cli"), "{sent}");
    // Nothing of Anna's edit was saved; reloaded, it goes through.
    let reloaded = channel_for_edit(&anna, id).unwrap();
    assert_eq!(reloaded.channel.notes.as_deref(), Some("ändrad i CLI"));
    let saved = edit_channel(&anna, id, notes("annas"), Some(reloaded.revision)).unwrap();
    assert_eq!(saved.channel.notes.as_deref(), Some("annas"));
    // The answer's revision is the save's: an edit from it at once (before
    // any reload) is not refused against one's own save.
    assert!(saved.revision > reloaded.revision);
    edit_channel(&anna, id, notes("annas igen"), Some(saved.revision)).unwrap();
    // Without a revision (a caller that shows nothing first) it edits at once.
    cli.edit_channel(id, notes("igen")).unwrap();
    edit_channel(&anna, id, notes("direkt"), None).unwrap();
}
