//! Trusted timestamps and disposal through the storage interface, on both
//! backends: the stamping state follows failures and tokens (files in the
//! snapshot's folder, rows in the register, the audit entries), and a
//! disposal takes a snapshot's files and rows away, logs it, and happens
//! once when two desktops dispose of the same snapshot at once.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::Duration;
use ogonblick_model::{
    AuditEvent, AuthorityStamp, ChannelId, DisposalLogEntry, DisposalLogLine, Message, Snapshot,
    SnapshotReason, SnapshotStatus, SnapshotTimestamp,
};
use ogonblick_store::{ChannelFilter, Register, StoreError};

use super::backends::{self, Backend};
use super::snapshots::{folder, snapshot};
use super::{given_channel, given_two_channels};
use crate::common::t0;
use crate::disposal::entry_of;

conformance!(
    stamping_state_follows_failures_and_tokens_on_every_connection,
    disposal_takes_the_files_and_rows_and_logs_what_it_was,
    two_desktops_disposing_one_snapshot_at_once_dispose_it_once,
    a_disposal_killed_before_or_after_the_move_is_settled_by_the_next_connection,
);

/// Puts a snapshot's folder in place (its PNG, and `timestamp.json` when
/// `stamping`) and records it, as a capture does.
pub(super) fn given_folder(b: &dyn Backend, r: &dyn Register, s: &Snapshot, stamping: bool) {
    put_folder(b, s, stamping);
    r.record_snapshot(s, &folder(s)).unwrap();
}

/// Puts a snapshot's folder in place as [`given_folder`] does, without its
/// row.
pub(super) fn put_folder(b: &dyn Backend, s: &Snapshot, stamping: bool) {
    let dir = folder_path(b, s);
    fs::create_dir_all(dir.join("page-0")).unwrap();
    fs::write(dir.join("page-0/page.png"), s.id.as_bytes()).unwrap();
    if stamping {
        let state = SnapshotTimestamp {
            format: SnapshotTimestamp::FORMAT.into(),
            snapshot_id: s.id.clone(),
            manifest_sha256: "ab".repeat(32),
            authorities: ["https://tsa.example/1", "https://tsa.example/2"]
                .map(|url| AuthorityStamp {
                    url: url.into(),
                    token: None,
                    time: None,
                    signer: None,
                    last_error: None,
                    attempts: 0,
                })
                .into(),
        };
        fs::write(
            dir.join(SnapshotTimestamp::FILE_NAME),
            serde_json::to_vec(&state).unwrap(),
        )
        .unwrap();
    }
}

pub(super) fn folder_path(b: &dyn Backend, s: &Snapshot) -> PathBuf {
    b.data_dir().join(folder(s))
}

pub(super) fn complete(ch: ChannelId, id: &str, hours: i64) -> Snapshot {
    snapshot(
        ch,
        id,
        SnapshotReason::HalfYearly,
        SnapshotStatus::Complete,
        t0() + Duration::hours(hours),
    )
}

/// The audit entries of a channel with this action.
pub(super) fn actions(r: &dyn Register, ch: ChannelId, action: &str) -> Vec<AuditEvent> {
    r.audit_log(Some(ch))
        .unwrap()
        .into_iter()
        .filter(|e| e.action == action)
        .map(|e| e.event)
        .collect()
}

fn stamping_state_follows_failures_and_tokens_on_every_connection(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, d) = given_two_channels(&*a);
    let s = complete(c.id, "2026-03-15-nacka", 0);
    let later = complete(c.id, "2026-03-16-nacka", 24);
    let plain = complete(d.id, "2026-03-15-kultur", 0);
    given_folder(b, &*a, &later, true);
    given_folder(b, &*a, &s, true);
    given_folder(b, &*a, &plain, false);
    // The folder's state is recorded with the row; oldest first.
    assert_eq!(
        other.pending_timestamps().unwrap(),
        [s.id.clone(), later.id.clone()]
    );
    assert_eq!(other.timestamp_state(&plain.id).unwrap(), None);
    assert!(other.timestamp_states_of_channel(d.id).unwrap().is_empty());

    let why = Message::StoreNotPending { id: "x".into() };
    let first = a
        .record_timestamp_failure(&s.id, 0, why.clone(), "Åsa")
        .unwrap();
    let again = other
        .record_timestamp_failure(&s.id, 0, why.clone(), "Åsa")
        .unwrap();
    assert_eq!(first.authorities[0].attempts, 1);
    assert_eq!(again.authorities[0].attempts, 2);
    assert_eq!(again.authorities[0].last_error, Some(why));
    // Audited once per run of failures.
    let pending = actions(&*a, c.id, "timestamp.pending");
    assert_eq!(pending.len(), 1, "{pending:?}");

    let at = t0() + Duration::minutes(5);
    let one = a
        .add_timestamp_token(&s.id, 0, b"reply 1", at, "CN=TSA 1", "Åsa")
        .unwrap();
    let name = "manifest-sha256.txt.1.tsr";
    assert_eq!(one.authorities[0].token.as_deref(), Some(name));
    assert_eq!(one.authorities[0].last_error, None);
    assert_eq!(one.authorities[0].attempts, 3);
    let dir = folder_path(b, &s);
    assert_eq!(fs::read(dir.join(name)).unwrap(), b"reply 1");
    let on_disk: SnapshotTimestamp =
        serde_json::from_slice(&fs::read(dir.join(SnapshotTimestamp::FILE_NAME)).unwrap()).unwrap();
    assert_eq!(on_disk, one);
    assert_eq!(other.timestamp_state(&s.id).unwrap(), Some(one.clone()));
    assert!(other.pending_timestamps().unwrap().contains(&s.id));
    let both = other
        .add_timestamp_token(&s.id, 1, b"reply 2", at, "CN=TSA 2", "Åsa")
        .unwrap();
    assert!(!both.is_pending());
    assert_eq!(a.pending_timestamps().unwrap(), [later.id.as_str()]);
    let added = actions(&*a, c.id, "timestamp.add");
    assert_eq!(
        added,
        [1, 2].map(|n| AuditEvent::TimestampAdded {
            snapshot_id: s.id.clone(),
            authority: format!("https://tsa.example/{n}"),
            token: format!("manifest-sha256.txt.{n}.tsr"),
            time: at,
        })
    );
    let states = a.timestamp_states().unwrap();
    assert_eq!(
        states.keys().collect::<Vec<_>>(),
        [&s.id, &later.id],
        "by snapshot id"
    );
    assert_eq!(states[&s.id], both);
    assert_eq!(a.timestamp_states_of_channel(c.id).unwrap(), states);

    // No such authority; a snapshot that was never stamped.
    let e = a
        .add_timestamp_token(&s.id, 5, b"x", at, "CN", "Åsa")
        .unwrap_err();
    assert!(
        matches!(
            e,
            StoreError::Invalid(Message::StoreNoAuthority { n: 6, .. })
        ),
        "{e:?}"
    );
    let e = a
        .record_timestamp_failure(
            &plain.id,
            0,
            Message::StoreNotPending { id: "y".into() },
            "Åsa",
        )
        .unwrap_err();
    assert!(
        matches!(e, StoreError::NotFound(Message::StoreNotPending { .. })),
        "{e:?}"
    );
    assert!(!folder_path(b, &plain)
        .join(SnapshotTimestamp::FILE_NAME)
        .exists());
}

/// What and why a snapshot is disposed of; the files are filled in by the
/// disposal.
pub(super) fn disposal(s: &Snapshot, disposal_id: &str) -> DisposalLogEntry {
    entry_of(s.channel_id, &s.id, disposal_id, Vec::new())
}

fn disposal_takes_the_files_and_rows_and_logs_what_it_was(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    let old = complete(c.id, "2019-03-15-nacka", 0);
    let new = complete(c.id, "2026-03-15-nacka", 24);
    given_folder(b, &*a, &old, true);
    given_folder(b, &*a, &new, false);
    let at = t0() + Duration::days(30);
    let lock = a.disposal_lock().unwrap().expect("the run's lock");
    let done = a.dispose(disposal(&old, "d-1")).unwrap();
    drop(lock);
    let names: Vec<_> = done.files.iter().map(|f| f.name.as_str()).collect();
    let base = folder(&old);
    assert_eq!(
        names,
        [
            format!("{base}/page-0/page.png"),
            format!("{base}/timestamp.json")
        ]
    );
    assert_eq!(done.files[0].size, old.id.len() as u64);
    assert!(!folder_path(b, &old).exists());
    assert!(folder_path(b, &new).is_dir());
    // Its rows are gone on every connection, the others stay.
    assert_eq!(
        other.snapshots(Some(c.id)).unwrap(),
        std::slice::from_ref(&new)
    );
    assert!(matches!(
        other.snapshot(&old.id),
        Err(StoreError::NotFound(Message::StoreNoSnapshot { .. }))
    ));
    assert_eq!(other.timestamp_state(&old.id).unwrap(), None);
    assert!(other.pending_timestamps().unwrap().is_empty());
    // The summaries follow in the same transaction.
    let listed = other.list_channels(&ChannelFilter::default()).unwrap();
    assert_eq!(listed[0].snapshot_count, 1);
    let h = other.history_summaries(at).unwrap();
    assert_eq!((h.len(), h[0].snapshots), (1, 1));
    assert_eq!(h[0].last.id, new.id);
    let good = other
        .latest_good_snapshots(t0() + Duration::hours(1))
        .unwrap();
    assert!(good.is_empty(), "{good:?}");
    let lines = other.snapshot_lines(&[c.id]).unwrap();
    assert_eq!(lines.len(), 1);
    // The log keeps what it was; the audit log says it was done.
    assert_eq!(other.disposal_log().unwrap(), std::slice::from_ref(&done));
    assert_disposed_once(b, &*other, &done, 2);
    // Gone: a second disposal is refused and changes nothing.
    let e = other.dispose(disposal(&old, "d-2")).unwrap_err();
    assert!(
        matches!(e, StoreError::NotFound(Message::StoreNoSnapshot { .. })),
        "{e:?}"
    );
    // Another channel's snapshot under this channel's name is refused.
    let mut wrong = disposal(&new, "d-3");
    wrong.channel_id = c.id + 1;
    assert_other_channel(a.dispose(wrong).unwrap_err());
    assert_eq!(a.disposal_log().unwrap().len(), 1);
    // The log is append-only in the database, for another tool too.
    for sql in [
        "UPDATE disposal_log SET item_id = 'x'",
        "DELETE FROM disposal_log",
    ] {
        let e = b.try_sql(sql).unwrap_err();
        assert!(e.contains("append-only"), "{sql}: {e}");
    }
    assert_eq!(other.disposal_log().unwrap(), std::slice::from_ref(&done));
}

/// `done` is the one disposal the audit log (`dispose.item` with `files`
/// files, under its channel) and the log file (its intent and its end)
/// hold.
pub(super) fn assert_disposed_once(
    b: &dyn Backend,
    r: &dyn Register,
    done: &DisposalLogEntry,
    files: u32,
) {
    assert_eq!(
        actions(r, done.channel_id, "dispose.item"),
        [AuditEvent::ItemDisposed {
            item_kind: done.item_kind,
            item_id: done.item_id.clone(),
            disposal_id: done.disposal_id.clone(),
            decision: "KS 2019/233".into(),
            files,
        }]
    );
    let log = fs::read_to_string(b.data_dir().join(DisposalLogLine::FILE_NAME)).unwrap();
    assert_eq!(log.lines().count(), 2, "begun and done: {log}");
}

/// `e` refuses a document disposed of under another channel's id.
pub(super) fn assert_other_channel(e: StoreError) {
    assert!(
        matches!(
            e,
            StoreError::Invalid(Message::StoreDisposalOtherChannel { .. })
        ),
        "{e:?}"
    );
}

fn two_desktops_disposing_one_snapshot_at_once_dispose_it_once(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let c = given_channel(&*a);
    let s = complete(c.id, "2019-03-15-nacka", 0);
    let t = complete(c.id, "2019-03-16-nacka", 24);
    given_folder(b, &*a, &s, false);
    given_folder(b, &*a, &t, false);
    // The run's lock holds across desktops, and lets go when dropped.
    let held = a.disposal_lock().unwrap().expect("the first run's lock");
    assert!(other.disposal_lock().unwrap().is_none(), "held by a");
    drop(held);
    let second = other.disposal_lock().unwrap().expect("free again");
    assert!(a.disposal_lock().unwrap().is_none(), "held by other");
    drop(second);

    // Both desktops run at once, each taking the lock in turn.
    let run = |r: &dyn Register, id: &str, item: &Snapshot| loop {
        if let Some(_lock) = r.disposal_lock().unwrap() {
            break r.dispose(disposal(item, id));
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    let (x, y) = std::thread::scope(|sc| {
        let x = sc.spawn(|| run(&*a, "d-a", &s));
        let y = sc.spawn(|| run(&*other, "d-b", &s));
        (x.join().unwrap(), y.join().unwrap())
    });
    check_once(&*a, c.id, &s, [x, y]);

    // Without the lock too (a caller that forgot it): once.
    let (x, y) = std::thread::scope(|sc| {
        let x = sc.spawn(|| a.dispose(disposal(&t, "d-c")));
        let y = sc.spawn(|| other.dispose(disposal(&t, "d-d")));
        (x.join().unwrap(), y.join().unwrap())
    });
    check_once(&*a, c.id, &t, [x, y]);
    for gone in [&s, &t] {
        assert!(!folder_path(b, gone).exists(), "{} left behind", gone.id);
    }
    assert_eq!(a.disposal_log().unwrap().len(), 2);
    assert!(a.snapshots(Some(c.id)).unwrap().is_empty());
    // Nothing is left open: the next desktop to connect finds nothing to do.
    let log = fs::read_to_string(b.data_dir().join(DisposalLogLine::FILE_NAME)).unwrap();
    let begun = log.matches("\"begun\"").count();
    let ended = log.matches("\"done\"").count() + log.matches("\"rolled-back\"").count();
    assert_eq!(begun, ended, "every intent has its end: {log}");
    let third = b.connect();
    assert_eq!(third.disposal_log().unwrap().len(), 2);
    assert!(third.list_channels(&ChannelFilter::default()).unwrap()[0].snapshot_count == 0);
}

/// One of two disposals of `s` happened, the other was refused.
fn check_once(
    r: &dyn Register,
    ch: ChannelId,
    s: &Snapshot,
    results: [ogonblick_store::Result<DisposalLogEntry>; 2],
) {
    let ok: Vec<_> = results.iter().filter_map(|x| x.as_ref().ok()).collect();
    assert_eq!(ok.len(), 1, "{results:?}");
    let logged: Vec<_> = r
        .disposal_log()
        .unwrap()
        .into_iter()
        .filter(|e| e.item_id == s.id)
        .collect();
    assert_eq!(logged, [ok[0].clone()]);
    assert_eq!(ok[0].files.len(), 1, "{:?}", ok[0]);
    let disposed = actions(r, ch, "dispose.item")
        .into_iter()
        .filter(|e| matches!(e, AuditEvent::ItemDisposed { item_id, .. } if *item_id == s.id))
        .count();
    assert_eq!(disposed, 1);
}

fn a_disposal_killed_before_or_after_the_move_is_settled_by_the_next_connection(b: &dyn Backend) {
    let a = b.connect();
    let c = given_channel(&*a);
    let moved = complete(c.id, "2019-03-15-nacka", 0);
    let kept = complete(c.id, "2019-03-16-nacka", 24);
    given_folder(b, &*a, &moved, false);
    given_folder(b, &*a, &kept, false);
    drop(a);
    let next = settle_killed(
        b,
        disposal(&moved, "d-moved"),
        &folder_path(b, &moved),
        disposal(&kept, "d-kept"),
    );
    assert_eq!(
        next.snapshots(Some(c.id)).unwrap(),
        std::slice::from_ref(&kept)
    );
    assert!(folder_path(b, &kept).join("page-0/page.png").is_file());
    assert_eq!(
        next.list_channels(&ChannelFilter::default()).unwrap()[0].snapshot_count,
        1
    );
}

/// Two disposals killed: `moved` after steps 1 and 2 (its folder `dir` in
/// `staging/dispose-d-moved`), `kept` after step 1 only; the next
/// connection (returned) finishes the first and rolls back the second.
pub(super) fn settle_killed(
    b: &dyn Backend,
    moved: DisposalLogEntry,
    dir: &Path,
    kept: DisposalLogEntry,
) -> Box<dyn Register> {
    let log = b.data_dir().join(DisposalLogLine::FILE_NAME);
    let mut lines = String::new();
    for entry in [moved, kept] {
        let line = DisposalLogLine::Begun { entry };
        lines += &format!("{}\n", serde_json::to_string(&line).unwrap());
    }
    fs::write(&log, lines).unwrap();
    let staged = b.data_dir().join("staging/dispose-d-moved");
    fs::create_dir_all(staged.parent().unwrap()).unwrap();
    fs::rename(dir, &staged).unwrap();

    let next = b.connect();
    let done: Vec<_> = next
        .disposal_log()
        .unwrap()
        .into_iter()
        .map(|e| e.disposal_id)
        .collect();
    assert_eq!(done, ["d-moved"]);
    assert!(!staged.exists());
    assert_moved_done_kept_rolled_back(&log);
    next
}

/// The log file ends `d-moved` done and `d-kept` rolled back.
fn assert_moved_done_kept_rolled_back(log: &Path) {
    let text = fs::read_to_string(log).unwrap();
    assert!(
        text.contains(r#""state":"done","disposal_id":"d-moved""#),
        "{text}"
    );
    assert!(
        text.contains(r#""state":"rolled-back","disposal_id":"d-kept""#),
        "{text}"
    );
}
