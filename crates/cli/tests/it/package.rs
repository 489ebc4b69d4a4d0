//! `ogonblick export`, `verify` and `close-complete`: the pre-closure flow of
//! an archivist, from the terminal, with a real Chromium, the fixture site,
//! a real zip and the real verifier.

use std::io::{Read, Write};
use std::path::Path;

use ogonblick_testsite::TestSite;
use serde_json::Value;

use super::{json, ok, run, sv_error, user_error};

fn add(dir: &Path, name: &str, urls: &[&str]) -> i64 {
    let mut args = vec![
        "channel",
        "add",
        "--name",
        name,
        "--platform",
        "instagram",
        "--board",
        "Kultur- och fritidsnämnden",
        "--unit",
        "Kulturhuset",
    ];
    for u in urls {
        args.push("--url");
        args.push(u);
    }
    ok(dir, &args).trim().parse().unwrap()
}

fn status(dir: &Path, id: i64) -> String {
    let v = json(dir, &["channel", "show", &id.to_string(), "--json"]);
    v["status"].as_str().unwrap_or_default().to_string()
}

/// Rewrites `src` into `dst` with one byte of the entry `victim` flipped (a
/// valid zip with correct CRCs: only Ögonblick's own checks can see it).
fn flip_one_byte(src: &Path, dst: &Path, victim: &str) {
    let mut zin = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().to_string();
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        if e.is_dir() {
            zout.add_directory(name, opts).unwrap();
            continue;
        }
        let mut bytes = Vec::new();
        e.read_to_end(&mut bytes).unwrap();
        if name == victim {
            let mid = bytes.len() / 2;
            bytes[mid] ^= 0x01;
        }
        zout.start_file(name, opts).unwrap();
        zout.write_all(&bytes).unwrap();
    }
    zout.finish().unwrap();
}

#[test]
fn pre_closure_flow_from_the_terminal() {
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // Packages go outside the data folder (export refuses it).
    let media = tempfile::tempdir().unwrap();
    let id = add(dir, "Kulturhuset på Instagram", &[&site.url("/instagram")]);
    let sid = id.to_string();
    ok(
        dir,
        &[
            "settings",
            "set",
            "--name",
            "Nacka kommun",
            "--org-number",
            "212000-0167",
            "--e-archive",
            "Nacka e-arkiv",
        ],
    );

    // Closing cannot be completed before it is started.
    let pkg0 = media.path().join("none.zip");
    let msg = user_error(
        dir,
        &["close-complete", &sid, "--package", pkg0.to_str().unwrap()],
    );
    assert!(msg.contains("start the closure"), "{msg}");

    // An ad-hoc snapshot taken before the closure does not count for it.
    ok(dir, &["capture", &sid]);
    ok(dir, &["channel", "close", &sid]);
    assert_eq!(status(dir, id), "closing");
    let out = media.path().join("early.zip");
    ok(
        dir,
        &["export", "--channel", &sid, "--out", out.to_str().unwrap()],
    );
    let msg = user_error(
        dir,
        &["close-complete", &sid, "--package", out.to_str().unwrap()],
    );
    assert!(msg.contains("--reason pre-closure"), "{msg}");
    assert_eq!(status(dir, id), "closing", "nothing changed");

    // The final snapshot, then a package that holds it.
    let caps = json(dir, &["capture", &sid, "--reason", "pre-closure", "--json"]);
    let snap: &Value = caps
        .as_array()
        .and_then(|a| a.iter().find_map(|c| c.get("snapshot")))
        .unwrap_or_else(|| panic!("no snapshot in {caps}"));
    assert_eq!(snap["status"], "complete", "{snap}");
    let final_id = snap["id"].as_str().unwrap().to_string();

    // h-close: with the final snapshot taken the closure cannot be undone.
    let msg = sv_error(dir, &["channel", "undo-close", &sid]);
    assert_eq!(
        msg,
        format!("fel: Avvecklingen av kanal {id} kan inte längre ångras: den slutliga ögonblicksbilden {final_id} är redan tagen. Slutför avvecklingen (granska, exportera och kontrollera arkivpaketet) i stället.")
    );
    assert_eq!(status(dir, id), "closing", "nothing changed");

    // The early package does not hold the final snapshot.
    let msg = user_error(
        dir,
        &["close-complete", &sid, "--package", out.to_str().unwrap()],
    );
    assert!(msg.contains("does not hold"), "{msg}");

    let pkg = media.path().join("Kulturhuset avslut.zip");
    let summary = json(
        dir,
        &[
            "export",
            "--channel",
            &sid,
            "--out",
            pkg.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(
        summary["snapshots"], 2,
        "both complete snapshots: {summary}"
    );
    assert!(pkg.is_file());
    let sidecar = media.path().join("Kulturhuset avslut.zip.sha256");
    assert!(sidecar.is_file(), "the .sha256 sidecar beside the package");
    // The sidecar is what `sha256sum -c` reads, even with a space in the name.
    let check = std::process::Command::new("sha256sum")
        .arg("-c")
        .arg(&sidecar)
        .current_dir(media.path())
        .output()
        .expect("sha256sum");
    assert!(
        check.status.success(),
        "sha256sum -c: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    let report = json(dir, &["verify", pkg.to_str().unwrap(), "--json"]);
    assert_eq!(report["ok"], true, "{report}");
    assert!(
        report["snapshot_ids"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == final_id.as_str()),
        "{report}"
    );

    // A tampered copy: verify names the file and exits 1; closing refuses it.
    let mut zin = zip::ZipArchive::new(std::fs::File::open(&pkg).unwrap()).unwrap();
    let victim = (0..zin.len())
        .map(|i| zin.by_index(i).unwrap().name().to_string())
        .find(|n| n.ends_with(".png"))
        .expect("a PNG in the package");
    let bad = media.path().join("tampered.zip");
    flip_one_byte(&pkg, &bad, &victim);
    let r = run(dir, &["verify", bad.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("NOT OK"), "{}", r.stdout);
    let msg = user_error(
        dir,
        &["close-complete", &sid, "--package", bad.to_str().unwrap()],
    );
    assert!(msg.contains("did not verify"), "{msg}");
    assert_eq!(status(dir, id), "closing");

    // The real package closes the channel; the audit log tells who did what.
    let done = json(
        dir,
        &[
            "close-complete",
            &sid,
            "--package",
            pkg.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(done["snapshot_id"], final_id.as_str());
    assert_eq!(status(dir, id), "closed");
    let audit = json(dir, &["audit", "--json"]);
    let actions: Vec<String> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["channel_id"] == id)
        .map(|e| {
            format!(
                "{} by {}",
                e["action"].as_str().unwrap_or(""),
                e["actor"].as_str().unwrap_or("")
            )
        })
        .collect();
    for wanted in ["package.export", "package.verify", "closure.complete"] {
        assert!(
            actions
                .iter()
                .any(|a| a.starts_with(wanted) && a.ends_with("by Testare")),
            "{wanted} by Testare missing in {actions:?}"
        );
    }

    // h-close: the last step, the day the account was deleted on the platform.
    let checklist = json(dir, &["channel", "closure", &sid, "--json"]);
    assert_eq!(checklist["steps"][6]["step"], "deleted", "{checklist}");
    assert_eq!(checklist["steps"][6]["done"], false, "{checklist}");
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Stockholm)
        .date_naive();
    let tomorrow = (today + chrono::Duration::days(1)).to_string();
    let msg = sv_error(
        dir,
        &["channel", "account-deleted", &sid, "--date", &tomorrow],
    );
    assert_eq!(
        msg,
        format!("fel: Datumet {tomorrow} har inte kommit än (i dag är det {today}): ange dagen då kontot raderades på plattformen.")
    );
    let msg = user_error(
        dir,
        &["channel", "account-deleted", &sid, "--date", "2020-01-01"],
    );
    assert!(msg.contains("before the closure started"), "{msg}");
    let msg = user_error(
        dir,
        &["channel", "account-deleted", &sid, "--date", "i går"],
    );
    assert!(msg.contains("YYYY-MM-DD"), "{msg}");
    let checklist = json(dir, &["channel", "closure", &sid, "--json"]);
    assert_eq!(checklist["steps"][6]["done"], false, "nothing changed");
    let today = today.to_string();
    let done = json(
        dir,
        &[
            "channel",
            "account-deleted",
            &sid,
            "--date",
            &today,
            "--json",
        ],
    );
    assert_eq!(done["deleted_on"], today.as_str());
    assert_eq!(done["steps"][6]["done"], true, "{done}");
    assert_eq!(done["steps"][6]["actor"], "Testare", "{done}");
    let text = ok(dir, &["channel", "closure", &sid]);
    assert!(text.contains(&format!("deleted on {today}")), "{text}");
}
