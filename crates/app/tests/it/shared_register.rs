//! Which register a front-end opens (`choose_register`): `--database`
//! before `OGONBLICK_DATABASE` before the address saved in Inställningar
//! before the local register; the saved address never holds a password;
//! and Inställningar's test of a connection (PostgreSQL, skipped without
//! `OGONBLICK_TEST_POSTGRES`), which writes nothing to the data folder.

use std::sync::Arc;

use ogonblick_app::store::pg::MARKER_FILE;
use ogonblick_app::{
    choose_register_in, save_shared_register_in, saved_address_for_settings_in,
    saved_shared_register_in, short_address, test_shared_register, App, AppConfig, RegisterSource,
    SHARED_REGISTER_FILE,
};
use ogonblick_model::{ErrorCode, FixedClock, Message, SequentialIds};

use crate::fixture::t;
use crate::postgres::fresh_database;

const ADDRESS: &str = "postgres://anna@db.kommun.se/ogonblick";

#[test]
fn the_flag_wins_over_the_environment_over_the_saved_address_over_the_local_register() {
    let config = tempfile::tempdir().unwrap();
    let dir = config.path();
    let local = choose_register_in(None, Some("  ".into()), Some(dir)).unwrap();
    assert_eq!(
        (local.source, local.database),
        (RegisterSource::Local, None)
    );

    save_shared_register_in(dir, Some(ADDRESS)).unwrap();
    assert_eq!(
        saved_shared_register_in(dir).unwrap().as_deref(),
        Some(ADDRESS)
    );
    let saved = choose_register_in(None, None, Some(dir)).unwrap();
    assert_eq!(saved.source, RegisterSource::Saved);
    assert_eq!(saved.database.as_deref(), Some(ADDRESS));
    let env = choose_register_in(None, Some("postgres://bo@other/db".into()), Some(dir)).unwrap();
    assert_eq!(env.source, RegisterSource::Environment);
    assert_eq!(env.database.as_deref(), Some("postgres://bo@other/db"));
    let flag = choose_register_in(
        Some("postgres://c@flag/db".into()),
        Some("postgres://bo@other/db".into()),
        Some(dir),
    )
    .unwrap();
    assert_eq!(flag.source, RegisterSource::Flag);
    assert_eq!(short_address(ADDRESS), "db.kommun.se/ogonblick");

    // Emptied: the local register again, the file gone.
    save_shared_register_in(dir, Some("")).unwrap();
    assert!(!dir.join(SHARED_REGISTER_FILE).exists());
    assert_eq!(
        choose_register_in(None, None, Some(dir)).unwrap().source,
        RegisterSource::Local
    );
    // No config folder (no home folder): no saved address.
    let none = choose_register_in(Some(" ".into()), None, None).unwrap();
    assert_eq!((none.source, none.database), (RegisterSource::Local, None));
}

#[test]
fn a_password_or_an_address_that_is_not_postgresql_is_never_saved() {
    let config = tempfile::tempdir().unwrap();
    let dir = config.path();
    save_shared_register_in(dir, Some(ADDRESS)).unwrap();
    for (bad, password) in [
        ("postgres://anna:hemligt@db.kommun.se/ogonblick", true),
        ("postgresql://db.kommun.se/ogonblick?password=hemligt", true),
        ("mysql://anna@db/ogonblick", false),
        ("db.kommun.se/ogonblick", false),
    ] {
        let e = save_shared_register_in(dir, Some(bad)).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidInput, "{bad}");
        let said = e.message();
        if password {
            assert!(
                matches!(said, Message::SharedRegisterPassword {}),
                "{bad}: {said:?}"
            );
        } else {
            assert!(
                matches!(said, Message::SharedRegisterNotPostgres { .. }),
                "{bad}: {said:?}"
            );
        }
        // The address saved before is kept, and no password is in the file.
        let file = std::fs::read_to_string(dir.join(SHARED_REGISTER_FILE)).unwrap();
        assert!(!file.contains("hemligt"));
        assert_eq!(
            saved_shared_register_in(dir).unwrap().as_deref(),
            Some(ADDRESS)
        );
    }
    // A damaged file is a sentence, not a silent local register.
    std::fs::write(dir.join(SHARED_REGISTER_FILE), "{").unwrap();
    let e = choose_register_in(None, None, Some(dir)).unwrap_err();
    assert!(matches!(
        e.message(),
        Message::SharedRegisterFileUnreadable { .. }
    ));
}

/// Issue 15: a damaged saved file stops the start, and Inställningar, which
/// the sentence sends the user to, shows no saved address and the problem;
/// saving a new address (or clearing it) replaces the damaged file.
#[test]
fn a_damaged_saved_file_can_be_replaced_or_cleared_in_settings() {
    let config = tempfile::tempdir().unwrap();
    let dir = config.path();
    let file = dir.join(SHARED_REGISTER_FILE);
    std::fs::write(&file, "{\"database\": ").unwrap();
    assert!(choose_register_in(None, None, Some(dir)).is_err());
    let shown = saved_address_for_settings_in(dir);
    assert_eq!(shown.saved, None);
    assert!(
        matches!(
            shown.problem,
            Some(Message::SharedRegisterFileUnreadable { .. })
        ),
        "{shown:?}"
    );

    save_shared_register_in(dir, Some(ADDRESS)).unwrap();
    let shown = saved_address_for_settings_in(dir);
    assert_eq!(
        (shown.saved.as_deref(), shown.problem),
        (Some(ADDRESS), None)
    );
    let chosen = choose_register_in(None, None, Some(dir)).unwrap();
    assert_eq!(chosen.source, RegisterSource::Saved);

    std::fs::write(&file, [0xff, 0xfe, 0x00]).unwrap();
    assert!(saved_address_for_settings_in(dir).problem.is_some());
    save_shared_register_in(dir, None).unwrap();
    assert!(!file.exists());
    let shown = saved_address_for_settings_in(dir);
    assert_eq!((shown.saved, shown.problem), (None, None));
    let chosen = choose_register_in(None, None, Some(dir)).unwrap();
    assert_eq!(chosen.source, RegisterSource::Local);
}

#[test]
fn testing_a_connection_checks_the_data_folder_and_writes_nothing() {
    let Some((_db, url)) = fresh_database("test_connection") else {
        return;
    };
    let shared = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let said = test_shared_register(&url, shared.path(), clock.clone()).unwrap();
    assert!(
        matches!(said, Message::SharedRegisterTestOk { adopted: true, .. }),
        "{said:?}"
    );
    assert!(!shared.path().join(MARKER_FILE).exists());

    let config = AppConfig {
        data_dir: shared.path().to_path_buf(),
        operator: "anna".into(),
    };
    App::open_postgres(
        config,
        &url,
        clock.clone(),
        Arc::new(SequentialIds::default()),
    )
    .unwrap();
    assert!(shared.path().join(MARKER_FILE).exists());
    let said = test_shared_register(&url, shared.path(), clock.clone()).unwrap();
    assert!(
        matches!(said, Message::SharedRegisterTestOk { adopted: false, .. }),
        "{said:?}"
    );
    // Another folder (the share not mounted) is refused, saying what to do.
    let elsewhere = tempfile::tempdir().unwrap();
    let e = test_shared_register(&url, elsewhere.path(), clock.clone()).unwrap_err();
    assert!(
        matches!(e.message(), Message::StorePgDataDirUnmarked { .. }),
        "{e}"
    );
    // A password is refused before connecting.
    let with_password = url.replacen("postgres://postgres@", "postgres://postgres:x@", 1);
    let e = test_shared_register(&with_password, shared.path(), clock).unwrap_err();
    assert!(
        matches!(e.message(), Message::SharedRegisterPassword {}),
        "{e}"
    );
}
