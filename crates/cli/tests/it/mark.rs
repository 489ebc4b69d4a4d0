//! `ogonblick mark …` and `export --removals/--leave-out-marked/--marked-separately`
//! (h-pkg): a removal record with a supplied screenshot, marked, listed,
//! packaged and verified, with the real register and real packages.

use super::{add_facebook, json, ok, user_error};

/// A 1×1 RGB PNG.
pub(crate) const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];

#[test]
fn staff_mark_a_removal_record_and_the_archivist_packages_it_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let media = tmp.path().join("media");
    std::fs::create_dir_all(&media).unwrap();
    let shot = tmp.path().join("skärmbild.png");
    std::fs::write(&shot, PNG_1X1).unwrap();
    let ch = add_facebook(&d, "Nacka", "https://www.facebook.com/nacka").to_string();
    ok(&d, &["settings", "set", "--name", "Nacka kommun"]);
    let r = json(
        &d,
        &[
            "removal",
            "add",
            "--channel",
            &ch,
            "--url",
            "https://www.facebook.com/nacka/posts/1?comment_id=2",
            "--kind",
            "kommentar",
            "--ground",
            "personuppgifter",
            "--file",
            shot.to_str().unwrap(),
            "--json",
        ],
    );
    let id = r["id"].as_str().unwrap().to_string();

    // Refusals: one sentence, exit 1, nothing marked.
    let msg = user_error(&d, &["mark", "set", &id, "--secret"]);
    assert!(msg.contains("--osl"), "{msg}");
    let msg = user_error(&d, &["mark", "set", &id]);
    assert!(msg.contains("--personal-data"), "{msg}");
    let msg = user_error(&d, &["mark", "set", "no-such-id", "--personal-data"]);
    assert!(msg.contains("no-such-id"), "{msg}");
    let msg = user_error(&d, &["mark", "clear", &id]);
    assert!(msg.contains("no mark"), "{msg}");
    let list = json(&d, &["removal", "list", "--json"]);
    assert!(list[0]["mark"].is_null(), "{list}");

    // Marked: shown in list and show, with --json.
    ok(
        &d,
        &[
            "mark",
            "set",
            &id,
            "--personal-data",
            "--secret",
            "--osl",
            "OSL 26 kap. 1 §",
            "--note",
            "namn på ett barn",
        ],
    );
    let list = json(&d, &["removal", "list", "--json"]);
    assert_eq!(list[0]["mark"]["flags"]["personal_data"], true, "{list}");
    assert_eq!(list[0]["mark"]["flags"]["secrecy"], "OSL 26 kap. 1 §");
    let table = ok(&d, &["removal", "list"]);
    assert!(
        table.contains("MARK") && table.contains("secret under OSL 26 kap. 1 §"),
        "{table}"
    );
    let shown = ok(&d, &["removal", "show", &id]);
    assert!(
        shown.contains("Mark:") && shown.contains("namn på ett barn"),
        "{shown}"
    );
    let audit = ok(&d, &["audit"]);
    assert!(audit.contains("mark.set"), "{audit}");

    // Packages: removal records only; leaving marked items out leaves nothing.
    let msg = user_error(
        &d,
        &[
            "export",
            "--removals",
            "only",
            "--leave-out-marked",
            "--archive-creator",
            "Kommunstyrelsen",
            "--out",
            media.to_str().unwrap(),
        ],
    );
    assert!(msg.contains("marked"), "{msg}");
    let msg = user_error(
        &d,
        &[
            "export",
            "--removals",
            "only",
            "--leave-out-marked",
            "--marked-separately",
            "--out",
            media.to_str().unwrap(),
        ],
    );
    assert!(msg.contains("not both"), "{msg}");
    // The preview names what the export will write, and writes nothing.
    let preview = json(
        &d,
        &[
            "export",
            "--removals",
            "only",
            "--marked-separately",
            "--dry-run",
            "--json",
        ],
    );
    let packages = preview["packages"].as_array().unwrap();
    assert_eq!(packages.len(), 1, "{preview}");
    assert_eq!(packages[0]["marked"], true, "{preview}");
    assert_eq!(packages[0]["removals"][0]["id"], id.as_str(), "{preview}");
    assert_eq!(packages[0]["marks"], 1, "{preview}");
    let lines = ok(&d, &["export", "--removals", "only", "--dry-run"]);
    assert!(
        lines.contains(&id) && lines.contains("removal record"),
        "{lines}"
    );
    assert_eq!(std::fs::read_dir(&media).unwrap().count(), 0);
    let pkgs = json(
        &d,
        &[
            "export",
            "--removals",
            "only",
            "--marked-separately",
            "--archive-creator",
            "Kommunstyrelsen",
            "--out",
            media.to_str().unwrap(),
            "--json",
        ],
    );
    let pkgs = pkgs.as_array().unwrap();
    assert_eq!(
        pkgs.len(),
        1,
        "only the marked package has content: {pkgs:?}"
    );
    let path = pkgs[0]["path"].as_str().unwrap();
    let v = json(&d, &["verify", path, "--json"]);
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(v["schemas_checked"], true, "{v}");

    // Cleared: audited, the list says nothing.
    ok(&d, &["mark", "clear", &id]);
    let list = json(&d, &["removal", "list", "--json"]);
    assert!(list[0]["mark"].is_null(), "{list}");
    assert!(ok(&d, &["audit"]).contains("mark.clear"));
}
