//! Integration tests: the real `ogonblick` binary against temporary data
//! directories.

mod bad_input;
mod capture;
mod capture_address;
mod changes;
mod channels;
mod claims;
mod closure_steps;
mod coverage;
mod diary;
mod dispose;
mod dispose_bad_input;
mod dispose_fixtures;
mod dispose_kill;
mod due;
mod full_disk;
mod hardening;
mod hostile;
mod import_kill;
mod kill;
mod lang;
mod mark;
mod migrate;
mod migrate_guard;
mod org_units;
mod package;
mod postgres;
mod postgres_claims;
mod postgres_roles;
mod register;
mod register_hardening;
mod removal;
mod removal_edit;
mod removal_flow;
mod removal_report;
mod role;
mod settings;
mod timestamp;
mod vocabulary;
mod vocabulary_cli;
mod vocabulary_cli_checks;
mod vocabulary_reports;
mod web_archive;

use std::path::Path;
use std::process::{Command, Output};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The `ogonblick` binary, in English whatever the machine's `LANG` says
/// (the tests assert English unless they ask for Swedish with `--lang sv`).
pub fn ogonblick() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ogonblick"));
    cmd.env_remove("LANG").env_remove("OGONBLICK_LANG");
    // Never the tester's own saved shared register (Inställningar).
    cmd.env("OGONBLICK_CONFIG_DIR", no_config_dir());
    cmd
}

/// A config folder without a saved shared register.
pub fn no_config_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-saved-register")
}

/// Runs `ogonblick --data-dir DIR --operator Testare ARGS`.
pub fn run(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = ogonblick();
    cmd.arg("--data-dir")
        .arg(dir)
        .arg("--operator")
        .arg("Testare")
        .args(args);
    cmd.env_remove("OGONBLICK_DATA_DIR")
        .env_remove("OGONBLICK_OPERATOR")
        .env_remove("OGONBLICK_DATABASE");
    finish(cmd.output().expect("run ogonblick"))
}

pub fn finish(o: Output) -> Run {
    Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8(o.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(o.stderr).expect("utf-8 stderr"),
    }
}

/// Runs and expects success; returns stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let r = run(dir, args);
    assert_eq!(r.code, 0, "{args:?} failed: {}", r.stderr);
    r.stdout
}

pub fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let out = ok(dir, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {out}"))
}

/// A user error: exit 1 and exactly one line `error: …` on stderr.
pub fn user_error(dir: &Path, args: &[&str]) -> String {
    let r = run(dir, args);
    assert_eq!(
        r.code, 1,
        "{args:?} should exit 1; stdout {} stderr {}",
        r.stdout, r.stderr
    );
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "{args:?}: one line expected, got {:?}",
        r.stderr
    );
    assert!(lines[0].starts_with("error: "), "{}", lines[0]);
    assert!(r.stdout.is_empty(), "nothing on stdout: {}", r.stdout);
    lines[0].to_string()
}

/// A user error in Swedish (`--lang sv`): exit 1, one line `fel: …`,
/// nothing on stdout; returns the line.
pub fn sv_error(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["--lang", "sv"];
    all.extend_from_slice(args);
    let r = run(dir, &all);
    assert_eq!(r.code, 1, "{all:?}: {}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{:?}", r.stderr);
    assert!(lines[0].starts_with("fel: "), "{}", lines[0]);
    lines[0].to_string()
}

/// The arguments of `channel add` for a Facebook channel called `name` at
/// `url`, then `extra` (e.g. `["--board", "Kulturnämnden", "--unit", "Bibliotek"]`).
pub fn facebook_args<'a>(name: &'a str, url: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "channel",
        "add",
        "--name",
        name,
        "--platform",
        "facebook",
        "--url",
        url,
    ];
    args.extend_from_slice(extra);
    args
}

pub fn add_facebook(dir: &Path, name: &str, url: &str) -> i64 {
    ok(dir, &facebook_args(name, url, &[]))
        .trim()
        .parse()
        .unwrap()
}
