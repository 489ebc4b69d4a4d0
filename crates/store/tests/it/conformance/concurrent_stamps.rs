//! Two desktops stamping one snapshot at once, on both backends: one adds
//! an authority's token while the other records another authority's
//! failure; neither change is lost (the row, `timestamp.json` and the
//! audit log agree).

use std::fs;
use std::sync::Barrier;

use chrono::Duration;
use ogonblick_model::{Message, SnapshotTimestamp};

use super::backends::{self, Backend};
use super::given_channel;
use super::stamps_disposal::{actions, complete, folder_path, given_folder};
use crate::common::t0;

conformance!(two_desktops_stamping_one_snapshot_at_once_lose_nothing);

fn two_desktops_stamping_one_snapshot_at_once_lose_nothing(b: &dyn Backend) {
    const ROUNDS: usize = 12;
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    let snapshots: Vec<_> = (0..ROUNDS)
        .map(|i| complete(c.id, &format!("2026-03-{:02}-nacka", i + 1), i as i64))
        .collect();
    for s in &snapshots {
        given_folder(b, &*a, s, true);
    }
    let at = t0() + Duration::minutes(5);
    let why = Message::StoreNotPending { id: "x".into() };
    // One scope a round, each thread waiting at the barrier once, first:
    // a failed call ends its round instead of leaving the other thread
    // waiting at the next round's barrier for ever.
    for s in &snapshots {
        let start = Barrier::new(2);
        std::thread::scope(|sc| {
            sc.spawn(|| {
                start.wait();
                a.add_timestamp_token(&s.id, 0, s.id.as_bytes(), at, "CN=TSA 1", "Åsa")
                    .unwrap();
                a.add_timestamp_token(&s.id, 0, s.id.as_bytes(), at, "CN=TSA 1", "Åsa")
                    .unwrap();
            });
            sc.spawn(|| {
                start.wait();
                other
                    .record_timestamp_failure(&s.id, 1, why.clone(), "Bo")
                    .unwrap();
                other
                    .record_timestamp_failure(&s.id, 1, why.clone(), "Bo")
                    .unwrap();
            });
        });
    }
    for s in &snapshots {
        let state = other.timestamp_state(&s.id).unwrap().expect("its row");
        let [first, second] = &state.authorities[..] else {
            panic!("two authorities: {state:?}")
        };
        assert_eq!(
            first.token.as_deref(),
            Some("manifest-sha256.txt.1.tsr"),
            "{}: the token is kept",
            s.id
        );
        assert_eq!((first.attempts, second.attempts), (2, 2), "{state:?}");
        assert_eq!(second.last_error.as_ref(), Some(&why), "{state:?}");
        let dir = folder_path(b, s);
        let on_disk: SnapshotTimestamp =
            serde_json::from_slice(&fs::read(dir.join(SnapshotTimestamp::FILE_NAME)).unwrap())
                .unwrap();
        assert_eq!(on_disk, state, "timestamp.json agrees with the row");
        assert_eq!(
            fs::read(dir.join("manifest-sha256.txt.1.tsr")).unwrap(),
            s.id.as_bytes()
        );
    }
    // The audit log holds every token and each run of failures once.
    assert_eq!(actions(&*a, c.id, "timestamp.add").len(), 2 * ROUNDS);
    assert_eq!(actions(&*a, c.id, "timestamp.pending").len(), ROUNDS);
}
