//! Integration tests of the due calculation. Expected instants were worked
//! out by hand (and checked with Python's zoneinfo), not by this crate.

mod assessor;
mod edges;
mod reduced;
mod settings;
mod summary;
mod years;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use ogonblick_model::{ChannelStatus, SchedulePolicy, SnapshotReason, SnapshotStatus, Timestamp};
use ogonblick_schedule::{ChannelScheduleInput, SnapshotFact};

/// An RFC 3339 instant.
pub fn t(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .with_timezone(&Utc)
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A Stockholm wall-clock time, converted with chrono-tz directly.
pub fn sthlm(day: NaiveDate, h: u32, m: u32, s: u32) -> Timestamp {
    chrono_tz::Europe::Stockholm
        .from_local_datetime(&day.and_hms_opt(h, m, s).unwrap())
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

pub fn channel(created_at: Timestamp) -> ChannelScheduleInput {
    ChannelScheduleInput {
        channel_id: 1,
        name: "Kommunens Facebooksida".into(),
        board: Some("Kommunstyrelsen".into()),
        unit: Some("Kommunikation".into()),
        policy: None,
        status: ChannelStatus::Active,
        created_at,
        closing_started_at: None,
        closed_at: None,
        snapshots: Vec::new(),
    }
}

pub fn snap(
    finished_at: Timestamp,
    reason: SnapshotReason,
    status: SnapshotStatus,
) -> SnapshotFact {
    SnapshotFact {
        finished_at,
        reason,
        status,
    }
}

pub fn good(finished_at: Timestamp) -> SnapshotFact {
    snap(
        finished_at,
        SnapshotReason::HalfYearly,
        SnapshotStatus::Complete,
    )
}

pub fn with_policy(mut c: ChannelScheduleInput, p: SchedulePolicy) -> ChannelScheduleInput {
    c.policy = Some(p);
    c
}
