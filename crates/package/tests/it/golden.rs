//! Byte-for-byte guard of the export: the fixture request, exported with the
//! fixed clock and sequential ids, must give exactly the package recorded in
//! `golden/` (the whole file's SHA-256 and size, and every entry's). A
//! refactoring of the export must not change a byte; a change that means to
//! change the output re-records the files with `OGONBLICK_BLESS=1 cargo test
//! -p ogonblick-package --test it golden` and says why in its commit.
//!
//! The output depends on the sRGB profile the fixtures embed (`ICC`, a system
//! file) and on the crate version (written into METS and PREMIS); both are
//! recorded in the golden file, so a mismatch caused by them says so.

use std::io::Read;
use std::path::Path;

use ogonblick_package::PackageFormat;
use sha2::{Digest, Sha256};

use crate::fixtures::*;

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// One line per fact: the inputs the output depends on, the package, then
/// every entry in container order.
fn listing(format: PackageFormat, dir: &Path) -> String {
    let req = request(&dir.join("store"), format);
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let s = export(&req, &out).unwrap();
    let bytes = std::fs::read(&s.path).unwrap();
    let mut l = String::new();
    l.push_str(&format!(
        "icc {}\n",
        sha(&std::fs::read(ICC).expect("the sRGB profile"))
    ));
    l.push_str(&format!(
        "version {}\n",
        ogonblick_package::SOFTWARE_VERSION
    ));
    l.push_str(&format!("package {} {}\n", sha(&bytes), bytes.len()));
    l.push_str(&format!(
        "sidecar {}",
        std::fs::read_to_string(&s.sidecar).unwrap()
    ));
    match format {
        PackageFormat::Zip => {
            let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
            for i in 0..z.len() {
                let mut e = z.by_index(i).unwrap();
                let mut v = Vec::new();
                e.read_to_end(&mut v).unwrap();
                l.push_str(&format!(
                    "{} {} {} {:?}\n",
                    e.name(),
                    sha(&v),
                    v.len(),
                    e.compression()
                ));
            }
        }
        PackageFormat::Tar => {
            let mut t = tar::Archive::new(std::io::Cursor::new(&bytes));
            for e in t.entries().unwrap() {
                let mut e = e.unwrap();
                let name = e.path().unwrap().to_string_lossy().into_owned();
                let mut v = Vec::new();
                e.read_to_end(&mut v).unwrap();
                l.push_str(&format!("{name} {} {}\n", sha(&v), v.len()));
            }
        }
    }
    l
}

fn check(format: PackageFormat, golden: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let got = listing(format, tmp.path());
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/golden")
        .join(golden);
    if std::env::var_os("OGONBLICK_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap();
    assert!(
        got == want,
        "the export's bytes changed ({}):\n--- recorded\n{want}\n--- now\n{got}",
        path.display()
    );
}

#[test]
fn golden_zip_export_is_byte_for_byte_what_was_recorded() {
    check(PackageFormat::Zip, "export-zip.txt");
}

#[test]
fn golden_tar_export_is_byte_for_byte_what_was_recorded() {
    check(PackageFormat::Tar, "export-tar.txt");
}
