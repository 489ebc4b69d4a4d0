//! A one-address capture (*enskild adress*, `Snapshot::single_address`) in a
//! package: the capture record the METS points to, PREMIS, the how-taken
//! text and the PDF/A inventory say it was a capture of that one address,
//! and the package verifies (the capture record against its schema).

use ogonblick_model::{CancelToken, NoProgress, SequentialIds, SnapshotManifest, SnapshotReason};
use ogonblick_package::{export_package, verify_package, PackageFormat};

use crate::fixtures::*;
use crate::package::zip_entries;

#[test]
fn a_one_address_capture_is_named_in_the_capture_record_premis_and_inventory() {
    let tmp = tempfile::tempdir().unwrap();
    let mut req = request(&tmp.path().join("store"), PackageFormat::Zip);
    let (m, dir) = &mut req.snapshots[1];
    let post = m.snapshot.pages[0].url.clone();
    m.snapshot.single_address = Some(post.clone());
    m.snapshot.reason = SnapshotReason::SingleItem;
    std::fs::write(
        dir.join(SnapshotManifest::FILE_NAME),
        serde_json::to_vec_pretty(&*m).unwrap(),
    )
    .unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let s = export_package(
        &req,
        &out,
        &clock(),
        &SequentialIds::default(),
        &NoProgress,
        &CancelToken::new(),
    )
    .unwrap();
    let e = zip_entries(&s.path);
    let text = |suffix: &str| -> Vec<String> {
        e.iter()
            .filter(|(k, _)| k.ends_with(suffix))
            .map(|(_, (_, v))| String::from_utf8_lossy(v).into_owned())
            .collect()
    };

    // The capture record of the second snapshot (referenced from METS).
    let records: Vec<String> = e
        .iter()
        .filter(|(k, _)| k.contains("/metadata/descriptive/"))
        .map(|(_, (_, v))| String::from_utf8_lossy(v).into_owned())
        .collect();
    let single: Vec<&String> = records
        .iter()
        .filter(|r| r.contains("<singleAddress>"))
        .collect();
    assert_eq!(single.len(), 1, "{records:#?}");
    assert!(single[0].contains(&format!("<singleAddress>{post}</singleAddress>")));
    assert!(single[0].contains("<reason>single-item</reason>"));

    // PREMIS: the capture event says it was a one-address capture (in the
    // organisation's language, Swedish here).
    let premis = text("premis.xml").join("\n");
    assert!(
        premis.contains(&format!(", enskild adress {post})")),
        "{premis}"
    );
    // The how-it-was-taken text.
    let how = text(".md").join("\n");
    assert!(how.contains(&format!("Enskild adress: {post}")), "{how}");

    // The inventory (PDF/A), as a person reads it.
    let pdf = &e[&format!("{}/documentation/inventory.pdf", s.objid)].1;
    let p = tmp.path().join("inv.pdf");
    std::fs::write(&p, pdf).unwrap();
    let inv = std::process::Command::new("pdftotext")
        .arg(&p)
        .arg("-")
        .output()
        .unwrap();
    let inv = String::from_utf8_lossy(&inv.stdout);
    assert!(inv.contains("Enskild adress"), "{inv}");

    let r = verify_package(&s.path, &NoProgress).unwrap();
    assert!(r.ok, "{:#?}", r.problems);
    assert!(r.schemas_checked);
}
