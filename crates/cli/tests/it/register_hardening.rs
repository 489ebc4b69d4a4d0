//! Input and output at the edges: addresses and names a terminal or a
//! browser would misread, a closed output pipe.

use std::path::Path;
use std::process::Stdio;

use crate::{add_facebook, facebook_args, finish, json, ok, run, user_error};

#[test]
fn addresses_the_capture_would_refuse_are_refused_by_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let d = &dir.path().join("data");
    let id = add_facebook(d, "Finns", "https://www.facebook.com/finns").to_string();
    let before = json(d, &["channel", "list", "--json"]);
    for (url, expect) in [
        ("https://www.facebook.com/nacka kommun", "contains a space"),
        ("https://www.facebook.com\\nacka", "backslash"),
        ("https:\\\\www.facebook.com\\nacka", "backslash"),
        ("https:www.facebook.com/nacka", "https://host/path"),
        ("https://www.facebook.com/\u{202e}akcan", "U+202E"),
    ] {
        let msg = user_error(d, &facebook_args("Ny", url, &[]));
        assert!(msg.contains(expect), "{url:?}: {msg}");
        let msg = user_error(d, &["channel", "edit", &id, "--add-url", url]);
        assert!(msg.contains(expect), "{url:?}: {msg}");
    }
    assert_eq!(json(d, &["channel", "list", "--json"]), before);
}

#[test]
fn sign_in_details_in_an_address_are_refused_with_the_way_to_sign_in() {
    let dir = tempfile::tempdir().unwrap();
    let d = &dir.path().join("data");
    let msg = user_error(
        d,
        &facebook_args(
            "Nacka",
            "https://anna:Hemligt123@www.facebook.com/nacka",
            &[],
        ),
    );
    assert!(msg.contains("Logga in på plattformen"), "{msg}");
    assert!(msg.contains("https://www.facebook.com/nacka"), "{msg}");
    assert!(
        !msg.contains("Hemligt123"),
        "the password is not repeated: {msg}"
    );
    let csv = dir.path().join("kanaler.csv");
    std::fs::write(
        &csv,
        "namn;plattform;adresser\nNacka;facebook;https://anna:Hemligt123@www.facebook.com/nacka\n",
    )
    .unwrap();
    let msg = user_error(d, &["register", "import", csv.to_str().unwrap()]);
    assert!(
        msg.contains("row 2") && msg.contains("Logga in på plattformen"),
        "{msg}"
    );
    assert!(!msg.contains("Hemligt123"), "{msg}");
    // Nothing of it anywhere in the data directory.
    let mut all = String::new();
    for e in walk(d) {
        all.push_str(&String::from_utf8_lossy(&std::fs::read(e).unwrap()));
    }
    assert!(!all.contains("Hemligt123"));
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.path().is_dir() {
                out.extend(walk(&e.path()));
            } else {
                out.push(e.path());
            }
        }
    }
    out
}

#[test]
fn control_characters_and_direction_overrides_in_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = &dir.path().join("data");
    let id = add_facebook(d, "Finns", "https://www.facebook.com/finns").to_string();
    let msg = user_error(
        d,
        &facebook_args("Nacka\u{1b}]0;pwned\u{7}", "https://x.se/a", &[]),
    );
    assert!(msg.contains("U+001B") && msg.contains("name"), "{msg}");
    assert!(!msg.contains('\u{1b}'), "the error itself is safe: {msg:?}");
    let msg = user_error(d, &["channel", "edit", &id, "--unit", "Enhet\u{202e}cba"]);
    assert!(msg.contains("U+202E") && msg.contains("unit"), "{msg}");
    let csv = dir.path().join("kanaler.csv");
    std::fs::write(
        &csv,
        "namn;plattform;adresser;ansvarig\nNacka;facebook;https://x.se/b;Åsa\u{1b}[2J\n",
    )
    .unwrap();
    let msg = user_error(d, &["register", "import", csv.to_str().unwrap()]);
    assert!(
        msg.contains("row 2") && msg.contains("responsible person") && msg.contains("U+001B"),
        "{msg}"
    );
}

#[test]
fn older_records_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let d = &dir.path().join("data");
    let id = add_facebook(d, "Nacka", "https://www.facebook.com/nacka");
    // A record written before the register refused such text.
    let conn =
        ogonblick_app::store::rusqlite::Connection::open(d.join("ogonblick.sqlite")).unwrap();
    conn.execute(
        "UPDATE channels SET name = ?1, responsible = ?2 WHERE id = ?3",
        (
            "Nacka\u{1b}]0;pwned\u{7}\u{1b}[2J",
            "Åsa\u{202e}gnp.exe\u{9b}31m",
            id,
        ),
    )
    .unwrap();
    drop(conn);
    for args in [
        vec!["channel", "list"],
        vec!["channel", "show", "1"],
        vec!["channel", "list", "--json"],
        vec!["channel", "show", "1", "--json"],
        vec!["due"],
        vec!["coverage"],
    ] {
        let out = ok(d, &args);
        assert!(
            !out.chars()
                .any(|c| matches!(c, '\u{1b}' | '\u{7}' | '\u{9b}' | '\u{202e}')),
            "{args:?} printed a raw control character: {out:?}"
        );
        assert!(out.contains("Nacka"), "{args:?}: {out}");
    }
    let shown = ok(d, &["channel", "show", "1"]);
    assert!(shown.contains("Nacka\\u{001b}]0;pwned"), "{shown}");
    // JSON escapes are the same value: the data is not changed.
    let v = json(d, &["channel", "show", "1", "--json"]);
    assert_eq!(v["name"], "Nacka\u{1b}]0;pwned\u{7}\u{1b}[2J");
    assert_eq!(v["responsible"], "Åsa\u{202e}gnp.exe\u{9b}31m");
}

/// Runs the command with its stdout on a pipe whose reader is already gone.
fn into_closed_pipe(dir: &Path, args: &[&str]) -> crate::Run {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = crate::ogonblick()
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("OGONBLICK_DATA_DIR")
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    finish(out)
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let d = &dir.path().join("data");
    for i in 0..3 {
        add_facebook(d, &format!("Kanal {i}"), &format!("https://x.se/{i}"));
    }
    for args in [
        vec!["channel", "list"],
        vec!["channel", "list", "--json"],
        vec!["channel", "show", "1"],
        vec!["due"],
        vec!["due", "--json"],
        vec!["history"],
        vec!["audit"],
    ] {
        let r = into_closed_pipe(d, &args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr, "", "{args:?} is quiet");
    }
    // A real error still is one.
    let r = into_closed_pipe(d, &["channel", "show", "99"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(run(d, &["channel", "list"]).stdout.contains("Kanal 2"));
}
