//! Claims of channels being captured on PostgreSQL (`migrations-pg/
//! 0006_claims.sql`), as on SQLite (`store/claims.rs`): one statement per
//! change; `INSERT … ON CONFLICT DO UPDATE … WHERE` locks the row and
//! checks the lease on its newest version, so of two desktops claiming one
//! channel at once exactly one gets it (`RETURNING` says which).

use std::time::Duration;

use ogonblick_model::ChannelId;

use super::channels::parse_ts;
use super::PgRegister;
use crate::store::{lease_end, ts, Claim, CLAIM, LIST, RELEASE, RENEW};
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
        let sql = format!("{CLAIM} RETURNING channel_id");
        let row = self
            .client()
            .query_opt(&sql, &[&channel_id, &holder, &now_s, &end])?;
        Ok(row.is_some())
    }

    pub(super) fn pg_renew_claim(
        &self,
        channel_id: ChannelId,
        holder: &str,
        lease: Duration,
    ) -> Result<bool> {
        let end = ts(&lease_end(self.clock.now(), lease));
        let n = self
            .client()
            .execute(RENEW, &[&end, &channel_id, &holder])?;
        Ok(n == 1)
    }

    pub(super) fn pg_release_claim(&self, channel_id: ChannelId, holder: &str) -> Result<()> {
        self.client().execute(RELEASE, &[&channel_id, &holder])?;
        Ok(())
    }

    pub(super) fn pg_claims(&self) -> Result<Vec<Claim>> {
        let rows = self.client().query(LIST, &[])?;
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
