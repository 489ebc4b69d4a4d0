//! This machine's clock against the PostgreSQL server's (`pg/clock.rs`):
//! a connection is refused when the two differ by more than
//! `MAX_CLOCK_SKEW`, either way, with both times in the sentence; a clock
//! within it connects. Runs on the server `OGONBLICK_TEST_POSTGRES` names.

use std::sync::Arc;

use chrono::Utc;
use ogonblick_model::FixedClock;
use ogonblick_model::{Language, Message};
use ogonblick_store::pg::{PgRegister, MAX_CLOCK_SKEW};
use ogonblick_store::StoreError;

use crate::common::t0;
use crate::conformance::backends::Postgres;

fn register(pg: &Postgres) -> PgRegister {
    // The register's own clock is pinned far from now: the check reads the
    // machine's clock, so the connection is not refused for it.
    PgRegister::connect_with(pg.config().clone(), Arc::new(FixedClock::new(t0())))
        .expect("a machine whose clock is the server's connects")
}

#[test]
fn a_clock_far_from_the_servers_is_refused_both_ways() {
    let Some(pg) = Postgres::new("clock_skew") else {
        return;
    };
    let reg = register(&pg);
    let limit = chrono::Duration::from_std(MAX_CLOCK_SKEW).unwrap();
    for off in [limit * 2, -limit * 2, chrono::Duration::hours(-3)] {
        let local = Utc::now() + off;
        let e = reg
            .check_clock_at(local)
            .expect_err("a skewed clock is refused");
        let StoreError::Conflict(m) = &e else {
            panic!("a conflict, not {e:?}");
        };
        let Message::StorePgClockSkew {
            local: l,
            seconds,
            limit: lim,
            ..
        } = m
        else {
            panic!("the clock's sentence, not {m:?}");
        };
        let expected = off.num_seconds().unsigned_abs();
        assert!(
            seconds.abs_diff(expected) <= 2,
            "{seconds} s named for an offset of {expected} s"
        );
        assert_eq!(*lim, MAX_CLOCK_SKEW.as_secs());
        assert_eq!(
            *l,
            local
                .with_timezone(&chrono::Local)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
        );
        let sv = m.render(Language::Sv);
        assert!(sv.contains("klocka") && sv.contains(l.as_str()), "{sv}");
    }
}

#[test]
fn a_clock_within_the_limit_is_accepted() {
    let Some(pg) = Postgres::new("clock_near") else {
        return;
    };
    let reg = register(&pg);
    let within = chrono::Duration::from_std(MAX_CLOCK_SKEW).unwrap() / 2;
    reg.check_clock_at(Utc::now() + within).unwrap();
    reg.check_clock_at(Utc::now() - within).unwrap();
}

#[test]
fn connecting_to_a_server_whose_clock_is_an_hour_ahead_is_refused() {
    let Some(pg) = Postgres::new("clock_connect") else {
        return;
    };
    // The server's clock seen through this connection only: a function of
    // the same name ahead of pg_catalog's in its search path.
    let mut admin = pg
        .config()
        .connect(ogonblick_store::postgres::NoTls)
        .unwrap();
    admin
        .batch_execute(
            "CREATE SCHEMA skew;
             CREATE FUNCTION skew.statement_timestamp() RETURNS timestamptz
                 LANGUAGE sql AS $$ SELECT pg_catalog.now() + interval '1 hour' $$;",
        )
        .unwrap();
    let mut config = pg.config().clone();
    config.options("-c search_path=skew,pg_catalog");
    let Err(e) = PgRegister::connect_with(config, Arc::new(FixedClock::new(t0()))) else {
        panic!("a server an hour ahead is refused on connecting");
    };
    assert!(
        matches!(&e, StoreError::Conflict(Message::StorePgClockSkew { seconds, .. })
            if seconds.abs_diff(3600) <= 2),
        "{e:?}"
    );
    // Nothing was created: the check comes before the schema.
    let tables: i64 = admin
        .query_one(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(tables, 0);
}
