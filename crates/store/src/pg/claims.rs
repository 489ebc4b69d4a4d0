//! Claims of channels being captured on PostgreSQL (`migrations-pg/
//! 0006_claims.sql`), as on SQLite (`store/claims.rs`): one statement per
//! change; `INSERT … ON CONFLICT DO UPDATE … WHERE` locks the row and
//! checks the lease on its newest version, so of two desktops claiming one
//! channel at once exactly one gets it (`RETURNING` says which).

use std::time::Duration;

use ogonblick_model::ChannelId;

use super::channels::parse_ts;
use super::PgRegister;
use crate::store::{lease_end, ts, Claim};
use crate::Result;

impl PgRegister {
    pub(super) fn pg_claim_channel(
        &self,
        channel_id: ChannelId,
        holder: &str,
        lease: Duration,
    ) -> Result<bool> {
        let now = self.clock.now();
        let (now_s, end) = (ts(&now), ts(&lease_end(now, lease)));
        let row = self.client().query_opt(
            "INSERT INTO channel_claims (channel_id, holder, claimed_at, expires_at)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (channel_id) DO UPDATE SET
                 claimed_at = CASE WHEN channel_claims.holder = excluded.holder
                              THEN channel_claims.claimed_at ELSE excluded.claimed_at END,
                 holder = excluded.holder,
                 expires_at = excluded.expires_at
             WHERE channel_claims.expires_at <= excluded.claimed_at
                OR channel_claims.holder = excluded.holder
             RETURNING channel_id",
            &[&channel_id, &holder, &now_s, &end],
        )?;
        Ok(row.is_some())
    }

    pub(super) fn pg_renew_claim(
        &self,
        channel_id: ChannelId,
        holder: &str,
        lease: Duration,
    ) -> Result<bool> {
        let end = ts(&lease_end(self.clock.now(), lease));
        let n = self.client().execute(
            "UPDATE channel_claims SET expires_at = $3 WHERE channel_id = $1 AND holder = $2",
            &[&channel_id, &holder, &end],
        )?;
        Ok(n == 1)
    }

    pub(super) fn pg_release_claim(&self, channel_id: ChannelId, holder: &str) -> Result<()> {
        self.client().execute(
            "DELETE FROM channel_claims WHERE channel_id = $1 AND holder = $2",
            &[&channel_id, &holder],
        )?;
        Ok(())
    }

    pub(super) fn pg_claims(&self) -> Result<Vec<Claim>> {
        let rows = self.client().query(
            "SELECT channel_id, holder, claimed_at, expires_at FROM channel_claims
             ORDER BY channel_id",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                Ok(Claim {
                    channel_id: r.get(0),
                    holder: r.get(1),
                    claimed_at: parse_ts(r.get(2))?,
                    expires_at: parse_ts(r.get(3))?,
                })
            })
            .collect()
    }
}
