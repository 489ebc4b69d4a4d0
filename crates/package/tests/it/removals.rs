//! Removal records and personal-data / secrecy marks in a package: one
//! export with a record whose evidence is a snapshot (three versions:
//! recorded, corrected, certified) and a record with a screenshot supplied
//! by hand, a marked snapshot and a marked record; checked by `verify`,
//! xmllint (METS, PREMIS, our removal XSD), eark-validator and the
//! inventory's text, and a tampered record is caught.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use ogonblick_model::*;
use ogonblick_package::{verify_package, PackageFormat, PackageRequest, RemovalItem};
use sha2::{Digest, Sha256};

use crate::fixtures::{export, png_bytes, request, t, PngKind};

const SNAP_A: &str = "11111111-aaaa-4aaa-8aaa-000000000001";
const SNAP_B: &str = "11111111-aaaa-4aaa-8aaa-000000000002";

fn record(id: &str, evidence: Evidence, by_hand: bool) -> RemovalRecord {
    RemovalRecord {
        id: id.into(),
        version: 1,
        channel_id: 7,
        url: "https://www.facebook.com/kulturnamnden/posts/9?comment=1".into(),
        kind: RemovedKind::Comment,
        author: Some("Anon Ymous".into()),
        published_at: Some(t(8, 0)),
        text: Some("Ett hotfullt inlägg <med> tecken & åäö".into()),
        removed_at: t(9, 0),
        removed_by: "anna.andersson".into(),
        action: RemovalAction::Hidden,
        ground: GroundChoice {
            code: "hot".into(),
            label_sv: "Hot".into(),
            label_en: "Threat".into(),
            text: None,
        },
        police_report: PoliceReport {
            reported: true,
            reference: Some("5000-K123-26".into()),
            date: NaiveDate::from_ymd_opt(2026, 3, 10),
        },
        contact: None,
        forwarded: None,
        diary_number: None,
        certified: None,
        evidence,
        supplied_by_hand: by_hand,
        recorded_at: t(9, 5),
        recorded_by: "anna.andersson".into(),
        change_note: None,
    }
}

/// The fixture request plus two removal records and two marks.
pub(crate) fn request_with_removals(root: &Path) -> PackageRequest {
    let mut req = request(root, PackageFormat::Zip);
    // Record 1: the snapshot SNAP_A is its evidence; corrected, then certified.
    let v1 = record(
        "rem-0001",
        Evidence::Snapshot {
            snapshot_id: SNAP_A.into(),
        },
        false,
    );
    let mut v2 = v1.clone();
    v2.version = 2;
    v2.diary_number = Some("KS 2026/12".into());
    v2.recorded_at = t(11, 0);
    v2.recorded_by = "bo.berg".into();
    v2.change_note = Some(ogonblick_model::Message::RemovalNoteDiarySet {
        number: "KS 2026/12".into(),
    });
    let mut v3 = v2.clone();
    v3.version = 3;
    v3.certified = Some(Certification {
        by: "Cecilia Ek".into(),
        at: t(12, 0),
    });
    v3.recorded_at = t(12, 0);
    v3.recorded_by = "Cecilia Ek".into();
    v3.change_note = Some(ogonblick_model::Message::RemovalNoteCertified { by: "Berit".into() });
    let dir1 = root.join("removals/rem-0001");
    std::fs::create_dir_all(&dir1).unwrap();
    // Record 2: a screenshot supplied by hand.
    let dir2 = root.join("removals/rem-0002");
    std::fs::create_dir_all(&dir2).unwrap();
    let png = png_bytes(40, 30, PngKind::Plain, 9);
    std::fs::write(dir2.join("supplied.png"), &png).unwrap();
    let supplied = SuppliedFile {
        path: "supplied.png".into(),
        sha256: hex::encode(Sha256::digest(&png)),
        size: png.len() as u64,
        media_type: "image/png".into(),
        original_name: "Skärmbild 2026-03-10.png".into(),
    };
    let r2 = record("rem-0002", Evidence::File(supplied), true);
    req.removals = vec![item(vec![v1, v2, v3], dir1), item(vec![r2], dir2)];
    req.marks = vec![
        mark(SNAP_B, MarkedKind::Snapshot, false, Some("OSL 21 kap. 7 §")),
        mark("rem-0002", MarkedKind::Removal, true, None),
    ];
    req
}

fn item(versions: Vec<RemovalRecord>, folder: PathBuf) -> RemovalItem {
    RemovalItem {
        manifest: RemovalManifest {
            format: RemovalManifest::FORMAT.into(),
            versions,
        },
        folder,
        channel_name: "Kulturnämnden på Facebook".into(),
    }
}

fn mark(id: &str, kind: MarkedKind, personal_data: bool, osl: Option<&str>) -> Mark {
    Mark {
        item_id: id.into(),
        kind,
        flags: MarkFlags {
            personal_data,
            secrecy: osl.map(String::from),
            note: Some("namn på ett barn".into()),
        },
        set_at: t(13, 0),
        set_by: "bo.berg".into(),
    }
}

fn xmllint(schema: &Path, files: &[PathBuf]) -> (bool, String) {
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(schema)
        .args(files)
        .output()
        .expect("xmllint (libxml2-utils) must be installed");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn removal_records_and_marks_pass_verify_xmllint_and_eark_validator_and_a_tampered_record_is_caught(
) {
    let tmp = tempfile::tempdir().unwrap();
    let req = request_with_removals(&tmp.path().join("store"));
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let s = export(&req, &out).unwrap();

    // 1. Our own verify (with xmllint: METS, PREMIS, capture and removal records).
    let r = verify_package(&s.path, &NoProgress).unwrap();
    assert!(r.ok, "{:#?}", r.problems);
    assert!(r.schemas_checked);

    let x = tmp.path().join("x");
    let mut z = zip::ZipArchive::new(std::fs::File::open(&s.path).unwrap()).unwrap();
    z.extract(&x).unwrap();
    let root = x.join(&s.objid);
    let rec1 = root.join("metadata/descriptive/removals/rem-0001/removal.xml");
    let rec2 = root.join("metadata/descriptive/removals/rem-0002/removal.xml");
    let supplied = root.join("representations/rep1/data/removals/rem-0002/supplied.png");
    assert!(supplied.is_file());
    // The change notes in Swedish, with their catalogue key (h-rem3).
    let xml1 = std::fs::read_to_string(&rec1).unwrap();
    assert!(
        xml1.contains(
            r#"<changeNote kind="removal-note-certified">bestyrkt av Berit</changeNote>"#
        ) && xml1.contains(
            r#"<changeNote kind="removal-note-diary-set">diarienummer KS 2026/12</changeNote>"#
        ),
        "{xml1}"
    );

    // 2. xmllint on its own: our removal XSD as shipped in the package.
    let xsd = root.join("schemas/ogonblick-removal-record.xsd");
    let (ok, err) = xmllint(&xsd, &[rec1.clone(), rec2.clone()]);
    assert!(ok, "{err}");
    assert_eq!(err.matches(" validates").count(), 2, "{err}");
    let (ok, err) = xmllint(
        &root.join("schemas/premis-v3-0.xsd"),
        &[root.join("metadata/preservation/premis.xml")],
    );
    assert!(ok, "{err}");
    // A record that breaks the schema is refused (the check can fail).
    let bad = tmp.path().join("bad.xml");
    let txt = std::fs::read_to_string(&rec1).unwrap();
    std::fs::write(
        &bad,
        txt.replace("<action>dold</action>", "<action>gömd</action>"),
    )
    .unwrap();
    assert!(!xmllint(&xsd, &[bad]).0);

    // What the records say: every version, the evidence with its fixity.
    assert_eq!(txt.matches("<version number=").count(), 3, "{txt}");
    assert!(txt.contains("snapshotId=\"11111111-aaaa-4aaa-8aaa-000000000001\""));
    assert!(txt.contains("<certified><by>Cecilia Ek</by>") || txt.contains("<by>Cecilia Ek</by>"));
    let txt2 = std::fs::read_to_string(&rec2).unwrap();
    let png_sha = hex::encode(Sha256::digest(std::fs::read(&supplied).unwrap()));
    assert!(txt2.contains(&format!("sha256=\"{png_sha}\"")), "{txt2}");
    assert!(txt2.contains("<personalData>true</personalData>"), "{txt2}");

    // METS: the removal records are descriptive metadata of their own kind,
    // the schema is listed, the supplied file has its checksum.
    let mets = std::fs::read_to_string(root.join("METS.xml")).unwrap();
    assert_eq!(
        mets.matches("OTHERMDTYPE=\"OGONBLICK-REMOVAL-RECORD\"")
            .count(),
        2
    );
    assert!(mets.contains("schemas/ogonblick-removal-record.xsd"));
    let rep = std::fs::read_to_string(root.join("representations/rep1/METS.xml")).unwrap();
    assert!(rep.contains(&format!("CHECKSUM=\"{png_sha}\"")));

    // PREMIS: the events and the rights statements of the marks.
    let premis = std::fs::read_to_string(root.join("metadata/preservation/premis.xml")).unwrap();
    for typ in ["capture", "removal", "certification", "correction"] {
        assert!(
            premis.contains(&format!("<premis:eventType>{typ}</premis:eventType>")),
            "no {typ} event"
        );
    }
    assert_eq!(premis.matches("<premis:eventType>correction<").count(), 2);
    assert!(premis.contains("<premis:agentName>Cecilia Ek</premis:agentName>"));
    assert_eq!(premis.matches("<premis:rightsStatement>").count(), 2);
    assert!(premis.contains("<premis:rightsBasis>Statute</premis:rightsBasis>"));
    assert!(premis.contains("Offentlighets- och sekretesslag (2009:400), OSL 21 kap. 7 §"));
    assert!(premis.contains("<premis:linkingRightsStatementIdentifierValue>rights-1<"));

    // The inventory lists the records, with the protection column.
    let inv = Command::new("pdftotext")
        .arg(root.join("documentation/inventory.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    let inv = String::from_utf8_lossy(&inv.stdout);
    assert!(inv.contains("Borttaget innehåll"), "{inv}");
    assert!(
        inv.contains("rem-0001") && inv.contains("rem-0002"),
        "{inv}"
    );
    assert!(
        inv.contains("skydd: sekretess enligt OSL 21 kap. 7 §"),
        "{inv}"
    );
    assert!(inv.contains("skydd: känsliga personuppgifter"), "{inv}");

    // 3. E-ARK's own validator: nothing beyond the listed false positives.
    let bad = crate::validators::eark_unexpected(&s.path, 3);
    assert!(bad.is_empty(), "{bad:#?}");

    // 4. A record's XML changed after export: verify fails and names it.
    let victim = format!(
        "{}/metadata/descriptive/removals/rem-0001/removal.xml",
        s.objid
    );
    let dst = tmp.path().join("t").join(s.path.file_name().unwrap());
    std::fs::create_dir_all(dst.parent().unwrap()).unwrap();
    crate::tamper::rewrite(&s.path, &dst, &victim, |v| {
        let t = String::from_utf8(v.clone()).unwrap().replace(
            "<removedBy>anna.andersson</removedBy>",
            "<removedBy>someone.else</removedBy>",
        );
        *v = t.into_bytes();
    });
    crate::tamper::write_sidecar(&dst);
    let r = verify_package(&dst, &NoProgress).unwrap();
    assert!(!r.ok);
    assert!(
        r.problems.iter().any(|p| p.path == victim),
        "{:#?}",
        r.problems
    );
}

#[test]
fn a_record_whose_evidence_snapshot_is_not_in_the_package_is_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let mut req = request_with_removals(&tmp.path().join("store"));
    req.snapshots.retain(|(m, _)| m.snapshot.id != SNAP_A);
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let e = export(&req, &out).unwrap_err().to_string();
    assert!(e.contains("rem-0001") && e.contains(SNAP_A), "{e}");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);
}
