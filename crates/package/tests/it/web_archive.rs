//! A snapshot's web archive (WACZ) in a package: a representation of its
//! own (`representations/rep2/`, its own METS, PRONOM's ZIP id x-fmt/263),
//! in a package of snapshots and in one of removal records whose evidence
//! snapshot has one; checked by `verify`, xmllint, eark-validator and
//! `sha256sum -c` of the snapshot's manifest as an outsider runs it.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use ogonblick_model::{FileRole, SnapshotManifest};
use ogonblick_package::{verify_package, PackageFormat, PackageRequest};
use ogonblick_timestamp::manifest::{render_manifest, ManifestLine};

use crate::fixtures::{export, file_record, request};

/// A small WACZ as the capture stores it: the WARC first, then the index,
/// the pages and the datapackage.
fn wacz_bytes() -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, body) in [
        ("archive/data.warc.gz", &b"\x1f\x8b not really gzip"[..]),
        ("indexes/index.cdx", b"org,example)/ 20260311090000 {}\n"),
        ("pages/pages.jsonl", b"{\"format\":\"json-pages-1.0\"}\n"),
        (
            "datapackage.json",
            b"{\"profile\":\"data-package\",\"wacz_version\":\"1.1.1\"}",
        ),
    ] {
        z.start_file(name, stored).unwrap();
        z.write_all(body).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// Gives the request's first snapshot a WACZ and every snapshot the
/// manifest of its files (`manifest-sha256.txt`), as captures now have.
fn with_web_archive(req: &mut PackageRequest) {
    for (i, (m, dir)) in req.snapshots.iter_mut().enumerate() {
        if i == 0 {
            let rec = file_record(dir, "web-archive.wacz", FileRole::WebArchive, &wacz_bytes());
            m.snapshot.files.push(rec);
        }
        std::fs::write(
            dir.join(SnapshotManifest::FILE_NAME),
            serde_json::to_vec_pretty(&*m).unwrap(),
        )
        .unwrap();
        let lines: Vec<ManifestLine> = m
            .snapshot
            .pages
            .iter()
            .flat_map(|p| p.files.iter())
            .chain(&m.snapshot.files)
            .map(|f| ManifestLine {
                sha256: f.sha256.clone(),
                path: f.path.clone(),
            })
            .collect();
        std::fs::write(
            dir.join("manifest-sha256.txt"),
            render_manifest(&lines).unwrap(),
        )
        .unwrap();
    }
}

fn xmllint_mets(root: &Path, files: &[&Path]) -> (bool, String) {
    std::fs::write(
        root.join("schemas/driver.xsd"),
        r#"<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:driver">
<xsd:import namespace="http://www.w3.org/1999/xlink" schemaLocation="xlink.xsd"/>
<xsd:import namespace="http://www.loc.gov/METS/" schemaLocation="mets.xsd"/>
<xsd:import namespace="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" schemaLocation="DILCISExtensionMETS.xsd"/>
<xsd:import namespace="https://DILCIS.eu/XML/METS/SIPExtensionMETS" schemaLocation="DILCISExtensionSIPMETS.xsd"/>
</xsd:schema>"#,
    )
    .unwrap();
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(root.join("schemas/driver.xsd"))
        .args(files)
        .output()
        .expect("xmllint (libxml2-utils) must be installed");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    std::fs::remove_file(root.join("schemas/driver.xsd")).unwrap();
    (out.status.success(), err)
}

/// Exports `req`, unpacks it and checks everything a WACZ in rep2 promises;
/// `creator_org` is the submitting agent's position for eark-validator.
fn check_package(req: &PackageRequest, tmp: &Path, creator_org: usize) {
    let out = tmp.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let s = export(req, &out).unwrap();
    let r = verify_package(&s.path, &ogonblick_model::NoProgress).unwrap();
    assert!(r.ok, "{:#?}", r.problems);
    assert!(r.schemas_checked);

    let x = tmp.join("x");
    zip::ZipArchive::new(std::fs::File::open(&s.path).unwrap())
        .unwrap()
        .extract(&x)
        .unwrap();
    let root = x.join(&s.objid);
    // The WACZ lies in rep2, in its snapshot's folder, and not in rep1.
    let folders: Vec<_> = std::fs::read_dir(root.join("representations/rep2/data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(folders.len(), 1, "{folders:?}");
    let dir = &folders[0];
    let wacz = root.join(format!("representations/rep2/data/{dir}/web-archive.wacz"));
    assert_eq!(std::fs::read(&wacz).unwrap(), wacz_bytes());
    let rep1 = root.join(format!("representations/rep1/data/{dir}"));
    assert!(rep1.join("page-01/screenshot.png").is_file());
    assert!(!rep1.join("web-archive.wacz").exists());

    // Its own METS names it with its format (PRONOM's ZIP, WACZ 1.1.1), and
    // rep1's does not; the root METS points to both representations.
    let rep2_mets = std::fs::read_to_string(root.join("representations/rep2/METS.xml")).unwrap();
    let doc = roxmltree::Document::parse(&rep2_mets).unwrap();
    let files: Vec<_> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "file")
        .collect();
    assert_eq!(files.len(), 1, "{rep2_mets}");
    let f = files[0];
    let attr = |k: &str| {
        f.attributes()
            .find(|a| a.name() == k)
            .map(|a| a.value().to_string())
    };
    assert_eq!(attr("FORMATREGISTRYKEY").as_deref(), Some("x-fmt/263"));
    assert_eq!(attr("FORMATREGISTRY").as_deref(), Some("PRONOM"));
    assert_eq!(attr("FILEFORMATVERSION").as_deref(), Some("1.1.1"));
    assert_eq!(attr("MIMETYPE").as_deref(), Some("application/x-wacz"));
    let href = f
        .descendants()
        .find(|n| n.tag_name().name() == "FLocat")
        .and_then(|n| n.attributes().find(|a| a.name() == "href"))
        .unwrap()
        .value()
        .to_string();
    assert_eq!(href, format!("data/{dir}/web-archive.wacz"));
    let rep1_mets = std::fs::read_to_string(root.join("representations/rep1/METS.xml")).unwrap();
    assert!(!rep1_mets.contains("web-archive.wacz"));
    let mets = std::fs::read_to_string(root.join("METS.xml")).unwrap();
    for rep in ["rep1", "rep2"] {
        assert!(
            mets.contains(&format!("USE=\"Representations/{rep}\"")),
            "{mets}"
        );
        assert!(
            mets.contains(&format!("LABEL=\"Representations/{rep}\"")),
            "{mets}"
        );
        assert!(mets.contains(&format!("xlink:href=\"representations/{rep}/METS.xml\"")));
    }
    let premis = std::fs::read_to_string(root.join("metadata/preservation/premis.xml")).unwrap();
    assert!(premis.contains(&format!("representations/rep2/data/{dir}/web-archive.wacz")));

    // xmllint: the root and both representation METS.
    let (ok, err) = xmllint_mets(
        &root,
        &[
            &root.join("METS.xml"),
            &root.join("representations/rep1/METS.xml"),
            &root.join("representations/rep2/METS.xml"),
        ],
    );
    assert!(ok, "{err}");
    assert_eq!(err.matches(" validates").count(), 3, "{err}");

    // An outsider checks the manifest with sha256sum: the pages' files in
    // rep1's folder, the WACZ in rep2's (the same manifest).
    let sum = |cwd: &Path, manifest: &str| {
        let o = Command::new("sha256sum")
            .args(["-c", "--ignore-missing", manifest])
            .current_dir(cwd)
            .output()
            .unwrap();
        assert!(o.status.success(), "{o:?}");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let said = sum(&rep1, "manifest-sha256.txt");
    assert!(said.contains("page-01/screenshot.png: OK"), "{said}");
    let said = sum(
        &root.join(format!("representations/rep2/data/{dir}")),
        &format!("../../../rep1/data/{dir}/manifest-sha256.txt"),
    );
    assert_eq!(said.trim(), "web-archive.wacz: OK");

    // E-ARK's own validator: nothing beyond the listed false positives.
    let bad = crate::validators::eark_unexpected(&s.path, creator_org);
    assert!(bad.is_empty(), "{bad:#?}");

    // A changed byte of the WACZ is caught, by its rep2 METS and the manifest.
    let victim = format!(
        "{}/representations/rep2/data/{dir}/web-archive.wacz",
        s.objid
    );
    let dst = tmp.join("t").join(s.path.file_name().unwrap());
    std::fs::create_dir_all(dst.parent().unwrap()).unwrap();
    crate::tamper::rewrite(&s.path, &dst, &victim, |v| {
        let n = v.len() - 1;
        v[n] ^= 1;
    });
    crate::tamper::write_sidecar(&dst);
    let r = verify_package(&dst, &ogonblick_model::NoProgress).unwrap();
    assert!(!r.ok);
    assert!(
        r.problems.iter().any(|p| p.path == victim
            && matches!(
                p.what,
                ogonblick_model::Message::VerifyManifestShaMismatch { .. }
            )),
        "{:#?}",
        r.problems
    );
}

#[test]
fn a_snapshots_web_archive_is_a_representation_of_its_own_that_verify_xmllint_and_eark_pass() {
    let tmp = tempfile::tempdir().unwrap();
    let mut req = request(&tmp.path().join("store"), PackageFormat::Zip);
    with_web_archive(&mut req);
    check_package(&req, tmp.path(), 3);
}

#[test]
fn a_removal_records_evidence_snapshot_brings_its_web_archive_in_rep2() {
    let tmp = tempfile::tempdir().unwrap();
    let mut req = crate::removals::request_with_removals(&tmp.path().join("store"));
    with_web_archive(&mut req);
    check_package(&req, tmp.path(), 3);
}
