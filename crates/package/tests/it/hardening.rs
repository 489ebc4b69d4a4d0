//! Exports that used to fail: thousands of snapshots, register text with
//! control characters, addresses of several KB; and the partial files of
//! killed exports.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ogonblick_model::*;
use ogonblick_package::{verify_package, PackageFormat, PackageRequest};

use crate::fixtures::*;

/// `n` one-page snapshots (a real PNG and a real PDF/A, the same bytes in
/// every folder), with the channel name and page address `name`/`url` give.
fn many(
    root: &Path,
    n: usize,
    name: impl Fn(usize) -> String,
    url: impl Fn(usize) -> String,
) -> Vec<(SnapshotManifest, PathBuf)> {
    let png = png_bytes(32, 24, PngKind::Srgb, 5);
    let pdf = pdfa_pdf(1, "https://www.facebook.com/kulturnamnden");
    (0..n)
        .map(|i| {
            let id = format!("22222222-bbbb-4bbb-8bbb-{i:012}");
            let dir = root.join(&id);
            let files = vec![
                file_record(&dir, "page-01/screenshot.png", FileRole::Png, &png),
                file_record(&dir, "page-01/page.pdf", FileRole::Pdf, &pdf),
            ];
            let u = url(i);
            let m = SnapshotManifest {
                format: SnapshotManifest::FORMAT.into(),
                snapshot: Snapshot {
                    id,
                    channel_id: 7,
                    reason: SnapshotReason::HalfYearly,
                    reason_note: None,
                    reason_message: None,
                    status: SnapshotStatus::Complete,
                    started_at: t(10, 0) + chrono::Duration::minutes(i as i64),
                    finished_at: t(10, 0) + chrono::Duration::minutes(i as i64),
                    operator: "anna.andersson".into(),
                    pages: vec![PageRecord {
                        url: u.clone(),
                        ok: true,
                        error: None,
                        error_sv: None,
                        message: None,
                        files,
                        report: CompletenessReport {
                            final_url: Some(u),
                            title: Some(name(i)),
                            ..Default::default()
                        },
                        provenance: provenance(10),
                    }],
                    diary_number: None,
                    single_address: None,
                    files: Vec::new(),
                },
                channel: channel(7, &name(i)),
            };
            (m, dir)
        })
        .collect()
}

fn request_of(snapshots: Vec<(SnapshotManifest, PathBuf)>) -> PackageRequest {
    PackageRequest {
        snapshots,
        org: org(),
        label: "Ögonblicksbilder".into(),
        format: PackageFormat::Zip,
        exported_by: "bo.berg".into(),
        icc_profile: Some(ICC.into()),
        removals: Vec::new(),
        marks: Vec::new(),
        tsa_roots: Vec::new(),
    }
}

#[test]
fn a_package_of_1000_snapshots_exports_verifies_and_passes_eark_validator() {
    let tmp = tempfile::tempdir().unwrap();
    let req = request_of(many(
        &tmp.path().join("store"),
        1000,
        |i| format!("Kulturnämnden {}", i % 7),
        |i| format!("https://www.facebook.com/kulturnamnden/posts/{i}"),
    ));
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let started = std::time::Instant::now();
    let s = export(&req, &out).expect("1000 snapshots export");
    eprintln!("export of 1000 snapshots: {:?}", started.elapsed());
    assert_eq!(s.snapshots, 1000);
    let r = verify_package(&s.path, &NoProgress).unwrap();
    assert!(r.ok, "{:#?}", &r.problems[..r.problems.len().min(10)]);
    assert_eq!(r.snapshot_ids.len(), 1000);
    let bad = crate::validators::eark_unexpected(&s.path, 3);
    assert!(bad.is_empty(), "eark-validator: {bad:#?}");
}

#[test]
fn control_characters_in_names_and_an_address_of_several_kb_export_and_verify() {
    let tmp = tempfile::tempdir().unwrap();
    let long = format!(
        "https://www.facebook.com/kulturnamnden/search?q={}",
        "%C3%A5ngest%C3%B6d+".repeat(500)
    );
    assert!(long.len() > 8000);
    let mut snaps = many(
        &tmp.path().join("store"),
        3,
        |i| match i {
            0 => "Kultur\0nämnden".to_string(),
            1 => "Fritid\x07\x1b[31m\r\nröd\ttext\x7f".to_string(),
            _ => "\0\0\0".to_string(),
        },
        |i| {
            if i == 2 {
                long.clone()
            } else {
                format!("https://example.org/\0{i}")
            }
        },
    );
    snaps[0].0.snapshot.operator = "anna\0andersson".into();
    snaps[1].0.snapshot.pages[0].error = Some("timeout\0\x01".into());
    let req = request_of(snaps);
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let s = export(&req, &out).expect("names with NUL and a long address export");
    let r = verify_package(&s.path, &NoProgress).unwrap();
    assert!(r.ok, "{:#?}", r.problems);
    // The documentation stays text and keeps the long address whole.
    let entries = crate::package::zip_entries(&s.path);
    let (_, md) = entries
        .iter()
        .find(|(k, _)| k.ends_with("how-the-snapshots-were-taken.md"))
        .unwrap()
        .1
        .clone();
    let md = String::from_utf8(md).unwrap();
    assert!(!md.contains('\0'), "no NUL in the Markdown");
    assert!(md.contains("Kultur\u{FFFD}nämnden"), "{md}");
    assert!(md.contains(&long));
}

/// Records the output folder's file names while the export runs.
struct Peek {
    dir: PathBuf,
    seen: Mutex<Vec<String>>,
}

impl ProgressSink for Peek {
    fn event(&self, e: ProgressEvent) {
        if matches!(e, ProgressEvent::ItemDone { .. }) {
            let mut s = self.seen.lock().unwrap();
            for f in std::fs::read_dir(&self.dir).unwrap() {
                let n = f.unwrap().file_name().to_string_lossy().into_owned();
                if !s.contains(&n) {
                    s.push(n);
                }
            }
        }
    }
}

fn dead_pid() -> u32 {
    let mut c = std::process::Command::new("true").spawn().unwrap();
    let pid = c.id();
    c.wait().unwrap();
    pid
}

#[test]
fn an_export_removes_partial_files_of_dead_exports_and_nothing_else() {
    let tmp = tempfile::tempdir().unwrap();
    let req = request(&tmp.path().join("store"), PackageFormat::Zip);
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let dead = format!(".uuid-old.zip.ogonblick-partial-{}", dead_pid());
    let dead_side = format!(".uuid-old.zip.sha256.ogonblick-partial-{}", dead_pid());
    let alive = format!(".uuid-busy.zip.ogonblick-partial-{}", std::process::id());
    for n in [&dead, &dead_side, &alive] {
        std::fs::write(out.join(n), vec![0u8; 4096]).unwrap();
    }
    for n in [".uuid-x.1234.partial", "notes.txt", ".ogonblick-partial-1"] {
        std::fs::write(out.join(n), b"keep").unwrap();
    }
    let peek = Peek {
        dir: out.clone(),
        seen: Mutex::new(Vec::new()),
    };
    let s = export_with(&req, &out, &peek, &CancelToken::new()).unwrap();
    let final_name = s.path.file_name().unwrap().to_string_lossy().into_owned();
    let ours = format!(".{final_name}.ogonblick-partial-{}", std::process::id());
    let seen = peek.seen.into_inner().unwrap();
    assert!(seen.contains(&ours), "written as {ours}: {seen:?}");
    assert!(!seen.contains(&dead), "the dead export's file went first");
    let mut left: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    let mut want = vec![
        ".ogonblick-partial-1".to_string(),
        ".uuid-x.1234.partial".into(),
        alive.clone(),
        "notes.txt".into(),
        final_name.clone(),
        format!("{final_name}.sha256"),
    ];
    want.sort();
    assert_eq!(left, want);
}
