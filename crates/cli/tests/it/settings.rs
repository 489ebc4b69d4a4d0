//! `ogonblick settings`: the organisation settings, and the other settings
//! documents by their key.

use crate::{json, ok, user_error};

#[test]
fn settings_are_shown_by_key_and_an_unknown_key_lists_the_known_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["settings", "set", "--name", "Nacka kommun"]);
    assert_eq!(
        json(dir, &["settings", "show", "--json"])["name"],
        "Nacka kommun"
    );
    assert_eq!(
        json(dir, &["settings", "show", "organisation", "--json"])["name"],
        "Nacka kommun"
    );
    assert_eq!(
        json(dir, &["settings", "show", "package"])["organisation_name"],
        "Nacka kommun"
    );
    assert_eq!(
        json(dir, &["settings", "show", "scheduler"])["auto_capture"],
        false
    );
    let e = user_error(dir, &["settings", "show", "schema"]);
    assert!(
        e.contains("'schema'") && e.contains("organisation, package, scheduler"),
        "{e}"
    );
}

#[test]
fn comparison_thresholds_are_set_audited_and_a_value_out_of_bounds_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let defaults = json(dir, &["settings", "show", "comparison"]);
    assert_eq!(defaults["header_tiles"], 2);

    ok(
        dir,
        &[
            "settings",
            "set",
            "--comparison-header-tiles",
            "5",
            "--comparison-header-text-similarity",
            "0.75",
            "--comparison-rules-page-text-similarity",
            "0.6",
        ],
    );
    let c = json(dir, &["settings", "show", "comparison"]);
    assert_eq!(c["header_tiles"], 5, "{c}");
    assert_eq!(c["header_text_similarity"], 0.75, "{c}");
    // The rules pages' threshold is a setting of its own.
    assert_eq!(defaults["rules_page_text_similarity"], 0.9, "{defaults}");
    assert_eq!(c["rules_page_text_similarity"], 0.6, "{c}");
    // The others are kept.
    assert_eq!(c["header_height"], defaults["header_height"], "{c}");
    assert_eq!(c["tile_size"], defaults["tile_size"], "{c}");
    let audit = json(dir, &["audit", "--json"]).to_string();
    assert!(
        audit.contains("settings.set") && audit.contains("comparison"),
        "{audit}"
    );

    // Out of bounds: refused with the bounds, and nothing given with it is
    // stored either (the timeout, the other threshold).
    let e = user_error(
        dir,
        &[
            "settings",
            "set",
            "--tsa-timeout",
            "30",
            "--comparison-tile-distance",
            "3",
            "--comparison-tile-size",
            "0",
        ],
    );
    assert!(e.contains("tile size") && e.contains("8 to 512"), "{e}");
    let e = user_error(
        dir,
        &[
            "settings",
            "set",
            "--comparison-header-text-similarity",
            "1.5",
        ],
    );
    assert!(e.contains("give 0 to 1"), "{e}");
    let e = user_error(
        dir,
        &[
            "settings",
            "set",
            "--comparison-rules-page-text-similarity",
            "2",
        ],
    );
    assert!(e.contains("give 0 to 1"), "{e}");
    assert_eq!(json(dir, &["settings", "show", "comparison"]), c);
    assert_ne!(
        json(dir, &["settings", "show", "timestamp"])["timeout_secs"],
        30
    );
}
