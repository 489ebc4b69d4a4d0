//! Which channels are being captured now (`ogonblick claims`, issue 15):
//! the register's claims whose lease has not run out, with the channel's
//! name and the computer holding each (the holder is
//! `<host>.<pid>.<nonce>`, [`ogonblick_store::staging_owner`]). A claim of a
//! computer that stopped ends with its lease; one of this computer's
//! processes that ended is taken over by the next capture.

use ogonblick_model::{ChannelId, Timestamp};
use serde::Serialize;

use crate::{App, Result};

/// A channel being captured, as the claims show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaptureClaim {
    pub channel_id: ChannelId,
    /// The channel's name (empty when the channel is gone).
    pub name: String,
    /// The computer capturing it.
    pub host: String,
    /// The claiming process, `<host>.<pid>.<nonce>`.
    pub holder: String,
    pub claimed_at: Timestamp,
    /// When the lease runs out unless the capture renews it.
    pub expires_at: Timestamp,
}

impl App {
    /// The claims in force now (lease not run out), by channel id.
    pub fn current_claims(&self) -> Result<Vec<CaptureClaim>> {
        let now = self.clock().now();
        let mut claims: Vec<_> = self
            .store()
            .claims()?
            .into_iter()
            .filter(|c| c.expires_at > now)
            .collect();
        if claims.is_empty() {
            return Ok(Vec::new());
        }
        claims.sort_by_key(|c| c.channel_id);
        let names: std::collections::HashMap<ChannelId, String> = self
            .store()
            .channel_briefs()?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        Ok(claims
            .into_iter()
            .map(|c| CaptureClaim {
                name: names.get(&c.channel_id).cloned().unwrap_or_default(),
                host: super::lock::holder_host(&c.holder).to_string(),
                channel_id: c.channel_id,
                holder: c.holder,
                claimed_at: c.claimed_at,
                expires_at: c.expires_at,
            })
            .collect())
    }
}
