//! `ogonblick removal …`: removal records from the terminal, with real files
//! and the real register.

use std::path::Path;

use serde_json::Value;

use ogonblick_testsite::TestSite;

use super::{add_facebook, json, ok, run, user_error};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR-rest-of-a-screenshot";

fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path().strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

fn add_args<'a>(channel: &'a str, file: &'a str) -> Vec<&'a str> {
    vec![
        "removal",
        "add",
        "--channel",
        channel,
        "--url",
        "https://www.facebook.com/nacka/posts/1?comment_id=2",
        "--kind",
        "kommentar",
        "--ground",
        "hot",
        "--file",
        file,
    ]
}

#[test]
fn staff_record_certify_correct_and_list_a_removal() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let shot = tmp.path().join("skärmbild.png");
    std::fs::write(&shot, PNG).unwrap();
    let ch = add_facebook(&d, "Nacka", "https://www.facebook.com/nacka").to_string();
    // Contacted this minute (Swedish time): never before the channel was
    // registered, never in the future, whatever day the test runs.
    let contacted = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Stockholm)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let mut args = add_args(&ch, shot.to_str().unwrap());
    args.extend([
        "--author",
        "Arg Användare",
        "--text",
        "Jag vet var du bor",
        "--police-report",
        "5000-K123456-26",
        "--contacted-at",
        contacted.as_str(),
        "--action",
        "dold",
        "--json",
    ]);
    let r = json(&d, &args);
    let id = r["id"].as_str().unwrap().to_string();
    assert_eq!(r["version"], 1);
    assert_eq!(r["kind"], "comment");
    assert_eq!(r["action"], "dold");
    assert_eq!(r["ground"]["code"], "hot");
    assert_eq!(r["police_report"]["reported"], true);
    assert_eq!(r["supplied_by_hand"], true);
    assert_eq!(r["evidence"]["type"], "file");
    let msg = r["contact"]["message"].as_str().unwrap();
    assert!(
        msg.starts_with("Hej Arg Användare. Din kommentar går emot våra kommenteringsregler")
            && msg.contains("https://www.facebook.com/nacka"),
        "{msg}"
    );
    // The file is kept and hashed in the record's folder.
    let sha = r["evidence"]["sha256"].as_str().unwrap();
    let kept = d.join(format!("channels/{ch}/removals/{id}/screenshot.png"));
    assert_eq!(std::fs::read(&kept).unwrap(), PNG);
    let digest = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(PNG))
    };
    assert_eq!(sha, digest);

    ok(&d, &["removal", "certify", &id, "--by", "Pär Ähl"]);
    ok(
        &d,
        &[
            "removal",
            "correct",
            &id,
            "--author",
            "Arg Användare 2",
            "--note",
            "stavfel",
        ],
    );
    let versions = json(&d, &["removal", "show", &id, "--json"]);
    let v = versions.as_array().unwrap();
    assert_eq!(v.len(), 3);
    assert_eq!(v[0]["author"], "Arg Användare");
    assert_eq!(v[1]["certified"]["by"], "Pär Ähl");
    assert_eq!(v[2]["author"], "Arg Användare 2");
    assert_eq!(v[2]["certified"]["by"], "Pär Ähl");
    assert_eq!(v[2]["change_note"]["args"]["reason"], "stavfel");
    let text = ok(&d, &["removal", "show", &id]);
    assert!(text.contains("Certified:     by Pär Ähl"), "{text}");
    assert!(text.contains("file supplied by hand"), "{text}");

    // Listed by channel and period.
    let list = json(&d, &["removal", "list", "--channel", &ch, "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["version"], 3);
    let none = json(&d, &["removal", "list", "--to", "2020-01-01", "--json"]);
    assert_eq!(none, Value::Array(vec![]));
    let grounds = json(&d, &["removal", "grounds", "--json"]);
    assert_eq!(grounds.as_array().unwrap().len(), 13);
    assert!(grounds
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["code"] == "hets"));

    // The audit log has the typed events.
    let audit = json(&d, &["audit", "--json"]);
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "channel.add",
            "removal.add",
            "removal.certify",
            "removal.correct"
        ]
    );

    // The database is an index: reindex rebuilds every version.
    std::fs::remove_file(d.join("ogonblick.sqlite")).unwrap();
    ok(&d, &["reindex"]);
    assert_eq!(json(&d, &["removal", "show", &id, "--json"]), versions);
}

#[test]
fn bad_input_is_refused_with_one_sentence_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let ch = add_facebook(&d, "Nacka", "https://www.facebook.com/nacka").to_string();
    let other = add_facebook(&d, "Annan", "https://www.facebook.com/annan").to_string();
    let shot = tmp.path().join("ok.png");
    std::fs::write(&shot, PNG).unwrap();
    let text = tmp.path().join("not-a-picture.png");
    std::fs::write(&text, "just text").unwrap();
    let huge = tmp.path().join("huge.png");
    {
        let f = std::fs::File::create(&huge).unwrap();
        use std::io::Write;
        (&f).write_all(PNG).unwrap();
        f.set_len(60 * 1024 * 1024).unwrap();
    }
    let shot_s = shot.to_str().unwrap().to_string();
    // `removal add` with these options replaced or added.
    let base = |set: &[(&str, &str)]| -> Vec<String> {
        let mut opts: Vec<(String, String)> = [
            ("--channel", ch.as_str()),
            (
                "--url",
                "https://www.facebook.com/nacka/posts/1?comment_id=2",
            ),
            ("--kind", "kommentar"),
            ("--ground", "hot"),
            ("--file", shot_s.as_str()),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        for (k, v) in set {
            match opts.iter_mut().find(|(ok, _)| ok == k) {
                Some(o) => o.1 = v.to_string(),
                None => opts.push((k.to_string(), v.to_string())),
            }
        }
        let mut v = vec!["removal".to_string(), "add".to_string()];
        for (k, val) in opts {
            v.push(k);
            v.push(val);
        }
        v
    };
    let list_before = json(&d, &["removal", "list", "--json"]);
    let audit_before = json(&d, &["audit", "--json"]);
    let files_before = files_under(&d.join("channels"));
    let (text_s, huge_s) = (text.to_str().unwrap(), huge.to_str().unwrap());
    let mut cases: Vec<(Vec<String>, &str)> = vec![
        (base(&[("--file", text_s)]), "not a PNG, JPEG or PDF"),
        (base(&[("--file", huge_s)]), "larger than 50 MiB"),
        (base(&[("--file", "/no/such/file.png")]), "is not a file"),
        (base(&[("--ground", "ful")]), "not a removal ground"),
        (base(&[("--ground", "annat")]), "--ground-text"),
        (base(&[("--kind", "tweet")]), "unknown kind of removed item"),
        (base(&[("--action", "gömd")]), "unknown removal action"),
        (base(&[("--removed-at", "2999-01-01")]), "in the future"),
        (
            base(&[("--published-at", "2999-01-01 10:00")]),
            "in the future",
        ),
        (base(&[("--removed-at", "2001-01-01")]), "before channel"),
        (base(&[("--removed-at", "igår")]), "is not a date"),
        (
            base(&[("--url", "https://user:secret@facebook.com/x")]),
            "address is refused",
        ),
        (
            base(&[("--url", "ftp://facebook.com/x")]),
            "address is refused",
        ),
        (
            base(&[("--snapshot", "s-1")]),
            "either --snapshot or --file",
        ),
        (base(&[("--channel", "42")]), "no channel has id 42"),
    ];
    cases.push((
        vec![
            "removal",
            "add",
            "--channel",
            &other,
            "--url",
            "https://www.facebook.com/annan/1",
            "--kind",
            "post",
            "--ground",
            "hot",
            "--snapshot",
            "no-such-snapshot",
        ]
        .into_iter()
        .map(String::from)
        .collect(),
        "no snapshot has id no-such-snapshot",
    ));
    for (v, _) in [
        (vec!["removal", "show", "nope"], ""),
        (vec!["removal", "certify", "nope", "--by", "Pär"], ""),
        (vec!["removal", "correct", "nope", "--author", "X"], ""),
    ] {
        cases.push((
            v.into_iter().map(String::from).collect(),
            "no removal record has id nope",
        ));
    }
    cases.push((
        vec!["removal", "list", "--channel", "42"]
            .into_iter()
            .map(String::from)
            .collect(),
        "no channel has id 42",
    ));
    for (args, want) in &cases {
        let a: Vec<&str> = args.iter().map(|s| s.as_str()).collect();
        let msg = user_error(&d, &a);
        assert!(msg.contains(want), "{a:?}: {msg}");
    }
    assert_eq!(json(&d, &["removal", "list", "--json"]), list_before);
    assert_eq!(json(&d, &["audit", "--json"]), audit_before);
    assert_eq!(files_under(&d.join("channels")), files_before);
    assert!(files_under(&d.join("staging")).is_empty());
}

/// `removal add --file` killed (SIGKILL) at seeded moments while it copies
/// and hashes a large screenshot: afterwards, every record the register
/// lists has its file with the recorded size and SHA-256, the next open
/// leaves no staging folder, and `reindex` agrees with the register. The
/// moments are spread over how long one whole run takes on this machine
/// (measured first), so the kills land while it works however fast it is.
#[test]
fn a_killed_removal_add_leaves_no_record_pointing_at_a_missing_file() {
    use sha2::Digest;
    use std::process::Stdio;
    use std::time::Duration;

    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let ch = add_facebook(&d, "Nacka", "https://www.facebook.com/nacka").to_string();
    let big = tmp.path().join("stor skärmbild.png");
    {
        let mut bytes = PNG.to_vec();
        bytes.resize(40 * 1024 * 1024, 7);
        std::fs::write(&big, bytes).unwrap();
    }
    // One whole run, timed: the span the kills are spread over.
    let started = std::time::Instant::now();
    ok(&d, &add_args(&ch, big.to_str().unwrap()));
    let whole = started.elapsed().as_micros().max(1_000) as u64;
    let mut seed = 0x5eed_u64;
    let mut killed = 0;
    for _ in 0..8 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = Duration::from_micros((seed >> 33) % whole);
        let mut child = crate::ogonblick()
            .arg("--data-dir")
            .arg(&d)
            .args(["--operator", "Testare"])
            .args(add_args(&ch, big.to_str().unwrap()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        if child.try_wait().unwrap().is_none() {
            killed += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
        // The next program's open finishes what the kill left.
        let list = json(&d, &["removal", "list", "--json"]);
        for r in list.as_array().unwrap() {
            let id = r["id"].as_str().unwrap();
            let f = d.join(format!("channels/{ch}/removals/{id}/screenshot.png"));
            let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(bytes.len() as u64, r["evidence"]["size"].as_u64().unwrap());
            assert_eq!(
                hex::encode(sha2::Sha256::digest(&bytes)),
                r["evidence"]["sha256"].as_str().unwrap()
            );
        }
        let staging: Vec<_> = std::fs::read_dir(d.join("staging"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert!(staging.is_empty(), "{staging:?}");
    }
    assert!(killed > 0, "no run was killed while it worked");
    let before = json(&d, &["removal", "list", "--json"]);
    ok(&d, &["reindex"]);
    assert_eq!(json(&d, &["removal", "list", "--json"]), before);
}

/// Without `--snapshot` or `--file`, `removal add` captures the item's
/// address first (a one-address snapshot of the channel, reason
/// `single-item`) and links it (a capture that fails: `removal_flow.rs`).
#[test]
fn removal_add_captures_the_item_first() {
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let ch = add_facebook(&d, "Nacka", &site.url("/facebook")).to_string();
    let item = site.url("/tall?h=1200");
    let args = [
        "removal",
        "add",
        "--channel",
        &ch,
        "--url",
        &item,
        "--kind",
        "kommentar",
        "--ground",
        "hot",
        "--json",
    ];
    let r = run(&d, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let record: Value = serde_json::from_str(&r.stdout).unwrap();
    let snapshot_id = record["evidence"]["snapshot_id"]
        .as_str()
        .unwrap_or_else(|| panic!("the record links its capture: {record}"))
        .to_string();
    assert!(!snapshot_id.is_empty());
    let history = json(&d, &["history", "--json"]);
    let snap = history
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == snapshot_id.as_str())
        .expect("the capture is in the history");
    assert_eq!(snap["status"], "complete");
    assert_eq!(snap["reason"], "single-item");
    assert_eq!(snap["single_address"], item.as_str());
    let pages = snap["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 1);
    let roles: Vec<&str> = pages[0]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["png", "pdf", "text"]);
    // A capture that fails: see removal_flow.rs.
}
