//! The register: a channel, a new one, a patch, and a channel as listed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ChannelId, ChannelStatus, Platform, SchedulePolicy, SnapshotStatus, Timestamp};

/// An official social-media channel in the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Channel {
    #[ts(type = "number")]
    pub id: ChannelId,
    pub name: String,
    pub platform: Platform,
    /// The page addresses to capture, e.g. the main page and the "about"
    /// page where the commenting rules live. At least one.
    pub urls: Vec<String>,
    /// Owning board (nämnd).
    pub board: Option<String>,
    /// Owning unit (förvaltning / enhet) under the board.
    pub unit: Option<String>,
    pub responsible: Option<String>,
    /// Ersättare.
    pub substitute: Option<String>,
    pub purpose: Option<String>,
    pub audience: Option<String>,
    /// `None`: the organisation's default policy applies.
    pub policy: Option<SchedulePolicy>,
    pub status: ChannelStatus,
    #[ts(type = "string")]
    pub created_at: Timestamp,
    #[ts(type = "string | null")]
    pub closing_started_at: Option<Timestamp>,
    #[ts(type = "string | null")]
    pub closed_at: Option<Timestamp>,
    pub notes: Option<String>,
}

/// A channel as the schedule and the reports read it (`Register::channel_briefs`):
/// the register entry without its addresses, purpose, audience and notes,
/// which `due` and `coverage` never show. Equal to `ChannelBrief::from` the
/// full entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelBrief {
    pub id: ChannelId,
    pub name: String,
    pub platform: Platform,
    pub board: Option<String>,
    pub unit: Option<String>,
    pub responsible: Option<String>,
    /// Ersättare.
    pub substitute: Option<String>,
    /// `None`: the organisation's default policy applies.
    pub policy: Option<SchedulePolicy>,
    pub status: ChannelStatus,
    pub created_at: Timestamp,
    pub closing_started_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
}

impl From<&Channel> for ChannelBrief {
    fn from(c: &Channel) -> Self {
        ChannelBrief {
            id: c.id,
            name: c.name.clone(),
            platform: c.platform,
            board: c.board.clone(),
            unit: c.unit.clone(),
            responsible: c.responsible.clone(),
            substitute: c.substitute.clone(),
            policy: c.policy,
            status: c.status,
            created_at: c.created_at,
            closing_started_at: c.closing_started_at,
            closed_at: c.closed_at,
        }
    }
}

/// The fields a user gives when adding a channel.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewChannel {
    pub name: String,
    pub platform: Option<Platform>,
    pub urls: Vec<String>,
    pub board: Option<String>,
    pub unit: Option<String>,
    pub responsible: Option<String>,
    pub substitute: Option<String>,
    pub purpose: Option<String>,
    pub audience: Option<String>,
    pub policy: Option<SchedulePolicy>,
    pub notes: Option<String>,
}

/// A change to a channel: `None` leaves a field as it is. For the optional
/// text fields `Some("")` clears the field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChannelPatch {
    pub name: Option<String>,
    pub platform: Option<Platform>,
    pub urls: Option<Vec<String>>,
    pub board: Option<String>,
    pub unit: Option<String>,
    pub responsible: Option<String>,
    pub substitute: Option<String>,
    pub purpose: Option<String>,
    pub audience: Option<String>,
    /// `Some(None)` resets to the organisation default.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Option<SchedulePolicy>>,
    pub notes: Option<String>,
}

/// A channel as listed: the register entry plus the state of its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChannelSummary {
    pub channel: Channel,
    /// Start time of the most recent snapshot of any status.
    #[ts(type = "string | null")]
    pub last_snapshot_at: Option<Timestamp>,
    pub last_snapshot_status: Option<SnapshotStatus>,
    /// Start time of the most recent `complete` snapshot.
    #[ts(type = "string | null")]
    pub last_complete_at: Option<Timestamp>,
    pub snapshot_count: u32,
}
