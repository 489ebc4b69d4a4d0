//! Hostile containers: `verify` reports every trick as a problem with a
//! sentence, writes nothing anywhere, does not crash and reads no entry
//! beyond what its header declares.

use std::path::Path;

use ogonblick_model::NoProgress;
use ogonblick_package::{verify_package, PackageError, VerifyReport};

use crate::zipcraft::{self, Entry};

const METS: &[u8] = b"<?xml version=\"1.0\"?>\n<mets xmlns=\"http://www.loc.gov/METS/\"/>\n";

/// Verifies `bytes` written as `name` (with a correct sidecar) in a fresh
/// folder and checks that verify wrote nothing there or around it.
fn verify_bytes(name: &str, bytes: &[u8]) -> Result<VerifyReport, PackageError> {
    let tmp = tempfile::tempdir().unwrap();
    let inner = tmp.path().join("a/b");
    std::fs::create_dir_all(&inner).unwrap();
    let pkg = inner.join(name);
    zipcraft::write_with_sidecar(&pkg, bytes);
    let before = tree(tmp.path());
    let r = verify_package(&pkg, &NoProgress);
    assert_eq!(tree(tmp.path()), before, "verify wrote something");
    r
}

fn tree(dir: &Path) -> Vec<String> {
    let mut v = Vec::new();
    for e in walk(dir) {
        v.push(e.strip_prefix(dir).unwrap().display().to_string());
    }
    v.sort();
    v
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

/// The report is not OK and one problem names `path` and says `what`.
fn has(r: &VerifyReport, path: &str, what: &str) {
    assert!(!r.ok);
    assert!(
        r.problems
            .iter()
            .any(|p| p.path == path && p.what.to_string().contains(what)),
        "no problem '{what}' on {path}: {:#?}",
        r.problems
    );
}

#[test]
fn traversal_and_absolute_names_are_problems_and_nothing_is_written() {
    for bad in [
        "../x",
        "uuid-1/../../x",
        "/tmp/ogonblick-escape",
        "uuid-1\\..\\x",
    ] {
        let z = zipcraft::build(&[
            Entry::stored("uuid-1/METS.xml", METS),
            Entry::stored(bad, b"escape"),
        ]);
        let r = verify_bytes("p.zip", &z).unwrap();
        has(&r, bad, "could escape the package folder");
    }
    assert!(!Path::new("/tmp/ogonblick-escape").exists());
}

#[test]
fn a_symlink_entry_is_a_problem() {
    let mut link = Entry::stored("uuid-1/data/passwd", b"/etc/passwd");
    link.unix_mode = 0o120777;
    let z = zipcraft::build(&[Entry::stored("uuid-1/METS.xml", METS), link]);
    let r = verify_bytes("p.zip", &z).unwrap();
    has(&r, "uuid-1/data/passwd", "symbolic link");
}

#[test]
fn an_entry_that_inflates_beyond_its_declared_size_is_refused_after_the_declared_size() {
    // 256 MiB of zeros behind headers that claim 1,000 bytes: the old
    // verify kept all of it in memory (an XML entry); now it stops reading.
    let z = zipcraft::build(&[
        Entry::stored("uuid-1/METS.xml", METS),
        zipcraft::bomb("uuid-1/metadata/descriptive/x.xml", 256, 1000),
    ]);
    assert!(z.len() < 2 << 20, "the bomb is small on disk: {}", z.len());
    let r = verify_bytes("p.zip", &z).unwrap();
    has(
        &r,
        "uuid-1/metadata/descriptive/x.xml",
        "more data than its header declares",
    );
}

#[test]
fn a_declared_size_no_compression_can_reach_is_refused_unread() {
    let mut e = Entry::stored("uuid-1/big.xml", b"tiny");
    e.method = 8;
    e.data = zipcraft::deflated_zeros(1);
    e.size = u32::MAX - 1;
    let z = zipcraft::build(&[Entry::stored("uuid-1/METS.xml", METS), e]);
    let r = verify_bytes("p.zip", &z).unwrap();
    has(&r, "uuid-1/big.xml", "more than compressed data can hold");
}

/// A package whose `a.txt` has another name in its local header and whose
/// `c.txt` another size, verified.
fn disagreeing_local_headers() -> VerifyReport {
    let mut renamed = Entry::stored("uuid-1/a.txt", b"hello");
    renamed.local_name = Some(b"uuid-1/b.txt".to_vec());
    let mut resized = Entry::stored("uuid-1/c.txt", b"hello");
    resized.local_size = Some(4);
    let z = zipcraft::build(&[Entry::stored("uuid-1/METS.xml", METS), renamed, resized]);
    verify_bytes("p.zip", &z).unwrap()
}

#[test]
fn local_headers_that_disagree_with_the_central_directory_are_problems() {
    let r = disagreeing_local_headers();
    has(&r, "uuid-1/a.txt", "local header disagrees");
    has(&r, "uuid-1/c.txt", "local header disagrees");
}

#[test]
fn duplicate_names_are_problems_even_though_the_zip_reader_hides_one() {
    let z = zipcraft::build(&[
        Entry::stored("uuid-1/METS.xml", METS),
        Entry::stored("uuid-1/a.txt", b"evil"),
        Entry::stored("uuid-1/a.txt", b"good"),
    ]);
    let r = verify_bytes("p.zip", &z).unwrap();
    has(&r, "uuid-1/a.txt", "appears 2 times");
}

#[test]
fn a_truncated_zip_is_refused_with_a_sentence() {
    let tmp = tempfile::tempdir().unwrap();
    let s = crate::package::export_zip(tmp.path());
    let bytes = std::fs::read(&s.path).unwrap();
    for cut in [bytes.len() / 2, bytes.len() - 10, 100] {
        match verify_bytes("t.zip", &bytes[..cut]) {
            Err(e) => {
                assert!(matches!(e, PackageError::Unreadable { .. }), "{e}");
                assert!(e.to_string().contains("could not be read as zip"), "{e}");
            }
            Ok(r) => assert!(!r.ok && !r.problems.is_empty()),
        }
    }
}

/// A tar header with any name and type (the tar crate refuses `..`).
fn tar_entry(out: &mut Vec<u8>, name: &str, kind: u8, data: &[u8], link: &str) {
    let mut h = [0u8; 512];
    h[..name.len()].copy_from_slice(name.as_bytes());
    h[100..108].copy_from_slice(b"0000644\0");
    h[108..116].copy_from_slice(b"0000000\0");
    h[116..124].copy_from_slice(b"0000000\0");
    h[124..136].copy_from_slice(format!("{:011o}\0", data.len()).as_bytes());
    h[136..148].copy_from_slice(b"00000000000\0");
    h[156] = kind;
    h[157..157 + link.len()].copy_from_slice(link.as_bytes());
    h[257..263].copy_from_slice(b"ustar\0");
    h[263..265].copy_from_slice(b"00");
    h[148..156].copy_from_slice(b"        ");
    let sum: u32 = h.iter().map(|&b| b as u32).sum();
    h[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
    out.extend_from_slice(&h);
    out.extend_from_slice(data);
    out.resize(out.len().div_ceil(512) * 512, 0);
}

#[test]
fn a_tar_with_the_same_tricks_is_reported_too() {
    let mut t = Vec::new();
    tar_entry(&mut t, "uuid-1/METS.xml", b'0', METS, "");
    tar_entry(&mut t, "../x", b'0', b"escape", "");
    tar_entry(&mut t, "/tmp/ogonblick-tar-escape", b'0', b"escape", "");
    tar_entry(&mut t, "uuid-1/link", b'2', b"", "/etc/passwd");
    tar_entry(&mut t, "uuid-1/hard", b'1', b"", "uuid-1/METS.xml");
    tar_entry(&mut t, "uuid-1/dup.txt", b'0', b"one", "");
    tar_entry(&mut t, "uuid-1/dup.txt", b'0', b"two", "");
    let full = {
        let mut f = t.clone();
        f.extend_from_slice(&[0u8; 1024]);
        f
    };
    let r = verify_bytes("p.tar", &full).unwrap();
    has(&r, "../x", "could escape the package folder");
    has(
        &r,
        "/tmp/ogonblick-tar-escape",
        "could escape the package folder",
    );
    has(&r, "uuid-1/link", "symbolic link");
    has(&r, "uuid-1/hard", "hard link");
    has(&r, "uuid-1/dup.txt", "appears twice");
    assert!(!Path::new("/tmp/ogonblick-tar-escape").exists());
    // truncated inside an entry's data
    let mut cut = t.clone();
    tar_entry(&mut cut, "uuid-1/big.bin", b'0', &[7u8; 4096], "");
    cut.truncate(cut.len() - 3000);
    let r = verify_bytes("c.tar", &cut).unwrap();
    assert!(!r.ok);
    assert!(
        r.problems
            .iter()
            .any(|p| p.what.to_string().contains("cannot be read")
                || p.what.to_string().contains("damaged")),
        "{:#?}",
        r.problems
    );
}

/// h-voc9: the fields a local header disagrees on are told in Swedish, with
/// the local header's values as data.
#[test]
fn a_disagreeing_local_header_is_told_in_swedish() {
    use ogonblick_model::Language;
    let r = disagreeing_local_headers();
    let sv = |path: &str| {
        let p = r.problems.iter().find(|p| p.path == path).unwrap();
        let text = p.what.render(Language::Sv);
        for e in ["name", "size", "compressed"] {
            assert!(!text.contains(e), "English {e:?} in {text:?}");
        }
        text
    };
    assert!(
        sv("uuid-1/a.txt").contains("centralkatalogen: namnet ”uuid-1/b.txt” ("),
        "{}",
        sv("uuid-1/a.txt")
    );
    assert!(
        sv("uuid-1/c.txt").contains("storleken 4 byte"),
        "{}",
        sv("uuid-1/c.txt")
    );
}
