//! `ogonblick dispose --confirm` killed with SIGKILL at seeded pseudo-random
//! moments. After every kill, the next program that opens the data directory
//! finishes or rolls back what was under way: every document is either whole
//! (its row, and every file with its SHA-256 as before) or gone (no row, no
//! file, nothing in staging, logged exactly once). A last run disposes of
//! the rest, and the log then holds every document once.

use std::collections::{BTreeSet, HashMap};
use std::process::{Command, Stdio};
use std::time::Duration;

use ogonblick_model::SnapshotReason;

use super::dispose_fixtures::{data_dir, hashes, ids, kommunen, open_then, record, snapshot};
use super::{json, ok};

const SEED: u64 = 0x0d15_905e_2026_1128;
const KILLS: u32 = 6;
const ITEMS: usize = 24;

#[test]
fn a_killed_disposal_leaves_every_document_whole_or_gone() {
    let tmp = tempfile::tempdir().unwrap();
    let (d, shot) = data_dir(tmp.path());
    {
        let app = open_then(&d);
        let ch = kommunen(&app);
        for i in 0..ITEMS / 2 {
            let url = format!("https://www.facebook.com/p/{i}");
            snapshot(
                &app,
                ch,
                &format!("s-{i:02}"),
                SnapshotReason::SingleItem,
                &url,
            );
            record(&app, ch, &format!("r-{i:02}"), "reklam", None, None, &shot);
        }
    }
    for kind in ["removal", "snapshot:single-item"] {
        ok(
            &d,
            &[
                "retention",
                "set",
                "--kind",
                kind,
                "--dispose-after",
                "1y",
                "--decision",
                "KS 2019/233",
            ],
        );
    }
    let due = ids(&json(&d, &["dispose", "--dry-run", "--json"])["due"]);
    assert_eq!(due.len(), ITEMS);
    let before = hashes(&d);
    let folder_of = |id: &str| {
        let kind = if id.starts_with('s') {
            "snapshots"
        } else {
            "removals"
        };
        format!("channels/1/{kind}/{id}/")
    };

    let mut rng = SEED;
    for k in 0..KILLS {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let ms = 5 + rng % 120;
        let mut child = Command::new(env!("CARGO_BIN_EXE_ogonblick"))
            .arg("--data-dir")
            .arg(&d)
            .args([
                "--operator",
                "Testare",
                "dispose",
                "--confirm",
                "--by",
                "Arkivarie",
            ])
            .env_remove("OGONBLICK_DATA_DIR")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();

        // The next open (this dry run) finishes or rolls back.
        let left = ids(&json(&d, &["dispose", "--dry-run", "--json"])["due"]);
        let log = json(&d, &["dispose", "log", "--json"]);
        let logged: Vec<String> = log
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["item_id"].as_str().unwrap().to_string())
            .collect();
        let logged_set: BTreeSet<String> = logged.iter().cloned().collect();
        assert_eq!(logged.len(), logged_set.len(), "kill {k}: logged once each");
        let now = hashes(&d);
        for id in &due {
            let folder = folder_of(id);
            let files: HashMap<&String, &String> = before
                .iter()
                .filter(|(f, _)| f.starts_with(&folder))
                .collect();
            let present: Vec<&String> = now.keys().filter(|f| f.starts_with(&folder)).collect();
            if left.contains(id) {
                assert!(!logged_set.contains(id), "kill {k}: {id} kept and logged");
                assert_eq!(present.len(), files.len(), "kill {k}: {id} whole");
                for (f, sha) in &files {
                    assert_eq!(now.get(*f), Some(*sha), "kill {k}: {f}");
                }
            } else {
                assert!(
                    logged_set.contains(id),
                    "kill {k}: {id} gone but not logged"
                );
                assert!(
                    present.is_empty(),
                    "kill {k}: {id} gone with all its files: {present:?}"
                );
            }
        }
        let staged: Vec<String> = std::fs::read_dir(d.join("staging"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("dispose-"))
            .collect();
        assert!(staged.is_empty(), "kill {k}: {staged:?}");
        eprintln!(
            "kill {k} after {ms} ms: {} disposed of so far",
            logged_set.len()
        );
    }
    ok(&d, &["dispose", "--confirm", "--by", "Arkivarie"]);
    let log = json(&d, &["dispose", "log", "--json"]);
    assert_eq!(log.as_array().unwrap().len(), ITEMS);
    assert_eq!(ids(&log), due);
    assert!(hashes(&d)
        .keys()
        .all(|f| !f.contains("/s-") && !f.contains("/r-")));
}
