//! The CLI's own reports (not only its refusals) follow `--lang`: the export
//! and its preview, a closure started and its checklist, what disposal
//! would do, and a package refused by the packager. `--json` is unchanged.

use ogonblick_model::SnapshotReason;

use super::dispose_fixtures::{biblioteket, kommunen, open_then, snapshot};
use super::{json, ok, run};

/// `ogonblick --lang sv ARGS`: its stdout, after a success.
fn sv(d: &std::path::Path, args: &[&str]) -> String {
    let mut all = vec!["--lang", "sv"];
    all.extend_from_slice(args);
    ok(d, &all)
}

#[test]
fn reports_of_the_cli_speak_swedish() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    let out = tmp.path().join("ut");
    std::fs::create_dir_all(&out).unwrap();
    let (ks, other) = {
        let app = open_then(&d);
        let ks = kommunen(&app);
        let other = biblioteket(&app);
        snapshot(
            &app,
            ks,
            "s-item",
            SnapshotReason::SingleItem,
            "https://www.facebook.com/p/1",
        );
        (ks.to_string(), other.to_string())
    };
    ok(&d, &["settings", "set", "--name", "Kommunen kommun"]);

    // The export's preview and the package written.
    let p = sv(
        &d,
        &[
            "export",
            "--channel",
            &ks,
            "--dry-run",
            "--include-incomplete",
        ],
    );
    assert!(
        p.contains("Arkivpaket: 1 ögonblicksbild, 0 poster om borttaget innehåll"),
        "{p}"
    );
    assert!(p.contains("1 sida "), "{p}");
    let p = sv(&d, &["export", "--channel", &other, "--dry-run"]);
    assert!(
        p.contains("Inget att paketera: ingen ögonblicksbild stämmer med urvalet."),
        "{p}"
    );
    let pkg = out.join("paket.zip");
    let w = sv(
        &d,
        &["export", "--channel", &ks, "--out", pkg.to_str().unwrap()],
    );
    assert!(
        w.contains("Arkivpaketet ") && w.contains(" är skrivet: "),
        "{w}"
    );
    assert!(w.contains("(kontrollsummefil "), "{w}");
    let v = sv(&d, &["verify", pkg.to_str().unwrap()]);
    assert!(v.starts_with("Godkänt: "), "{v}");

    // The packager's own refusal: a package is never written over.
    let mut args = vec!["--lang", "sv", "export", "--channel", &ks, "--out"];
    let pkg_s = pkg.to_str().unwrap().to_string();
    args.push(&pkg_s);
    let r = run(&d, &args);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("finns redan: välj ett annat namn"),
        "{}",
        r.stderr
    );

    // A closure started, and its checklist.
    let c = sv(&d, &["channel", "close", &other, "--decision", "KS §12"]);
    assert!(
        c.contains(&format!("Avvecklingen av kanal {other} har påbörjats")),
        "{c}"
    );
    let started = json(&d, &["channel", "close", &ks, "--json"]);
    assert_eq!(started["remaining"]["key"], "closure-started", "{started}");
    let list = sv(&d, &["channel", "closure", &other]);
    assert!(list.contains("beslut:       KS §12"), "{list}");
    assert!(list.contains("påbörja avvecklingen"), "{list}");
    assert!(list.contains("slutlig ögonblicksbild"), "{list}");
    assert!(list.contains("klart") && list.contains("nästa"), "{list}");
    assert!(
        list.contains("Avvecklingen kan fortfarande ångras"),
        "{list}"
    );

    // What disposal would do.
    ok(
        &d,
        &[
            "retention",
            "set",
            "--kind",
            "snapshot:single-item",
            "--dispose-after",
            "12m",
            "--decision",
            "KS 2019/233",
        ],
    );
    let k = sv(&d, &["diary", "keep", "KS 2025/7"]);
    assert!(
        k.contains("Handlingarna med diarienummer KS 2025/7 ska bevaras."),
        "{k}"
    );
    let g = sv(&d, &["dispose", "--dry-run"]);
    assert!(g.contains("Att gallra: 1"), "{g}");
    assert!(g.contains("GALLRAS SEDAN") && g.contains("BESLUT"), "{g}");
}
