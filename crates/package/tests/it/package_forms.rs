//! What else an archivist checks of a package: the inventory is PDF/A-2b,
//! the same input gives the same bytes, and tar packages verify too.

use ogonblick_model::{CancelToken, CollectProgress, NoProgress, ProgressEvent};
use ogonblick_package::{verify_package, PackageFormat};

use crate::fixtures::*;
use crate::package::{export_zip, zip_entries};

#[test]
fn inventory_is_pdfa_2b_and_lists_every_file() {
    let tmp = tempfile::tempdir().unwrap();
    let s = export_zip(tmp.path());
    let e = zip_entries(&s.path);
    let pdf = &e[&format!("{}/documentation/inventory.pdf", s.objid)].1;
    let p = tmp.path().join("inv.pdf");
    std::fs::write(&p, pdf).unwrap();
    let text = std::process::Command::new("pdftotext")
        .arg(&p)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Innehållsförteckning"), "{text}");
    assert!(text.contains("Kultur- och fritidsnämnden"));
    let mets_text = String::from_utf8(
        e[&format!("{}/representations/rep1/METS.xml", s.objid)]
            .1
            .clone(),
    )
    .unwrap();
    // every data file's checksum is printed
    for cap in mets_text.split("CHECKSUM=\"").skip(1) {
        let sum = &cap[..64];
        assert!(text.contains(sum), "inventory lacks {sum}");
    }
    let raw = String::from_utf8_lossy(pdf);
    assert!(raw.contains("pdfaid:part") && raw.contains("GTS_PDFA1") && raw.contains("/FontFile2"));
    let info = std::process::Command::new("pdfinfo")
        .arg(&p)
        .output()
        .unwrap();
    assert!(info.status.success());
    let fonts = std::process::Command::new("pdffonts")
        .arg(&p)
        .output()
        .unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(
        fonts.contains("DejaVuSans") && fonts.contains(" yes "),
        "{fonts}"
    );
    // Offline PDF/A validation (asposepdfnodejs, as the capture tests use it;
    // PDF/A-2u is level B plus Unicode for every glyph, so it covers 2b).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/validators");
    assert!(
        root.join("node_modules/asposepdfnodejs").exists(),
        "run `npm install` in tests/validators (scripts/setup.sh does)"
    );
    let out = std::process::Command::new("node")
        .arg(root.join("pdfa-validate.cjs"))
        .arg(&p)
        .output()
        .expect("node");
    let v: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).trim()).unwrap();
    assert_eq!(
        v["compliant"],
        serde_json::json!(true),
        "PDF/A validation of the inventory: {v}"
    );
}

#[test]
fn same_input_same_clock_same_ids_gives_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let a = export_zip(&tmp.path().join("a"));
    let b = export_zip(&tmp.path().join("b"));
    assert_eq!(a.sha256, b.sha256);
    assert_eq!(
        std::fs::read(&a.path).unwrap(),
        std::fs::read(&b.path).unwrap()
    );
}

#[test]
fn tar_packages_verify_too_and_progress_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let req = request(&tmp.path().join("store"), PackageFormat::Tar);
    let out = tmp.path().join("paket.tar");
    let sink = CollectProgress::default();
    let s = export_with(&req, &out, &sink, &CancelToken::new()).unwrap();
    assert_eq!(s.path, out);
    let ev = sink.events();
    assert!(matches!(ev.first(), Some(ProgressEvent::Started { .. })));
    assert!(ev
        .iter()
        .any(|e| matches!(e, ProgressEvent::Bytes { done, total } if done == total)));
    assert!(matches!(
        ev.last(),
        Some(ProgressEvent::Finished { ok: true, .. })
    ));
    let listing = std::process::Command::new("tar")
        .arg("tf")
        .arg(&out)
        .output()
        .unwrap();
    assert!(listing.status.success());
    assert!(String::from_utf8_lossy(&listing.stdout).contains(&format!("{}/METS.xml", s.objid)));
    let r = verify_package(&out, &NoProgress).unwrap();
    assert!(r.ok, "{:#?}", r.problems);
    let bad = crate::validators::eark_unexpected(&out, 3);
    assert!(bad.is_empty(), "eark-validator on the tar: {bad:#?}");
}
