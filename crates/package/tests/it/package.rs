//! What an archivist checks in an exported package.

use std::collections::BTreeMap;
use std::io::Read;

use ogonblick_model::{CancelToken, NoProgress};
use ogonblick_package::{verify_package, PackageFormat, PackageSummary};

use crate::fixtures::*;

pub fn export_zip(dir: &std::path::Path) -> PackageSummary {
    let req = request(&dir.join("store"), PackageFormat::Zip);
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    export(&req, &out).unwrap()
}

pub fn zip_entries(path: &std::path::Path) -> BTreeMap<String, (zip::CompressionMethod, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut m = BTreeMap::new();
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        let mut v = Vec::new();
        e.read_to_end(&mut v).unwrap();
        m.insert(e.name().to_string(), (e.compression(), v));
    }
    m
}

const METS: &str = "http://www.loc.gov/METS/";
const CSIP: &str = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";

#[test]
fn package_has_the_fgs_2_layout_and_root_mets_says_what_an_archivist_needs() {
    let tmp = tempfile::tempdir().unwrap();
    let s = export_zip(tmp.path());
    assert_eq!(s.objid, "uuid-00000000-0000-4000-8000-000000000001");
    assert_eq!(
        s.path.file_name().unwrap(),
        "uuid-00000000-0000-4000-8000-000000000001.zip"
    );
    let side = std::fs::read_to_string(&s.sidecar).unwrap();
    assert_eq!(
        side,
        format!(
            "{}  {}\n",
            s.sha256,
            s.path.file_name().unwrap().to_string_lossy()
        )
    );
    // sha256sum agrees with the sidecar
    let out = std::process::Command::new("sha256sum")
        .arg("-c")
        .arg(s.sidecar.file_name().unwrap())
        .current_dir(s.path.parent().unwrap())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // nothing else (no temp files) left in the folder
    let left: Vec<_> = std::fs::read_dir(s.path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");

    let e = zip_entries(&s.path);
    let root = &s.objid;
    for must in [
        "METS.xml",
        "metadata/preservation/premis.xml",
        "representations/rep1/METS.xml",
        "schemas/mets.xsd",
        "schemas/xlink.xsd",
        "schemas/DILCISExtensionMETS.xsd",
        "schemas/DILCISExtensionSIPMETS.xsd",
        "schemas/ogonblick-capture-record.xsd",
        "schemas/premis-v3-0.xsd",
        "documentation/inventory.pdf",
        "documentation/how-the-snapshots-were-taken.md",
    ] {
        assert!(
            e.contains_key(&format!("{root}/{must}")),
            "missing {must}: {:?}",
            e.keys()
        );
    }
    for (name, (method, _)) in &e {
        assert!(name.starts_with(&format!("{root}/")), "{name}");
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c)),
            "unsafe name {name}"
        );
        assert!(!name.contains(".."), "{name}");
        if name.ends_with(".png") || name.ends_with(".pdf") {
            assert_eq!(
                *method,
                zip::CompressionMethod::Stored,
                "{name} must not be recompressed"
            );
        } else {
            assert_eq!(*method, zip::CompressionMethod::Deflated, "{name}");
        }
    }
    let data: Vec<&String> = e
        .keys()
        .filter(|k| k.contains("/representations/rep1/data/"))
        .collect();
    assert_eq!(data.len(), 8, "{data:?}");
    // the odd channel name became a safe folder name
    assert!(data.iter().any(|d| d.contains("/data/etc_passwd_Fritid_Idrott_Oppet_20260310T100000Z_11111111-aaaa-4aaa-8aaa-000000000002/page-01/screenshot.png")), "{data:?}");
    // descriptive record per snapshot
    assert_eq!(
        e.keys()
            .filter(|k| k.contains("/metadata/descriptive/") && k.ends_with(".xml"))
            .count(),
        2
    );

    let mets = String::from_utf8(e[&format!("{root}/METS.xml")].1.clone()).unwrap();
    let doc = roxmltree::Document::parse(&mets).unwrap();
    let m = doc.root_element();
    assert_eq!(m.attribute("OBJID"), Some(root.as_str()));
    assert_eq!(m.attribute("TYPE"), Some("Other"));
    assert_eq!(
        m.attribute((CSIP, "OTHERTYPE")),
        Some("Social media snapshots")
    );
    assert_eq!(m.attribute((CSIP, "CONTENTINFORMATIONTYPE")), Some("OTHER"));
    assert_eq!(
        m.attribute("PROFILE"),
        Some("https://earksip.dilcis.eu/profile/E-ARK-SIP.xml")
    );
    assert_eq!(
        m.attribute("LABEL"),
        Some("Ögonblicksbilder Kultur- och fritidsnämnden 2026")
    );
    let hdr = m
        .children()
        .find(|n| n.has_tag_name((METS, "metsHdr")))
        .unwrap();
    assert_eq!(hdr.attribute("CREATEDATE"), Some("2026-03-11T09:00:00Z"));
    assert_eq!(hdr.attribute("RECORDSTATUS"), Some("NEW"));
    assert_eq!(hdr.attribute((CSIP, "OAISPACKAGETYPE")), Some("SIP"));
    let agents: Vec<(String, String, String)> = hdr
        .children()
        .filter(|n| n.has_tag_name((METS, "agent")))
        .map(|a| {
            let name = a
                .children()
                .find(|n| n.has_tag_name((METS, "name")))
                .and_then(|n| n.text())
                .unwrap_or("")
                .to_string();
            (
                a.attribute("ROLE").unwrap().to_string(),
                a.attribute("TYPE").unwrap().to_string(),
                name,
            )
        })
        .collect();
    assert!(
        agents.contains(&("CREATOR".into(), "OTHER".into(), "Ögonblick".into())),
        "{agents:?}"
    );
    assert!(agents.contains(&(
        "ARCHIVIST".into(),
        "ORGANIZATION".into(),
        "Kultur- och fritidsnämnden".into()
    )));
    assert!(agents.contains(&(
        "CREATOR".into(),
        "ORGANIZATION".into(),
        "Nacka kommun, Kommunikationsenheten".into()
    )));
    assert!(agents.contains(&(
        "PRESERVATION".into(),
        "ORGANIZATION".into(),
        "Nacka e-arkiv".into()
    )));
    let sw = hdr
        .children()
        .find(|n| n.attribute("OTHERTYPE") == Some("SOFTWARE"))
        .unwrap();
    let note = sw
        .children()
        .find(|n| n.has_tag_name((METS, "note")))
        .unwrap();
    assert_eq!(note.attribute((CSIP, "NOTETYPE")), Some("SOFTWARE VERSION"));
    assert_eq!(note.text(), Some(env!("CARGO_PKG_VERSION")));
    let alt: Vec<(&str, &str)> = hdr
        .children()
        .filter(|n| n.has_tag_name((METS, "altRecordID")))
        .map(|n| (n.attribute("TYPE").unwrap(), n.text().unwrap()))
        .collect();
    assert_eq!(
        alt,
        vec![
            ("SUBMISSIONAGREEMENT", "LÖ 2026:3"),
            ("REFERENCECODE", "1.4.2"),
            // The fixture snapshot's diary number.
            ("DIARYNUMBER", "KFN 2026/42")
        ]
    );
    // every file and mdRef carries SIZE, CREATED, CHECKSUM, CHECKSUMTYPE=SHA-256
    for n in doc
        .descendants()
        .filter(|n| n.has_tag_name((METS, "file")) || n.has_tag_name((METS, "mdRef")))
    {
        for at in ["SIZE", "CREATED", "CHECKSUM", "MIMETYPE"] {
            assert!(n.attribute(at).is_some(), "{at} missing on {:?}", n);
        }
        assert_eq!(n.attribute("CHECKSUMTYPE"), Some("SHA-256"));
    }
    let uses: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((METS, "fileGrp")))
        .map(|n| n.attribute("USE").unwrap())
        .collect();
    assert_eq!(
        uses,
        vec!["Documentation", "Schemas", "Representations/rep1"]
    );
    let sm = doc
        .descendants()
        .find(|n| n.has_tag_name((METS, "structMap")))
        .unwrap();
    assert_eq!(
        (sm.attribute("TYPE"), sm.attribute("LABEL")),
        (Some("PHYSICAL"), Some("CSIP"))
    );

    // The whole thing verifies.
    let r = verify_package(&s.path, &NoProgress).unwrap();
    assert!(r.ok, "{:#?}", r.problems);
    assert!(r.schemas_checked);
    assert_eq!(r.files_checked, s.files);

    // A cancelled verification stops with Cancelled, not with a verdict.
    let cancel = CancelToken::new();
    cancel.cancel();
    let opts = ogonblick_package::VerifyOptions {
        cancel,
        ..Default::default()
    };
    let e = ogonblick_package::verify_package_with(&s.path, &NoProgress, &opts).unwrap_err();
    assert!(
        matches!(e, ogonblick_package::PackageError::Cancelled),
        "{e}"
    );
}

#[test]
fn premis_and_representation_mets_name_the_format_each_file_really_is() {
    let tmp = tempfile::tempdir().unwrap();
    let s = export_zip(tmp.path());
    let e = zip_entries(&s.path);
    let premis = String::from_utf8(
        e[&format!("{}/metadata/preservation/premis.xml", s.objid)]
            .1
            .clone(),
    )
    .unwrap();
    let doc = roxmltree::Document::parse(&premis).unwrap();
    let p = "http://www.loc.gov/premis/v3";
    let mut by_name: BTreeMap<String, String> = BTreeMap::new();
    for obj in doc.descendants().filter(|n| n.has_tag_name((p, "object"))) {
        let txt = |t: &str| {
            obj.descendants()
                .find(|n| n.has_tag_name((p, t)))
                .and_then(|n| n.text())
                .unwrap_or("")
                .to_string()
        };
        let loc = txt("contentLocationValue");
        by_name.insert(loc.clone(), txt("formatRegistryKey"));
        // fixity and size are the real ones
        let target = format!("{}/{}", s.objid, loc.trim_start_matches("../../"));
        let bytes = &e[&target].1;
        use sha2::Digest;
        assert_eq!(
            txt("messageDigest"),
            hex::encode(sha2::Sha256::digest(bytes)),
            "{loc}"
        );
        assert_eq!(txt("size"), bytes.len().to_string());
        assert!(!txt("originalName").is_empty());
        assert!(!txt("creatingApplicationName").is_empty());
    }
    let key = |suffix: &str| {
        by_name
            .iter()
            .find(|(k, _)| k.ends_with(suffix))
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    // page 1: plain PNG (1.0) + PDF/A-2b, page 2: sRGB PNG (1.1), page 3: iTXt PNG (1.2) + plain PDF 1.4
    assert_eq!(key("000000000001/page-01/screenshot.png"), "fmt/11");
    assert_eq!(key("000000000001/page-02/screenshot.png"), "fmt/12");
    assert_eq!(key("000000000001/page-03/screenshot.png"), "fmt/13");
    assert_eq!(key("000000000001/page-01/page.pdf"), "fmt/477");
    assert_eq!(key("000000000001/page-03/page.pdf"), "fmt/18");
    assert_eq!(key("schemas/mets.xsd"), "x-fmt/280");
    assert_eq!(key("documentation/inventory.pdf"), "fmt/477");
    assert_eq!(
        key("documentation/how-the-snapshots-were-taken.md"),
        "fmt/1149"
    );
    assert!(by_name
        .keys()
        .any(|k| k.starts_with("../../metadata/descriptive/")));
    assert_eq!(key(".xml"), "fmt/101");
    // events: capture with the URL, digest, validation; agents: software, organisation, operator
    let events: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name((p, "event")))
        .map(|ev| {
            let t = ev
                .descendants()
                .find(|n| n.has_tag_name((p, "eventType")))
                .unwrap()
                .text()
                .unwrap()
                .to_string();
            let d = ev
                .descendants()
                .find(|n| n.has_tag_name((p, "eventDetail")))
                .unwrap()
                .text()
                .unwrap()
                .to_string();
            (t, d)
        })
        .collect();
    assert!(
        events
            .iter()
            .any(|(t, d)| t == "capture"
                && d.contains("https://www.facebook.com/kulturnamnden/sida0"))
    );
    assert!(events
        .iter()
        .any(|(t, _)| t == "message digest calculation"));
    assert!(events.iter().any(|(t, _)| t == "validation"));
    let agents: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name((p, "agent")))
        .map(|a| {
            let n = a
                .descendants()
                .find(|n| n.has_tag_name((p, "agentName")))
                .unwrap()
                .text()
                .unwrap()
                .to_string();
            let t = a
                .descendants()
                .find(|n| n.has_tag_name((p, "agentType")))
                .unwrap()
                .text()
                .unwrap()
                .to_string();
            (n, t)
        })
        .collect();
    assert!(
        agents.contains(&("Ögonblick".into(), "software".into())),
        "{agents:?}"
    );
    assert!(agents.contains(&("Nacka kommun".into(), "organization".into())));
    assert!(agents.contains(&("anna.andersson".into(), "person".into())));
    assert!(agents.contains(&("bo.berg".into(), "person".into())));

    // representation METS: PRONOM keys on the files
    let rep = String::from_utf8(
        e[&format!("{}/representations/rep1/METS.xml", s.objid)]
            .1
            .clone(),
    )
    .unwrap();
    assert!(rep.contains("sip:FORMATREGISTRYKEY=\"fmt/477\""));
    assert!(rep.contains("sip:FORMATREGISTRYKEY=\"fmt/13\""));
    assert!(rep.contains("xlink:href=\"data/Kulturnamnden_pa_Facebook_20260310T100000Z_11111111-aaaa-4aaa-8aaa-000000000001/page-01/screenshot.png\""));

    // The capture record says what the guidelines ask for.
    let dmd_name = e
        .keys()
        .find(|k| k.contains("/metadata/descriptive/Kulturnamnden"))
        .unwrap()
        .clone();
    let dmd = String::from_utf8(e[&dmd_name].1.clone()).unwrap();
    for must in [
        "<reason>half-yearly</reason>",
        "<diaryNumber>KFN 2026/42</diaryNumber>",
        "<platform>facebook</platform>",
        "<board>Kultur- och fritidsnämnden</board>",
        "<classificationCode>1.4.2</classificationCode>",
        "<retention kind=\"preserve\"/>",
        "<browserVersion>Chrome/156.0.8078.79</browserVersion>",
        "<documentPlanRow>KFN 4.2.1",
        "<operator>anna.andersson</operator>",
        "Kulturnämnden &lt;&amp;&gt;",
    ] {
        assert!(dmd.contains(must), "{must} missing in {dmd}");
    }
}
