//! A snapshot folder a capture put in place without its row (killed after
//! its rename), on both backends: the next connection records it, with
//! its stamping state, its audit entry and the channel's summary, once.

use std::fs;

use ogonblick_model::{SnapshotManifest, SnapshotTimestamp};
use ogonblick_store::ChannelFilter;

use super::backends::{self, Backend};
use super::given_channel;
use super::snapshots::folder;
use super::stamps_disposal::{actions, complete, folder_path, given_folder, put_folder};

conformance!(a_snapshot_folder_without_its_row_is_recorded_by_the_next_connection);

fn a_snapshot_folder_without_its_row_is_recorded_by_the_next_connection(b: &dyn Backend) {
    let a = b.connect();
    let c = given_channel(&*a);
    let kept = complete(c.id, "2026-03-15-nacka", 0);
    let lost = complete(c.id, "2026-03-16-nacka", 24);
    given_folder(b, &*a, &kept, false);
    put_folder(b, &lost, true);
    let manifest = SnapshotManifest {
        format: SnapshotManifest::FORMAT.into(),
        snapshot: lost.clone(),
        channel: c.clone(),
    };
    let dir = folder_path(b, &lost);
    fs::write(
        dir.join(SnapshotManifest::FILE_NAME),
        serde_json::to_vec(&manifest).unwrap(),
    )
    .unwrap();
    drop(a);

    let next = b.connect();
    assert_eq!(next.snapshots(Some(c.id)).unwrap(), [kept, lost.clone()]);
    let (_, recorded_dir) = next.snapshot(&lost.id).unwrap();
    assert_eq!(recorded_dir, folder(&lost));
    let state = next.timestamp_state(&lost.id).unwrap().expect("its state");
    let on_disk: SnapshotTimestamp =
        serde_json::from_slice(&fs::read(dir.join(SnapshotTimestamp::FILE_NAME)).unwrap()).unwrap();
    assert_eq!(state, on_disk);
    assert_eq!(next.pending_timestamps().unwrap(), [lost.id.as_str()]);
    let listed = next.list_channels(&ChannelFilter::default()).unwrap();
    assert_eq!(listed[0].snapshot_count, 2);
    let h = next
        .history_summaries(lost.finished_at + chrono::Duration::days(1))
        .unwrap();
    assert_eq!(
        (h[0].snapshots, h[0].last.id.as_str()),
        (2, lost.id.as_str())
    );
    assert_eq!(actions(&*next, c.id, "snapshot.commit").len(), 2);
    // Recorded once: the next connection finds nothing to do.
    drop(next);
    let third = b.connect();
    assert_eq!(third.snapshots(None).unwrap().len(), 2);
    assert_eq!(actions(&*third, c.id, "snapshot.commit").len(), 2);
}
