//! PostgreSQL only: a value in the register that this version cannot read
//! (written by another tool or a newer version) is refused with a keyed
//! sentence that names the value, in Swedish too, never English prose.

use ogonblick_model::{Language, Message};
use ogonblick_store::StoreError;
use postgres::NoTls;

use super::backends::{self, Backend};
use super::given_channel;

#[test]
fn an_unreadable_time_in_the_register_is_refused_naming_the_value() {
    let Some(b) = backends::Postgres::new("pg_unreadable_value") else {
        return;
    };
    let r = b.connect();
    let c = given_channel(&*r);
    let mut raw = b.config().connect(NoTls).unwrap();
    raw.execute(
        "UPDATE channels SET created_at = 'igår vid lunch' WHERE id = $1",
        &[&c.id],
    )
    .unwrap();
    let e = r.channel(c.id).unwrap_err();
    let StoreError::Integrity(m @ Message::StorePgUnreadableValue { .. }) = &e else {
        panic!("{e:?}");
    };
    let sv = m.render(Language::Sv);
    assert!(sv.contains("igår vid lunch"), "{sv}");
    assert!(sv.contains("inte kan läsa"), "{sv}");
    assert!(!sv.contains("unreadable"), "{sv}");
}
