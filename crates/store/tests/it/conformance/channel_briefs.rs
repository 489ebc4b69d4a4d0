//! The narrow read `due` and `coverage` make (`Register::channel_briefs`),
//! on both backends: every channel, by id, with exactly the fields of the
//! full read (`Register::channels`) that the schedule and the reports use,
//! for channels with and without board, unit, people and policy, in every
//! status, and an edit made on another connection shows in it.

use ogonblick_model::{ChannelBrief, ChannelPatch, ChannelStatus, Platform, SchedulePolicy};
use ogonblick_store::Register;

use super::backends::{self, Backend};
use super::given_two_channels;
use crate::common::new_channel;

conformance!(channel_briefs_equal_the_full_read_in_every_status);

fn briefs_of_full_read(r: &dyn Register) -> Vec<ChannelBrief> {
    r.channels()
        .unwrap()
        .iter()
        .map(ChannelBrief::from)
        .collect()
}

fn channel_briefs_equal_the_full_read_in_every_status(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (closing, closed) = given_two_channels(&*a);
    let mut bare = new_channel("Utan nämnd", &["https://instagram.com/utan"]);
    bare.platform = Some(Platform::Instagram);
    (bare.board, bare.unit, bare.responsible, bare.substitute) = (None, None, None, None);
    let bare = a.add_channel(&bare, "anna").unwrap();
    let mut yearly = new_channel("Årlig", &["https://x.com/arlig", "https://x.com/arlig/om"]);
    (yearly.platform, yearly.policy) = (Some(Platform::X), Some(SchedulePolicy::Yearly));
    yearly.board = Some("Kulturnämnden".into());
    let yearly = a.add_channel(&yearly, "anna").unwrap();
    a.start_closure(closing.id, "anna").unwrap();
    a.start_closure(closed.id, "anna").unwrap();
    a.mark_closed_with(closed.id, "anna", None).unwrap();
    a.edit_channel(
        bare.id,
        &ChannelPatch {
            name: Some("Utan nämnd, nytt namn".into()),
            policy: Some(Some(SchedulePolicy::Manual)),
            ..Default::default()
        },
        "bo",
    )
    .unwrap();

    let briefs = other.channel_briefs().unwrap();
    assert_eq!(briefs, briefs_of_full_read(&*other));
    assert_eq!(briefs, briefs_of_full_read(&*a));
    // Not trivially equal: every status, a default and an own policy, a
    // channel without board, unit or people, the edit from the other side.
    let ids: Vec<_> = briefs.iter().map(|c| c.id).collect();
    assert_eq!(ids, [closing.id, closed.id, bare.id, yearly.id]);
    let statuses: Vec<_> = briefs.iter().map(|c| c.status).collect();
    use ChannelStatus::{Active, Closed, Closing};
    assert_eq!(statuses, [Closing, Closed, Active, Active]);
    assert!(briefs[0].closing_started_at.is_some() && briefs[0].closed_at.is_none());
    assert!(briefs[1].closed_at.is_some());
    assert_eq!(briefs[2].name, "Utan nämnd, nytt namn");
    assert_eq!(briefs[2].policy, Some(SchedulePolicy::Manual));
    assert_eq!(briefs[2].platform, Platform::Instagram);
    assert_eq!((&briefs[2].board, &briefs[2].responsible), (&None, &None));
    assert_eq!(briefs[3].policy, Some(SchedulePolicy::Yearly));
    assert_eq!(briefs[3].board.as_deref(), Some("Kulturnämnden"));
    assert_eq!(briefs[3].substitute.as_deref(), Some("Pär Ähl"));
}
