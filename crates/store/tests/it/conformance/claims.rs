//! Claims of channels being captured (issue 15), on both backends: a
//! channel is held by one holder at a time until its lease runs out (the
//! register's clock, advanced here), a renewal after the claim was lost
//! says so, a release frees it, and two desktops claiming the same 50
//! channels at once get disjoint sets that cover them all.

use std::collections::BTreeSet;
use std::sync::Barrier;
use std::time::Duration;

use super::backends::{self, Backend};
use super::given_two_channels;
use crate::common::{new_channel, t0};

conformance!(
    claims_refuse_a_second_holder_until_the_lease_runs_out,
    claims_renewed_in_time_stay_and_lost_ones_say_so,
    claims_released_are_free_and_a_release_of_another_changes_nothing,
    claims_of_two_desktops_racing_for_50_channels_are_disjoint_and_cover_all,
);

const LEASE: Duration = Duration::from_secs(300);
const A: &str = "pc-1.100.1a";
const B: &str = "pc-2.200.2b";

fn minutes(m: i64) -> chrono::Duration {
    chrono::Duration::minutes(m)
}

fn claims_refuse_a_second_holder_until_the_lease_runs_out(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, d) = given_two_channels(&*a);
    assert!(a.claim_channel(c.id, A, LEASE).unwrap());
    assert!(!other.claim_channel(c.id, B, LEASE).unwrap());
    // Another channel is free; the holder claiming again extends its lease.
    assert!(other.claim_channel(d.id, B, LEASE).unwrap());
    b.clock().advance(minutes(2));
    assert!(a.claim_channel(c.id, A, LEASE).unwrap());
    let held = other.claims().unwrap();
    assert_eq!(held.len(), 2);
    assert_eq!((held[0].channel_id, held[0].holder.as_str()), (c.id, A));
    assert_eq!(
        held[0].claimed_at,
        t0(),
        "a renewal keeps when it was claimed"
    );
    assert_eq!(held[0].expires_at, t0() + minutes(7));
    assert_eq!((held[1].channel_id, held[1].holder.as_str()), (d.id, B));
    // One second before the lease's end it is still A's; at its end it is free.
    b.clock().advance(minutes(5) - chrono::Duration::seconds(1));
    assert!(!other.claim_channel(c.id, B, LEASE).unwrap());
    b.clock().advance(chrono::Duration::seconds(1));
    assert!(other.claim_channel(c.id, B, LEASE).unwrap());
    assert!(!a.claim_channel(c.id, A, LEASE).unwrap());
    let now = t0() + minutes(7);
    let held = a.claims().unwrap();
    assert_eq!(held[0].holder, B);
    assert_eq!(
        (held[0].claimed_at, held[0].expires_at),
        (now, now + minutes(5))
    );
}

fn claims_renewed_in_time_stay_and_lost_ones_say_so(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, _) = given_two_channels(&*a);
    assert!(a.claim_channel(c.id, A, LEASE).unwrap());
    for _ in 0..3 {
        b.clock().advance(minutes(4));
        assert!(a.renew_claim(c.id, A, LEASE).unwrap());
        assert!(!other.claim_channel(c.id, B, LEASE).unwrap());
    }
    // A stops renewing (its desktop died): after the lease B takes over,
    // and A's next renewal finds the claim lost.
    b.clock().advance(minutes(5));
    assert!(other.claim_channel(c.id, B, LEASE).unwrap());
    assert!(!a.renew_claim(c.id, A, LEASE).unwrap());
    assert_eq!(a.claims().unwrap()[0].holder, B);
    // Renewing a claim nobody made is no claim either.
    assert!(!a.renew_claim(c.id + 1, A, LEASE).unwrap());
    assert_eq!(a.claims().unwrap().len(), 1);
}

fn claims_released_are_free_and_a_release_of_another_changes_nothing(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, _) = given_two_channels(&*a);
    assert!(a.claim_channel(c.id, A, LEASE).unwrap());
    other.release_claim(c.id, B).unwrap();
    assert!(!other.claim_channel(c.id, B, LEASE).unwrap());
    a.release_claim(c.id, A).unwrap();
    assert!(a.claims().unwrap().is_empty());
    assert!(!a.renew_claim(c.id, A, LEASE).unwrap());
    assert!(other.claim_channel(c.id, B, LEASE).unwrap());
    // Releasing twice is harmless.
    other.release_claim(c.id, B).unwrap();
    other.release_claim(c.id, B).unwrap();
    assert!(a.claims().unwrap().is_empty());
}

fn claims_of_two_desktops_racing_for_50_channels_are_disjoint_and_cover_all(b: &dyn Backend) {
    let desktops = [b.connect(), b.connect()];
    let ids: Vec<_> = (0..50)
        .map(|i| {
            let url = format!("https://x.com/enhet{i}");
            desktops[0]
                .add_channel(&new_channel(&format!("Enhet {i}"), &[&url]), "a")
                .unwrap()
                .id
        })
        .collect();
    let start = Barrier::new(2);
    let won: Vec<BTreeSet<i64>> = std::thread::scope(|s| {
        let handles: Vec<_> = desktops
            .iter()
            .zip([A, B])
            .map(|(r, holder)| {
                let (ids, start) = (&ids, &start);
                s.spawn(move || {
                    start.wait();
                    ids.iter()
                        .copied()
                        .filter(|id| r.claim_channel(*id, holder, LEASE).unwrap())
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(
        won[0].is_disjoint(&won[1]),
        "both took {:?}",
        won[0].intersection(&won[1]).collect::<Vec<_>>()
    );
    let all: BTreeSet<_> = won[0].union(&won[1]).copied().collect();
    assert_eq!(all, ids.iter().copied().collect::<BTreeSet<_>>());
    let held = desktops[1].claims().unwrap();
    assert_eq!(held.len(), 50);
    for c in held {
        let mine = if won[0].contains(&c.channel_id) { A } else { B };
        assert_eq!(c.holder, mine, "channel {}", c.channel_id);
    }
}
