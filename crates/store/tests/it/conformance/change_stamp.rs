//! The register's change stamp ([`Register::change_stamp`]), on both
//! backends: what a desktop polls to see changes made on another. Each kind
//! of change made on one connection moves the stamp the other reads; reads
//! and refused changes do not.

use ogonblick_model::{
    ChannelPatch, MarkFlags, MarkedKind, OrgSettings, Role, SnapshotReason, SnapshotStatus,
};
use ogonblick_store::{ChangeStamp, RegisterExt};

use super::backends::{self, Backend};
use super::given_two_channels;
use super::snapshots::snapshot;
use crate::common::t0;
use crate::removals::{record, supplied};

conformance!(every_kind_of_change_moves_the_stamp_another_connection_reads,);

fn every_kind_of_change_moves_the_stamp_another_connection_reads(b: &dyn Backend) {
    let (a, watcher) = (b.connect(), b.connect());
    let mut seen = watcher.change_stamp(0).unwrap();
    assert_eq!(seen, ChangeStamp::default(), "an empty register");
    let moved = |what: &str, seen: &mut ChangeStamp| {
        let now = watcher.change_stamp(0).unwrap();
        assert_ne!(now, *seen, "{what} did not move the stamp");
        assert!(now.last > seen.last && now.after > seen.after, "{what}");
        *seen = now;
    };
    let (c, d) = given_two_channels(&*a);
    moved("adding channels", &mut seen);
    let patch = ChannelPatch {
        responsible: Some("Anna Berg".into()),
        ..Default::default()
    };
    a.edit_channel(c.id, &patch, "anna").unwrap();
    moved("a channel edit", &mut seen);
    // Reads and an edit that changes nothing leave it.
    a.channel(c.id).unwrap();
    a.audit_log(None).unwrap();
    a.edit_channel(c.id, &patch, "anna").unwrap();
    assert_eq!(watcher.change_stamp(0).unwrap(), seen, "nothing changed");
    a.start_closure(d.id, "anna").unwrap();
    moved("a closure step", &mut seen);
    a.set_setting(
        &OrgSettings {
            name: "Nacka kommun".into(),
            ..Default::default()
        },
        "admin",
    )
    .unwrap();
    moved("a setting", &mut seen);
    a.set_roles("bo", &[Role::Arkivarie], &[], "anna", Some("anna"))
        .unwrap();
    moved("a role", &mut seen);
    let s = snapshot(
        c.id,
        "s-1",
        SnapshotReason::HalfYearly,
        SnapshotStatus::Complete,
        t0(),
    );
    a.record_snapshot(&s, "channels/1/snapshots/s-1").unwrap();
    moved("a snapshot committed", &mut seen);
    let src = tempfile::tempdir().unwrap();
    let file = supplied(src.path(), "bild.png", &crate::common::png(4, 4, 1));
    a.add_removal(
        record("rem-1", c.id, crate::removals::placeholder()),
        Some(&file),
    )
    .unwrap();
    moved("a removal record", &mut seen);
    let flags = MarkFlags {
        personal_data: true,
        secrecy: None,
        note: None,
    };
    a.set_mark(MarkedKind::Snapshot, "s-1", Some(flags), "anna")
        .unwrap();
    moved("a mark", &mut seen);
    a.set_mark(MarkedKind::Snapshot, "s-1", None, "anna")
        .unwrap();
    moved("a mark cleared", &mut seen);
    a.remove_roles("bo", "anna").unwrap();
    moved("a role removed", &mut seen);
    // A refused change leaves it.
    assert!(a.remove_roles("bo", "anna").is_err());
    assert_eq!(watcher.change_stamp(0).unwrap(), seen, "a refusal");
    // Counting after a later `since` counts only the newer entries.
    let half = seen.last - 2;
    assert_eq!(
        watcher.change_stamp(half).unwrap(),
        ChangeStamp {
            last: seen.last,
            after: 2
        }
    );
}

/// PostgreSQL numbers an entry when it is inserted and shows it when its
/// transaction commits, so an entry can appear after a later-numbered one
/// (here: another tool's transaction, open while a desktop edits). The
/// newest number does not move then; the count after a `since` below both
/// does, which is why the desktop's poll compares the whole stamp.
#[test]
fn postgres_an_entry_committed_after_a_later_numbered_one_still_moves_the_stamp() {
    let Some(b) = backends::Postgres::new("late_commit") else {
        return;
    };
    let r = b.connect();
    let (c, _) = given_two_channels(&*r);
    let since = r.change_stamp(i64::MAX).unwrap().last - 1;
    let mut late = b
        .config()
        .connect(ogonblick_store::postgres::NoTls)
        .unwrap();
    let mut tx = late.transaction().unwrap();
    tx.execute(
        "INSERT INTO audit_log (at, actor, action, channel_id, detail)
         VALUES ('2026-01-01T00:00:00Z', 'verktyg', 'settings.set', NULL, 'set by another tool')",
        &[],
    )
    .unwrap();
    let patch = ChannelPatch {
        notes: Some("ändrad".into()),
        ..Default::default()
    };
    r.edit_channel(c.id, &patch, "anna").unwrap();
    let before = r.change_stamp(since).unwrap();
    tx.commit().unwrap();
    drop(late);
    let after = r.change_stamp(since).unwrap();
    assert_eq!(after.last, before.last, "the newest number did not move");
    assert_eq!(after.after, before.after + 1);
    assert_ne!(after, before);
}
