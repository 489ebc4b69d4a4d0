//! Reading the snapshot index through the storage interface, on both
//! backends: one snapshot by id with its folder, and the lines a view
//! draws for the channels on its page (Översikt's calendar and timeline).

use chrono::Duration;
use ogonblick_model::{Message, SnapshotReason, SnapshotStatus};
use ogonblick_store::StoreError;

use super::backends::{self, Backend};
use super::given_channel;
use super::snapshots::{folder, record_it, snapshot};
use crate::common::{new_channel, t0};

conformance!(one_snapshot_by_id_with_its_folder_on_another_connection,);

fn one_snapshot_by_id_with_its_folder_on_another_connection(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    let d = a
        .add_channel(&new_channel("Kultur", &["https://x.com/kultur"]), "anna")
        .unwrap();
    use SnapshotReason::{AdHoc, HalfYearly};
    use SnapshotStatus::{Complete, Failed};
    let good = snapshot(c.id, "2026-03-15-nacka", HalfYearly, Complete, t0());
    let failed = snapshot(
        d.id,
        "2026-03-16-kultur",
        AdHoc,
        Failed,
        t0() + Duration::days(1),
    );
    let mut single = snapshot(
        c.id,
        "2026-03-17-post",
        AdHoc,
        Complete,
        t0() + Duration::days(2),
    );
    single.single_address = Some("https://facebook.com/nacka/posts/1".into());
    record_it(&*a, &good);
    record_it(&*a, &failed);
    // A folder elsewhere than the usual place: given back as recorded.
    a.record_snapshot(&single, "moved/2026/post").unwrap();
    assert_eq!(
        other.snapshot(&good.id).unwrap(),
        (good.clone(), folder(&good))
    );
    assert_eq!(
        other.snapshot(&failed.id).unwrap(),
        (failed.clone(), folder(&failed))
    );
    assert_eq!(
        other.snapshot(&single.id).unwrap(),
        (single.clone(), "moved/2026/post".to_string())
    );
    // Ids are exact: no other case, no prefix, no pattern.
    for missing in ["2026-03-15-NACKA", "2026-03-15", "2026-03-15-nack_", "%"] {
        match other.snapshot(missing).unwrap_err() {
            StoreError::NotFound(Message::StoreNoSnapshot { id }) => assert_eq!(id, missing),
            e => panic!("expected {missing} not found, got {e:?}"),
        }
    }
}
