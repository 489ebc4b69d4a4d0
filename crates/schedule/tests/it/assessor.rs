//! One assessor shared by many channels at one moment (what `due` and the
//! overview use: the windows of each policy and year range and the blackout
//! worked out once) answers exactly as a fresh assessment of each channel.
//! The channels differ in what the shared work depends on: policy (the
//! organisation default too), the year of the last counting snapshot (the
//! windows' year range, years apart), creation after the moment, closure.

use chrono::Duration;
use ogonblick_model::{ChannelStatus, SchedulePolicy, SnapshotReason as R, SnapshotStatus as S};
use ogonblick_schedule::{Schedule, ScheduleSettings, ValidSettings};

use crate::{channel, snap, t};

#[test]
fn a_shared_assessor_answers_as_each_channel_assessed_alone() {
    let schedules = [
        Schedule::default(),
        Schedule::new(
            ScheduleSettings::from_json(
                r#"{"major_change_resets_schedule":true,"default_policy":"yearly"}"#,
            )
            .unwrap(),
        )
        .unwrap(),
    ];
    let start = t("2019-02-11T08:00:00Z");
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut channels = Vec::new();
    for case in 0..240u64 {
        // Created over nine years: some after every moment asked about.
        let mut c = channel(start + Duration::days(next(9 * 365) as i64));
        c.channel_id = case as i64 + 1;
        c.policy = [
            None,
            Some(SchedulePolicy::Yearly),
            Some(SchedulePolicy::HalfYearly),
            Some(SchedulePolicy::Manual),
        ][(case % 4) as usize];
        if case % 9 == 4 {
            c.status = ChannelStatus::Closing;
            c.closing_started_at = Some(c.created_at + Duration::days(next(1500) as i64));
        }
        if case % 13 == 6 {
            c.status = ChannelStatus::Closed;
            c.closing_started_at = Some(c.created_at + Duration::days(200));
            c.closed_at = Some(c.created_at + Duration::days(200 + next(900) as i64));
        }
        // The last good snapshot anywhere from days to years before the
        // moments, so the channels' windows start in different years.
        for _ in 0..next(5) {
            c.snapshots.push(snap(
                c.created_at + Duration::days(next(3000) as i64),
                [R::HalfYearly, R::MajorChange, R::PreClosure, R::AdHoc][next(4) as usize],
                [S::Complete, S::Complete, S::Partial, S::Failed][next(4) as usize],
            ));
        }
        channels.push(c);
    }
    let mut states = std::collections::HashSet::new();
    let mut compared = 0;
    for schedule in &schedules {
        for now in [
            "2021-03-20T10:00:00Z",
            "2024-07-01T12:00:00Z", // in the summer blackout
            "2026-10-15T12:00:00Z",
            "2027-12-31T23:30:00Z",
        ] {
            let now = t(now);
            let mut shared = schedule.assessor(now);
            for c in &channels {
                let a = shared.assess(c);
                assert_eq!(a, schedule.assess(c, now), "{} at {now}", c.channel_id);
                states.insert((a.state, a.missed_windows.min(3)));
                compared += 1;
            }
            let all = schedule.assess_all(&channels, now);
            assert!(all
                .iter()
                .zip(&channels)
                .all(|(a, c)| *a == schedule.assess(c, now)));
        }
    }
    assert_eq!(compared, 2 * 4 * 240);
    // The histories reach every state, and overdue by one and by several windows.
    assert!(states.len() >= 8, "{states:?}");
}
