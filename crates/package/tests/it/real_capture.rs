//! A package of real captures: headless Chromium captures two pages of the
//! fixture site (PNG + PDF/A-2b from the capture crate), the package is
//! exported, verified, and checked by eark-validator and xmllint.

use std::process::Command;

use ogonblick_capture::{Browser, CaptureOptions};
use ogonblick_model::*;
use ogonblick_package::{verify_package, PackageFormat, PackageRequest};
use ogonblick_testsite::TestSite;

use crate::fixtures::{channel, export, org};
use crate::validators::accepted;

#[test]
fn real_fixture_site_captures_make_a_valid_package() {
    let site = TestSite::start().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let id = "33333333-cccc-4ccc-8ccc-000000000001";
    let snap_dir = tmp.path().join("store").join(id);
    std::fs::create_dir_all(&snap_dir).unwrap();
    let opts = CaptureOptions {
        operator: "anna.andersson".into(),
        page_timeout: std::time::Duration::from_secs(20),
        ..Default::default()
    };
    let browser = Browser::launch(&opts).expect("Chromium must be installed (/usr/bin/chromium)");
    let urls = [format!("{}/facebook", site.base), format!("{}/", site.base)];
    let mut pages = Vec::new();
    for (i, u) in urls.iter().enumerate() {
        let rec = browser
            .capture_page(
                u,
                &snap_dir,
                &format!("page-{:02}", i + 1),
                &NoProgress,
                i as u32,
                &CancelToken::new(),
            )
            .unwrap();
        assert!(rec.ok, "{u}: {:?}", rec.error);
        pages.push(rec);
    }
    drop(browser);
    let started = pages[0].provenance.started_at;
    let finished = pages[1].provenance.finished_at;
    let mut ch = channel(7, "Kulturnämnden (testsajt)");
    ch.urls = urls.to_vec();
    let m = SnapshotManifest {
        format: SnapshotManifest::FORMAT.into(),
        snapshot: Snapshot {
            id: id.into(),
            channel_id: 7,
            reason: SnapshotReason::PreClosure,
            reason_note: Some("kontot ska avslutas".into()),
            reason_message: None,
            status: SnapshotStatus::Complete,
            started_at: started,
            finished_at: finished,
            operator: "anna.andersson".into(),
            pages,
            diary_number: None,
            single_address: None,
            files: Vec::new(),
        },
        channel: ch,
    };
    let req = PackageRequest {
        snapshots: vec![(m, snap_dir)],
        org: org(),
        label: "Före avslut: Kulturnämnden".into(),
        format: PackageFormat::Zip,
        exported_by: "bo.berg".into(),
        icc_profile: None,
        removals: Vec::new(),
        marks: Vec::new(),
        tsa_roots: Vec::new(),
    };
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let s = export(&req, &out).unwrap();
    let r = verify_package(&s.path, &NoProgress).unwrap();
    assert!(r.ok, "{:#?}", r.problems);
    assert_eq!(r.snapshot_ids, vec![id.to_string()]);

    // The captured PDFs are identified as PDF/A-2b from their bytes.
    let mut z = zip::ZipArchive::new(std::fs::File::open(&s.path).unwrap()).unwrap();
    let mut rep = String::new();
    std::io::Read::read_to_string(
        &mut z
            .by_name(&format!("{}/representations/rep1/METS.xml", s.objid))
            .unwrap(),
        &mut rep,
    )
    .unwrap();
    assert_eq!(
        rep.matches("sip:FORMATREGISTRYKEY=\"fmt/477\"").count(),
        2,
        "{rep}"
    );
    assert!(rep.matches("MIMETYPE=\"image/png\"").count() == 2);

    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/validators/eark_validate.py"
    );
    let o =
        Command::new(std::env::var("OGONBLICK_EARK_PYTHON").unwrap_or_else(|_| "python3".into()))
            .arg(script)
            .arg(&s.path)
            .output()
            .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&o.stdout).lines().last().unwrap()).unwrap();
    let unexpected: Vec<&serde_json::Value> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            !accepted(
                e["id"].as_str().unwrap_or(""),
                e["path"].as_str().unwrap_or(""),
                3,
            )
        })
        .collect();
    assert!(
        unexpected.is_empty(),
        "{}",
        serde_json::to_string_pretty(&unexpected).unwrap()
    );
}
