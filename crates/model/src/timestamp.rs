//! Trusted timestamps (RFC 3161): the authorities the organisation
//! configures, and the state of a snapshot's stamping (`timestamp.json` in
//! its folder, mirrored in the register).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Message, Setting, SettingKey, Timestamp};

/// The time-stamping authorities every new snapshot's manifest is sent to,
/// and the root certificates their tokens are checked against (copied into
/// `<data>/tsa-ca/`). No authority: snapshots are not timestamped (and not
/// marked pending).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimestampSettings {
    /// `http://` or `https://` addresses, one per authority, in order: the
    /// `n`-th authority's token is asked first under `…<n>.tsr`.
    #[serde(default)]
    pub authorities: Vec<String>,
    /// File names in `<data>/tsa-ca/` (PEM), the trusted roots.
    #[serde(default)]
    pub ca_files: Vec<String>,
    /// How long each authority is given to answer, in seconds (1 to 120);
    /// `None`: the default, 10 s (`ogonblick_app::TSA_TIMEOUT_DEFAULT`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub timeout_secs: Option<u32>,
}

impl Setting for TimestampSettings {
    const KEY: SettingKey = SettingKey::Timestamp;
}

/// One authority's part in a snapshot's stamping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuthorityStamp {
    /// The authority's address.
    pub url: String,
    /// The token's file name beside the manifest, once stamped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub token: Option<String>,
    /// When the authority stamped it (UTC, from the token).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub time: Option<Timestamp>,
    /// The signer certificate's name (from the token).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub signer: Option<String>,
    /// Why the last attempt gave no token (while pending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub last_error: Option<Message>,
    /// Attempts made so far.
    #[serde(default)]
    pub attempts: u32,
}

/// The stamping of one snapshot (`timestamp.json`): one entry per authority
/// configured when it was stored. Pending while an authority has no token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SnapshotTimestamp {
    pub format: String,
    pub snapshot_id: String,
    /// SHA-256 of `manifest-sha256.txt`, the stamped imprint.
    pub manifest_sha256: String,
    pub authorities: Vec<AuthorityStamp>,
}

impl SnapshotTimestamp {
    pub const FORMAT: &'static str = "ogonblick-timestamp/1";
    pub const FILE_NAME: &'static str = "timestamp.json";

    /// Whether an authority still owes a token.
    pub fn is_pending(&self) -> bool {
        self.authorities.iter().any(|a| a.token.is_none())
    }

    /// The first stamp (authority and time), if any.
    pub fn first_stamp(&self) -> Option<&AuthorityStamp> {
        self.authorities
            .iter()
            .filter(|a| a.time.is_some())
            .min_by_key(|a| a.time)
    }
}
