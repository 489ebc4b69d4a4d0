//! The assessment at `now` reads only the latest good snapshot of each
//! reason (complete, finished by `now`): given just those, it answers the
//! same as given the whole history. The register's summary relies on it
//! (`due` reads only those from the database).

use chrono::Duration;
use ogonblick_model::{
    ChannelStatus, SchedulePolicy, SnapshotReason as R, SnapshotStatus as S, Timestamp,
};
use ogonblick_schedule::{
    ChannelScheduleInput, Schedule, ScheduleSettings, SnapshotFact, ValidSettings,
};

use crate::{channel, snap, t};

/// The latest complete fact of each reason finished by `now`.
fn reduced(facts: &[SnapshotFact], now: Timestamp) -> Vec<SnapshotFact> {
    let mut out: Vec<SnapshotFact> = Vec::new();
    for f in facts
        .iter()
        .filter(|f| f.status == S::Complete && f.finished_at <= now)
    {
        match out.iter_mut().find(|o| o.reason == f.reason) {
            Some(o) if o.finished_at < f.finished_at => *o = *f,
            Some(_) => {}
            None => out.push(*f),
        }
    }
    out
}

#[test]
fn the_latest_good_snapshot_of_each_reason_gives_the_same_assessment() {
    let reasons = [
        R::HalfYearly,
        R::Yearly,
        R::MajorChange,
        R::PreClosure,
        R::AdHoc,
    ];
    let statuses = [S::Complete, S::Partial, S::Failed, S::Complete];
    let schedules = [
        Schedule::default(),
        Schedule::new(
            ScheduleSettings::from_json(r#"{"major_change_resets_schedule":true}"#).unwrap(),
        )
        .unwrap(),
    ];
    let start = t("2025-01-07T08:00:00Z");
    // A small deterministic generator: histories of 0..12 snapshots spread
    // over three years, every reason and status.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut compared = 0;
    for case in 0..300 {
        let mut c = channel(start + Duration::days(next(200) as i64));
        c.policy = [
            None,
            Some(SchedulePolicy::Yearly),
            Some(SchedulePolicy::HalfYearly),
        ][case % 3];
        if case % 7 == 3 {
            c.status = ChannelStatus::Closing;
            c.closing_started_at = Some(start + Duration::days(300 + next(500) as i64));
        }
        if case % 11 == 5 {
            c.status = ChannelStatus::Closed;
            c.closing_started_at = Some(start + Duration::days(400));
            c.closed_at = Some(start + Duration::days(500 + next(300) as i64));
        }
        for _ in 0..next(12) {
            c.snapshots.push(snap(
                start + Duration::hours(next(24 * 1000) as i64),
                reasons[next(5) as usize],
                statuses[next(4) as usize],
            ));
        }
        for schedule in &schedules {
            for k in 0..8 {
                let now = start + Duration::days(60 + 130 * k) + Duration::hours(next(24) as i64);
                let few = ChannelScheduleInput {
                    snapshots: reduced(&c.snapshots, now),
                    ..c.clone()
                };
                assert_eq!(
                    schedule.assess(&few, now),
                    schedule.assess(&c, now),
                    "case {case} at {now}: {:?}",
                    c.snapshots
                );
                compared += 1;
            }
        }
    }
    assert_eq!(compared, 300 * 2 * 8);
}
