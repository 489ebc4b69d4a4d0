//! `ogonblick removal recapture` (with the fixture site and the real
//! Chromium) and `ogonblick removal grounds add|edit|retire`.

use serde_json::Value;

use ogonblick_testsite::TestSite;

use super::{add_facebook, json, ok, run, user_error};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR-rest-of-a-screenshot";

fn actions(d: &std::path::Path, action: &str) -> usize {
    json(d, &["audit", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == action)
        .count()
}

#[test]
fn recapture_adds_a_version_linking_the_new_snapshot_and_a_failure_changes_nothing() {
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let shot = tmp.path().join("egen.png");
    std::fs::write(&shot, PNG).unwrap();
    let ch = add_facebook(&d, "Nacka", &site.url("/facebook")).to_string();
    let add = |url: &str| -> String {
        let r = json(
            &d,
            &[
                "removal",
                "add",
                "--channel",
                &ch,
                "--url",
                url,
                "--kind",
                "kommentar",
                "--ground",
                "hot",
                "--file",
                shot.to_str().unwrap(),
                "--json",
            ],
        );
        r["id"].as_str().unwrap().to_string()
    };
    let item = site.url("/tall?h=1200");
    let id = add(&item);
    let r = json(&d, &["removal", "recapture", &id, "--json"]);
    assert_eq!(r["version"], 2);
    assert_eq!(r["evidence"]["type"], "snapshot");
    assert_eq!(r["supplied_by_hand"], false);
    let snapshot_id = r["evidence"]["snapshot_id"].as_str().unwrap();
    let history = json(&d, &["history", "--json"]);
    let snap = history
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == snapshot_id)
        .expect("the new capture is in the history");
    assert_eq!(snap["status"], "complete");
    assert_eq!(snap["reason"], "single-item");
    assert_eq!(snap["single_address"], item.as_str());
    // The history keeps the earlier evidence.
    let versions = json(&d, &["removal", "show", &id, "--json"]);
    assert_eq!(versions[0]["evidence"]["type"], "file");
    assert_eq!(versions[1]["evidence"]["snapshot_id"], snapshot_id);
    assert_eq!(actions(&d, "removal.recapture"), 1);

    // A capture that fails: no new version, one sentence, exit 1.
    let gone = site.url("/status/404");
    let id2 = add(&gone);
    let before = json(&d, &["removal", "show", &id2, "--json"]);
    let r = run(&d, &["removal", "recapture", &id2]);
    assert_eq!(r.code, 1, "{} {}", r.stdout, r.stderr);
    assert!(r.stderr.contains("again failed"), "{}", r.stderr);
    assert!(r.stderr.contains("is unchanged"), "{}", r.stderr);
    assert_eq!(json(&d, &["removal", "show", &id2, "--json"]), before);
    assert_eq!(actions(&d, "removal.recapture"), 1);
    let msg = user_error(&d, &["removal", "recapture", "nope"]);
    assert!(msg.contains("no removal record has id nope"), "{msg}");
}

#[test]
fn grounds_are_added_reworded_and_retired_and_old_records_keep_their_wording() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let shot = tmp.path().join("egen.png");
    std::fs::write(&shot, PNG).unwrap();
    let ch = add_facebook(&d, "Nacka", "https://www.facebook.com/nacka").to_string();
    let add = |ground: &str| {
        run(
            &d,
            &[
                "removal",
                "add",
                "--channel",
                &ch,
                "--url",
                "https://www.facebook.com/nacka/posts/1",
                "--kind",
                "post",
                "--ground",
                ground,
                "--file",
                shot.to_str().unwrap(),
                "--json",
            ],
        )
    };
    let grounds = |d: &std::path::Path| json(d, &["removal", "grounds", "--json"]);
    let find = |g: &Value, code: &str| {
        g.as_array()
            .unwrap()
            .iter()
            .find(|x| x["code"] == code)
            .cloned()
    };

    ok(
        &d,
        &[
            "removal",
            "grounds",
            "add",
            "--short",
            "spam",
            "--sv",
            "Skräppost",
            "--en",
            "Spam",
        ],
    );
    let g = grounds(&d);
    assert_eq!(g.as_array().unwrap().len(), 14);
    // Before "annat", which stays last.
    assert_eq!(g[12]["code"], "spam");
    assert_eq!(g[13]["code"], "annat");
    let r = add("spam");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rec: Value = serde_json::from_str(&r.stdout).unwrap();
    let id = rec["id"].as_str().unwrap();

    ok(
        &d,
        &[
            "removal",
            "grounds",
            "edit",
            "spam",
            "--sv",
            "Skräppost och massutskick",
        ],
    );
    assert_eq!(
        find(&grounds(&d), "spam").unwrap()["label_sv"],
        "Skräppost och massutskick"
    );
    ok(&d, &["removal", "grounds", "retire", "spam"]);
    assert_eq!(find(&grounds(&d), "spam").unwrap()["retired"], true);
    let list = ok(&d, &["removal", "grounds"]);
    assert!(
        list.lines()
            .any(|l| l.starts_with("spam") && l.contains("retired")),
        "{list}"
    );
    // Not offered for new records; the old one keeps its wording.
    let r = add("spam");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("the ground spam is retired"),
        "{}",
        r.stderr
    );
    let shown = json(&d, &["removal", "show", id, "--json"]);
    assert_eq!(shown[0]["ground"]["label_sv"], "Skräppost");
    assert_eq!(actions(&d, "removal.grounds"), 3);

    // Bad input: one sentence each, nothing changed.
    let before = grounds(&d);
    let audit_before = json(&d, &["audit", "--json"]);
    for (args, want) in [
        (
            vec!["add", "--short", "spam", "--sv", "Igen"],
            "already exists",
        ),
        (vec!["add", "--short", "Spam!", "--sv", "X"], "is refused"),
        (
            vec!["add", "--short", "tom", "--sv", " "],
            "Swedish wording",
        ),
        (
            vec!["edit", "finns-inte", "--sv", "X"],
            "no ground has the short name",
        ),
        (vec!["edit", "hot"], "nothing to change"),
        (vec!["retire", "finns-inte"], "no ground has the short name"),
        (vec!["retire", "annat"], "cannot be retired"),
        (vec!["retire", "spam"], "already retired"),
    ] {
        let mut a = vec!["removal", "grounds"];
        a.extend(args);
        let msg = user_error(&d, &a);
        assert!(msg.contains(want), "{a:?}: {msg}");
    }
    assert_eq!(grounds(&d), before);
    assert_eq!(json(&d, &["audit", "--json"]), audit_before);

    // The grounds' file rebuilds them, retired ones too.
    std::fs::remove_file(d.join("ogonblick.sqlite")).unwrap();
    ok(&d, &["reindex"]);
    assert_eq!(grounds(&d), before);
}
