use crate::{add_facebook, facebook_args, json, run, user_error};

#[test]
fn every_bad_input_exits_1_with_one_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    add_facebook(d, "Finns", "https://www.facebook.com/finns");
    let before = json(d, &["channel", "list", "--json"]);
    let audit_before = json(d, &["audit", "--json"]);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["channel", "show", "42"], "no channel has id 42"),
        (vec!["channel", "show", "abc"], "not a channel id"),
        (
            vec!["channel", "edit", "42", "--name", "X"],
            "no channel has id 42",
        ),
        (vec!["channel", "close", "42"], "no channel has id 42"),
        (vec!["history", "--channel", "42"], "no channel has id 42"),
        (facebook_args("", "https://a.se", &[]), "name is empty"),
        (facebook_args("  ", "https://a.se", &[]), "name is empty"),
        (
            facebook_args("X", "ftp://a.se/x", &[]),
            "only http:// and https://",
        ),
        (
            facebook_args("X", "javascript:alert(1)", &[]),
            "only http:// and https://",
        ),
        (
            facebook_args("X", "file:///etc/passwd", &[]),
            "only http:// and https://",
        ),
        (
            facebook_args("X", "facebook.com/x", &[]),
            "start it with https://",
        ),
        (
            vec![
                "channel",
                "add",
                "--name",
                "X",
                "--platform",
                "myspace",
                "--url",
                "https://a.se",
            ],
            "use one of facebook",
        ),
        (
            facebook_args("X", "https://a.se", &["--policy", "weekly"]),
            "half-yearly",
        ),
        (
            facebook_args("Dubblett", "http://facebook.com/finns/", &[]),
            "already registered on channel 1",
        ),
        (
            facebook_args("X", "https://a.se", &["--url", "https://a.se/"]),
            "given twice",
        ),
        (vec!["channel", "edit", "1"], "nothing to change"),
        (vec!["channel", "edit", "1", "--name", ""], "name is empty"),
        (
            vec!["channel", "edit", "1", "--url", "javascript:void(0)"],
            "only http:// and https://",
        ),
        (
            vec![
                "channel",
                "edit",
                "1",
                "--remove-url",
                "https://www.facebook.com/finns",
            ],
            "at least one page address",
        ),
        (
            vec!["channel", "edit", "1", "--remove-url", "https://other.se"],
            "has no address",
        ),
        (
            vec!["register", "import", "/nonexistent/register.csv"],
            "cannot read the CSV file",
        ),
        (vec!["channel", "add", "--name", "X"], "required"),
        (vec!["channel", "frobnicate"], "unrecognized subcommand"),
        (vec!["--no-such-flag"], "unexpected argument"),
    ];
    for (args, expect) in cases {
        let r = run(d, &args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains(expect),
            "{args:?}: '{}' should contain '{expect}'",
            r.stderr
        );
        let clap_usage_error = args
            .iter()
            .any(|a| *a == "frobnicate" || *a == "--no-such-flag")
            || (args.len() == 4 && args[3] == "X");
        if !clap_usage_error {
            // Our own errors are one line; clap's usage errors carry a usage block.
            user_error(d, &args);
        }
        assert_eq!(
            json(d, &["channel", "list", "--json"]),
            before,
            "{args:?} changed the register"
        );
    }
    assert_eq!(
        json(d, &["audit", "--json"]),
        audit_before,
        "bad input must not be logged as a change"
    );
}

#[test]
fn a_folder_as_csv_is_an_environment_error() {
    let dir = tempfile::tempdir().unwrap();
    let msg = user_error(
        dir.path(),
        &["register", "import", dir.path().to_str().unwrap()],
    );
    assert!(msg.contains("cannot read the CSV file"), "{msg}");
}
