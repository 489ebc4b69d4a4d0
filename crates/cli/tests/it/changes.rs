//! Comparisons after every capture, and the suggested major change (issue
//! 17): one address of the fixture site changes between captures (new posts,
//! a new name, a new picture, its rules page); five small captures of the
//! channel's two addresses (its page and its rules page) serve every assertion.

use ogonblick_testsite::{set_live_variant, TestSite};
use serde_json::Value;

use super::{add_facebook, json, ok, user_error};

fn capture(dir: &std::path::Path, id: i64) -> Value {
    let r = json(dir, &["capture", &id.to_string(), "--json"]);
    let s = r[0]["snapshot"].clone();
    assert_eq!(s["status"], "complete", "{s}");
    s
}

#[test]
fn each_capture_is_compared_with_the_previous_and_a_new_name_is_suggested_as_a_major_change() {
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    set_live_variant("base");
    set_live_variant("rules");
    let id = add_facebook(dir, "Fritid", &site.url("/changes/live"));
    ok(
        dir,
        &[
            "channel",
            "edit",
            &id.to_string(),
            "--add-url",
            &site.url("/changes/live-rules"),
        ],
    );

    // The first snapshot has nothing to be compared with.
    let s1 = capture(dir, id);
    assert!(s1["pages"][0]["report"].get("comparison").is_none());
    let page = &s1["pages"][0]["files"];
    assert!(
        page.as_array().unwrap().iter().any(|f| f["role"] == "text"),
        "the page's text is kept as a file: {page}"
    );

    // New posts only: compared, no major change suggested.
    set_live_variant("posts");
    let s2 = capture(dir, id);
    let c2 = &s2["pages"][0]["report"]["comparison"];
    assert_eq!(c2["previous_snapshot_id"], s1["id"], "{c2}");
    assert_eq!(c2["suggests_major_change"], false, "{c2}");
    let sim = c2["text_similarity"].as_f64().unwrap();
    assert!(sim > 0.5 && sim < 1.0, "{c2}");
    assert!(!c2["changed_regions"].as_array().unwrap().is_empty());
    assert_eq!(
        json(dir, &["changes", "list", "--json"]),
        Value::Array(vec![])
    );

    // A new name: a major change is suggested, in history and the list.
    set_live_variant("renamed");
    let s3 = capture(dir, id);
    let c3 = &s3["pages"][0]["report"]["comparison"];
    assert_eq!(c3["previous_snapshot_id"], s2["id"], "{c3}");
    assert_eq!(c3["suggests_major_change"], true, "{c3}");
    // `history --json`: per page, a `comparison` object (the shape).
    let history = json(dir, &["history", "--json"]);
    let h3 = &history[2]["pages"][0]["comparison"];
    let mut fields: Vec<&str> = h3
        .as_object()
        .unwrap_or_else(|| panic!("no comparison object: {}", history[2]))
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "changed_regions",
            "header_text_similarity",
            "previous_snapshot_id",
            "previous_url",
            "signals",
            "suggests_major_change",
            "text_added",
            "text_removed",
            "text_similarity",
        ]
    );
    assert_eq!(h3["previous_snapshot_id"], s2["id"]);
    assert_eq!(h3["suggests_major_change"], true);
    let sim = h3["text_similarity"].as_f64().unwrap();
    assert!((0.0..1.0).contains(&sim), "{h3}");
    let region = &h3["changed_regions"][0];
    for f in ["x", "y", "width", "height", "header", "distance"] {
        assert!(region.get(f).is_some(), "{f} in {region}");
    }
    assert_eq!(*h3, *c3);
    assert!(history[2]["pages"][0]["report"].get("comparison").is_none());
    // The unchanged rules page was compared too, and suggests nothing; the
    // first snapshot's pages have nothing to be compared with.
    assert_eq!(
        history[2]["pages"][1]["comparison"]["suggests_major_change"],
        false
    );
    assert_eq!(history[0]["pages"][0]["comparison"], Value::Null);
    let list = json(dir, &["changes", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list[0]["snapshot_id"], s3["id"]);
    assert!(list[0]["signals"]
        .as_array()
        .unwrap()
        .contains(&Value::from("title")));

    // Any two snapshots compared on demand.
    let s1_id = s1["id"].as_str().unwrap();
    let s3_id = s3["id"].as_str().unwrap();
    let cmp = json(dir, &["compare", s1_id, s3_id, "--json"]);
    assert_eq!(cmp["suggests_major_change"], true, "{cmp}");
    assert!(cmp["pages"][0]["comparison"]["text_added"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l.as_str().unwrap().contains("Nya Ögonblicks stadsbyggnad")));
    // The same as a PDF/A document (captured text, escaped).
    let pdf = dir.join("../comparison.pdf");
    let pdf_arg = pdf.to_str().unwrap();
    json(dir, &["compare", s1_id, s3_id, "--out", pdf_arg, "--json"]);
    let text = std::process::Command::new("pdftotext")
        .args([pdf_arg, "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Nya Ögonblicks stadsbyggnad"), "{text}");
    assert!(text.contains("suggests a major change"), "{text}");
    // The top of both pictures of each page, the changed regions marked.
    assert!(text.contains("Newer, changed regions marked"), "{text}");
    let images = std::process::Command::new("pdfimages")
        .args(["-list", pdf_arg])
        .output()
        .unwrap();
    let images = String::from_utf8_lossy(&images.stdout);
    // Two pages (its page and its rules page), two pictures each.
    assert!(images.lines().skip(2).count() >= 4, "{images}");
    let err = user_error(dir, &["compare", s1_id, s1_id]);
    assert!(err.contains("two different snapshots"), "{err}");

    // Registered: captured as a major change with its note, audited; the
    // suggestion is answered, and the new snapshot suggests nothing more.
    let note = "Nytt namn på kanalen";
    let s4 = json(
        dir,
        &["changes", "register", s3_id, "--note", note, "--json"],
    );
    assert_eq!(s4["reason"], "major-change");
    assert_eq!(s4["reason_note"], note);
    assert_eq!(
        s4["pages"][0]["report"]["comparison"]["suggests_major_change"],
        false
    );
    assert_eq!(
        json(dir, &["changes", "list", "--json"]),
        Value::Array(vec![])
    );
    let audit = ok(dir, &["audit"]);
    assert!(audit.contains("change.register"), "{audit}");
    // Answered once: neither dismissed nor registered again.
    let err = user_error(dir, &["changes", "dismiss", s3_id]);
    assert!(err.contains("suggests no major change"), "{err}");

    // Another change (a new profile picture, the old name back, and new
    // rules on the rules page), dismissed: audited with its note, and no
    // longer listed.
    set_live_variant("picture");
    set_live_variant("rules-changed");
    let s5 = capture(dir, id);
    let s5_id = s5["id"].as_str().unwrap();
    let list = json(dir, &["changes", "list", "--json"]);
    assert_eq!(list[0]["snapshot_id"], s5["id"], "{list}");
    assert!(list[0]["signals"]
        .as_array()
        .unwrap()
        .contains(&Value::from("header-image")));
    let rules = &s5["pages"][1]["report"]["comparison"];
    assert_eq!(
        rules["signals"],
        serde_json::json!(["rules-page"]),
        "{rules}"
    );
    assert_eq!(list[0]["urls"].as_array().unwrap().len(), 2, "{list}");
    ok(
        dir,
        &[
            "changes",
            "dismiss",
            s5_id,
            "--note",
            "Tillfällig kampanjbild",
        ],
    );
    assert_eq!(
        json(dir, &["changes", "list", "--json"]),
        Value::Array(vec![])
    );
    let audit = json(dir, &["audit", "--json"]).to_string();
    assert!(
        audit.contains("change.dismiss") && audit.contains("Tillfällig kampanjbild"),
        "{audit}"
    );

    // The register rebuilt from the files keeps the comparisons and answers.
    ok(dir, &["reindex"]);
    assert_eq!(
        json(dir, &["history", "--json"])[2]["pages"][0]["comparison"],
        *c3
    );
    assert_eq!(
        json(dir, &["changes", "list", "--json"]),
        Value::Array(vec![])
    );

    // The thresholds are settings: with the whole page as the top band and
    // one changed tile enough, new posts alone suggest a major change; back
    // at the defaults, they do not (compare judges with the settings of now).
    let s2_id = s2["id"].as_str().unwrap();
    let judged =
        || json(dir, &["compare", s1_id, s2_id, "--json"])["suggests_major_change"].clone();
    assert_eq!(judged(), false);
    ok(
        dir,
        &[
            "settings",
            "set",
            "--comparison-header-height",
            "4000",
            "--comparison-header-tiles",
            "1",
        ],
    );
    assert_eq!(judged(), true);
    ok(
        dir,
        &[
            "settings",
            "set",
            "--comparison-header-height",
            "400",
            "--comparison-header-tiles",
            "2",
        ],
    );
    assert_eq!(judged(), false);
}
