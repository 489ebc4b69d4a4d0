//! Bad input never leaves anything under the final name.

use ogonblick_model::{CancelToken, ProgressEvent};
use ogonblick_package::{PackageError, PackageFormat};

use crate::fixtures::*;

fn files_in(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn a_manifest_path_that_escapes_its_folder_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let mut req = request(&tmp.path().join("store"), PackageFormat::Zip);
    std::fs::write(tmp.path().join("secret.txt"), b"secret").unwrap();
    req.snapshots[0].0.snapshot.pages[0].files[0].path = "../../secret.txt".into();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let err = export(&req, &out).unwrap_err();
    assert!(matches!(err, PackageError::InvalidInput(_)), "{err}");
    assert!(err.to_string().contains("outside its folder"), "{err}");
    // h-voc3: a key with its parameters, so the Swedish window reads Swedish.
    let sv = err.message().render(ogonblick_model::Language::Sv);
    assert!(
        sv.contains("../../secret.txt") && sv.contains("som ligger utanför dess mapp"),
        "{sv}"
    );
    assert!(files_in(&out).is_empty());
    for bad in ["/etc/passwd", "a/../../b.png"] {
        req.snapshots[0].0.snapshot.pages[0].files[0].path = bad.into();
        assert!(export(&req, &out).is_err());
    }
    assert!(files_in(&out).is_empty());
}

#[test]
fn a_file_that_no_longer_matches_its_recorded_checksum_stops_the_export() {
    let tmp = tempfile::tempdir().unwrap();
    let req = request(&tmp.path().join("store"), PackageFormat::Zip);
    let (m, dir) = &req.snapshots[0];
    let victim = dir.join(&m.snapshot.pages[1].files[0].path);
    let mut b = std::fs::read(&victim).unwrap();
    let mid = b.len() / 2;
    b[mid] ^= 0x01;
    std::fs::write(&victim, b).unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let err = export(&req, &out).unwrap_err();
    assert!(matches!(err, PackageError::Fixity { .. }), "{err}");
    assert!(err.to_string().contains("page-02/screenshot.png"), "{err}");
    // The Swedish sentence says what differs, the manifest named in Swedish.
    let sv = err.message().render(ogonblick_model::Language::Sv);
    assert!(sv.contains("(SHA-256 är "), "{sv}");
    assert!(sv.contains(", manifestet anger "), "{sv}");
    assert!(!sv.contains("the manifest says"), "{sv}");
    assert!(files_in(&out).is_empty(), "{:?}", files_in(&out));
}

#[test]
fn cancelling_leaves_nothing_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let req = request(&tmp.path().join("store"), PackageFormat::Zip);
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let cancel = CancelToken::new();
    let c2 = cancel.clone();
    // cancel as soon as the third file starts
    let sink = move |e: ProgressEvent| {
        if let ProgressEvent::Stage { index: 2, .. } = e {
            c2.cancel();
        }
    };
    let err = export_with(&req, &out, &sink, &cancel).unwrap_err();
    assert!(matches!(err, PackageError::Cancelled), "{err}");
    assert!(files_in(&out).is_empty(), "{:?}", files_in(&out));
}

#[test]
fn an_existing_package_is_never_overwritten_and_org_must_be_set() {
    let tmp = tempfile::tempdir().unwrap();
    let mut req = request(&tmp.path().join("store"), PackageFormat::Zip);
    let out = tmp.path().join("p.zip");
    std::fs::write(&out, b"keep me").unwrap();
    let err = export(&req, &out).unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
    req.org.archive_creator = " ".into();
    let err = export(&req, &tmp.path().join("q.zip")).unwrap_err();
    assert!(err.to_string().contains("archive creator"), "{err}");
    req.org = org();
    req.org.retention = ogonblick_package::Retention::DisposeAfter {
        years: 2,
        decision: "".into(),
    };
    let err = export(&req, &tmp.path().join("q.zip")).unwrap_err();
    assert!(err.to_string().contains("gallringsbeslut"), "{err}");
}
