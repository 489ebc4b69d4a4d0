//! `ogonblick register import` killed (SIGKILL) at seeded pseudo-random
//! points: afterwards the register holds all of the rows or none, before and
//! after `reindex`, nothing is left half-done, and a `channel list` run while
//! the import works is not held up.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::{json, ok, run};

const ROWS: usize = 3000;

fn write_csv(path: &Path) {
    let mut text = String::from("namn;plattform;adresser;nämnd;enhet;ansvarig;status\n");
    for i in 0..ROWS {
        text.push_str(&format!(
            "Kanal {i} i Växjö;facebook;https://www.facebook.com/kanal{i} | https://www.facebook.com/kanal{i}/om;Nämnd {};Enhet {};Åsa Öberg;{}\n",
            i % 12,
            i % 5,
            if i % 10 == 0 { "avslutas" } else { "aktiv" }
        ));
    }
    std::fs::write(path, text).unwrap();
}

fn channels(dir: &Path) -> usize {
    json(dir, &["channel", "list", "--json"])
        .as_array()
        .unwrap()
        .len()
}

/// A small, seeded generator (SplitMix64): the same kill points every run.
fn next(seed: &mut u64) -> f64 {
    *seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *seed;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)) as f64 / u64::MAX as f64
}

fn timed_list(dir: &Path) -> Duration {
    let t = Instant::now();
    let r = run(dir, &["channel", "list", "--json"]);
    assert_eq!(r.code, 0, "channel list during an import: {}", r.stderr);
    t.elapsed()
}

#[test]
fn an_import_killed_at_any_point_leaves_all_rows_or_none() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("kanaler.csv");
    write_csv(&csv);
    let csv = csv.to_str().unwrap();

    // A whole import, to spread the kills over its length.
    let whole = tmp.path().join("whole");
    ok(&whole, &["channel", "list"]);
    let t = Instant::now();
    ok(&whole, &["register", "import", csv]);
    let length = t.elapsed();
    assert_eq!(channels(&whole), ROWS);
    let idle_list = timed_list(&whole);

    let mut seed = 0x0660_2026_u64;
    let mut outcomes = Vec::new();
    let mut slowest_list = Duration::ZERO;
    for round in 0..8 {
        let d = tmp.path().join(format!("round{round}"));
        ok(&d, &["channel", "list"]);
        let kill_at = length.mul_f64(1.1 * next(&mut seed));
        let mut child = crate::ogonblick()
            .arg("--data-dir")
            .arg(&d)
            .args(["--operator", "Testare", "register", "import", csv])
            .env_remove("OGONBLICK_DATA_DIR")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        // Another program reads the register while the import works.
        std::thread::sleep(kill_at / 2);
        slowest_list = slowest_list.max(timed_list(&d));
        if let Some(rest) = kill_at.checked_sub(started.elapsed()) {
            std::thread::sleep(rest);
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        let n = channels(&d);
        assert!(
            n == 0 || n == ROWS,
            "round {round}: killed after {kill_at:?} of {length:?}, the register holds {n} of {ROWS} rows"
        );
        let leftovers: Vec<String> = std::fs::read_dir(d.join("imports"))
            .map(|e| {
                e.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| !n.ends_with(".json") || n.starts_with('.'))
                    .collect()
            })
            .unwrap_or_default();
        assert!(leftovers.is_empty(), "round {round}: {leftovers:?}");
        let r = run(&d, &["reindex"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(
            channels(&d),
            n,
            "round {round}: reindex (from the files) agrees with the register"
        );
        // The audit log names every channel the register holds.
        let audit = json(&d, &["audit", "--json"]);
        let adds = audit
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "channel.add")
            .count();
        assert!(
            adds >= n,
            "round {round}: {adds} audit entries for {n} channels"
        );
        outcomes.push(n);
    }
    eprintln!(
        "import of {ROWS} rows took {length:?}; after the kills: {outcomes:?}; channel list took {idle_list:?} alone, at most {slowest_list:?} during an import"
    );
    assert!(
        slowest_list < idle_list + Duration::from_millis(1500),
        "channel list was held up by the import: {slowest_list:?} (alone {idle_list:?})"
    );
}
