//! Every tampering is caught: one byte flipped in each file in turn.

use std::io::{Read, Write};

use ogonblick_model::NoProgress;
use ogonblick_package::verify_package;

use crate::package::export_zip;

/// Rewrites the zip with entry `victim` changed by `f` (a valid zip with
/// correct CRCs, so only our own checks can notice).
pub(crate) fn rewrite(
    src: &std::path::Path,
    dst: &std::path::Path,
    victim: &str,
    f: impl Fn(&mut Vec<u8>),
) {
    let mut z = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        let name = e.name().to_string();
        let mut v = Vec::new();
        e.read_to_end(&mut v).unwrap();
        if name == victim {
            f(&mut v);
        }
        let opts = zip::write::SimpleFileOptions::default().compression_method(e.compression());
        w.start_file(name, opts).unwrap();
        w.write_all(&v).unwrap();
    }
    w.finish().unwrap();
}

pub(crate) fn write_sidecar(p: &std::path::Path) {
    use sha2::Digest;
    let sum = hex::encode(sha2::Sha256::digest(std::fs::read(p).unwrap()));
    let name = p.file_name().unwrap().to_string_lossy();
    std::fs::write(
        format!("{}.sha256", p.display()),
        format!("{sum}  {name}\n"),
    )
    .unwrap();
}

#[test]
fn one_flipped_byte_in_any_file_is_caught_and_named() {
    let tmp = tempfile::tempdir().unwrap();
    let s = export_zip(tmp.path());
    let names: Vec<String> = {
        let z = zip::ZipArchive::new(std::fs::File::open(&s.path).unwrap()).unwrap();
        z.file_names().map(String::from).collect()
    };
    assert!(names.len() >= 20, "{}", names.len());
    let root_mets = format!("{}/METS.xml", s.objid);
    let mut checked = 0;
    for victim in &names {
        let dst = tmp.path().join("t").join(s.path.file_name().unwrap());
        std::fs::create_dir_all(dst.parent().unwrap()).unwrap();
        let _ = std::fs::remove_file(&dst);
        rewrite(&s.path, &dst, victim, |v| {
            let i = v.len() / 2;
            v[i] ^= 0x01;
        });
        if victim == &root_mets {
            // The root METS is the manifest: nothing inside the package holds
            // its checksum, the sidecar does. Keep the original sidecar.
            std::fs::copy(&s.sidecar, format!("{}.sha256", dst.display())).unwrap();
        } else {
            // A fresh, matching sidecar: only the checks inside can catch it.
            write_sidecar(&dst);
        }
        let r = verify_package(&dst, &NoProgress).unwrap();
        assert!(!r.ok, "flip in {victim} was not caught");
        if victim == &root_mets {
            assert!(
                r.problems
                    .iter()
                    .any(|p| p.what.to_string().contains("sidecar")),
                "flip in root METS: {:#?}",
                r.problems
            );
        } else {
            assert!(
                r.problems
                    .iter()
                    .any(|p| p.path == *victim || p.what.to_string().contains(victim.as_str())),
                "flip in {victim}: no problem names it: {:#?}",
                r.problems
            );
        }
        checked += 1;
    }
    assert_eq!(checked, names.len());
}

#[test]
fn a_missing_file_an_extra_file_and_a_missing_sidecar_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let s = export_zip(tmp.path());
    let victim = format!("{}/documentation/how-the-snapshots-were-taken.md", s.objid);
    // drop one entry, add a stranger
    let dst = tmp.path().join("x.zip");
    {
        let mut z = zip::ZipArchive::new(std::fs::File::open(&s.path).unwrap()).unwrap();
        let mut w = zip::ZipWriter::new(std::fs::File::create(&dst).unwrap());
        for i in 0..z.len() {
            let mut e = z.by_index(i).unwrap();
            let name = e.name().to_string();
            if name == victim {
                continue;
            }
            let mut v = Vec::new();
            e.read_to_end(&mut v).unwrap();
            w.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(&v).unwrap();
        }
        w.start_file(
            format!("{}/representations/rep1/data/extra.png", s.objid),
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        w.write_all(b"not listed").unwrap();
        w.finish().unwrap();
    }
    let r = verify_package(&dst, &NoProgress).unwrap();
    assert!(!r.ok);
    let text: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        text.iter()
            .any(|t| t.contains(&victim) && t.contains("missing")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|t| t.contains("extra.png") && t.contains("not listed")),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|t| t.contains("sidecar is missing")),
        "{text:#?}"
    );
}

#[test]
fn an_entry_named_to_escape_the_package_folder_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let s = export_zip(tmp.path());
    let dst = tmp.path().join("evil.zip");
    {
        let mut z = zip::ZipArchive::new(std::fs::File::open(&s.path).unwrap()).unwrap();
        let mut w = zip::ZipWriter::new(std::fs::File::create(&dst).unwrap());
        for i in 0..z.len() {
            let mut e = z.by_index(i).unwrap();
            let name = e.name().to_string();
            let mut v = Vec::new();
            e.read_to_end(&mut v).unwrap();
            w.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(&v).unwrap();
        }
        w.start_file(
            format!("{}/../../etc/cron.d/evil", s.objid),
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        w.write_all(b"* * * * * root true").unwrap();
        w.finish().unwrap();
    }
    write_sidecar(&dst);
    let r = verify_package(&dst, &NoProgress).unwrap();
    assert!(!r.ok);
    assert!(
        r.problems
            .iter()
            .any(|p| p.path.contains("../../etc/cron.d/evil")
                && p.what.to_string().contains("escape")),
        "{:#?}",
        r.problems
    );
}

#[test]
fn a_premis_file_that_breaks_the_premis_3_schema_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let s = export_zip(tmp.path());
    let victim = format!("{}/metadata/preservation/premis.xml", s.objid);
    let dst = tmp.path().join("bad-premis.zip");
    // Well-formed XML, but an element PREMIS 3.0 does not have, where the
    // schema allows none: only the schema check can see it.
    rewrite(&s.path, &dst, &victim, |v| {
        let t = String::from_utf8(v.clone()).unwrap().replacen(
            "<premis:objectCharacteristics>",
            "<premis:objectCharacteristics><premis:madeUp>x</premis:madeUp>",
            1,
        );
        assert_ne!(t.as_bytes(), v.as_slice(), "the PREMIS file changed");
        *v = t.into_bytes();
    });
    write_sidecar(&dst);
    let r = verify_package(&dst, &NoProgress).unwrap();
    assert!(r.schemas_checked);
    assert!(!r.ok);
    let text: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        text.iter()
            .any(|t| t.contains(&victim) && t.contains("premis-v3-0.xsd") && t.contains("madeUp")),
        "{text:#?}"
    );
    // The untouched package validates, PREMIS included.
    let ok = verify_package(&s.path, &NoProgress).unwrap();
    assert!(ok.ok, "{:#?}", ok.problems);
}
