//! `ogonblick claims` (issue 15): a channel another program is capturing
//! (a desktop holding its claim) is listed with its name and this
//! computer; once the capture ends, nothing is.

use std::sync::Arc;

use ogonblick_app::{App, AppConfig};
use ogonblick_model::{RandomIds, SystemClock};

use super::{facebook_args, json, ok};

#[test]
fn claims_lists_the_channel_a_desktop_is_capturing_and_then_none() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(
        dir,
        &facebook_args("Biblioteket", "https://facebook.com/biblioteket", &[]),
    );
    ok(
        dir,
        &facebook_args("Simhallen", "https://facebook.com/simhallen", &[]),
    );
    assert_eq!(json(dir, &["claims", "--json"]), serde_json::json!([]));
    let none = ok(dir, &["--lang", "sv", "claims"]);
    assert!(none.contains("Ingen kanal fångas just nu"), "{none}");

    // A desktop capturing the second channel (its claim, as a capture holds it).
    let desktop = App::open(
        AppConfig {
            data_dir: dir.to_path_buf(),
            operator: "Anna".into(),
        },
        Arc::new(SystemClock),
        Arc::new(RandomIds),
    )
    .unwrap();
    let id = desktop.store().channel_briefs().unwrap()[1].id;
    let lock = desktop.try_lock_channel(id).unwrap().expect("free");
    let listed = json(dir, &["claims", "--json"]);
    let host = ogonblick_app::store::staging_owner()
        .split('.')
        .next()
        .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert_eq!(listed[0]["channel_id"], id);
    assert_eq!(listed[0]["name"], "Simhallen");
    assert_eq!(listed[0]["host"], host);
    assert!(listed[0]["expires_at"].as_str() > listed[0]["claimed_at"].as_str());
    let table = ok(dir, &["--lang", "sv", "claims"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(
        lines[0].contains("KANAL") && lines[0].contains("DATOR"),
        "{table}"
    );
    assert!(lines[0].contains("GÄLLER TILL"), "{table}");
    assert!(
        lines[1].contains("Simhallen") && lines[1].contains(host),
        "{table}"
    );
    assert!(!table.contains("Biblioteket"), "{table}");

    drop(lock);
    assert_eq!(json(dir, &["claims", "--json"]), serde_json::json!([]));
}
