//! Integration tests of the use cases: real SQLite, real files.

mod claims;
mod closure_steps;
mod coverage;
mod coverage_page;
mod disposal;
mod due_page;
mod export_preview;
mod files;
mod fixture;
mod legacy_audit;
mod load_clients;
mod major_change;
mod org_units;
mod overview_doc;
mod pg_audit;
mod pg_database;
mod pg_roles;
mod pg_roles_table;
mod postgres;
mod records;
mod register;
mod removal_form;
mod removal_report;
mod revisions;
mod roles;
mod roles_table;
mod scheduler;
mod shared_register;
mod single_address;
mod summary;
mod summary_history;
mod summary_reports;
mod timestamp;
mod timestamp_words;
mod tsa_timeout;

use std::path::Path;
use std::sync::Arc;

use chrono::TimeZone;
use ogonblick_app::{App, AppConfig};
use ogonblick_model::{FixedClock, NewChannel, Platform, SequentialIds};

pub fn open(dir: &Path, operator: &str) -> App {
    let clock = Arc::new(FixedClock::new(
        chrono::Utc.with_ymd_and_hms(2026, 4, 1, 8, 0, 0).unwrap(),
    ));
    App::open(
        AppConfig {
            data_dir: dir.to_path_buf(),
            operator: operator.into(),
        },
        clock,
        Arc::new(SequentialIds::default()),
    )
    .expect("open app")
}

pub fn channel(name: &str, url: &str) -> NewChannel {
    NewChannel {
        name: name.into(),
        platform: Some(Platform::Facebook),
        urls: vec![url.into()],
        board: Some("Socialnämnden".into()),
        responsible: Some("Karin".into()),
        ..Default::default()
    }
}
