//! The snapshot index through the storage interface, on both backends:
//! recording (complete, partial, failed), the history, the channel list's
//! summary, the latest good snapshot per reason and the audit entry of each.
//! Only the index: the folder a row points at is the capture's business.

use chrono::Duration;
use ogonblick_model::{
    AuditEvent, ChannelId, CompletenessReport, FileRole, Message, PageRecord, Snapshot,
    SnapshotReason, SnapshotStatus, Timestamp,
};
use ogonblick_store::{ChannelFilter, LatestGood, Register, SnapshotBrief, StoreError};

use super::backends::{self, Backend};
use super::{given_channel, given_two_channels};
use crate::common::{new_channel, provenance, record, t0};

conformance!(
    snapshot_recorded_on_one_connection_is_in_anothers_history,
    failed_snapshot_shows_as_failed_and_the_list_says_so,
    latest_good_snapshot_per_channel_and_reason,
    two_connections_recording_snapshots_of_one_channel_at_once_both_land,
    history_orders_by_start_then_id_byte_for_byte,
    overview_summary_counts_failures_since_the_latest_good_one,
    a_row_may_point_only_at_the_snapshots_own_folder,
);

/// A snapshot of `channel` started at `at`: one page per status (a complete
/// one with its PNG, a failed one without files).
pub(crate) fn snapshot(
    channel: ChannelId,
    id: &str,
    reason: SnapshotReason,
    status: SnapshotStatus,
    at: Timestamp,
) -> Snapshot {
    let ok = status != SnapshotStatus::Failed;
    Snapshot {
        id: id.into(),
        channel_id: channel,
        reason,
        reason_note: None,
        reason_message: None,
        status,
        started_at: at,
        finished_at: at + Duration::seconds(30),
        operator: "Åsa".into(),
        pages: vec![PageRecord {
            url: "https://facebook.com/nacka".into(),
            ok,
            error: (!ok).then(|| "the page did not answer within 60 seconds".into()),
            error_sv: None,
            message: None,
            files: if ok {
                vec![record(FileRole::Png, "page-0/page.png", id.as_bytes())]
            } else {
                vec![]
            },
            report: CompletenessReport::default(),
            provenance: provenance(at),
        }],
        diary_number: Some("KS-2026/123".into()),
        single_address: None,
        files: Vec::new(),
    }
}

/// What the overview's summary and a view's lines show of a snapshot.
pub(super) fn brief(s: &Snapshot) -> SnapshotBrief {
    SnapshotBrief {
        id: s.id.clone(),
        channel_id: s.channel_id,
        reason: s.reason,
        status: s.status,
        started_at: s.started_at,
        finished_at: s.finished_at,
    }
}

pub(super) fn folder(s: &Snapshot) -> String {
    format!("channels/{}/snapshots/{}", s.channel_id, s.id)
}

pub(super) fn record_it(r: &dyn Register, s: &Snapshot) {
    r.record_snapshot(s, &folder(s)).unwrap();
}

fn ids(h: &[Snapshot]) -> Vec<&str> {
    h.iter().map(|s| s.id.as_str()).collect()
}

/// The `snapshot.commit` entries of a channel: (actor, snapshot, status).
fn stored_entries(r: &dyn Register, c: ChannelId) -> Vec<(String, String, SnapshotStatus)> {
    r.audit_log(Some(c))
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.event {
            AuditEvent::SnapshotStored {
                snapshot_id,
                status,
                ..
            } => {
                assert_eq!(e.action, "snapshot.commit");
                Some((e.actor, snapshot_id, status))
            }
            _ => None,
        })
        .collect()
}

fn snapshot_recorded_on_one_connection_is_in_anothers_history(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    let s = snapshot(
        c.id,
        "2026-03-15-nacka",
        SnapshotReason::HalfYearly,
        SnapshotStatus::Complete,
        t0(),
    );
    record_it(&*a, &s);
    assert_eq!(other.snapshots(Some(c.id)).unwrap(), vec![s.clone()]);
    assert_eq!(other.snapshots(None).unwrap(), vec![s.clone()]);
    let listed = other.list_channels(&ChannelFilter::default()).unwrap();
    assert_eq!(listed[0].snapshot_count, 1);
    assert_eq!(listed[0].last_snapshot_at, Some(t0()));
    assert_eq!(
        listed[0].last_snapshot_status,
        Some(SnapshotStatus::Complete)
    );
    assert_eq!(listed[0].last_complete_at, Some(t0()));
    assert_eq!(
        stored_entries(&*other, c.id),
        [("Åsa".to_string(), s.id.clone(), SnapshotStatus::Complete)]
    );
    // The same snapshot twice, a channel not in the register, a status its
    // pages contradict: refused, and nothing recorded or audited.
    match other.record_snapshot(&s, &folder(&s)).unwrap_err() {
        StoreError::Conflict(Message::StoreSnapshotExists { id }) => assert_eq!(id, s.id),
        e => panic!("expected the second record refused, got {e:?}"),
    }
    let mut stray = s.clone();
    stray.id = "stray".into();
    stray.channel_id = c.id + 100;
    assert!(matches!(
        a.record_snapshot(&stray, &folder(&stray)),
        Err(StoreError::NotFound(Message::StoreNoChannel { .. }))
    ));
    let mut liar = s.clone();
    liar.id = "liar".into();
    liar.pages[0].ok = false;
    assert!(matches!(
        a.record_snapshot(&liar, &folder(&liar)),
        Err(StoreError::Invalid(
            Message::StoreSnapshotInconsistent { .. }
        ))
    ));
    assert_eq!(ids(&a.snapshots(None).unwrap()), [s.id.as_str()]);
    assert_eq!(stored_entries(&*a, c.id).len(), 1);
}

fn failed_snapshot_shows_as_failed_and_the_list_says_so(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    let good = snapshot(
        c.id,
        "good",
        SnapshotReason::HalfYearly,
        SnapshotStatus::Complete,
        t0(),
    );
    let failed = snapshot(
        c.id,
        "failed",
        SnapshotReason::HalfYearly,
        SnapshotStatus::Failed,
        t0() + Duration::days(1),
    );
    record_it(&*a, &good);
    record_it(&*other, &failed);
    let history = a.snapshots(Some(c.id)).unwrap();
    assert_eq!(ids(&history), ["good", "failed"]);
    assert_eq!(history[1].status, SnapshotStatus::Failed);
    assert!(history[1].pages[0]
        .error
        .as_deref()
        .unwrap()
        .contains("60 seconds"));
    let listed = a.list_channels(&ChannelFilter::default()).unwrap();
    assert_eq!(listed[0].snapshot_count, 2);
    assert_eq!(listed[0].last_snapshot_at, Some(t0() + Duration::days(1)));
    assert_eq!(listed[0].last_snapshot_status, Some(SnapshotStatus::Failed));
    assert_eq!(listed[0].last_complete_at, Some(t0()));
    assert_eq!(
        stored_entries(&*a, c.id),
        [
            (
                "Åsa".to_string(),
                "good".to_string(),
                SnapshotStatus::Complete
            ),
            (
                "Åsa".to_string(),
                "failed".to_string(),
                SnapshotStatus::Failed
            ),
        ]
    );
    // A failed snapshot is never the latest good one.
    let latest = a.latest_good_snapshots(t0() + Duration::days(30)).unwrap();
    assert_eq!(latest.len(), 1);
    assert_eq!(latest[0].finished_at, good.finished_at);
}

fn latest_good_snapshot_per_channel_and_reason(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, d) = given_two_channels(&*a);
    let day = |n: i64| t0() + Duration::days(n);
    use SnapshotReason::{AdHoc, HalfYearly, MajorChange};
    use SnapshotStatus::{Complete, Failed, Partial};
    for (r, (ch, id, reason, status, at)) in [
        (c.id, "c1", HalfYearly, Complete, day(0)),
        (c.id, "c2", HalfYearly, Complete, day(1)),
        (c.id, "c3", HalfYearly, Partial, day(2)),
        (c.id, "c4", MajorChange, Complete, day(3)),
        (c.id, "c5", AdHoc, Failed, day(4)),
        (d.id, "d1", AdHoc, Complete, day(5)),
    ]
    .into_iter()
    .enumerate()
    {
        // Both desktops record, turn about.
        let r: &dyn Register = if r % 2 == 0 { &*a } else { &*other };
        record_it(r, &snapshot(ch, id, reason, status, at));
    }
    // A one-address capture never counts, however good.
    let mut single = snapshot(c.id, "c6", HalfYearly, Complete, day(6));
    single.single_address = Some("https://facebook.com/nacka/posts/1".into());
    record_it(&*a, &single);
    let done = |n: i64| day(n) + Duration::seconds(30);
    let good = |ch, reason, at| LatestGood {
        channel_id: ch,
        reason,
        finished_at: at,
    };
    assert_eq!(
        other.latest_good_snapshots(day(30)).unwrap(),
        [
            good(c.id, HalfYearly, done(1)),
            good(c.id, MajorChange, done(3)),
            good(d.id, AdHoc, done(5)),
        ]
    );
    // As it stood before the second snapshot finished.
    assert_eq!(
        a.latest_good_snapshots(done(1) - Duration::seconds(1))
            .unwrap(),
        [good(c.id, HalfYearly, done(0))]
    );
    assert!(a.latest_good_snapshots(t0()).unwrap().is_empty());
    // The list counts every snapshot, the one-address capture too.
    let listed = a.list_channels(&ChannelFilter::default()).unwrap();
    let counts: Vec<_> = listed.iter().map(|s| s.snapshot_count).collect();
    assert_eq!(counts, [6, 1]);
}

fn two_connections_recording_snapshots_of_one_channel_at_once_both_land(b: &dyn Backend) {
    let desktops: Vec<_> = (0..4).map(|_| b.connect()).collect();
    let c = given_channel(&*desktops[0]);
    std::thread::scope(|s| {
        for (i, r) in desktops.iter().enumerate() {
            s.spawn(move || {
                for k in 0..5 {
                    let at = t0() + Duration::minutes(k);
                    let id = format!("d{i}-{k}");
                    record_it(
                        &**r,
                        &snapshot(
                            c.id,
                            &id,
                            SnapshotReason::AdHoc,
                            SnapshotStatus::Complete,
                            at,
                        ),
                    );
                }
            });
        }
    });
    let history = desktops[3].snapshots(Some(c.id)).unwrap();
    assert_eq!(history.len(), 20);
    for i in 0..4 {
        for k in 0..5 {
            let id = format!("d{i}-{k}");
            assert!(history.iter().any(|s| s.id == id), "{id} is missing");
        }
    }
    assert_eq!(stored_entries(&*desktops[1], c.id).len(), 20);
    let listed = desktops[2]
        .list_channels(&ChannelFilter::default())
        .unwrap();
    assert_eq!(listed[0].snapshot_count, 20);
}

fn history_orders_by_start_then_id_byte_for_byte(b: &dyn Backend) {
    let r = b.connect();
    let c = given_channel(&*r);
    // Recorded out of order; three start at the same moment, and their ids
    // sort one way by bytes ('K' before 'k', '-' before '_') and the other
    // way by a language's rules (case and punctuation weigh last).
    let at = t0() + Duration::hours(1);
    for (id, status, start) in [
        ("k_a", SnapshotStatus::Failed, at),
        ("k-b", SnapshotStatus::Complete, at),
        ("early", SnapshotStatus::Complete, t0()),
        ("K-late", SnapshotStatus::Complete, at),
    ] {
        record_it(
            &*r,
            &snapshot(c.id, id, SnapshotReason::HalfYearly, status, start),
        );
    }
    let expected = ["early", "K-late", "k-b", "k_a"];
    assert_eq!(ids(&r.snapshots(Some(c.id)).unwrap()), expected);
    assert_eq!(ids(&r.snapshots(None).unwrap()), expected);
    // The list's latest is the last of that order.
    let listed = r.list_channels(&ChannelFilter::default()).unwrap();
    assert_eq!(listed[0].last_snapshot_at, Some(at));
    assert_eq!(listed[0].last_snapshot_status, Some(SnapshotStatus::Failed));
}

fn overview_summary_counts_failures_since_the_latest_good_one(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, d) = given_two_channels(&*a);
    a.add_channel(&new_channel("Tyst", &["https://x.com/tyst"]), "anna")
        .unwrap();
    let day = |n: i64| t0() + Duration::days(n);
    use SnapshotReason::{AdHoc, HalfYearly};
    use SnapshotStatus::{Complete, Failed, Partial};
    let made = [
        // Failed before the good one finished: not a failure since.
        snapshot(c.id, "c0", AdHoc, Failed, day(0) - Duration::hours(1)),
        snapshot(c.id, "c1", HalfYearly, Complete, day(0)),
        snapshot(c.id, "c2", AdHoc, Failed, day(1)),
        snapshot(c.id, "c3", HalfYearly, Partial, day(2)),
        snapshot(d.id, "d1", AdHoc, Failed, day(4)),
    ];
    for s in &made {
        record_it(&*other, s);
    }
    // A one-address capture is not the channel's history.
    let mut single = snapshot(c.id, "c4", HalfYearly, Complete, day(3));
    single.single_address = Some("https://facebook.com/nacka/posts/1".into());
    record_it(&*a, &single);
    let now = a.history_summaries(day(30)).unwrap();
    let seen: Vec<_> = now
        .iter()
        .map(|h| {
            (
                h.channel_id,
                h.snapshots,
                h.failures,
                h.last.clone(),
                h.last_good.clone(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (c.id, 4, 2, brief(&made[3]), Some(brief(&made[1]))),
            (d.id, 1, 1, brief(&made[4]), None),
        ]
    );
    // As it stood before c2 finished.
    let then = other
        .history_summaries(day(1) + Duration::seconds(10))
        .unwrap();
    assert_eq!(then.len(), 1);
    assert_eq!((then[0].snapshots, then[0].failures), (2, 0));
    assert_eq!(then[0].last, brief(&made[1]));
}

fn a_row_may_point_only_at_the_snapshots_own_folder(b: &dyn Backend) {
    let r = b.connect();
    let (c, d) = given_two_channels(&*r);
    let s = snapshot(
        c.id,
        "s-1",
        SnapshotReason::HalfYearly,
        SnapshotStatus::Complete,
        t0(),
    );
    let own = folder(&s);
    let refused = [
        String::new(),
        format!("/srv/ogonblick/{own}"),
        format!("{own}/.."),
        format!("channels/{}/snapshots/../../{}/snapshots/s-1", d.id, c.id),
        format!("channels/{}/snapshots/s-1", d.id),
        format!("channels/{}/snapshots/s-2", c.id),
        format!("channels/{}/snapshots/s-1/", c.id),
        format!("channels\\{}\\snapshots\\s-1", c.id),
        "../elsewhere".to_string(),
    ];
    for bad in &refused {
        match r.record_snapshot(&s, bad).unwrap_err() {
            StoreError::Invalid(Message::StoreBadSnapshotFolder { folder, expected }) => {
                assert_eq!((&folder, &expected), (bad, &own));
            }
            e => panic!("expected {bad:?} refused as the snapshot's folder, got {e:?}"),
        }
    }
    // Nothing recorded or audited; its own folder is recorded.
    assert!(r.snapshots(None).unwrap().is_empty());
    assert!(stored_entries(&*r, c.id).is_empty());
    r.record_snapshot(&s, &own).unwrap();
    assert_eq!(r.snapshot("s-1").unwrap().1, own);
}
