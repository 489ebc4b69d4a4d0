use super::*;
use ogonblick_model::{ChannelStatus, SchedulePolicy};
use ogonblick_schedule::{summarise, DueState, Schedule};

#[test]
fn summary_groups_per_board_and_unit_and_counts_states() {
    let s = Schedule::default();
    let now = t("2027-10-15T10:00:00Z");
    let mk = |id, board: Option<&str>, unit: Option<&str>| {
        let mut c = channel(t("2027-06-01T10:00:00Z"));
        c.channel_id = id;
        c.board = board.map(str::to_string);
        c.unit = unit.map(str::to_string);
        c
    };
    let mut inputs = vec![
        mk(1, Some("Kommunstyrelsen"), Some("Kommunikation")), // due
        mk(2, Some("kommunstyrelsen "), Some("Kommunikation")), // due, same group
        mk(3, Some("Kulturnämnden"), Some("Biblioteken")),
        mk(4, Some("Kulturnämnden"), None),
        mk(5, None, None),
        mk(6, Some("Kommunstyrelsen"), Some("Kommunikation")),
    ];
    inputs[2].snapshots.push(good(t("2027-10-02T10:00:00Z"))); // not due
    inputs[3].created_at = t("2026-01-01T10:00:00Z"); // overdue
    inputs[4].policy = Some(SchedulePolicy::Manual);
    inputs[5].status = ChannelStatus::Closing;
    inputs[5].closing_started_at = Some(t("2027-10-01T10:00:00Z"));
    let assessments = s.assess_all(&inputs, now);
    let states: Vec<DueState> = assessments.iter().map(|a| a.state).collect();
    assert_eq!(
        states,
        [
            DueState::Due,
            DueState::Due,
            DueState::NotDue,
            DueState::Overdue,
            DueState::Manual,
            DueState::ClosureDue
        ]
    );
    let sum = summarise(&assessments);
    assert_eq!(sum.total.channels, 6);
    assert_eq!(
        (sum.total.due, sum.total.overdue, sum.total.closure_due),
        (2, 1, 1)
    );
    assert_eq!(
        (sum.total.not_due, sum.total.manual, sum.total.closed),
        (1, 1, 0)
    );
    assert_eq!(sum.total.needing_snapshot(), 4);
    assert_eq!(sum.total.capture_now, 4);
    let names: Vec<(Option<&str>, Option<&str>)> = sum
        .groups
        .iter()
        .map(|g| (g.board.as_deref(), g.unit.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            (Some("Kommunstyrelsen"), Some("Kommunikation")),
            (Some("Kulturnämnden"), Some("Biblioteken")),
            (Some("Kulturnämnden"), None),
            (None, None),
        ]
    );
    let ks = &sum.groups[0];
    assert_eq!(ks.channel_ids, [1, 2, 6]);
    assert_eq!(
        (ks.counts.due, ks.counts.closure_due, ks.counts.channels),
        (2, 1, 3)
    );
    assert_eq!(sum.groups[2].counts.overdue, 1);
    assert!(summarise(&[]).groups.is_empty());
}
