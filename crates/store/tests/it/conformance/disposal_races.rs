//! Writes into a document's folder racing its disposal, on both backends:
//! a new version of a removal record, a timestamp token of a snapshot. A
//! write into a folder that disposal moved away is refused with nothing
//! written, so the folder never comes back (the next open would record
//! the record again); a record's disposal holds the record's lock, so a
//! version and a disposal never interleave. And a row's folder is used only
//! when it is the document's own.

use std::fs;
use std::sync::Barrier;

use chrono::Duration;
use ogonblick_model::{AuditEvent, Message, RemovalManifest, RemovalRecord};
use ogonblick_store::StoreError;
use sha2::{Digest, Sha256};

use super::backends::{self, Backend};
use super::given_two_channels;
use super::removal_disposal::{disposal as removal_disposal, given_removal};
use super::stamps_disposal::{complete, disposal, given_folder};
use crate::common::t0;

conformance!(
    a_version_of_a_record_whose_folder_moved_away_is_refused_and_nothing_is_written,
    a_token_for_a_snapshot_whose_folder_moved_away_is_refused_and_nothing_is_written,
    versions_racing_the_disposal_of_their_record_never_bring_it_back,
    tokens_racing_the_disposal_of_their_snapshot_never_bring_it_back,
    a_folder_outside_the_data_directory_or_not_the_records_own_is_refused,
);

fn corrected(version: u32) -> AuditEvent {
    AuditEvent::RemovalCorrected {
        removal_id: "x".into(),
        version,
    }
}

fn correction(r: &RemovalRecord) -> RemovalRecord {
    let mut fix = r.clone();
    fix.recorded_by = "Pär Ähl".into();
    fix
}

fn assert_gone(e: StoreError) {
    assert!(
        matches!(e, StoreError::NotFound(Message::StoreFolderGone { .. })),
        "{e:?}"
    );
}

fn a_version_of_a_record_whose_folder_moved_away_is_refused_and_nothing_is_written(
    b: &dyn Backend,
) {
    let a = b.connect();
    let (c, _) = given_two_channels(&*a);
    let v1 = given_removal(&*a, c.id, "rem-1");
    let (_, folder) = a.removal("rem-1").unwrap();
    let dir = b.data_dir().join(&folder);
    // As disposal's step 2 does: the folder leaves the store in one step.
    let away = b.data_dir().join("staging/dispose-d-1");
    fs::rename(&dir, &away).unwrap();
    assert_gone(
        a.add_removal_version(correction(&v1), &corrected)
            .unwrap_err(),
    );
    assert!(!dir.exists(), "the folder came back");
    assert_eq!(a.removal("rem-1").unwrap().0, std::slice::from_ref(&v1));
    assert_eq!(a.audit_log_of_action("removal.correct").unwrap(), []);
    let names: Vec<_> = fs::read_dir(&away)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

fn a_token_for_a_snapshot_whose_folder_moved_away_is_refused_and_nothing_is_written(
    b: &dyn Backend,
) {
    let a = b.connect();
    let (c, _) = given_two_channels(&*a);
    let s = complete(c.id, "2026-03-15-nacka", 0);
    given_folder(b, &*a, &s, true);
    let dir = a.snapshot(&s.id).unwrap().1;
    let dir = b.data_dir().join(dir);
    fs::rename(&dir, b.data_dir().join("staging/dispose-d-1")).unwrap();
    let before = a.timestamp_state(&s.id).unwrap();
    let at = t0() + Duration::minutes(5);
    assert_gone(
        a.add_timestamp_token(&s.id, 0, b"reply 1", at, "CN=TSA 1", "Åsa")
            .unwrap_err(),
    );
    let why = Message::StoreNotPending { id: "x".into() };
    assert_gone(
        a.record_timestamp_failure(&s.id, 1, why, "Åsa")
            .unwrap_err(),
    );
    assert!(!dir.exists(), "the folder came back");
    assert_eq!(a.timestamp_state(&s.id).unwrap(), before);
    assert_eq!(a.audit_log_of_action("timestamp.add").unwrap(), []);
}

const ROUNDS: usize = 6;

fn versions_racing_the_disposal_of_their_record_never_bring_it_back(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, _) = given_two_channels(&*a);
    for round in 0..ROUNDS {
        let id = format!("rem-{round}");
        let v1 = given_removal(&*a, c.id, &id);
        let dir = b.data_dir().join(a.removal(&id).unwrap().1);
        let go = Barrier::new(2);
        let (disposed, added) = std::thread::scope(|sc| {
            let d = sc.spawn(|| {
                // Unwrapped after the barrier: a failure must not leave the
                // other thread waiting at it for ever.
                let run = a.disposal_lock();
                go.wait();
                let _run = run.unwrap().expect("the run's lock");
                a.dispose(removal_disposal(&v1, &format!("d-{round}")))
            });
            let v = sc.spawn(|| {
                go.wait();
                let mut versions = vec![v1.clone()];
                for _ in 0..20 {
                    match other.add_removal_version(correction(&v1), &corrected) {
                        Ok(v) => versions.push(v),
                        Err(e) => return (versions, Some(e)),
                    }
                }
                (versions, None)
            });
            (d.join().unwrap(), v.join().unwrap())
        });
        let done = disposed.unwrap();
        let (versions, refused) = added;
        if let Some(e) = &refused {
            assert!(
                matches!(
                    e,
                    StoreError::NotFound(
                        Message::StoreFolderGone { .. } | Message::StoreNoRemoval { .. }
                    ) | StoreError::Conflict(Message::StoreRemovalBusy { .. })
                ),
                "round {round}: {e:?}"
            );
        }
        assert!(!dir.exists(), "round {round}: the folder came back");
        // The next open finds no folder to record again.
        let next = b.connect();
        assert!(
            matches!(
                next.removal(&id),
                Err(StoreError::NotFound(Message::StoreNoRemoval { .. }))
            ),
            "round {round}"
        );
        assert!(!dir.exists());
        // What the log says was disposed of is the folder's last state:
        // `removal.json` with every version added, none after.
        let manifest = RemovalManifest {
            format: RemovalManifest::FORMAT.into(),
            versions,
        };
        let mut bytes = serde_json::to_vec_pretty(&manifest).unwrap();
        bytes.push(b'\n');
        let json = done
            .files
            .iter()
            .find(|f| f.name.ends_with(RemovalManifest::FILE_NAME))
            .expect("removal.json logged");
        assert_eq!(
            json.sha256,
            hex::encode(Sha256::digest(&bytes)),
            "round {round}: {} versions",
            manifest.versions.len()
        );
    }
    assert!(a.removals(None).unwrap().is_empty());
    assert_eq!(a.disposal_log().unwrap().len(), ROUNDS);
}

fn tokens_racing_the_disposal_of_their_snapshot_never_bring_it_back(b: &dyn Backend) {
    let (a, other) = (b.connect(), b.connect());
    let (c, _) = given_two_channels(&*a);
    for round in 0..ROUNDS {
        let s = complete(c.id, &format!("2026-03-1{round}-nacka"), round as i64);
        given_folder(b, &*a, &s, true);
        let dir = b.data_dir().join(a.snapshot(&s.id).unwrap().1);
        let go = Barrier::new(2);
        let (disposed, _) = std::thread::scope(|sc| {
            let d = sc.spawn(|| {
                // Unwrapped after the barrier: a failure must not leave the
                // other thread waiting at it for ever.
                let run = a.disposal_lock();
                go.wait();
                let _run = run.unwrap().expect("the run's lock");
                a.dispose(disposal(&s, &format!("d-{round}")))
            });
            let t = sc.spawn(|| {
                go.wait();
                let at = t0() + Duration::minutes(5);
                for i in 0..20 {
                    if other
                        .add_timestamp_token(&s.id, i % 2, b"reply", at, "CN=TSA", "Åsa")
                        .is_err()
                    {
                        break;
                    }
                }
            });
            (d.join().unwrap(), t.join().unwrap())
        });
        disposed.unwrap();
        assert!(!dir.exists(), "round {round}: the folder came back");
        let next = b.connect();
        assert!(
            matches!(
                next.snapshot(&s.id),
                Err(StoreError::NotFound(Message::StoreNoSnapshot { .. }))
            ),
            "round {round}"
        );
        assert!(!dir.exists());
    }
    assert_eq!(a.disposal_log().unwrap().len(), ROUNDS);
}

fn a_folder_outside_the_data_directory_or_not_the_records_own_is_refused(b: &dyn Backend) {
    let a = b.connect();
    let (c, d) = given_two_channels(&*a);
    let s = complete(c.id, "2026-03-15-nacka", 0);
    given_folder(b, &*a, &s, true);
    // A name of its own beside the data directory, to see nothing lands there.
    let mine = b.data_dir().file_name().unwrap().to_string_lossy();
    let escaped = format!("{mine}-escaped");
    let ups = [format!("../{escaped}"), format!("channels/../../{escaped}")];
    for bad in [ups[0].as_str(), ups[1].as_str(), "/etc"] {
        b.set_folder(&s.id, bad);
        let at = t0() + Duration::minutes(5);
        let e = a
            .add_timestamp_token(&s.id, 0, b"reply 1", at, "CN=TSA 1", "Åsa")
            .unwrap_err();
        assert!(
            matches!(e, StoreError::Integrity(Message::StoreBadFolder { .. })),
            "{bad}: {e:?}"
        );
    }
    let outside = b.data_dir().parent().unwrap().join(&escaped);
    assert!(!outside.exists(), "written outside the data directory");
    let v1 = given_removal(&*a, c.id, "rem-1");
    let own = a.removal("rem-1").unwrap().1;
    // Another record's folder (of the other channel) recorded for this one.
    let theirs = format!("channels/{}/removals/rem-1", d.id);
    b.try_sql(&format!(
        "UPDATE removals SET folder = '{theirs}' WHERE id = 'rem-1'"
    ))
    .unwrap();
    fs::create_dir_all(b.data_dir().join(&theirs)).unwrap();
    let e = a
        .add_removal_version(correction(&v1), &corrected)
        .unwrap_err();
    assert!(
        matches!(
            e,
            StoreError::Integrity(Message::StoreRemovalWrongFolder { .. })
        ),
        "{e:?}"
    );
    assert_eq!(fs::read_dir(b.data_dir().join(&theirs)).unwrap().count(), 0);
    assert_eq!(a.removal("rem-1").unwrap().0, [v1]);
    assert!(b.data_dir().join(own).join("removal.json").is_file());
}
