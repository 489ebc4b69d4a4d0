//! `ogonblick retention|hold|diary keep|dispose` refuse bad input with a
//! clear sentence and change nothing.

use super::{json, run, user_error};

#[test]
fn bad_retention_hold_and_diary_input_is_refused_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let rules = json(&d, &["retention", "show", "--json"]);
    for (args, says) in [
        (
            vec!["retention", "set", "--kind", "post", "--keep"],
            "not a document kind",
        ),
        (
            vec![
                "retention",
                "set",
                "--kind",
                "removal",
                "--dispose-after",
                "0m",
                "--decision",
                "X",
            ],
            "not a retention period",
        ),
        (
            vec![
                "retention",
                "set",
                "--kind",
                "removal",
                "--dispose-after",
                "tolv",
                "--decision",
                "X",
            ],
            "not a retention period",
        ),
        (
            vec![
                "retention",
                "set",
                "--kind",
                "removal",
                "--dispose-after",
                "1y",
            ],
            "--decision",
        ),
        (vec!["retention", "set", "--kind", "removal"], "--keep"),
        (
            vec![
                "retention",
                "set",
                "--kind",
                "removal-ground:okand",
                "--keep",
            ],
            "okand",
        ),
        (
            vec![
                "retention",
                "remove",
                "--kind",
                "report",
                "--board",
                "Ingen",
            ],
            "no rule",
        ),
        (
            vec!["hold", "set", "nope", "--reason", "x"],
            "no snapshot or removal record has id nope",
        ),
        (vec!["hold", "clear", "nope"], "not on hold"),
        (vec!["diary", "unkeep", "KS 1/1"], "not marked to keep"),
        (vec!["diary", "keep", "  "], "give the diary number"),
    ] {
        let e = user_error(&d, &args);
        assert!(e.contains(says), "{args:?}: {e}");
    }
    assert_eq!(json(&d, &["retention", "show", "--json"]), rules);
    assert_eq!(run(&d, &["dispose", "--dry-run", "--confirm"]).code, 1);
    let holds = json(&d, &["hold", "list", "--json"]);
    assert_eq!(
        holds,
        serde_json::json!({"holds": [], "kept_diary_numbers": []})
    );
}
