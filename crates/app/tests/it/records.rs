use std::sync::Arc;

use ogonblick_app::{default_data_dir, App, AppConfig, ChannelFilter};
use ogonblick_model::{ErrorCode, OrgSettings, RandomIds, SchedulePolicy, SystemClock};

use crate::{channel, open};

#[test]
fn settings_round_trip_and_are_audited() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path(), "K");
    let s = app
        .set_settings(OrgSettings {
            name: " Vetlanda kommun ".into(),
            default_policy: SchedulePolicy::Yearly,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(s.name, "Vetlanda kommun");
    drop(app);
    let app = open(dir.path(), "K");
    assert_eq!(app.settings().unwrap(), s);
    assert_eq!(app.audit_log(None).unwrap()[0].action, "settings.set");
}

#[test]
fn reindex_recovers_a_damaged_database() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path(), "K");
    let a = app
        .add_channel(channel("A", "https://facebook.com/a"))
        .unwrap();
    let b = app
        .add_channel(channel("B", "https://facebook.com/b"))
        .unwrap();
    let before = app.list_channels(&ChannelFilter::default()).unwrap();
    let summary = app.reindex().unwrap();
    assert_eq!(summary.channels, 2);
    assert_eq!(
        app.list_channels(&ChannelFilter::default()).unwrap(),
        before
    );
    drop(app);

    // Overwrite the database with garbage: it cannot even be opened.
    for f in ["ogonblick.sqlite-wal", "ogonblick.sqlite-shm"] {
        let _ = std::fs::remove_file(dir.path().join(f));
    }
    std::fs::write(dir.path().join("ogonblick.sqlite"), vec![0x42u8; 8192]).unwrap();
    let config = AppConfig {
        data_dir: dir.path().to_path_buf(),
        operator: "K".into(),
    };
    assert!(App::open(config.clone(), Arc::new(SystemClock), Arc::new(RandomIds)).is_err());
    let (app, summary) =
        App::reindex_data_dir(config, Arc::new(SystemClock), Arc::new(RandomIds)).unwrap();
    assert_eq!(summary.channels, 2);
    assert!(summary.warnings.is_empty(), "{:?}", summary.warnings);
    assert_eq!(app.get_channel(a.id).unwrap(), a);
    assert_eq!(app.get_channel(b.id).unwrap(), b);
    assert_eq!(
        app.audit_log(None).unwrap().last().unwrap().action,
        "store.reindex"
    );
}

#[test]
fn data_dir_comes_from_the_environment_or_the_os_convention() {
    std::env::set_var("OGONBLICK_DATA_DIR", "/tmp/ogonblick-test-data");
    assert_eq!(
        default_data_dir().unwrap(),
        std::path::PathBuf::from("/tmp/ogonblick-test-data")
    );
    std::env::remove_var("OGONBLICK_DATA_DIR");
    let d = default_data_dir().unwrap();
    assert!(
        d.to_string_lossy().to_lowercase().contains("ogonblick"),
        "{}",
        d.display()
    );
}

#[test]
fn bad_config_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let e = App::open(
        AppConfig {
            data_dir: file,
            operator: "K".into(),
        },
        Arc::new(SystemClock),
        Arc::new(RandomIds),
    )
    .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Environment);
    let e = App::open(
        AppConfig {
            data_dir: dir.path().into(),
            operator: "  ".into(),
        },
        Arc::new(SystemClock),
        Arc::new(RandomIds),
    )
    .unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
}
