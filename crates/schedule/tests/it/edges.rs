//! Named edge cases: window and blackout edges at local 23:59:59 and
//! 00:00:00, daylight-saving switches, leap days, New Year, new, closing,
//! closed and manual channels, failed and partial snapshots.

use super::*;
use ogonblick_model::{
    ChannelStatus, Language, SchedulePolicy, SnapshotReason as R, SnapshotStatus as S,
};
use ogonblick_schedule::{DueState, Schedule, ScheduleSettings, ValidSettings};

fn default() -> Schedule {
    Schedule::new(ScheduleSettings::default()).unwrap()
}

fn custom(json: &str) -> Schedule {
    Schedule::new(ScheduleSettings::from_json(json).unwrap()).unwrap()
}

fn state(s: &Schedule, c: &ChannelScheduleInput, now: &str) -> DueState {
    s.assess(c, t(now)).state
}

/// A channel that has existed since 2025 with good snapshots in every
/// window up to the spring of 2027.
fn veteran() -> ChannelScheduleInput {
    let mut c = channel(t("2025-01-10T08:00:00Z"));
    for at in [
        "2025-03-10T10:00:00Z",
        "2025-10-10T10:00:00Z",
        "2026-03-10T10:00:00Z",
        "2026-10-10T10:00:00Z",
    ] {
        c.snapshots.push(good(t(at)));
    }
    c
}

#[test]
fn spring_window_opens_at_local_midnight_cet() {
    let s = default();
    let c = veteran();
    // 1 March 2027 00:00 CET = 28 February 23:00 UTC.
    assert_eq!(state(&s, &c, "2027-02-28T22:59:59Z"), DueState::NotDue);
    let a = s.assess(&c, t("2027-02-28T23:00:00Z"));
    assert_eq!(a.state, DueState::Due);
    assert_eq!(a.due_since, Some(t("2027-02-28T23:00:00Z")));
    assert_eq!(a.reason_to_capture, Some(R::HalfYearly));
    assert!(a.capture_now);
    let w = a.current_window.unwrap();
    assert_eq!((w.first_day, w.last_day), (d(2027, 3, 1), d(2027, 4, 30)));
    assert_eq!(w.label, "vår");
    assert!(
        a.message.render(Language::Sv).contains("30 april 2027"),
        "{}",
        a.message.render(Language::Sv)
    );
}

#[test]
fn spring_window_closes_at_local_midnight_cest_and_becomes_overdue() {
    let s = default();
    let c = veteran();
    // 1 May 2027 00:00 CEST = 30 April 22:00 UTC.
    assert_eq!(state(&s, &c, "2027-04-30T21:59:59Z"), DueState::Due);
    let a = s.assess(&c, t("2027-04-30T22:00:00Z"));
    assert_eq!(a.state, DueState::Overdue);
    assert_eq!(a.overdue_since, Some(t("2027-04-30T22:00:00Z")));
    assert_eq!(a.due_since, Some(t("2027-02-28T23:00:00Z")));
    assert_eq!(a.missed_windows, 1);
    assert!(a.current_window.is_none());
    assert_eq!(a.next_window.as_ref().unwrap().first_day, d(2027, 10, 1));
    assert!(
        a.explanation(Language::Sv).starts_with("Försenad"),
        "{}",
        a.explanation(Language::Sv)
    );
}

#[test]
fn autumn_window_edges_cross_the_october_dst_switch() {
    let s = default();
    let mut c = veteran();
    c.snapshots.push(good(t("2027-03-05T10:00:00Z")));
    // 1 October 00:00 CEST = 30 September 22:00 UTC.
    assert_eq!(state(&s, &c, "2027-09-30T21:59:59Z"), DueState::NotDue);
    assert_eq!(state(&s, &c, "2027-09-30T22:00:00Z"), DueState::Due);
    // The clocks go back on 31 October 2027; the window still closes at
    // local midnight, now CET: 1 December 00:00 CET = 30 November 23:00 UTC.
    assert_eq!(state(&s, &c, "2027-10-31T00:59:59Z"), DueState::Due);
    assert_eq!(state(&s, &c, "2027-10-31T01:00:00Z"), DueState::Due);
    assert_eq!(state(&s, &c, "2027-11-30T22:59:59Z"), DueState::Due);
    assert_eq!(state(&s, &c, "2027-11-30T23:00:00Z"), DueState::Overdue);
}

#[test]
fn leap_year_window_opens_on_29_february_utc() {
    let s = default();
    let mut c = veteran();
    c.snapshots.push(good(t("2027-03-05T10:00:00Z")));
    c.snapshots.push(good(t("2027-10-05T10:00:00Z")));
    // 1 March 2028 00:00 CET = 29 February 23:00 UTC.
    assert_eq!(state(&s, &c, "2028-02-29T22:59:59Z"), DueState::NotDue);
    assert_eq!(state(&s, &c, "2028-02-29T23:00:00Z"), DueState::Due);
}

#[test]
fn windows_around_the_march_and_october_dst_switches() {
    // Two windows covering the whole year, split on the DST days of 2027.
    let s = custom(
        r#"{"blackouts":[],"half_yearly_windows":[{"label":"sommartid","start":"03-28","end":"10-30"},{"label":"vintertid","start":"10-31","end":"03-27"}]}"#,
    );
    let ws = s.windows(SchedulePolicy::HalfYearly, 2027, 2027);
    assert_eq!(ws.len(), 2);
    // 28 March 2027 (the switch is at 02:00) begins at 00:00 CET.
    assert_eq!(ws[0].opens_at, t("2027-03-27T23:00:00Z"));
    assert_eq!(ws[0].closes_at, t("2027-10-30T22:00:00Z"));
    // 31 October 2027 (the switch back is at 03:00) begins at 00:00 CEST.
    assert_eq!(ws[1].opens_at, t("2027-10-30T22:00:00Z"));
    // 28 March 2028 is after the 2028 switch (26 March): 00:00 CEST.
    assert_eq!(ws[1].closes_at, t("2028-03-27T22:00:00Z"));
    assert_eq!(ws[1].last_day, d(2028, 3, 27));

    let mut c = channel(t("2027-01-01T12:00:00Z"));
    // Finished 23:59:59 local on 30 October: counts for the first window only.
    c.snapshots.push(good(t("2027-10-30T21:59:59Z")));
    assert_eq!(state(&s, &c, "2027-10-30T21:59:59Z"), DueState::NotDue);
    let a = s.assess(&c, t("2027-10-30T22:00:00Z"));
    assert_eq!(a.state, DueState::Due);
    assert_eq!(a.current_window.unwrap().label, "vintertid");
    // The same snapshot one second later counts for the second window.
    c.snapshots[0] = good(t("2027-10-30T22:00:00Z"));
    assert_eq!(state(&s, &c, "2027-10-30T22:00:01Z"), DueState::NotDue);
    // ... and the first window (28 March–30 October) was then missed:
    // made up late, so not overdue.
    assert_eq!(s.assess(&c, t("2027-10-30T22:00:01Z")).missed_windows, 0);
}

#[test]
fn local_midnight_and_noon_on_dst_days() {
    let s = default();
    assert_eq!(s.local_midnight(d(2027, 3, 28)), t("2027-03-27T23:00:00Z"));
    assert_eq!(s.local_noon(d(2027, 3, 28)), t("2027-03-28T10:00:00Z"));
    assert_eq!(s.local_midnight(d(2027, 10, 31)), t("2027-10-30T22:00:00Z"));
    assert_eq!(s.local_noon(d(2027, 10, 31)), t("2027-10-31T11:00:00Z"));
    assert_eq!(s.local_date(t("2027-10-30T22:00:00Z")), d(2027, 10, 31));
    assert_eq!(s.local_date(t("2027-10-30T21:59:59Z")), d(2027, 10, 30));
}

#[test]
fn christmas_blackout_over_new_year_clips_windows() {
    // A yearly window at the turn of the year: clipped to 8 January.
    let s = custom(r#"{"yearly_windows":[{"label":"vinter","start":"01-01","end":"02-28"}]}"#);
    let c = with_policy(channel(t("2027-06-01T10:00:00Z")), SchedulePolicy::Yearly);
    // 7 January 23:59:59 CET is still Christmas.
    let a = s.assess(&c, t("2028-01-07T22:59:59Z"));
    assert_eq!(a.state, DueState::NotDue);
    assert_eq!(a.next_window.unwrap().first_day, d(2028, 1, 8));
    assert_eq!(
        s.blackout_at(t("2028-01-07T22:59:59Z")).unwrap().label,
        "jul"
    );
    assert!(s.blackout_at(t("2028-01-07T23:00:00Z")).is_none());
    let a = s.assess(&c, t("2028-01-07T23:00:00Z"));
    assert_eq!(a.state, DueState::Due);
    assert_eq!(a.due_since, Some(t("2028-01-07T23:00:00Z")));

    // A window running into Christmas ends on 14 December.
    let s = custom(r#"{"yearly_windows":[{"label":"senhöst","start":"11-01","end":"12-31"}]}"#);
    let c = with_policy(channel(t("2027-06-01T10:00:00Z")), SchedulePolicy::Yearly);
    assert_eq!(state(&s, &c, "2027-12-14T22:59:59Z"), DueState::Due);
    let a = s.assess(&c, t("2027-12-14T23:00:00Z"));
    assert_eq!(a.state, DueState::Overdue);
    // Nothing is scheduled in the blackout: an unattended run waits.
    assert!(!a.capture_now);
    assert!(
        a.explanation(Language::Sv).contains("efter uppehållet"),
        "{}",
        a.explanation(Language::Sv)
    );
    let a = s.assess(&c, t("2028-01-07T23:00:00Z"));
    assert_eq!(a.state, DueState::Overdue);
    assert!(a.capture_now);
}

#[test]
fn summer_blackout_edges() {
    let s = default();
    // 15 June 00:00 CEST = 14 June 22:00 UTC; 16 August 00:00 CEST = 15 August 22:00 UTC.
    assert!(s.blackout_at(t("2027-06-14T21:59:59Z")).is_none());
    assert_eq!(
        s.blackout_at(t("2027-06-14T22:00:00Z")).unwrap().label,
        "sommar"
    );
    assert!(s.blackout_at(t("2027-08-15T21:59:59Z")).is_some());
    assert!(s.blackout_at(t("2027-08-15T22:00:00Z")).is_none());
    // A window 1 August–30 September is clipped to start on 16 August.
    let s = custom(r#"{"yearly_windows":[{"label":"sensommar","start":"08-01","end":"09-30"}]}"#);
    let c = with_policy(channel(t("2027-01-01T10:00:00Z")), SchedulePolicy::Yearly);
    assert_eq!(state(&s, &c, "2027-08-15T21:59:59Z"), DueState::NotDue);
    assert_eq!(state(&s, &c, "2027-08-15T22:00:00Z"), DueState::Due);
}

#[test]
fn window_ending_on_29_february() {
    let s = custom(r#"{"blackouts":[],"yearly_windows":[{"start":"02-01","end":"02-29"}]}"#);
    let ws = s.windows(SchedulePolicy::Yearly, 2027, 2028);
    assert_eq!(ws[0].last_day, d(2027, 2, 28));
    assert_eq!(ws[0].closes_at, t("2027-02-28T23:00:00Z"));
    assert_eq!(ws[1].last_day, d(2028, 2, 29));
    assert_eq!(ws[1].closes_at, t("2028-02-29T23:00:00Z"));
    let mut c = with_policy(channel(t("2027-01-01T10:00:00Z")), SchedulePolicy::Yearly);
    c.snapshots.push(good(t("2027-02-10T10:00:00Z")));
    assert_eq!(state(&s, &c, "2028-02-29T22:59:59Z"), DueState::Due);
    assert_eq!(state(&s, &c, "2028-02-29T23:00:00Z"), DueState::Overdue);
    c.snapshots.push(good(t("2028-02-29T11:00:00Z")));
    assert_eq!(state(&s, &c, "2028-02-29T23:00:00Z"), DueState::NotDue);
}

#[test]
fn failed_and_partial_snapshots_do_not_count() {
    let s = default();
    let mut c = veteran();
    c.snapshots
        .push(snap(t("2027-03-05T10:00:00Z"), R::HalfYearly, S::Failed));
    c.snapshots
        .push(snap(t("2027-03-06T10:00:00Z"), R::HalfYearly, S::Partial));
    let a = s.assess(&c, t("2027-03-10T11:00:00Z"));
    assert_eq!(a.state, DueState::Due);
    assert_eq!(a.last_good_snapshot, Some(t("2026-10-10T10:00:00Z")));
    c.snapshots
        .push(snap(t("2027-03-07T10:00:00Z"), R::AdHoc, S::Complete));
    let a = s.assess(&c, t("2027-03-10T11:00:00Z"));
    assert_eq!(a.state, DueState::NotDue);
    assert_eq!(a.last_good_snapshot, Some(t("2027-03-07T10:00:00Z")));
}

#[test]
fn snapshots_after_now_are_ignored() {
    let s = default();
    let mut c = veteran();
    c.snapshots.push(good(t("2027-03-20T10:00:00Z")));
    assert_eq!(state(&s, &c, "2027-03-20T09:59:59Z"), DueState::Due);
    assert_eq!(state(&s, &c, "2027-03-20T10:00:00Z"), DueState::NotDue);
}

#[test]
fn major_change_counts_only_when_the_settings_say_so() {
    let mut c = veteran();
    c.snapshots
        .push(snap(t("2027-03-15T10:00:00Z"), R::MajorChange, S::Complete));
    let s = default();
    assert_eq!(state(&s, &c, "2027-03-20T12:00:00Z"), DueState::Due);
    let a = s.assess(&c, t("2027-05-20T12:00:00Z"));
    assert_eq!(a.state, DueState::Overdue);
    assert!(
        a.explanation(Language::Sv).contains("större förändring"),
        "{}",
        a.explanation(Language::Sv)
    );
    let s = custom(r#"{"major_change_resets_schedule":true}"#);
    assert_eq!(state(&s, &c, "2027-03-20T12:00:00Z"), DueState::NotDue);
    assert_eq!(state(&s, &c, "2027-05-20T12:00:00Z"), DueState::NotDue);
}

#[test]
fn a_channel_created_mid_window_is_due_in_that_window() {
    let s = default();
    let c = channel(t("2027-10-20T08:30:00Z"));
    let a = s.assess(&c, t("2027-10-20T12:00:00Z"));
    assert_eq!(a.state, DueState::Due);
    assert_eq!(a.due_since, Some(t("2027-10-20T08:30:00Z")));
    assert_eq!(state(&s, &c, "2027-12-01T12:00:00Z"), DueState::Overdue);
    // Created on the last evening of a window (23:30 CET 30 November).
    let c = channel(t("2027-11-30T22:30:00Z"));
    assert_eq!(state(&s, &c, "2027-11-30T22:59:59Z"), DueState::Due);
    assert_eq!(state(&s, &c, "2027-11-30T23:00:00Z"), DueState::Overdue);
    // Created just after the window closed: the window does not apply.
    let c = channel(t("2027-11-30T23:00:00Z"));
    assert_eq!(state(&s, &c, "2027-12-20T12:00:00Z"), DueState::NotDue);
    assert_eq!(state(&s, &c, "2028-03-01T12:00:00Z"), DueState::Due);
    // Before it existed.
    let a = s.assess(&c, t("2027-10-10T12:00:00Z"));
    assert_eq!(a.state, DueState::NotDue);
    assert!(
        a.explanation(Language::Sv).contains("fanns inte"),
        "{}",
        a.explanation(Language::Sv)
    );
}

#[test]
fn catch_up_between_windows_clears_overdue_but_not_the_next_window() {
    let s = default();
    let c0 = veteran();
    // Autumn 2026 was covered; spring 2027 missed.
    let mut c = c0.clone();
    assert_eq!(state(&s, &c, "2027-06-01T12:00:00Z"), DueState::Overdue);
    c.snapshots.push(good(t("2027-06-02T10:00:00Z")));
    assert_eq!(state(&s, &c, "2027-06-03T12:00:00Z"), DueState::NotDue);
    assert_eq!(state(&s, &c, "2027-10-03T12:00:00Z"), DueState::Due);
    // Missing both 2027 windows: two missed, overdue since spring.
    let a = s.assess(&c0, t("2027-12-03T12:00:00Z"));
    assert_eq!(a.state, DueState::Overdue);
    assert_eq!(a.missed_windows, 2);
    assert_eq!(a.overdue_since, Some(t("2027-04-30T22:00:00Z")));
    // Overdue wins over due while a window is open.
    let a = s.assess(&c0, t("2027-10-03T12:00:00Z"));
    assert_eq!(a.state, DueState::Overdue);
    assert!(a.current_window.is_some());
}

#[test]
fn yearly_needs_one_snapshot_in_each_autumn_window() {
    let s = default();
    let mut c = with_policy(channel(t("2026-01-10T10:00:00Z")), SchedulePolicy::Yearly);
    c.snapshots.push(good(t("2026-11-02T10:00:00Z")));
    assert_eq!(state(&s, &c, "2027-03-15T12:00:00Z"), DueState::NotDue);
    let a = s.assess(&c, t("2027-10-15T12:00:00Z"));
    assert_eq!(a.state, DueState::Due);
    assert_eq!(a.reason_to_capture, Some(R::Yearly));
    assert_eq!(state(&s, &c, "2027-12-15T12:00:00Z"), DueState::Overdue);
}

#[test]
fn organisation_default_policy_applies() {
    let s = custom(r#"{"default_policy":"manual"}"#);
    let c = channel(t("2026-01-10T10:00:00Z"));
    let a = s.assess(&c, t("2027-03-15T12:00:00Z"));
    assert_eq!(a.state, DueState::Manual);
    assert_eq!(a.policy, SchedulePolicy::Manual);
    assert!(!a.capture_now);
    let c = with_policy(c, SchedulePolicy::HalfYearly);
    assert_eq!(state(&s, &c, "2027-03-15T12:00:00Z"), DueState::Overdue);
}

#[test]
fn closing_channel_needs_a_pre_closure_snapshot_after_closing_started() {
    let s = default();
    let mut c = veteran();
    c.status = ChannelStatus::Closing;
    c.closing_started_at = Some(t("2027-07-01T09:00:00Z"));
    // An earlier pre-closure snapshot, a partial one and a regular one after
    // the start do not count.
    c.snapshots
        .push(snap(t("2027-06-30T10:00:00Z"), R::PreClosure, S::Complete));
    c.snapshots
        .push(snap(t("2027-07-01T10:00:00Z"), R::PreClosure, S::Partial));
    c.snapshots
        .push(snap(t("2027-07-01T11:00:00Z"), R::AdHoc, S::Complete));
    let a = s.assess(&c, t("2027-07-02T12:00:00Z"));
    assert_eq!(a.state, DueState::ClosureDue);
    assert_eq!(a.reason_to_capture, Some(R::PreClosure));
    assert_eq!(a.due_since, Some(t("2027-07-01T09:00:00Z")));
    // In the summer blackout too: closure does not wait.
    assert!(a.capture_now);
    c.snapshots
        .push(snap(t("2027-07-03T10:00:00Z"), R::PreClosure, S::Complete));
    let a = s.assess(&c, t("2027-07-03T12:00:00Z"));
    assert_eq!(a.state, DueState::NotDue);
    assert!(
        a.explanation(Language::Sv).contains("arkivpaketet"),
        "{}",
        a.explanation(Language::Sv)
    );
    // Even far past a window, a closing channel is not overdue.
    assert_eq!(state(&s, &c, "2028-12-03T12:00:00Z"), DueState::NotDue);
    // Before the closure started (due --at a past date) the regular schedule applied.
    assert_eq!(state(&s, &c, "2027-03-03T12:00:00Z"), DueState::Due);
    // A manual channel still needs its final snapshot.
    let mut m = with_policy(channel(t("2027-01-01T10:00:00Z")), SchedulePolicy::Manual);
    m.status = ChannelStatus::Closing;
    m.closing_started_at = Some(t("2027-07-01T09:00:00Z"));
    assert_eq!(state(&s, &m, "2027-07-02T12:00:00Z"), DueState::ClosureDue);
}

#[test]
fn closed_channels_are_never_due() {
    let s = default();
    let mut c = channel(t("2025-01-10T08:00:00Z"));
    c.status = ChannelStatus::Closed;
    c.closing_started_at = Some(t("2027-02-01T09:00:00Z"));
    c.closed_at = Some(t("2027-02-10T09:00:00Z"));
    for now in [
        "2027-03-15T12:00:00Z",
        "2027-12-15T12:00:00Z",
        "2030-10-15T12:00:00Z",
    ] {
        let a = s.assess(&c, t(now));
        assert_eq!(a.state, DueState::Closed, "{now}");
        assert!(!a.capture_now);
        assert_eq!(a.reason_to_capture, None);
    }
    // Between closure start and close: closure due; before: overdue (no snapshots).
    assert_eq!(state(&s, &c, "2027-02-05T12:00:00Z"), DueState::ClosureDue);
    assert_eq!(state(&s, &c, "2027-01-05T12:00:00Z"), DueState::Overdue);
}

#[test]
fn from_channel_reads_the_register_and_history() {
    use ogonblick_model::{Channel, Platform, Snapshot};
    let ch = Channel {
        id: 7,
        name: "Biblioteket på Instagram".into(),
        platform: Platform::Instagram,
        urls: vec!["https://example.org/bibliotek".into()],
        board: Some("Kulturnämnden".into()),
        unit: Some("Biblioteken".into()),
        responsible: Some("Anna".into()),
        substitute: Some("Bo".into()),
        purpose: None,
        audience: None,
        policy: Some(SchedulePolicy::Yearly),
        status: ChannelStatus::Active,
        created_at: t("2026-01-10T10:00:00Z"),
        closing_started_at: None,
        closed_at: None,
        notes: None,
    };
    let mk = |id: &str, channel_id, at: &str| Snapshot {
        id: id.into(),
        channel_id,
        reason: R::Yearly,
        reason_note: None,
        reason_message: None,
        status: S::Complete,
        started_at: t(at) - chrono::Duration::minutes(2),
        finished_at: t(at),
        operator: "test".into(),
        pages: vec![],
        diary_number: None,
        single_address: None,
        files: Vec::new(),
    };
    let snaps = vec![
        mk("a", 7, "2027-10-05T10:00:00Z"),
        mk("b", 8, "2028-10-05T10:00:00Z"),
    ];
    let input = ChannelScheduleInput::from_channel(&ch, &snaps);
    assert_eq!(
        input.snapshots.len(),
        1,
        "another channel's snapshot was taken in"
    );
    let a = default().assess(&input, t("2028-10-10T12:00:00Z"));
    assert_eq!(a.state, DueState::Due);
    assert_eq!(a.board.as_deref(), Some("Kulturnämnden"));
    assert_eq!(a.policy, SchedulePolicy::Yearly);
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["state"], "due");
    assert_eq!(json["reason_to_capture"], "yearly");
    assert_eq!(json["current_window"]["first_day"], "2028-10-01");
    assert_eq!(json["current_window"]["opens_at"], "2028-09-30T22:00:00Z");
}

#[test]
fn moments_given_by_people() {
    let s = default();
    // Noon in Stockholm: CET in winter, CEST in summer.
    assert_eq!(s.parse_at("2027-01-15").unwrap(), t("2027-01-15T11:00:00Z"));
    assert_eq!(
        s.parse_at(" 2027-07-15 ").unwrap(),
        t("2027-07-15T10:00:00Z")
    );
    assert_eq!(
        s.parse_at("2027-03-01T00:00:00+01:00").unwrap(),
        t("2027-02-28T23:00:00Z")
    );
    assert_eq!(
        s.parse_at("2027-03-01T08:00:00Z").unwrap(),
        t("2027-03-01T08:00:00Z")
    );
    for bad in ["2027-02-30", "1 mars", "2027-03-01 08:00", ""] {
        let e = s.parse_at(bad).unwrap_err().to_string();
        assert!(
            e.contains("YYYY-MM-DD") && e.contains("Europe/Stockholm"),
            "{bad}: {e}"
        );
    }
}
