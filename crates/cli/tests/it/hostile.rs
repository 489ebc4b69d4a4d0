//! `ogonblick capture` of hostile addresses, as a user sees it: the
//! temporary folder stays clean, and a PDF served at a page address is kept
//! as it came and leaves in a package that `verify` accepts.

use std::path::Path;
use std::process::Command;

use ogonblick_testsite::hostile::fixture_pdf;
use ogonblick_testsite::TestSite;
use serde_json::Value;

use super::{finish, json, ok};

/// `ogonblick --data-dir DIR --operator Testare ARGS` with `TMPDIR=tmp`.
pub fn with_tmpdir(dir: &Path, tmp: &Path, args: &[&str]) -> Command {
    let mut cmd = crate::ogonblick();
    cmd.arg("--data-dir")
        .arg(dir)
        .arg("--operator")
        .arg("Testare")
        .args(args)
        .env_remove("OGONBLICK_DATA_DIR")
        .env_remove("OGONBLICK_OPERATOR")
        .env("TMPDIR", tmp);
    cmd
}

pub fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

pub fn add(dir: &Path, name: &str, urls: &[&str]) -> String {
    let mut args = vec!["channel", "add", "--name", name, "--platform", "other"];
    for u in urls {
        args.push("--url");
        args.push(u);
    }
    ok(dir, &args).trim().to_string()
}

#[test]
fn a_capture_leaves_nothing_in_the_temporary_folder() {
    let site = TestSite::start().unwrap();
    let data = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let id = add(data.path(), "Kommunen på X", &[&site.url("/x")]);
    let r = finish(
        with_tmpdir(data.path(), tmp.path(), &["capture", &id, "--json"])
            .output()
            .unwrap(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let res: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(res[0]["snapshot"]["status"], "complete", "{res}");
    assert_eq!(
        entries(tmp.path()),
        Vec::<String>::new(),
        "a capture left these in TMPDIR"
    );
}

#[test]
fn a_pdf_at_a_page_address_is_kept_as_it_came_and_packaged() {
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let id = add(
        &dir,
        "Kommunens protokoll",
        &[&site.url("/hostile/pdf"), &site.url("/x")],
    );
    let caps = json(&dir, &["capture", &id, "--json"]);
    let snap = &caps[0]["snapshot"];
    assert_eq!(snap["status"], "complete", "{snap}");
    let files = &snap["pages"][0]["files"];
    assert_eq!(files.as_array().unwrap().len(), 1, "{files}");
    assert_eq!(files[0]["role"], "original");
    assert_eq!(files[0]["path"], "page-01.original.pdf");
    let folder = dir
        .join("channels")
        .join(&id)
        .join("snapshots")
        .join(snap["id"].as_str().unwrap());
    assert_eq!(
        std::fs::read(folder.join("page-01.original.pdf")).unwrap(),
        fixture_pdf()
    );

    ok(
        &dir,
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
    let pkg = tmp.path().join("protokoll.zip");
    ok(
        &dir,
        &[
            "export",
            "--channel",
            &id,
            "--archive-creator",
            "Kommunstyrelsen",
            "--out",
            pkg.to_str().unwrap(),
        ],
    );
    let report = json(&dir, &["verify", pkg.to_str().unwrap(), "--json"]);
    assert_eq!(report["ok"], true, "{report}");
    let mut zin = zip::ZipArchive::new(std::fs::File::open(&pkg).unwrap()).unwrap();
    let name = (0..zin.len())
        .map(|i| zin.by_index(i).unwrap().name().to_string())
        .find(|n| n.ends_with("page-01.original.pdf"))
        .expect("the served PDF is in the package");
    let e = zin.by_name(&name).unwrap();
    assert_eq!(
        e.compression(),
        zip::CompressionMethod::Stored,
        "PDFs are stored, never recompressed"
    );
    assert_eq!(e.size(), fixture_pdf().len() as u64);
}
