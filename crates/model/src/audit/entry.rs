//! One line of the audit log ([`AuditEntry`]) and the stored form of its
//! event (moved out of `audit.rs`, which had reached 500 lines).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AuditEvent, AUDIT_EVENT_VERSION};
use crate::{ChannelId, Timestamp};

/// One line of the append-only audit log: who did what, when.
///
/// JSON (an `audit.jsonl` line, the CLI's `audit --json`): the fields below,
/// `event` in its stored form (with `v`). A line without `event` (written
/// before events were typed) is read with [`AuditEvent::from_legacy`].
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub seq: i64,
    #[ts(type = "string")]
    pub at: Timestamp,
    pub actor: String,
    /// The stable verb of `event` such as `channel.add`, `snapshot.commit`,
    /// `closure.start` (`AuditEvent::action`).
    pub action: String,
    #[ts(type = "number | null")]
    pub channel_id: Option<ChannelId>,
    /// The event in English as recorded, for people; code reads `event`.
    pub detail: String,
    /// What happened.
    #[serde(serialize_with = "serialize_stored")]
    pub event: AuditEvent,
    /// The PostgreSQL role that wrote the entry, set by the server
    /// (migration 0008), when it is not `actor`: an entry someone wrote
    /// with SQL of their own in another person's name shows who wrote it.
    /// Absent on SQLite and for entries recorded before the server kept it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub db_role: Option<String>,
    /// When the server recorded the entry (PostgreSQL, migration 0010: set
    /// by the server's clock, never by the client), beside `at`, the time
    /// the writing program claims. Absent on SQLite (one writer, whose
    /// clock is `at`'s) and for entries recorded before the server kept it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub recorded_at: Option<Timestamp>,
}

impl AuditEntry {
    /// An entry of `event`, with its action and English text.
    pub fn new(
        seq: i64,
        at: Timestamp,
        actor: &str,
        channel_id: Option<ChannelId>,
        event: AuditEvent,
    ) -> AuditEntry {
        AuditEntry {
            seq,
            at,
            actor: actor.to_string(),
            action: event.action().to_string(),
            channel_id,
            detail: event.text_en(),
            event,
            db_role: None,
            recorded_at: None,
        }
    }
}

/// An event with its version, as stored.
#[derive(Serialize)]
pub(super) struct Stored<'a> {
    v: u32,
    #[serde(flatten)]
    event: &'a AuditEvent,
}

impl<'a> From<&'a AuditEvent> for Stored<'a> {
    fn from(event: &'a AuditEvent) -> Self {
        Stored {
            v: AUDIT_EVENT_VERSION,
            event,
        }
    }
}

fn serialize_stored<S: serde::Serializer>(e: &AuditEvent, s: S) -> Result<S::Ok, S::Error> {
    Stored::from(e).serialize(s)
}

impl<'de> Deserialize<'de> for AuditEntry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            seq: i64,
            at: Timestamp,
            actor: String,
            action: String,
            channel_id: Option<ChannelId>,
            #[serde(default)]
            detail: String,
            #[serde(default)]
            event: Option<serde_json::Value>,
            #[serde(default)]
            db_role: Option<String>,
            #[serde(default)]
            recorded_at: Option<Timestamp>,
        }
        let w = Wire::deserialize(d)?;
        let event = AuditEvent::read(&w.action, &w.detail, w.event.as_ref());
        Ok(AuditEntry {
            seq: w.seq,
            at: w.at,
            actor: w.actor,
            action: w.action,
            channel_id: w.channel_id,
            detail: w.detail,
            event,
            db_role: w.db_role,
            recorded_at: w.recorded_at,
        })
    }
}
