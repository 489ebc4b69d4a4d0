//! Table-driven: every day of 2027 and 2028 at local noon, for a set of
//! channel histories, compared with an independent expectation computed
//! on calendar days from window dates written out by hand.

use super::*;
use chrono::{Datelike, Duration};
use ogonblick_model::{Language, SchedulePolicy, SnapshotReason as R, SnapshotStatus as S};
use ogonblick_schedule::{DueState, Schedule, ScheduleSettings, ValidSettings};
use std::collections::BTreeMap;

/// Effective windows (after blackouts) of the default settings, by hand.
fn default_half_yearly() -> Vec<(NaiveDate, NaiveDate)> {
    let mut v = Vec::new();
    for y in 2025..=2029 {
        v.push((d(y, 3, 1), d(y, 4, 30)));
        v.push((d(y, 10, 1), d(y, 11, 30)));
    }
    v
}

fn default_yearly() -> Vec<(NaiveDate, NaiveDate)> {
    (2025..=2029).map(|y| (d(y, 10, 1), d(y, 11, 30))).collect()
}

/// Windows "vinter" 01-01–02-29 and "sensommar" 08-01–09-30, clipped by
/// Christmas (to 8 January) and summer (to 16 August), by hand.
const CLIPPED_JSON: &str = r#"{"half_yearly_windows":[{"label":"vinter","start":"01-01","end":"02-29"},{"label":"sensommar","start":"08-01","end":"09-30"}]}"#;
fn clipped_half_yearly() -> Vec<(NaiveDate, NaiveDate)> {
    let mut v = Vec::new();
    for y in 2025..=2029 {
        let feb_end = if y % 4 == 0 { 29 } else { 28 };
        v.push((d(y, 1, 8), d(y, 2, feb_end)));
        v.push((d(y, 8, 16), d(y, 9, 30)));
    }
    v
}

fn in_blackout(day: NaiveDate) -> bool {
    let md = (day.month(), day.day());
    ((6, 15)..=(8, 15)).contains(&md) || md >= (12, 15) || md <= (1, 7)
}

struct Case {
    name: &'static str,
    settings: &'static str,
    windows: fn() -> Vec<(NaiveDate, NaiveDate)>,
    policy: Option<SchedulePolicy>,
    resets: bool,
    created: NaiveDate,
    /// Local day, reason, status; taken at 10:00 local.
    snapshots: Vec<(NaiveDate, R, S)>,
}

/// The expectation, on whole days: the snapshot is at 10:00, the check at
/// noon, the channel was created at 09:00.
fn expected(case: &Case, day: NaiveDate) -> (DueState, bool) {
    if day < case.created {
        return (DueState::NotDue, false);
    }
    let counting: Vec<NaiveDate> = case
        .snapshots
        .iter()
        .filter(|(sd, r, s)| {
            *s == S::Complete && *sd <= day && (case.resets || *r != R::MajorChange)
        })
        .map(|(sd, _, _)| *sd)
        .collect();
    let covered = |first: NaiveDate| counting.iter().any(|sd| *sd >= first);
    let mut overdue = false;
    let mut due = false;
    for (first, last) in (case.windows)() {
        if last < case.created || first > day || covered(first) {
            continue;
        }
        if last < day {
            overdue = true;
        } else {
            due = true;
        }
    }
    if overdue {
        (DueState::Overdue, !in_blackout(day))
    } else if due {
        (DueState::Due, true)
    } else {
        (DueState::NotDue, false)
    }
}

fn cases() -> Vec<Case> {
    let hy = |y, m, dd| (d(y, m, dd), R::HalfYearly, S::Complete);
    vec![
        Case {
            name: "never snapshotted",
            settings: "{}",
            windows: default_half_yearly,
            policy: None,
            resets: false,
            created: d(2026, 12, 1),
            snapshots: vec![],
        },
        Case {
            name: "diligent: the 10th of each window",
            settings: "{}",
            windows: default_half_yearly,
            policy: Some(SchedulePolicy::HalfYearly),
            resets: false,
            created: d(2026, 2, 1),
            snapshots: (2026..=2028)
                .flat_map(|y| [hy(y, 3, 10), hy(y, 10, 10)])
                .collect(),
        },
        Case {
            name: "failures, partials, a missed window and a catch-up",
            settings: "{}",
            windows: default_half_yearly,
            policy: None,
            resets: false,
            created: d(2026, 9, 1),
            snapshots: vec![
                hy(2026, 10, 2),
                hy(2027, 3, 15),
                (d(2027, 10, 3), R::HalfYearly, S::Failed),
                (d(2027, 11, 20), R::HalfYearly, S::Partial),
                (d(2028, 1, 20), R::AdHoc, S::Complete),
                (d(2028, 3, 5), R::HalfYearly, S::Failed),
                (d(2028, 3, 6), R::HalfYearly, S::Partial),
                hy(2028, 4, 2),
                hy(2028, 10, 31),
            ],
        },
        Case {
            name: "major changes, not resetting",
            settings: "{}",
            windows: default_half_yearly,
            policy: None,
            resets: false,
            created: d(2026, 1, 5),
            snapshots: vec![
                hy(2026, 3, 10),
                hy(2026, 10, 10),
                hy(2027, 3, 10),
                (d(2027, 10, 15), R::MajorChange, S::Complete),
                (d(2028, 3, 10), R::AdHoc, S::Complete),
                (d(2028, 10, 12), R::MajorChange, S::Complete),
                (d(2028, 12, 1), R::PreClosure, S::Complete),
            ],
        },
        Case {
            name: "major changes, resetting",
            settings: r#"{"major_change_resets_schedule":true}"#,
            windows: default_half_yearly,
            policy: None,
            resets: true,
            created: d(2026, 1, 5),
            snapshots: vec![
                hy(2026, 3, 10),
                hy(2026, 10, 10),
                hy(2027, 3, 10),
                (d(2027, 10, 15), R::MajorChange, S::Complete),
                (d(2028, 3, 10), R::AdHoc, S::Complete),
                (d(2028, 10, 12), R::MajorChange, S::Complete),
            ],
        },
        Case {
            name: "yearly, last day and first day of the window",
            settings: "{}",
            windows: default_yearly,
            policy: Some(SchedulePolicy::Yearly),
            resets: false,
            created: d(2026, 5, 1),
            snapshots: vec![
                (d(2026, 10, 20), R::Yearly, S::Complete),
                (d(2027, 11, 30), R::Yearly, S::Complete),
                (d(2028, 10, 1), R::Yearly, S::Partial),
            ],
        },
        Case {
            name: "yearly by organisation default",
            settings: r#"{"default_policy":"yearly"}"#,
            windows: default_yearly,
            policy: None,
            resets: false,
            created: d(2027, 11, 15),
            snapshots: vec![(d(2028, 10, 2), R::Yearly, S::Complete)],
        },
        Case {
            name: "created mid-window, snapshot after it closed",
            settings: "{}",
            windows: default_half_yearly,
            policy: None,
            resets: false,
            created: d(2027, 3, 15),
            snapshots: vec![
                (d(2027, 5, 2), R::AdHoc, S::Complete),
                hy(2027, 10, 1),
                hy(2028, 4, 30),
            ],
        },
        Case {
            name: "created on the last day of a window",
            settings: "{}",
            windows: default_half_yearly,
            policy: None,
            resets: false,
            created: d(2028, 4, 30),
            snapshots: vec![hy(2028, 6, 1)],
        },
        Case {
            name: "clipped windows over New Year and summer, leap February",
            settings: CLIPPED_JSON,
            windows: clipped_half_yearly,
            policy: None,
            resets: false,
            created: d(2026, 11, 1),
            snapshots: vec![
                hy(2027, 1, 7),
                hy(2027, 2, 28),
                hy(2027, 8, 15),
                hy(2027, 10, 1),
                hy(2028, 2, 29),
                (d(2028, 8, 16), R::HalfYearly, S::Failed),
            ],
        },
    ]
}

fn input(case: &Case) -> ChannelScheduleInput {
    let mut c = channel(sthlm(case.created, 9, 0, 0));
    c.policy = case.policy;
    c.snapshots = case
        .snapshots
        .iter()
        .map(|(day, r, s)| snap(sthlm(*day, 10, 0, 0), *r, *s))
        .collect();
    c
}

#[test]
fn every_day_of_2027_and_2028_matches_the_expectation() {
    let mut failures = Vec::new();
    let mut seen: BTreeMap<&str, BTreeMap<DueState, u32>> = BTreeMap::new();
    for case in cases() {
        let schedule = Schedule::new(ScheduleSettings::from_json(case.settings).unwrap()).unwrap();
        assert_eq!(
            schedule.settings().major_change_resets_schedule,
            case.resets,
            "{}",
            case.name
        );
        let c = input(&case);
        let mut day = d(2027, 1, 1);
        while day <= d(2028, 12, 31) {
            let now = sthlm(day, 12, 0, 0);
            let a = schedule.assess(&c, now);
            let (state, capture) = expected(&case, day);
            if a.state != state || a.capture_now != capture {
                failures.push(format!(
                    "{} on {day}: got {:?} capture_now={} ({}), expected {:?} capture_now={capture}",
                    case.name, a.state, a.capture_now, a.explanation(Language::Sv), state
                ));
            }
            // Invariants that hold whatever the state.
            assert_eq!(
                a.current_window.as_ref().is_some_and(|w| w.contains(now)),
                a.current_window.is_some()
            );
            if let Some(w) = &a.current_window {
                assert!(
                    w.first_day <= day && day <= w.last_day,
                    "{} on {day}: {w:?}",
                    case.name
                );
            }
            if let Some(w) = &a.next_window {
                assert!(w.opens_at > now);
            }
            assert_eq!(
                a.reason_to_capture.is_some(),
                a.state.needs_snapshot(),
                "{} on {day}",
                case.name
            );
            assert!(
                !a.explanation(Language::Sv).is_empty() && !a.explanation(Language::En).is_empty()
            );
            *seen
                .entry(case.name)
                .or_default()
                .entry(a.state)
                .or_default() += 1;
            day += Duration::days(1);
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The table must exercise the states, or it proves nothing.
    let total = |s: DueState| {
        seen.values()
            .map(|m| m.get(&s).copied().unwrap_or(0))
            .sum::<u32>()
    };
    assert!(total(DueState::Due) > 100, "{seen:?}");
    assert!(total(DueState::Overdue) > 100, "{seen:?}");
    assert!(total(DueState::NotDue) > 100, "{seen:?}");
    for (name, states) in &seen {
        if *name != "never snapshotted" {
            assert!(states.len() >= 2, "{name} only saw {states:?}");
        }
    }
}

/// Named days from the table above, written out, so a wrong oracle cannot
/// hide a wrong answer.
#[test]
fn spot_checks_of_the_table() {
    let cs = cases();
    let find = |n: &str| cs.iter().find(|c| c.name.starts_with(n)).unwrap();
    let at = |case: &Case, y, m, dd| {
        let s = Schedule::new(ScheduleSettings::from_json(case.settings).unwrap()).unwrap();
        s.assess(&input(case), sthlm(d(y, m, dd), 12, 0, 0)).state
    };
    let f = find("failures");
    assert_eq!(at(f, 2027, 10, 3), DueState::Due); // failed that morning
    assert_eq!(at(f, 2027, 11, 30), DueState::Due); // partial does not count
    assert_eq!(at(f, 2027, 12, 1), DueState::Overdue);
    assert_eq!(at(f, 2028, 1, 20), DueState::NotDue); // catch-up
    assert_eq!(at(f, 2028, 3, 6), DueState::Due);
    assert_eq!(at(f, 2028, 4, 2), DueState::NotDue);
    assert_eq!(at(f, 2028, 10, 30), DueState::Due);
    let m = find("major changes, not");
    assert_eq!(at(m, 2027, 10, 20), DueState::Due);
    assert_eq!(at(m, 2027, 12, 1), DueState::Overdue);
    assert_eq!(at(m, 2028, 3, 10), DueState::NotDue);
    assert_eq!(at(m, 2028, 12, 2), DueState::NotDue); // a complete pre-closure snapshot counts
    let r = find("major changes, resetting");
    assert_eq!(at(r, 2027, 12, 1), DueState::NotDue);
    let y = find("yearly, last");
    assert_eq!(at(y, 2027, 11, 30), DueState::NotDue);
    assert_eq!(at(y, 2028, 10, 1), DueState::Due); // partial
    assert_eq!(at(y, 2028, 12, 1), DueState::Overdue);
    let n = find("created mid-window");
    assert_eq!(at(n, 2027, 3, 15), DueState::Due);
    assert_eq!(at(n, 2027, 5, 1), DueState::Overdue);
    assert_eq!(at(n, 2027, 5, 2), DueState::NotDue);
    let l = find("created on the last day");
    assert_eq!(at(l, 2028, 4, 30), DueState::Due);
    assert_eq!(at(l, 2028, 5, 1), DueState::Overdue);
    assert_eq!(at(l, 2028, 6, 1), DueState::NotDue);
    let c = find("clipped");
    assert_eq!(at(c, 2027, 1, 8), DueState::Due); // 7 January was before the window
    assert_eq!(at(c, 2027, 3, 1), DueState::NotDue);
    assert_eq!(at(c, 2027, 8, 16), DueState::Due);
    assert_eq!(at(c, 2028, 2, 29), DueState::NotDue);
    assert_eq!(at(c, 2028, 8, 16), DueState::Due);
    assert_eq!(at(c, 2028, 10, 1), DueState::Overdue);
}
