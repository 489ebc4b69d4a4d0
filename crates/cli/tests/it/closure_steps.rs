//! `ogonblick channel close --decision --diary`, `channel undo-close`,
//! `channel account-deleted` and `channel closure` (h-close), without a
//! capture (the full flow with a real package is in `package.rs`).

use std::path::Path;

use crate::{add_facebook, json, ok, run, sv_error};

fn audit_kinds(dir: &Path) -> Vec<String> {
    json(dir, &["audit", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"]["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_closure_with_its_decision_is_undone_and_started_afresh() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let id = add_facebook(d, "Fritidsgården", "https://facebook.com/fritid").to_string();

    // Nothing to undo yet; a decision with a control character is refused.
    let msg = sv_error(d, &["channel", "undo-close", &id]);
    assert_eq!(
        msg,
        format!("fel: Kanal {id} är aktiv, inte under avveckling: det finns ingen påbörjad avveckling att ångra.")
    );
    let before = audit_kinds(d);
    let msg = sv_error(
        d,
        &["channel", "close", &id, "--decision", "KS\u{1b}[2J §12"],
    );
    assert!(msg.starts_with("fel: beslutet ”KS"), "{msg}");
    assert_eq!(audit_kinds(d), before, "nothing audited");
    let show = json(d, &["channel", "show", &id, "--json"]);
    assert_eq!(show["status"], "active");

    ok(
        d,
        &[
            "channel",
            "close",
            &id,
            "--decision",
            "KS 2027-03-01 §12",
            "--diary",
            "KS 2027/31",
        ],
    );
    let s = json(d, &["channel", "closure", &id, "--json"]);
    assert_eq!(s["decision"], "KS 2027-03-01 §12");
    assert_eq!(s["diary_number"], "KS 2027/31");
    assert_eq!(s["can_undo"], true);
    assert_eq!(s["current"], "snapshot");
    let text = ok(d, &["channel", "closure", &id]);
    assert!(text.contains("decision:     KS 2027-03-01 §12"), "{text}");
    assert!(text.contains("diary number: KS 2027/31"), "{text}");
    assert!(
        text.contains("7. account deleted on the platform"),
        "{text}"
    );

    // Not closed yet: the deletion cannot be recorded.
    let msg = sv_error(
        d,
        &["channel", "account-deleted", &id, "--date", "2026-01-01"],
    );
    assert!(msg.contains("under avveckling, inte avvecklad"), "{msg}");

    let out = ok(d, &["channel", "undo-close", &id]);
    assert!(out.contains("is active again"), "{out}");
    let s = json(d, &["channel", "closure", &id, "--json"]);
    assert_eq!(s["channel"]["status"], "active");
    assert_eq!(s["channel"]["closing_started_at"], serde_json::Value::Null);
    assert_eq!(s["current"], "start");
    assert_eq!(s["decision"], serde_json::Value::Null);
    let audit = json(d, &["audit", "--json"]);
    let undo = audit.as_array().unwrap().last().unwrap();
    assert_eq!(undo["action"], "closure.undo");
    assert_eq!(undo["actor"], "Testare");
    assert_eq!(undo["event"]["to"], "active");

    // A new start begins afresh: the old decision does not carry over.
    ok(d, &["channel", "close", &id]);
    let s = json(d, &["channel", "closure", &id, "--json"]);
    assert_eq!(s["decision"], serde_json::Value::Null);
    assert_eq!(s["steps"][0]["done"], true);
    let r = run(d, &["channel", "account-deleted", &id]);
    assert_eq!(r.code, 1, "--date is required: {}", r.stderr);
}
