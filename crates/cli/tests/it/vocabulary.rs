//! The use cases' refusals that were plain English text before issue 11's
//! last step: with `--lang sv` the user reads them in Swedish.

use crate::{add_facebook, sv_error};

#[test]
fn refusals_of_the_use_cases_speak_swedish() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let id = add_facebook(d, "Kommunen", "https://www.facebook.com/kommunen").to_string();

    let e = sv_error(d, &["channel", "edit", &id]);
    assert!(e.contains("Inget att ändra: ange minst ett fält"), "{e}");

    let e = sv_error(
        d,
        &[
            "channel",
            "edit",
            &id,
            "--remove-url",
            "https://example.org/nej",
        ],
    );
    assert!(
        e.contains(&format!(
            "Kanal {id} har ingen adress 'https://example.org/nej'"
        )),
        "{e}"
    );

    let folder = tempfile::tempdir().unwrap();
    let f = folder.path().to_str().unwrap();
    let e = sv_error(d, &["register", "export", f]);
    assert!(e.contains("är en mapp: ange ett filnamn"), "{e}");
    let missing = folder.path().join("saknas").join("register.csv");
    let e = sv_error(d, &["register", "export", missing.to_str().unwrap()]);
    assert!(e.contains("finns inte: skapa den"), "{e}");

    let e = sv_error(d, &["export", "--channel", "999", "--out", f]);
    assert!(e.contains("Ingen kanal har id 999"), "{e}");
    let inside = d.join("paket.zip");
    let e = sv_error(d, &["export", "--out", inside.to_str().unwrap()]);
    assert!(e.contains("ligger i Ögonblicks datamapp"), "{e}");

    let e = sv_error(d, &["due", "--at", "igår"]);
    assert!(e.contains("'igår' är inget datum och ingen tid"), "{e}");

    let mut cmd = crate::ogonblick();
    cmd.args(["--lang", "sv", "--data-dir"])
        .arg(d)
        .args(["--operator", " ", "channel", "list"]);
    let r = crate::finish(cmd.output().unwrap());
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("Operatörens namn är tomt"),
        "{}",
        r.stderr
    );

    let file = d.join("register.db.fil");
    std::fs::write(&file, "x").unwrap();
    let e = sv_error(&file, &["channel", "list"]);
    assert!(e.contains("är en fil, inte en mapp"), "{e}");

    let none = d.join("finns-inte");
    let e = sv_error(&none, &["reindex"]);
    assert!(e.contains("finns inte: ange med `--data-dir`"), "{e}");

    // The command line's own refusals.
    let e = sv_error(d, &["channel", "show", "tre"]);
    assert!(e.contains("'tre' är inget kanal-id"), "{e}");
    let e = sv_error(d, &["export", "--format", "rar", "--out", f]);
    assert!(e.contains("Okänt format 'rar'"), "{e}");
    let e = sv_error(d, &["settings", "set"]);
    assert!(e.contains("Inget att ändra: ange t.ex."), "{e}");
    let e = sv_error(d, &["settings", "show", "nyckel"]);
    assert!(e.contains("Okänd inställning 'nyckel'"), "{e}");
}
