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

/// `settings.json` as Ögonblick wrote it before settings were typed (each
/// document a `serde_json::Value`, so keys sorted; the schedule windows an
/// untyped value inside the organisation settings; the package defaults and
/// the scheduler switch under their keys).
const SETTINGS_BEFORE_TYPED: &str = r#"{
  "organisation": {
    "default_policy": "yearly",
    "e_archive_name": "Vetlanda e-arkiv",
    "name": "Vetlanda kommun",
    "org_number": "212000-0688",
    "schedule_windows": {
      "blackouts": [
        {
          "end": "08-15",
          "label": "sommar",
          "start": "06-15"
        },
        {
          "end": "01-07",
          "label": "jul",
          "start": "12-15"
        }
      ],
      "default_policy": "yearly",
      "half_yearly_windows": [
        {
          "end": "04-30",
          "label": "vår",
          "start": "03-01"
        },
        {
          "end": "11-30",
          "label": "höst",
          "start": "10-01"
        }
      ],
      "major_change_resets_schedule": true,
      "timezone": "Europe/Stockholm",
      "yearly_windows": [
        {
          "end": "05-31",
          "label": "maj",
          "start": "05-01"
        }
      ]
    },
    "submission_agreement": null
  },
  "package": {
    "archive_creator": "Kultur- och fritidsnämnden",
    "classification_code": "1.3",
    "document_plan_row": "12",
    "e_archive_name": "",
    "organisation_name": "",
    "organisation_number": "",
    "retention": {
      "decision": "KS 2021/123 § 4",
      "kind": "dispose-after",
      "years": 10
    },
    "submission_agreement": "",
    "submitting_unit": "Kulturförvaltningen"
  },
  "scheduler": {
    "auto_capture": true
  }
}
"#;

/// What each document of [`SETTINGS_BEFORE_TYPED`] reads as, typed.
fn assert_settings_before_typed(app: &App) {
    let org = app.settings().unwrap();
    assert_eq!(org.name, "Vetlanda kommun");
    assert_eq!(org.default_policy, SchedulePolicy::Yearly);
    let schedule = app.schedule_settings().unwrap();
    assert_eq!(Some(&schedule), org.schedule_windows.as_ref());
    assert_eq!(
        schedule.yearly_windows,
        vec![ogonblick_model::Period::new("maj", (5, 1), (5, 31)).unwrap()]
    );
    assert_eq!(schedule.blackouts.len(), 2);
    assert_eq!(schedule.blackouts[1].to_string(), "'jul' (12-15–01-07)");
    assert!(schedule.major_change_resets_schedule);
    let package = app.package_settings().unwrap();
    assert_eq!(package.archive_creator, "Kultur- och fritidsnämnden");
    assert_eq!(package.submitting_unit, "Kulturförvaltningen");
    assert_eq!(package.organisation_name, "Vetlanda kommun");
    assert_eq!(
        package.retention,
        ogonblick_app::package::package::Retention::DisposeAfter {
            years: 10,
            decision: "KS 2021/123 § 4".into()
        }
    );
    assert!(app.scheduler_settings().unwrap().auto_capture);
}

#[test]
fn settings_written_before_they_were_typed_still_read() {
    // The register's rows, as the untyped store wrote them.
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path(), "K"));
    let docs: std::collections::BTreeMap<String, serde_json::Value> =
        serde_json::from_str(SETTINGS_BEFORE_TYPED).unwrap();
    let conn = ogonblick_app::store::rusqlite::Connection::open(
        dir.path().join(ogonblick_app::store::DB_FILE_NAME),
    )
    .unwrap();
    for (key, value) in &docs {
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)",
            [key.as_str(), &serde_json::to_string(value).unwrap()],
        )
        .unwrap();
    }
    drop(conn);
    assert_settings_before_typed(&open(dir.path(), "K"));

    // settings.json, restored by a rebuild of the register.
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path(), "K");
    std::fs::write(dir.path().join("settings.json"), SETTINGS_BEFORE_TYPED).unwrap();
    app.reindex().unwrap();
    assert_settings_before_typed(&app);
    // Written again, typed, the file keeps every document readable.
    app.set_settings(app.settings().unwrap()).unwrap();
    let again: std::collections::BTreeMap<String, serde_json::Value> =
        serde_json::from_slice(&std::fs::read(dir.path().join("settings.json")).unwrap()).unwrap();
    assert_eq!(again, docs);
}
