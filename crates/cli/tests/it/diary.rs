//! `ogonblick diary set`: diary numbers on snapshots and removal records, in
//! the history and in the package (METS and the PDF/A inventory), with a
//! real Chromium capture, a real zip and the real verifier.

use std::io::Read;
use std::path::Path;

use ogonblick_testsite::TestSite;

use super::{json, ok, user_error};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR-rest";

fn entry(zip_path: &Path, suffix: &str) -> Vec<u8> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(zip_path).unwrap()).unwrap();
    let name = z
        .file_names()
        // The root METS is `<objid>/METS.xml`, not a representation's.
        .find(|n| n.ends_with(suffix) && (suffix != "/METS.xml" || n.matches('/').count() == 1))
        .unwrap_or_else(|| panic!("no {suffix} in the package"))
        .to_string();
    let mut bytes = Vec::new();
    z.by_name(&name).unwrap().read_to_end(&mut bytes).unwrap();
    bytes
}

#[test]
fn a_collecting_case_numbers_a_channels_year_and_the_package_shows_it() {
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let media = tempfile::tempdir().unwrap();
    let ch = ok(
        &d,
        &[
            "channel",
            "add",
            "--name",
            "Kulturhuset",
            "--platform",
            "instagram",
            "--board",
            "Kulturnämnden",
            "--url",
            &site.url("/instagram"),
        ],
    )
    .trim()
    .to_string();
    let other = ok(
        &d,
        &[
            "channel",
            "add",
            "--name",
            "Annan",
            "--platform",
            "facebook",
            "--url",
            "https://www.facebook.com/annan",
        ],
    )
    .trim()
    .to_string();
    ok(
        &d,
        &[
            "settings",
            "set",
            "--name",
            "Nacka kommun",
            "--org-number",
            "212000-0167",
        ],
    );
    ok(&d, &["capture", &ch]);
    let history = json(&d, &["history", "--json"]);
    let snap = history[0]["id"].as_str().unwrap().to_string();
    assert_eq!(history[0]["diary_number"], serde_json::Value::Null);
    let shot = tmp.path().join("s.png");
    std::fs::write(&shot, PNG).unwrap();
    let rem = ok(
        &d,
        &[
            "removal",
            "add",
            "--channel",
            &ch,
            "--url",
            &site.url("/instagram"),
            "--kind",
            "post",
            "--ground",
            "reklam",
            "--snapshot",
            &snap,
        ],
    )
    .trim()
    .to_string();
    let rem_other = ok(
        &d,
        &[
            "removal",
            "add",
            "--channel",
            &other,
            "--url",
            "https://www.facebook.com/annan/1",
            "--kind",
            "post",
            "--ground",
            "reklam",
            "--file",
            shot.to_str().unwrap(),
        ],
    )
    .trim()
    .to_string();

    // All or none: one unknown id, and nothing is set.
    let audit_before = json(&d, &["audit", "--json"]);
    let msg = user_error(
        &d,
        &["diary", "set", &snap, "nope", "--number", "KS 2027/12"],
    );
    assert!(
        msg.contains("no snapshot or removal record has id nope"),
        "{msg}"
    );
    let msg = user_error(
        &d,
        &["diary", "set", "--board", "Ingen", "--number", "KS 1"],
    );
    assert!(
        msg.contains("no snapshot or removal record matches"),
        "{msg}"
    );
    let msg = user_error(
        &d,
        &[
            "diary",
            "set",
            "--channel",
            &ch,
            "--year",
            "tjugo",
            "--number",
            "KS 1",
        ],
    );
    assert!(msg.contains("not a year"), "{msg}");
    assert_eq!(json(&d, &["history", "--json"]), history);
    assert_eq!(json(&d, &["audit", "--json"]), audit_before);
    let snapshot_json = d.join(format!("channels/{ch}/snapshots/{snap}/snapshot.json"));
    assert!(!std::fs::read_to_string(&snapshot_json)
        .unwrap()
        .contains("KS 2027/12"));

    // The board's collecting case for this year: its channel's snapshot and
    // record, not the other channel's record.
    let year = chrono::Utc::now().format("%Y").to_string();
    let out = ok(
        &d,
        &[
            "diary",
            "set",
            "--board",
            "Kulturnämnden",
            "--year",
            &year,
            "--number",
            "KS 2027/12",
        ],
    );
    assert!(
        out.contains("1 snapshot(s) and 1 removal record(s)"),
        "{out}"
    );
    let history = json(&d, &["history", "--json"]);
    assert_eq!(history[0]["diary_number"], "KS 2027/12");
    assert!(ok(&d, &["history"]).contains("KS 2027/12"));
    assert!(std::fs::read_to_string(&snapshot_json)
        .unwrap()
        .contains("KS 2027/12"));
    assert_eq!(
        json(&d, &["removal", "show", &rem, "--json"])[1]["diary_number"],
        "KS 2027/12"
    );
    assert_eq!(
        json(&d, &["removal", "show", &rem_other, "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let audit = json(&d, &["audit", "--json"]);
    let last = audit.as_array().unwrap().last().unwrap();
    assert_eq!(last["action"], "diary.set");
    assert_eq!(last["event"]["number"], "KS 2027/12");
    assert_eq!(last["event"]["snapshot_ids"][0], snap.as_str());
    // One at a time, by id.
    ok(&d, &["diary", "set", &rem_other, "--number", "KS 2027/99"]);
    assert_eq!(
        json(&d, &["removal", "list", "--channel", &other, "--json"])[0]["diary_number"],
        "KS 2027/99"
    );

    // The package shows the number: METS and the inventory.
    let pkg = media.path().join("kultur.zip");
    ok(
        &d,
        &["export", "--channel", &ch, "--out", pkg.to_str().unwrap()],
    );
    let mets = String::from_utf8(entry(&pkg, "/METS.xml")).unwrap();
    assert!(
        mets.contains(r#"<mets:altRecordID TYPE="DIARYNUMBER">KS 2027/12</mets:altRecordID>"#),
        "{mets}"
    );
    let inv = tmp.path().join("inventory.pdf");
    std::fs::write(&inv, entry(&pkg, "documentation/inventory.pdf")).unwrap();
    let text = std::process::Command::new("pdftotext")
        .arg(&inv)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("dnr KS 2027/12"), "{text}");
    assert!(!text.contains("ej diarieförd"), "{text}");
    let report = json(&d, &["verify", pkg.to_str().unwrap(), "--json"]);
    assert_eq!(report["ok"], true, "{report}");
}
