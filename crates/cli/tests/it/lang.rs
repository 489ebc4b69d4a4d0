//! `--lang sv|en` (and `$OGONBLICK_LANG`, `$LANG`): the engine's errors and a
//! report's problems in the chosen language.

use crate::hardening::zipcraft;
use crate::{finish, ogonblick, Run};

fn run_with(dir: &std::path::Path, env: &[(&str, &str)], args: &[&str]) -> Run {
    let mut cmd = ogonblick();
    cmd.arg("--data-dir").arg(dir.join("data")).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    finish(cmd.output().unwrap())
}

#[test]
fn an_error_in_english_by_default_and_in_swedish_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let pkg = tmp.path().join("inte-ett-paket.zip");
    std::fs::write(&pkg, "ingen zip").unwrap();
    let p = pkg.to_str().unwrap();
    let en = run_with(tmp.path(), &[], &["verify", p]);
    assert_eq!(en.code, 1, "{}", en.stderr);
    assert_eq!(
        en.stderr.trim(),
        format!("error: the package could not be read as zip or tar: {p} is neither a zip nor a tar file")
    );
    let sv = run_with(tmp.path(), &[], &["--lang", "sv", "verify", p]);
    assert_eq!(sv.code, 1, "{}", sv.stderr);
    assert_eq!(
        sv.stderr.trim(),
        format!("fel: Paketet kunde inte läsas: {p} är varken en zip- eller en tar-fil.")
    );
    // $LANG picks Swedish; $OGONBLICK_LANG (like --lang) wins over it.
    let by_lang = run_with(tmp.path(), &[("LANG", "sv_SE.UTF-8")], &["verify", p]);
    assert_eq!(by_lang.stderr, sv.stderr);
    let by_env = run_with(
        tmp.path(),
        &[("LANG", "sv_SE.UTF-8"), ("OGONBLICK_LANG", "en")],
        &["verify", p],
    );
    assert_eq!(by_env.stderr, en.stderr);
    let bad = run_with(tmp.path(), &[], &["--lang", "de", "verify", p]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("use sv or en"), "{}", bad.stderr);
}

#[test]
fn a_verify_reports_problems_in_the_chosen_language() {
    let tmp = tempfile::tempdir().unwrap();
    let pkg = tmp.path().join("tunt.zip");
    let z = zipcraft::build(&[zipcraft::Entry::stored("rot/fil.txt", b"hej")]);
    zipcraft::write_with_sidecar(&pkg, &z);
    let p = pkg.to_str().unwrap();
    let en = run_with(tmp.path(), &[], &["--lang", "en", "verify", p]);
    let sv = run_with(tmp.path(), &[], &["--lang", "sv", "verify", p]);
    assert_eq!((en.code, sv.code), (1, 1), "{} {}", en.stderr, sv.stderr);
    assert!(
        en.stdout
            .contains("rot/METS.xml: the root METS.xml is missing"),
        "{}",
        en.stdout
    );
    assert!(
        en.stdout
            .contains("rot/fil.txt: the file is not listed in any METS file"),
        "{}",
        en.stdout
    );
    assert!(
        sv.stdout.contains("rot/METS.xml: rotens METS.xml saknas"),
        "{}",
        sv.stdout
    );
    assert!(
        sv.stdout
            .contains("rot/fil.txt: filen finns inte med i någon METS-fil"),
        "{}",
        sv.stdout
    );
    assert!(!sv.stdout.contains("is missing"), "{}", sv.stdout);
}
