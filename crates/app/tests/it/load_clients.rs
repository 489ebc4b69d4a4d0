//! The load benchmark's clients (`bench/load`, `examples/load_bench`) in
//! small: 2 clients on a PostgreSQL register of 20 channels, each
//! incrementing the same channels' counters at once with the optimistic
//! check; every increment counted in the notes and in the audit log, none
//! lost. PostgreSQL: `OGONBLICK_TEST_POSTGRES` (skipped without it, as
//! `postgres.rs` says).

#[allow(dead_code)]
#[path = "../../examples/load_bench/clients.rs"]
mod clients;

use ogonblick_model::{NewChannel, Platform};

use crate::fixture::t;
use crate::postgres::fresh_database;

#[test]
fn concurrent_clients_lose_no_update() {
    let Some((_db, url)) = fresh_database("load") else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let at = t("2027-03-20T10:00:00Z");
    let app = clients::open(&url, data.path(), 0, at);
    for i in 0..20 {
        app.add_channel(NewChannel {
            name: format!("Kanal {i}"),
            platform: Some(Platform::Facebook),
            urls: vec![format!("https://www.facebook.com/kanal{i}")],
            ..Default::default()
        })
        .unwrap();
    }
    let o = clients::run(&url, data.path(), 2, 6, at);
    assert_eq!(o.successes, 12, "{o:?}");
    assert_eq!(o.gave_up, 0);
    assert_eq!(
        (o.history_ms.len(), o.due_ms.len(), o.coverage_ms.len()),
        (12, 12, 12)
    );
    let c = clients::check(&url, data.path(), &o, at);
    assert_eq!(
        c,
        clients::Check {
            counted: 12,
            audited: 12,
            lost: 0
        }
    );
    assert_eq!(clients::counter("load 41"), 41);
    assert_eq!(clients::counter("Rad 3"), 0);
}
