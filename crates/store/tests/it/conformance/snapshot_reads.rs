//! Reading the snapshot index through the storage interface, on both
//! backends: one snapshot by id with its folder, and the lines a view
//! draws for the channels on its page (Översikt's calendar and timeline).

use chrono::Duration;
use ogonblick_model::Snapshot;
use ogonblick_model::{Message, SnapshotReason, SnapshotStatus};
use ogonblick_store::{SnapshotLine, StoreError};

use super::backends::{self, Backend};
use super::given_two_channels;
use super::snapshots::{brief, folder, record_it, snapshot};
use crate::common::{new_channel, t0};

conformance!(
    one_snapshot_by_id_with_its_folder_on_another_connection,
    lines_of_a_page_of_channels_in_the_order_asked_each_in_history_order,
);

fn one_snapshot_by_id_with_its_folder_on_another_connection(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, d) = given_two_channels(&*a);
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
    // A folder elsewhere than the usual place (a row written before
    // `record_snapshot` checked the folder): given back as recorded.
    record_it(&*a, &single);
    b.set_folder(&single.id, "moved/2026/post");
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

fn lines_of_a_page_of_channels_in_the_order_asked_each_in_history_order(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, d) = given_two_channels(&*a);
    let quiet = a
        .add_channel(&new_channel("Tyst", &["https://x.com/tyst"]), "anna")
        .unwrap();
    use SnapshotReason::{AdHoc, HalfYearly};
    use SnapshotStatus::{Complete, Failed, Partial};
    let at = t0() + Duration::hours(1);
    // Recorded out of order; three of c's start at the same moment, with
    // ids that sort one way by bytes and the other by Swedish rules.
    let mut single = snapshot(c.id, "c-single", AdHoc, Complete, t0() + Duration::days(2));
    single.single_address = Some("https://facebook.com/nacka/posts/1".into());
    let made = [
        snapshot(c.id, "k_a", AdHoc, Failed, at),
        snapshot(d.id, "d-late", HalfYearly, Partial, at + Duration::days(1)),
        snapshot(c.id, "k-b", HalfYearly, Complete, at),
        snapshot(c.id, "early", HalfYearly, Complete, t0()),
        snapshot(d.id, "d-early", AdHoc, Complete, t0()),
        snapshot(c.id, "K-late", HalfYearly, Partial, at),
        single,
    ];
    for s in &made {
        record_it(&*a, s);
    }
    let line = |id: &str| {
        let s: &Snapshot = made.iter().find(|s| s.id == id).unwrap();
        SnapshotLine {
            brief: brief(s),
            single_address: s.single_address.is_some(),
        }
    };
    let of_c = ["early", "K-late", "k-b", "k_a", "c-single"].map(line);
    let of_d = ["d-early", "d-late"].map(line);
    assert!(of_c[4].single_address && !of_c[0].single_address);
    // The page's order, not the register's; a channel without snapshots
    // and one not in the register have none.
    let page = other
        .snapshot_lines(&[d.id, quiet.id, c.id, c.id + d.id + 100])
        .unwrap();
    assert_eq!(page, [of_d.as_slice(), of_c.as_slice()].concat());
    assert_eq!(other.snapshot_lines(&[c.id]).unwrap(), of_c);
    assert_eq!(other.snapshot_lines(&[quiet.id]).unwrap(), []);
    assert_eq!(other.snapshot_lines(&[]).unwrap(), []);
}
