//! Claims of channels being captured (issue 15), on SQLite: a capture
//! claims its channel in the register (`channel_claims`, migration 0013)
//! with a lease that runs out, renews it while it works and releases it at
//! the end. Each change is one statement, so two processes never both hold
//! a channel: a claim takes the row when it is free, its lease has run out
//! or it is already the holder's. Times come from the register's clock.
//! PostgreSQL does the same in `pg/claims.rs`.

use std::time::Duration;

use ogonblick_model::{ChannelId, Timestamp};
use rusqlite::params;

use super::{parse_ts, retry_busy, ts, Store};
use crate::Result;

/// One claimed channel ([`crate::Register::claims`]): who holds it, since
/// when, and until when its lease runs unless renewed. A claim whose lease
/// has run out is free to take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub channel_id: ChannelId,
    /// The claiming process, `<host>.<pid>.<nonce>` ([`crate::staging_owner`]).
    pub holder: String,
    pub claimed_at: Timestamp,
    pub expires_at: Timestamp,
}

/// The longest lease a claim takes: a week, so that the lease's end stays
/// a time the register's text sorts as time.
pub(crate) const MAX_LEASE: Duration = Duration::from_secs(7 * 24 * 3600);

/// The end of a lease of `lease` from `now` (at most [`MAX_LEASE`]).
pub(crate) fn lease_end(now: Timestamp, lease: Duration) -> Timestamp {
    let lease = chrono::Duration::from_std(lease.min(MAX_LEASE)).unwrap_or_default();
    now + lease
}

// The statements of both backends (`pg/claims.rs` too): `$n` is a
// parameter by number in PostgreSQL and, numbered in the order they first
// appear, in SQLite.

/// Takes the row when it is free, its lease has run out (`expires_at <=
/// now`) or the holder is already `holder` (then the lease is extended and
/// `claimed_at` kept). `$1` channel, `$2` holder, `$3` now, `$4` lease end.
pub(crate) const CLAIM: &str =
    "INSERT INTO channel_claims (channel_id, holder, claimed_at, expires_at)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (channel_id) DO UPDATE SET
         claimed_at = CASE WHEN channel_claims.holder = excluded.holder
                      THEN channel_claims.claimed_at ELSE excluded.claimed_at END,
         holder = excluded.holder,
         expires_at = excluded.expires_at
     WHERE channel_claims.expires_at <= excluded.claimed_at
        OR channel_claims.holder = excluded.holder";
/// `$1` lease end, `$2` channel, `$3` holder.
pub(crate) const RENEW: &str =
    "UPDATE channel_claims SET expires_at = $1 WHERE channel_id = $2 AND holder = $3";
/// `$1` channel, `$2` holder.
pub(crate) const RELEASE: &str = "DELETE FROM channel_claims WHERE channel_id = $1 AND holder = $2";
pub(crate) const LIST: &str =
    "SELECT channel_id, holder, claimed_at, expires_at FROM channel_claims
     ORDER BY channel_id";

impl Store {
    pub(crate) fn claim_channel(
        &self,
        channel_id: ChannelId,
        holder: &str,
        lease: Duration,
    ) -> Result<bool> {
        let now = self.clock.now();
        let (now_s, end) = (ts(&now), ts(&lease_end(now, lease)));
        let n = retry_busy(|| {
            Ok(self
                .conn()
                .execute(CLAIM, params![channel_id, holder, now_s, end])?)
        })?;
        Ok(n == 1)
    }

    pub(crate) fn renew_claim(
        &self,
        channel_id: ChannelId,
        holder: &str,
        lease: Duration,
    ) -> Result<bool> {
        let end = ts(&lease_end(self.clock.now(), lease));
        let n = retry_busy(|| {
            Ok(self
                .conn()
                .execute(RENEW, params![end, channel_id, holder])?)
        })?;
        Ok(n == 1)
    }

    pub(crate) fn release_claim(&self, channel_id: ChannelId, holder: &str) -> Result<()> {
        retry_busy(|| Ok(self.conn().execute(RELEASE, params![channel_id, holder])?))?;
        Ok(())
    }

    pub(crate) fn claims(&self) -> Result<Vec<Claim>> {
        let conn = self.conn();
        let mut q = conn.prepare(LIST)?;
        let rows = q.query_map([], |r| {
            Ok(Claim {
                channel_id: r.get(0)?,
                holder: r.get(1)?,
                claimed_at: parse_ts(&r.get::<_, String>(2)?)?,
                expires_at: parse_ts(&r.get::<_, String>(3)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
