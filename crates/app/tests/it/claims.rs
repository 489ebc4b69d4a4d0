//! A capture's claim of its channel in the register (issue 15,
//! `capture/lock.rs`): one run at a time per channel, across desktops and
//! within one process; a claim of a process gone from this machine taken
//! over at once, another machine's left to its lease; a claim lost while
//! capturing stops the capture without storing a snapshot.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ogonblick_app::{CaptureRequest, ChannelCapture};
use ogonblick_model::{
    CancelToken, ErrorCode, FixedClock, Message, NewChannel, NoProgress, Platform, SnapshotReason,
};

use crate::fixture::{add, open_at, t};

const LEASE: Duration = Duration::from_secs(300);

fn my_host() -> String {
    let owner = ogonblick_app::store::staging_owner();
    owner.split('.').next().unwrap().to_string()
}

#[test]
fn claims_exclude_a_second_run_of_this_and_another_desktop_until_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z")));
    let app = open_at(dir.path(), clock.clone());
    let other_desktop = open_at(dir.path(), clock);
    let id = add(&app, "Kultur", None, None, None);
    let held = app.try_lock_channel(id).unwrap().expect("free");
    assert!(held
        .holder()
        .starts_with(ogonblick_app::store::staging_owner()));
    assert!(app.try_lock_channel(id).unwrap().is_none(), "same process");
    assert!(other_desktop.try_lock_channel(id).unwrap().is_none());
    let claims = app.store().claims().unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!(
        (claims[0].channel_id, claims[0].holder.as_str()),
        (id, held.holder())
    );
    drop(held);
    assert!(app.store().claims().unwrap().is_empty(), "released on drop");
    let again = other_desktop
        .try_lock_channel(id)
        .unwrap()
        .expect("free again");
    drop(again);
    assert!(app.try_lock_channel(id + 100).is_err(), "no such channel");
}

#[test]
fn claims_of_a_process_gone_from_this_machine_are_taken_over_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let app = open_at(
        dir.path(),
        Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z"))),
    );
    let id = add(&app, "Kultur", None, None, None);
    let store = app.store();
    // A process of this machine that still runs holds it: left alone.
    let mut alive = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let holder = format!("{}.{}.1f.1", my_host(), alive.id());
    assert!(store.claim_channel(id, &holder, LEASE).unwrap());
    assert!(app.try_lock_channel(id).unwrap().is_none());
    // The process ends (a crash): its claim is taken over at once, not
    // after the lease.
    alive.kill().unwrap();
    alive.wait().unwrap();
    let taken = app.try_lock_channel(id).unwrap().expect("taken over");
    assert_eq!(store.claims().unwrap()[0].holder, taken.holder());
    drop(taken);
    // An earlier process that had this process's pid.
    let me = format!("{}.{}.0.1", my_host(), std::process::id());
    assert!(store.claim_channel(id, &me, LEASE).unwrap());
    drop(
        app.try_lock_channel(id)
            .unwrap()
            .expect("an earlier start's claim"),
    );
    // Another machine's claim waits for its lease, whatever its pid.
    let elsewhere = format!("{}-annan.{}.1f.1", my_host(), u32::MAX - 7);
    assert!(store.claim_channel(id, &elsewhere, LEASE).unwrap());
    assert!(app.try_lock_channel(id).unwrap().is_none());
    assert_eq!(store.claims().unwrap()[0].holder, elsewhere);
    // The refusal names that machine, so the user knows whom to wait for;
    // a run of this machine is not named.
    let busy = app.busy_message(id);
    assert_eq!(
        busy,
        Message::ChannelBusyOn {
            id,
            host: format!("{}-annan", my_host())
        }
    );
    assert!(busy
        .render(ogonblick_model::Language::Sv)
        .contains(&format!("från datorn {}-annan", my_host())));
    store.release_claim(id, &elsewhere).unwrap();
    let mine = app.try_lock_channel(id).unwrap().expect("free");
    assert_eq!(app.busy_message(id), Message::AddressBusy { id });
    drop(mine);
}

#[test]
fn claims_lost_to_another_run_are_noticed_by_the_renewal() {
    let dir = tempfile::tempdir().unwrap();
    let app = open_at(
        dir.path(),
        Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z"))),
    )
    .with_claim_lease(Duration::from_millis(150));
    let id = add(&app, "Kultur", None, None, None);
    let held = app.try_lock_channel(id).unwrap().expect("free");
    // Renewed while held: the lease is extended, the claim stays.
    std::thread::sleep(Duration::from_millis(400));
    assert!(!held.lost());
    held.check().unwrap();
    // Another desktop takes it over (its lease ran out while this one was
    // cut off from the register).
    let thief = "annan-dator.4242.1f.1";
    app.store().release_claim(id, held.holder()).unwrap();
    assert!(app.store().claim_channel(id, thief, LEASE).unwrap());
    let start = Instant::now();
    while !held.lost() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let e = held.check().unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert_eq!(e.message(), Message::CaptureClaimLost { id });
    // Dropping the lost claim leaves the other's alone.
    drop(held);
    assert_eq!(app.store().claims().unwrap()[0].holder, thief);
}

#[test]
fn claims_lost_mid_capture_store_nothing_and_say_so() {
    taken_over_mid_capture(Duration::from_millis(150));
}

/// The renewal thread never runs during this capture (a lease of five
/// minutes): only the renewal just before the commit can see the claim is
/// gone, as after a network outage or a suspended laptop.
#[test]
fn claims_lost_unnoticed_by_the_renewals_are_caught_before_the_commit() {
    taken_over_mid_capture(LEASE);
}

/// Another desktop takes the channel over as soon as a capture holds it.
fn taken_over_mid_capture(lease: Duration) {
    let site = ogonblick_testsite::TestSite::start().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let app = open_at(
        dir.path(),
        Arc::new(FixedClock::new(t("2026-09-01T08:00:00Z"))),
    )
    .with_claim_lease(lease);
    let id = app
        .add_channel(NewChannel {
            name: "Kommunen på Facebook".into(),
            platform: Some(Platform::Facebook),
            urls: vec![site.url("/facebook"), site.url("/tall?h=1500")],
            ..Default::default()
        })
        .unwrap()
        .id;
    let request = CaptureRequest {
        channel_ids: vec![id],
        reason: SnapshotReason::HalfYearly,
        reason_note: None,
        reason_message: None,
    };
    let thief = "annan-dator.4242.1f.1";
    let outcome = std::thread::scope(|s| {
        let run = s.spawn(|| app.capture(&request, &NoProgress, &CancelToken::new()));
        // As soon as the run holds the channel, another desktop takes it.
        let start = Instant::now();
        loop {
            let claims = app.store().claims().unwrap();
            if let Some(c) = claims.first() {
                app.store().release_claim(id, &c.holder).unwrap();
                assert!(app.store().claim_channel(id, thief, LEASE).unwrap());
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "never claimed");
            std::thread::sleep(Duration::from_millis(5));
        }
        run.join().unwrap()
    });
    let outcome = outcome.unwrap();
    assert!(
        matches!(&outcome[..], [ChannelCapture::Skipped { channel_id, message }]
            if *channel_id == id && *message == Message::CaptureClaimLost { id }),
        "{outcome:?}"
    );
    assert!(app.history(Some(id)).unwrap().is_empty(), "nothing stored");
    assert_eq!(app.store().claims().unwrap()[0].holder, thief);
    let staging = std::fs::read_dir(dir.path().join("staging"))
        .map(|d| d.filter(|e| e.as_ref().unwrap().path().is_dir()).count())
        .unwrap_or(0);
    assert_eq!(staging, 0, "the staging folder is thrown away");
}
