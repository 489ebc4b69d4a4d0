//! Disposal of removal records through the storage interface, on both
//! backends: the record's folder leaves the data directory and its rows
//! the register, the disposal log and the audit log keep what it was, two
//! desktops disposing of one record at once dispose of it once, and a
//! disposal killed after its move is finished by the next connection.

use std::path::PathBuf;

use ogonblick_model::{
    ChannelId, DisposalLogEntry, DisposedKind, Message, RemovalRecord, RetentionKind,
};
use ogonblick_store::{Register, StoreError};

use super::backends::{self, Backend};
use super::given_two_channels;
use super::stamps_disposal::{actions, assert_disposed_once, assert_other_channel, settle_killed};
use crate::common::png;
use crate::disposal::entry_of;
use crate::removals::{placeholder, record, supplied};

conformance!(
    disposal_of_a_removal_record_takes_its_folder_and_rows_and_logs_it,
    two_desktops_disposing_one_removal_record_at_once_dispose_it_once,
    a_removal_disposal_killed_after_the_move_is_finished_by_the_next_connection,
);

/// A removal record of channel `ch` with a screenshot supplied by hand (its
/// folder holds `removal.json` and the screenshot).
pub(super) fn given_removal(r: &dyn Register, ch: ChannelId, id: &str) -> RemovalRecord {
    let src = tempfile::tempdir().unwrap();
    let file = supplied(src.path(), "skärmbild.png", &png(8, 4, 1));
    r.add_removal(record(id, ch, placeholder()), Some(&file))
        .unwrap()
}

/// What and why a removal record is disposed of.
pub(super) fn disposal(r: &RemovalRecord, disposal_id: &str) -> DisposalLogEntry {
    let mut e = entry_of(r.channel_id, &r.id, disposal_id, Vec::new());
    e.item_kind = DisposedKind::Removal;
    e.rule_kind = RetentionKind::Removal;
    e
}

fn folder_path(b: &dyn Backend, r: &RemovalRecord) -> PathBuf {
    b.data_dir()
        .join(format!("channels/{}/removals/{}", r.channel_id, r.id))
}

fn disposal_of_a_removal_record_takes_its_folder_and_rows_and_logs_it(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, d) = given_two_channels(&*a);
    let old = given_removal(&*a, c.id, "rem-1");
    let kept = given_removal(&*a, c.id, "rem-2");
    let lock = a.disposal_lock().unwrap().expect("the run's lock");
    let done = a.dispose(disposal(&old, "d-1")).unwrap();
    drop(lock);
    let mut names: Vec<_> = done.files.iter().map(|f| f.name.as_str()).collect();
    names.sort();
    let base = format!("channels/{}/removals/rem-1", c.id);
    assert_eq!(
        names,
        [
            format!("{base}/removal.json"),
            format!("{base}/screenshot.png")
        ]
    );
    assert!(!folder_path(b, &old).exists());
    assert!(folder_path(b, &kept).join("removal.json").is_file());
    // Its rows are gone on every connection, the other record stays.
    let e = other.removal("rem-1").unwrap_err();
    assert!(
        matches!(e, StoreError::NotFound(Message::StoreNoRemoval { .. })),
        "{e:?}"
    );
    assert_eq!(other.removals(None).unwrap(), std::slice::from_ref(&kept));
    // The log keeps what it was; the audit log says it was done.
    assert_eq!(other.disposal_log().unwrap(), std::slice::from_ref(&done));
    assert_disposed_once(b, &*other, &done, 2);
    // Gone: a second disposal is refused and changes nothing.
    let e = other.dispose(disposal(&old, "d-2")).unwrap_err();
    assert!(
        matches!(e, StoreError::NotFound(Message::StoreNoRemoval { .. })),
        "{e:?}"
    );
    // A record under another channel's name is refused, and kept.
    let mut wrong = disposal(&kept, "d-3");
    wrong.channel_id = d.id;
    assert_other_channel(a.dispose(wrong).unwrap_err());
    assert_eq!(a.removals(Some(c.id)).unwrap(), [kept]);
    assert_eq!(a.disposal_log().unwrap().len(), 1);
    assert!(actions(&*a, d.id, "dispose.item").is_empty());
}

fn two_desktops_disposing_one_removal_record_at_once_dispose_it_once(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, _) = given_two_channels(&*a);
    let r = given_removal(&*a, c.id, "rem-1");
    let run = |reg: &dyn Register, id: &str| loop {
        if let Some(_lock) = reg.disposal_lock().unwrap() {
            break reg.dispose(disposal(&r, id));
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    let (x, y) = std::thread::scope(|sc| {
        let x = sc.spawn(|| run(&*a, "d-a"));
        let y = sc.spawn(|| run(&*other, "d-b"));
        (x.join().unwrap(), y.join().unwrap())
    });
    let ok: Vec<_> = [&x, &y]
        .into_iter()
        .filter_map(|x| x.as_ref().ok())
        .collect();
    assert_eq!(ok.len(), 1, "{x:?} {y:?}");
    assert_eq!(ok[0].files.len(), 2, "{:?}", ok[0]);
    assert_eq!(a.disposal_log().unwrap(), [ok[0].clone()]);
    assert_eq!(actions(&*a, c.id, "dispose.item").len(), 1);
    assert!(a.removals(None).unwrap().is_empty());
    assert!(!folder_path(b, &r).exists());
}

fn a_removal_disposal_killed_after_the_move_is_finished_by_the_next_connection(b: &dyn Backend) {
    let a = b.connect();
    let (c, _) = given_two_channels(&*a);
    let moved = given_removal(&*a, c.id, "rem-1");
    let kept = given_removal(&*a, c.id, "rem-2");
    drop(a);
    let next = settle_killed(
        b,
        disposal(&moved, "d-moved"),
        &folder_path(b, &moved),
        disposal(&kept, "d-kept"),
    );
    assert_eq!(next.removals(None).unwrap(), std::slice::from_ref(&kept));
    assert!(folder_path(b, &kept).join("screenshot.png").is_file());
    assert_eq!(actions(&*next, c.id, "dispose.item").len(), 1);
}
