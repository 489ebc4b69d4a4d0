//! The rest of issue 13's record flow (h-rem3): a police report "yes"
//! without a reference or date, change notes as typed messages rendered in
//! the user's language, and a capture-first that fails making a record that
//! says so and is captured again (the fixture site's `/outage` and the real
//! Chromium).

use serde_json::Value;

use ogonblick_testsite::TestSite;

use super::{add_facebook, json, ok, run, user_error};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR-rest-of-a-screenshot";

#[test]
fn a_police_report_without_reference_is_recorded_and_change_notes_speak_the_users_language() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let shot = tmp.path().join("egen.png");
    std::fs::write(&shot, PNG).unwrap();
    let ch = add_facebook(&d, "Nacka", "https://www.facebook.com/nacka").to_string();
    let base = [
        "removal",
        "add",
        "--channel",
        &ch,
        "--url",
        "https://www.facebook.com/nacka/posts/1",
        "--kind",
        "kommentar",
        "--ground",
        "hot",
        "--file",
        shot.to_str().unwrap(),
    ];
    let mut args = base.to_vec();
    args.extend(["--police-reported", "--json"]);
    let r = json(&d, &args);
    let id = r["id"].as_str().unwrap().to_string();
    assert_eq!(r["police_report"]["reported"], true, "{r}");
    assert_eq!(r["police_report"]["reference"], Value::Null);
    assert_eq!(r["police_report"]["date"], Value::Null);
    let shown = ok(&d, &["removal", "show", &id]);
    assert!(shown.contains("Police report: yes"), "{shown}");
    let list = json(&d, &["removal", "list", "--json"]);
    assert_eq!(list[0]["police_report"]["reported"], true);

    // "no" together with a reference contradicts itself: refused, nothing made.
    let mut args = base.to_vec();
    args.extend(["--police-reported", "no", "--police-report", "5000-K1"]);
    let msg = user_error(&d, &args);
    assert!(msg.contains("--police-reported"), "{msg}");
    assert_eq!(
        json(&d, &["removal", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Versions: certified, corrected with a reason, corrected to "not reported".
    ok(&d, &["removal", "certify", &id, "--by", "Berit Bestyrkare"]);
    ok(
        &d,
        &[
            "removal", "correct", &id, "--author", "Anna A", "--note", "stavfel",
        ],
    );
    ok(&d, &["removal", "correct", &id, "--police-reported", "no"]);
    let v = json(&d, &["removal", "show", &id, "--json"]);
    assert_eq!(v[3]["police_report"]["reported"], false);
    assert_eq!(v[0]["change_note"], Value::Null);
    assert_eq!(v[1]["change_note"]["key"], "removal-note-certified");
    assert_eq!(v[1]["change_note"]["args"]["by"], "Berit Bestyrkare");
    assert_eq!(v[2]["change_note"]["key"], "removal-note-corrected-because");
    assert_eq!(v[2]["change_note"]["args"]["reason"], "stavfel");
    assert_eq!(v[3]["change_note"]["key"], "removal-note-corrected");
    let sv = ok(&d, &["--lang", "sv", "removal", "show", &id]);
    assert!(sv.contains("bestyrkt av Berit Bestyrkare"), "{sv}");
    assert!(sv.contains("rättelse: stavfel"), "{sv}");
    let en = ok(&d, &["--lang", "en", "removal", "show", &id]);
    assert!(en.contains("certified by Berit Bestyrkare"), "{en}");
    assert!(en.contains("correction: stavfel"), "{en}");
    assert!(!en.contains("bestyrkt"), "{en}");
}

/// Capture first at an address that fails: the record is made (nothing
/// typed is lost) and links the failed snapshot; it says so, with the
/// command that captures it again, and once the page is back a recapture
/// links a complete snapshot in a new version.
#[test]
fn a_failed_capture_first_makes_a_record_that_says_so_and_is_captured_again() {
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let ch = add_facebook(&d, "Nacka", &site.url("/facebook")).to_string();
    let item = site.url("/outage");
    let r = run(
        &d,
        &[
            "removal",
            "add",
            "--channel",
            &ch,
            "--url",
            &item,
            "--kind",
            "post",
            "--ground",
            "hot",
            "--author",
            "Anna Andersson",
            "--json",
        ],
    );
    assert_eq!(r.code, 0, "{} {}", r.stdout, r.stderr);
    let record: Value = serde_json::from_str(&r.stdout).unwrap();
    let id = record["id"].as_str().unwrap().to_string();
    assert_eq!(record["author"], "Anna Andersson", "what was typed is kept");
    let failed = record["evidence"]["snapshot_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        r.stderr.contains("capture")
            && r.stderr
                .contains(&format!("ogonblick removal recapture {id}")),
        "{}",
        r.stderr
    );
    let history = json(&d, &["history", "--json"]);
    let snap = history
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == failed.as_str())
        .expect("the failed capture is in the history");
    assert_eq!(snap["status"], "failed");
    // The capture first's note is the catalogue's, in each language.
    assert_eq!(
        snap["reason_message"]["key"],
        "snapshot-note-before-removal"
    );
    let note = |s: &Value, lang| {
        serde_json::from_value::<ogonblick_model::Snapshot>(s.clone())
            .unwrap()
            .note_text(lang)
            .unwrap()
    };
    use ogonblick_model::Language::{En, Sv};
    assert_eq!(
        note(snap, Sv),
        "tagen innan innehållet togs bort, som underlag till posten om borttaget innehåll"
    );
    assert_eq!(
        note(snap, En),
        "captured before the content was removed, as evidence for the removal record"
    );
    let shown = ok(&d, &["removal", "show", &id]);
    assert!(
        shown.contains(&format!("snapshot {failed}")) && shown.contains("capture failed"),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("ogonblick removal recapture {id}")),
        "{shown}"
    );

    // The page is back: captured again, a new version links the new snapshot.
    site.end_outage();
    let r = json(&d, &["removal", "recapture", &id, "--json"]);
    assert_eq!(r["version"], 2);
    assert_eq!(r["change_note"]["key"], "removal-note-recaptured");
    let new = r["evidence"]["snapshot_id"].as_str().unwrap();
    assert_ne!(new, failed);
    let history = json(&d, &["history", "--json"]);
    let snap = history
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == new)
        .expect("the new capture is in the history");
    assert_eq!(
        note(snap, Sv),
        format!("fångad på nytt för posten om borttaget innehåll {id}")
    );
    assert_eq!(
        note(snap, En),
        format!("captured again for removal record {id}")
    );
    let shown = ok(&d, &["removal", "show", &id]);
    assert!(
        shown.contains(&format!("Evidence:      snapshot {new}")),
        "{shown}"
    );
    assert!(!shown.contains("capture failed"), "{shown}");
    let sv = ok(&d, &["--lang", "sv", "removal", "show", &id]);
    assert!(
        sv.contains(&format!("fångad på nytt: ögonblicksbild {new}")),
        "{sv}"
    );
}
