//! This machine's clock against the database server's, checked when a
//! desktop connects (issue 15). Every time a desktop records is its own
//! clock's: a snapshot's start and end, an audit entry's `at`, a capture
//! claim's lease (`claims.rs`). A lease is compared across machines, so a
//! desktop whose clock is behind writes leases the others already see as
//! run out, and a channel could be captured twice; and a wrong time in a
//! snapshot's record is a wrong time in the public record. A connection
//! whose machine's clock differs from the server's by more than
//! [`MAX_CLOCK_SKEW`] is therefore refused, with both times in the sentence,
//! before anything is written.
//!
//! The check reads the machine's real clock (`Utc::now`), never the
//! register's injected clock: tests that pin the register's time still
//! connect, and the refusal is tested by [`PgRegister::check_clock_at`].

use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use ogonblick_model::Message;
use ogonblick_model::Timestamp;
use postgres::Client;

use super::PgRegister;
use crate::{Result, StoreError};

/// The largest difference allowed between this machine's clock and the
/// server's: a fifth of a capture claim's lease (five minutes), so that a
/// lease written by one desktop runs out at nearly the same moment for all,
/// and small beside the minutes a snapshot's time is read to.
pub const MAX_CLOCK_SKEW: Duration = Duration::from_secs(60);

/// Refuses `local` (this machine's time, read just before the server's)
/// when it differs from the server's time by more than [`MAX_CLOCK_SKEW`].
pub(super) fn check_clock(client: &mut Client, local: Timestamp, address: &str) -> Result<()> {
    let micros: i64 = client
        .query_one(
            "SELECT (extract(epoch FROM statement_timestamp()) * 1000000)::BIGINT",
            &[],
        )?
        .get(0);
    let server = chrono::DateTime::from_timestamp_micros(micros).unwrap_or(local);
    let skew = (server - local).abs();
    if skew.to_std().unwrap_or(Duration::MAX) <= MAX_CLOCK_SKEW {
        return Ok(());
    }
    // In the machine's time zone, as its taskbar shows the time.
    let at = |t: Timestamp| {
        t.with_timezone(&chrono::Local)
            .to_rfc3339_opts(SecondsFormat::Secs, false)
    };
    Err(StoreError::Conflict(Message::StorePgClockSkew {
        local: at(local),
        server: at(server),
        seconds: skew.num_seconds().unsigned_abs(),
        limit: MAX_CLOCK_SKEW.as_secs(),
        address: address.to_string(),
    }))
}

/// The check of a connection, against the machine's clock now.
pub(super) fn check_clock_now(client: &mut Client, address: &str) -> Result<()> {
    check_clock(client, Utc::now(), address)
}

impl PgRegister {
    /// The connection's clock check as if this machine's clock read
    /// `local` (the check [`PgRegister::connect`] makes with the real one).
    pub fn check_clock_at(&self, local: Timestamp) -> Result<()> {
        check_clock(&mut self.client(), local, &self.address)
    }
}
