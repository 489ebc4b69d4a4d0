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
