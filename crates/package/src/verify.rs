//! Verifying a package: the sidecar, every entry's name, every checksum, size
//! and file reference in the root METS, the representation METS, PREMIS and
//! the capture records, files that no METS lists, and the XML schemas
//! (xmllint, an external process: libxml2's validator is the reference
//! implementation most archives use, and no maintained pure-Rust XSD 1.0
//! validator exists). PREMIS is checked for content, not against its XSD,
//! which is not shipped (see `schemas/README.md`).

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

use ogonblick_model::{CancelToken, ProgressEvent, ProgressSink, Stage};
use sha2::{Digest, Sha256};

use crate::container::{sha256_file, COPY_BUF};
use crate::export::{sidecar_of, SCHEMAS};
use crate::zipcheck::{self, DEFLATE_MAX_RATIO};
use crate::{PackageError, Problem, VerifyReport, SIP_PROFILE};

const METS_NS: &str = "http://www.loc.gov/METS/";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";
const PREMIS_NS: &str = "http://www.loc.gov/premis/v3";
/// The largest XML file verify holds in memory to check it; larger is a
/// problem (our METS for 10,000 snapshots is about 20 MiB).
const KEEP_XML_MAX: u64 = 64 * 1024 * 1024;
/// All the XML held at once.
const KEEP_TOTAL_MAX: u64 = 256 * 1024 * 1024;
/// The sidecar is one line; no more of it is read.
const SIDECAR_MAX: u64 = 64 * 1024;

struct Item {
    sha256: String,
    size: u64,
    bytes: Option<Vec<u8>>,
    /// PRONOM id identified from the bytes while hashing.
    puid: Option<String>,
}

/// Options of [`verify_package_with`].
#[derive(Debug, Clone)]
pub struct VerifyOptions {
    /// The xmllint program; `None`: schema validation is skipped and the
    /// report says so (`schemas_checked: false`, plus a problem).
    pub xmllint: Option<PathBuf>,
    /// Stops the verification between entries (`PackageError::Cancelled`).
    pub cancel: CancelToken,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions {
            xmllint: Some(PathBuf::from("xmllint")),
            cancel: CancelToken::new(),
        }
    }
}

/// Verifies the package at `path` (zip or tar) and its `.sha256` sidecar.
/// `Err` only when the file cannot be opened at all; everything wrong inside
/// is a [`Problem`] in the report.
pub fn verify_package(path: &Path, sink: &dyn ProgressSink) -> Result<VerifyReport, PackageError> {
    verify_package_with(path, sink, &VerifyOptions::default())
}

pub fn verify_package_with(
    path: &Path,
    sink: &dyn ProgressSink,
    opts: &VerifyOptions,
) -> Result<VerifyReport, PackageError> {
    let mut problems = Vec::new();
    let pkg_name = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut magic = [0u8; 512];
    let n = {
        let mut f = File::open(path).map_err(|e| PackageError::Read {
            path: path.into(),
            source: e,
        })?;
        read_up_to(&mut f, &mut magic).map_err(|e| PackageError::Read {
            path: path.into(),
            source: e,
        })?
    };
    let is_zip = n >= 4 && &magic[..4] == b"PK\x03\x04";
    let is_tar = n >= 262 && &magic[257..262] == b"ustar";
    if !is_zip && !is_tar {
        return Err(PackageError::Unreadable {
            format: "zip or tar",
            message: format!("{} is neither a zip nor a tar file", path.display()),
        });
    }
    sink.event(ProgressEvent::Started {
        total: 3,
        label: format!("verify {pkg_name}"),
    });

    // 1. The sidecar.
    sink.event(ProgressEvent::Stage {
        index: 0,
        label: "sidecar".into(),
        stage: Stage::Hashing,
        detail: None,
    });
    let sidecar = sidecar_of(path);
    let side_name = sidecar
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let side_text = File::open(&sidecar).and_then(|f| {
        let mut t = String::new();
        f.take(SIDECAR_MAX).read_to_string(&mut t).map(|_| t)
    });
    match side_text {
        Err(_) => problems.push(Problem {
            path: side_name.clone(),
            what: "the .sha256 sidecar is missing, so the package as a whole cannot be checked"
                .into(),
            expected: Some("a file next to the package".into()),
            found: None,
        }),
        Ok(text) => {
            // `sha256sum` format: 64 hex digits, a space, a space or `*`
            // (binary mode), then the file name, which may hold spaces.
            let line = text.lines().next().unwrap_or("");
            let (want, name) = match line.split_once(' ') {
                Some((h, rest)) => {
                    let rest = rest
                        .strip_prefix(' ')
                        .or_else(|| rest.strip_prefix('*'))
                        .unwrap_or(rest);
                    (
                        h.trim().to_ascii_lowercase(),
                        rest.trim_end_matches('\r').to_string(),
                    )
                }
                None => (line.trim().to_ascii_lowercase(), String::new()),
            };
            let (got, _) = sha256_file(path).map_err(|e| PackageError::Read {
                path: path.into(),
                source: e,
            })?;
            if want != got {
                problems.push(Problem {
                    path: pkg_name.clone(),
                    what: format!("the package's SHA-256 does not match its sidecar {side_name}: the package file was changed or damaged"),
                    expected: Some(want),
                    found: Some(got),
                });
            }
            if name != pkg_name {
                problems.push(Problem {
                    path: side_name.clone(),
                    what: "the sidecar names another file".into(),
                    expected: Some(pkg_name.clone()),
                    found: Some(name),
                });
            }
        }
    }

    // 2. Every entry: read once, hashed.
    sink.event(ProgressEvent::Stage {
        index: 1,
        label: "entries".into(),
        stage: Stage::Verifying,
        detail: None,
    });
    let mut items: BTreeMap<String, Item> = BTreeMap::new();
    // XML kept in memory for the METS/PREMIS/record checks, in all.
    let mut kept_total = 0u64;
    // Reads one entry, never more than `declared` bytes (+1, to see a lie)
    // and keeps it only within KEEP_XML_MAX and KEEP_TOTAL_MAX.
    let mut add = |name: String, r: &mut dyn Read, declared: u64, problems: &mut Vec<Problem>| {
        let keep = name.ends_with(".xml")
            && declared <= KEEP_XML_MAX
            && kept_total + declared <= KEEP_TOTAL_MAX;
        if name.ends_with(".xml") && !keep {
            problems.push(Problem {
                path: name.clone(),
                what: format!(
                    "the XML file is too large to check (verify holds at most {} MiB of one XML file and {} MiB of XML in all)",
                    KEEP_XML_MAX >> 20,
                    KEEP_TOTAL_MAX >> 20
                ),
                expected: None,
                found: Some(format!("{declared} bytes")),
            });
        }
        let mut h = Sha256::new();
        let mut sniff = crate::sniff::Sniffer::new(&name);
        let mut buf = vec![0u8; COPY_BUF];
        let mut kept = if keep {
            kept_total += declared;
            Some(Vec::with_capacity(declared as usize))
        } else {
            None
        };
        let mut size = 0u64;
        let mut broke = false;
        let mut r = r.take(declared.saturating_add(1));
        loop {
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(k) => {
                    if size + k as u64 > declared {
                        problems.push(Problem {
                            path: name.clone(),
                            what: "the entry holds more data than its header declares (a zip bomb or a damaged archive); it was not read further".into(),
                            expected: Some(format!("{declared} bytes")),
                            found: Some("more".into()),
                        });
                        kept = None;
                        broke = true;
                        break;
                    }
                    h.update(&buf[..k]);
                    sniff.feed(&buf[..k]);
                    size += k as u64;
                    if let Some(v) = kept.as_mut() {
                        v.extend_from_slice(&buf[..k]);
                    }
                }
                Err(e) => {
                    problems.push(Problem {
                        path: name.clone(),
                        what: format!("the entry cannot be read: {e}"),
                        expected: None,
                        found: None,
                    });
                    kept = None;
                    broke = true;
                    break;
                }
            }
        }
        if !broke && size < declared {
            problems.push(Problem {
                path: name.clone(),
                what: "the entry is shorter than its header declares: the container is truncated or damaged".into(),
                expected: Some(format!("{declared} bytes")),
                found: Some(format!("{size} bytes")),
            });
        }
        if items.contains_key(&name) {
            problems.push(Problem {
                path: name.clone(),
                what: "the entry appears twice in the container".into(),
                expected: None,
                found: None,
            });
        }
        let puid = sniff.finish().puid;
        items.insert(
            name,
            Item {
                sha256: hex::encode(h.finalize()),
                size,
                bytes: kept,
                puid,
            },
        );
    };
    if is_zip {
        let f = File::open(path).map_err(|e| PackageError::Read {
            path: path.into(),
            source: e,
        })?;
        let mut z = zip::ZipArchive::new(f).map_err(|e| PackageError::Unreadable {
            format: "zip",
            message: e.to_string(),
        })?;
        let raw = File::open(path).map_err(|e| PackageError::Read {
            path: path.into(),
            source: e,
        })?;
        zip_structure(&z, &raw, &mut problems);
        for i in 0..z.len() {
            if opts.cancel.is_cancelled() {
                return Err(PackageError::Cancelled);
            }
            let mut e = match z.by_index(i) {
                Ok(e) => e,
                Err(e) => {
                    problems.push(Problem {
                        path: format!("entry #{i}"),
                        what: format!("the zip entry cannot be opened: {e}"),
                        expected: None,
                        found: None,
                    });
                    continue;
                }
            };
            let name = e.name().to_string();
            if e.is_symlink() {
                problems.push(Problem {
                    path: name,
                    what: "the entry is a symbolic link; a package holds only files and folders"
                        .into(),
                    expected: None,
                    found: None,
                });
                continue;
            }
            if e.is_dir() {
                continue;
            }
            if let Some(p) = entry_header_problem(&e, &raw) {
                problems.push(p);
            }
            let declared = e.size();
            if e.compression() != zip::CompressionMethod::Stored
                && declared > e.compressed_size().saturating_mul(DEFLATE_MAX_RATIO)
            {
                problems.push(Problem {
                    path: name,
                    what: "the entry claims to unpack to more than compressed data can hold (a zip bomb); it was not read".into(),
                    expected: Some(format!(
                        "at most {} bytes",
                        e.compressed_size().saturating_mul(DEFLATE_MAX_RATIO)
                    )),
                    found: Some(format!("{declared} bytes declared")),
                });
                continue;
            }
            add(name, &mut e, declared, &mut problems);
        }
    } else {
        let f = File::open(path).map_err(|e| PackageError::Read {
            path: path.into(),
            source: e,
        })?;
        let mut t = tar::Archive::new(f);
        let entries = t.entries().map_err(|e| PackageError::Unreadable {
            format: "tar",
            message: e.to_string(),
        })?;
        for e in entries {
            if opts.cancel.is_cancelled() {
                return Err(PackageError::Cancelled);
            }
            let mut e = match e {
                Ok(e) => e,
                Err(err) => {
                    problems.push(Problem {
                        path: pkg_name.clone(),
                        what: format!("the tar stream is damaged: {err}"),
                        expected: None,
                        found: None,
                    });
                    break;
                }
            };
            let name = match e.path() {
                Ok(p) => p.to_string_lossy().into_owned(),
                Err(err) => {
                    problems.push(Problem {
                        path: pkg_name.clone(),
                        what: format!("a tar entry has a bad name: {err}"),
                        expected: None,
                        found: None,
                    });
                    continue;
                }
            };
            let kind = e.header().entry_type();
            if kind.is_dir() {
                continue;
            }
            if !(kind.is_file() || kind == tar::EntryType::Continuous) {
                problems.push(Problem {
                    path: name,
                    what: format!(
                        "the entry is not a regular file but a {}; a package holds only files and folders",
                        tar_kind(kind)
                    ),
                    expected: None,
                    found: None,
                });
                continue;
            }
            let size = e.size();
            add(name, &mut e, size, &mut problems);
        }
    }

    // 3. Names and the root folder.
    let mut roots = BTreeSet::new();
    for name in items.keys() {
        if name.starts_with('/')
            || name.split('/').any(|s| s == ".." || s.is_empty())
            || name.contains('\\')
        {
            problems.push(Problem {
                path: name.clone(),
                what: "the entry's name could escape the package folder".into(),
                expected: None,
                found: None,
            });
        }
        if !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c))
        {
            problems.push(Problem {
                path: name.clone(),
                what: "the entry's name has characters outside [A-Za-z0-9._-/]".into(),
                expected: None,
                found: None,
            });
        }
        roots.insert(name.split('/').next().unwrap_or("").to_string());
    }
    let root = if roots.len() == 1 {
        roots.into_iter().next().unwrap_or_default()
    } else {
        problems.push(Problem {
            path: pkg_name.clone(),
            what: "the package must hold exactly one root folder".into(),
            expected: Some("1".into()),
            found: Some(format!(
                "{} ({})",
                roots.len(),
                roots.into_iter().collect::<Vec<_>>().join(", ")
            )),
        });
        String::new()
    };
    let root_mets = format!("{root}/METS.xml");
    let mut referenced: BTreeSet<String> = BTreeSet::new();
    referenced.insert(root_mets.clone());
    let mut objid = None;
    let mut rep_mets: Vec<String> = Vec::new();
    let mut premis_files: Vec<String> = Vec::new();
    let mut dmd_files: Vec<String> = Vec::new();

    if opts.cancel.is_cancelled() {
        return Err(PackageError::Cancelled);
    }
    sink.event(ProgressEvent::Stage {
        index: 2,
        label: "METS".into(),
        stage: Stage::Verifying,
        detail: None,
    });
    // 4. Root METS.
    match items.get(&root_mets).and_then(|i| i.bytes.as_deref()) {
        None => problems.push(Problem {
            path: root_mets.clone(),
            what: "the root METS.xml is missing".into(),
            expected: None,
            found: None,
        }),
        Some(bytes) => {
            if let Some(doc) = parse(&root_mets, bytes, &mut problems) {
                let m = doc.root_element();
                let o = m.attribute("OBJID").unwrap_or("").to_string();
                if o != root {
                    problems.push(Problem {
                        path: root_mets.clone(),
                        what: "OBJID does not name the root folder".into(),
                        expected: Some(root.clone()),
                        found: Some(o.clone()),
                    });
                }
                objid = Some(o);
                if m.attribute("PROFILE") != Some(SIP_PROFILE) {
                    problems.push(Problem {
                        path: root_mets.clone(),
                        what: "PROFILE is not the E-ARK SIP profile".into(),
                        expected: Some(SIP_PROFILE.into()),
                        found: m.attribute("PROFILE").map(String::from),
                    });
                }
                check_refs(
                    &doc,
                    &root_mets,
                    &format!("{root}/"),
                    &items,
                    &mut referenced,
                    &mut problems,
                );
                for n in doc.descendants() {
                    if n.has_tag_name((METS_NS, "mptr")) {
                        if let Some(h) = n.attribute((XLINK_NS, "href")) {
                            if let Some(p) = resolve(&format!("{root}/"), h) {
                                rep_mets.push(p);
                            }
                        }
                    }
                    if n.has_tag_name((METS_NS, "mdRef")) {
                        let parent = n
                            .parent_element()
                            .map(|p| p.tag_name().name().to_string())
                            .unwrap_or_default();
                        if let Some(p) = n
                            .attribute((XLINK_NS, "href"))
                            .and_then(|h| resolve(&format!("{root}/"), h))
                        {
                            if parent == "digiprovMD" && n.attribute("MDTYPE") == Some("PREMIS") {
                                premis_files.push(p);
                            } else if parent == "dmdSec" {
                                dmd_files.push(p);
                            }
                        }
                    }
                }
                for grp in ["Documentation", "Schemas"] {
                    if !doc.descendants().any(|n| {
                        n.has_tag_name((METS_NS, "fileGrp")) && n.attribute("USE") == Some(grp)
                    }) {
                        problems.push(Problem {
                            path: root_mets.clone(),
                            what: format!("no fileGrp USE=\"{grp}\""),
                            expected: None,
                            found: None,
                        });
                    }
                }
                if rep_mets.is_empty() {
                    problems.push(Problem {
                        path: root_mets.clone(),
                        what: "no representation (mptr) is listed".into(),
                        expected: None,
                        found: None,
                    });
                }
            }
        }
    }
    // 5. Representation METS.
    rep_mets.sort();
    rep_mets.dedup();
    for rp in &rep_mets {
        match items.get(rp).and_then(|i| i.bytes.as_deref()) {
            None => problems.push(Problem {
                path: rp.clone(),
                what: "the representation METS named by the root METS (mptr) is missing".into(),
                expected: None,
                found: None,
            }),
            Some(bytes) => {
                if let Some(doc) = parse(rp, bytes, &mut problems) {
                    let base = rp
                        .rsplit_once('/')
                        .map(|(d, _)| format!("{d}/"))
                        .unwrap_or_default();
                    check_refs(&doc, rp, &base, &items, &mut referenced, &mut problems);
                }
            }
        }
    }
    // 6. PREMIS.
    for pp in &premis_files {
        let Some(bytes) = items.get(pp).and_then(|i| i.bytes.as_deref()) else {
            continue;
        };
        let Some(doc) = parse(pp, bytes, &mut problems) else {
            continue;
        };
        let base = pp
            .rsplit_once('/')
            .map(|(d, _)| format!("{d}/"))
            .unwrap_or_default();
        let mut objects = 0;
        for obj in doc
            .descendants()
            .filter(|n| n.has_tag_name((PREMIS_NS, "object")))
        {
            objects += 1;
            let text = |tag: &str| {
                obj.descendants()
                    .find(|n| n.has_tag_name((PREMIS_NS, tag)))
                    .and_then(|n| n.text())
                    .map(str::to_string)
            };
            let Some(loc) = text("contentLocationValue") else {
                problems.push(Problem {
                    path: pp.clone(),
                    what: "a PREMIS object has no contentLocation".into(),
                    expected: None,
                    found: None,
                });
                continue;
            };
            let Some(target) = resolve(&base, &loc) else {
                problems.push(Problem {
                    path: pp.clone(),
                    what: format!("PREMIS names a location outside the package: {loc}"),
                    expected: None,
                    found: None,
                });
                continue;
            };
            let Some(item) = items.get(&target) else {
                problems.push(Problem {
                    path: target.clone(),
                    what: format!("the file described in {pp} is missing"),
                    expected: None,
                    found: None,
                });
                continue;
            };
            if let Some(d) = text("messageDigest") {
                if !d.eq_ignore_ascii_case(&item.sha256) {
                    problems.push(Problem {
                        path: target.clone(),
                        what: format!("SHA-256 does not match the fixity in {pp}"),
                        expected: Some(d),
                        found: Some(item.sha256.clone()),
                    });
                }
            } else {
                problems.push(Problem {
                    path: pp.clone(),
                    what: format!("the PREMIS object for {target} has no fixity"),
                    expected: None,
                    found: None,
                });
            }
            if let Some(s) = text("size") {
                if s != item.size.to_string() {
                    problems.push(Problem {
                        path: target.clone(),
                        what: format!("size does not match {pp}"),
                        expected: Some(s),
                        found: Some(item.size.to_string()),
                    });
                }
            }
        }
        if objects == 0 {
            problems.push(Problem {
                path: pp.clone(),
                what: "PREMIS describes no objects".into(),
                expected: None,
                found: None,
            });
        }
    }
    // 7. Capture records.
    let mut snapshot_ids = Vec::new();
    for dp in &dmd_files {
        let Some(bytes) = items.get(dp).and_then(|i| i.bytes.as_deref()) else {
            continue;
        };
        let Some(doc) = parse(dp, bytes, &mut problems) else {
            continue;
        };
        if let Some(id) = doc
            .descendants()
            .find(|n| n.tag_name().name() == "snapshotId")
            .and_then(|n| n.text())
        {
            snapshot_ids.push(id.to_string());
        }
        let base = dp
            .rsplit_once('/')
            .map(|(d, _)| format!("{d}/"))
            .unwrap_or_default();
        for f in doc
            .descendants()
            .filter(|n| n.tag_name().name() == "file" && n.attribute("href").is_some())
        {
            let href = f.attribute("href").unwrap_or("");
            let Some(target) = resolve(&base, href) else {
                problems.push(Problem {
                    path: dp.clone(),
                    what: format!("names a location outside the package: {href}"),
                    expected: None,
                    found: None,
                });
                continue;
            };
            match items.get(&target) {
                None => problems.push(Problem {
                    path: target.clone(),
                    what: format!("the file listed in {dp} is missing"),
                    expected: None,
                    found: None,
                }),
                Some(item) => {
                    if f.attribute("sha256")
                        .map(|s| !s.eq_ignore_ascii_case(&item.sha256))
                        .unwrap_or(true)
                    {
                        problems.push(Problem {
                            path: target.clone(),
                            what: format!("SHA-256 does not match the capture record {dp}"),
                            expected: f.attribute("sha256").map(String::from),
                            found: Some(item.sha256.clone()),
                        });
                    }
                    if f.attribute("size") != Some(item.size.to_string().as_str()) {
                        problems.push(Problem {
                            path: target.clone(),
                            what: format!("size does not match the capture record {dp}"),
                            expected: f.attribute("size").map(String::from),
                            found: Some(item.size.to_string()),
                        });
                    }
                }
            }
        }
    }
    // 8. Files no METS lists.
    for name in items.keys() {
        if !referenced.contains(name) {
            problems.push(Problem {
                path: name.clone(),
                what: "the file is not listed in any METS file".into(),
                expected: None,
                found: None,
            });
        }
    }
    // 9. Schemas.
    let mut schemas_checked = false;
    match &opts.xmllint {
        None => problems.push(Problem {
            path: pkg_name.clone(),
            what: "schema validation was not run (no xmllint given)".into(),
            expected: None,
            found: None,
        }),
        Some(x) => {
            let mut mets_files: Vec<(String, &[u8])> = Vec::new();
            for p in std::iter::once(&root_mets).chain(rep_mets.iter()) {
                if let Some(b) = items.get(p).and_then(|i| i.bytes.as_deref()) {
                    mets_files.push((p.clone(), b));
                }
            }
            let dmds: Vec<(String, &[u8])> = dmd_files
                .iter()
                .filter_map(|p| {
                    items
                        .get(p)
                        .and_then(|i| i.bytes.as_deref())
                        .map(|b| (p.clone(), b))
                })
                .collect();
            match schema_check(x, &mets_files, &dmds) {
                Ok(mut ps) => {
                    schemas_checked = true;
                    problems.append(&mut ps);
                }
                Err(e) => problems.push(Problem {
                    path: pkg_name.clone(),
                    what: format!(
                        "schema validation could not run: {e} (install libxml2-utils for xmllint)"
                    ),
                    expected: None,
                    found: None,
                }),
            }
        }
    }

    let ok = problems.is_empty();
    sink.event(ProgressEvent::Finished {
        ok,
        message: Some(format!("{} problem(s)", problems.len())),
    });
    Ok(VerifyReport {
        ok,
        objid,
        files_checked: items.len() as u32,
        schemas_checked,
        snapshot_ids,
        problems,
    })
}

/// Duplicate names in the central directory (the zip crate keeps only the
/// last of them, so they are counted here from the file itself).
fn zip_structure(z: &zip::ZipArchive<File>, raw: &File, problems: &mut Vec<Problem>) {
    let cap = z.len().saturating_mul(4).saturating_add(1024);
    match zipcheck::central_names(raw, z.central_directory_start(), cap) {
        Ok(names) => {
            for (name, n) in zipcheck::duplicates(&names) {
                problems.push(Problem {
                    path: name,
                    what: format!("the entry appears {n} times in the zip; an unpacking program could extract another file than the one checked"),
                    expected: Some("1".into()),
                    found: Some(n.to_string()),
                });
            }
        }
        Err(e) => problems.push(Problem {
            path: "central directory".into(),
            what: format!("the zip's central directory cannot be read: {e}"),
            expected: None,
            found: None,
        }),
    }
}

/// The entry's local header must exist and agree with the central directory.
fn entry_header_problem<R: Read>(e: &zip::read::ZipFile<'_, R>, raw: &File) -> Option<Problem> {
    let method = match e.compression() {
        zip::CompressionMethod::Stored => 0,
        zip::CompressionMethod::Deflated => 8,
        _ => u16::MAX,
    };
    let what = match zipcheck::local_header(raw, e.header_start()) {
        Err(err) => format!("its local header cannot be read: {err}"),
        Ok(None) => "it has no local header where the central directory says".into(),
        Ok(Some(l)) => zipcheck::disagreement(
            &l,
            e.name_raw(),
            method,
            e.crc32(),
            e.compressed_size(),
            e.size(),
        )
        .map(|d| format!("its local header disagrees with the central directory: {d}"))?,
    };
    Some(Problem {
        path: e.name().to_string(),
        what: format!(
            "{what} (a damaged or crafted zip: unpacking programs may see other data than verify)"
        ),
        expected: None,
        found: None,
    })
}

fn tar_kind(k: tar::EntryType) -> &'static str {
    match k {
        tar::EntryType::Symlink => "symbolic link",
        tar::EntryType::Link => "hard link",
        tar::EntryType::Char => "character device",
        tar::EntryType::Block => "block device",
        tar::EntryType::Fifo => "FIFO",
        _ => "special entry",
    }
}

fn read_up_to(f: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        let k = f.read(&mut buf[n..])?;
        if k == 0 {
            break;
        }
        n += k;
    }
    Ok(n)
}

fn parse<'a>(
    path: &str,
    bytes: &'a [u8],
    problems: &mut Vec<Problem>,
) -> Option<roxmltree::Document<'a>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            problems.push(Problem {
                path: path.into(),
                what: format!("not UTF-8 text: {e}"),
                expected: None,
                found: None,
            });
            return None;
        }
    };
    match roxmltree::Document::parse(text) {
        Ok(d) => Some(d),
        Err(e) => {
            problems.push(Problem {
                path: path.into(),
                what: format!("not well-formed XML: {e}"),
                expected: None,
                found: None,
            });
            None
        }
    }
}

/// Resolves `href` (relative, `/`-separated) against `base` (ending in `/`);
/// `None` if it leaves the package or is absolute.
fn resolve(base: &str, href: &str) -> Option<String> {
    if href.contains("://") || href.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    let depth_min = 1; // never above the root folder
    for seg in href.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.len() <= depth_min {
                    return None;
                }
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Checks every `mets:file` (via FLocat) and `mets:mdRef` of a METS document.
fn check_refs(
    doc: &roxmltree::Document,
    mets_path: &str,
    base: &str,
    items: &BTreeMap<String, Item>,
    referenced: &mut BTreeSet<String>,
    problems: &mut Vec<Problem>,
) {
    for n in doc.descendants() {
        let (href, holder) = if n.has_tag_name((METS_NS, "file")) {
            let fl = n.children().find(|c| c.has_tag_name((METS_NS, "FLocat")));
            (fl.and_then(|f| f.attribute((XLINK_NS, "href"))), n)
        } else if n.has_tag_name((METS_NS, "mdRef")) {
            (n.attribute((XLINK_NS, "href")), n)
        } else {
            continue;
        };
        let id = holder.attribute("ID").unwrap_or("?");
        let Some(href) = href else {
            problems.push(Problem {
                path: mets_path.into(),
                what: format!("{} {id} has no xlink:href", holder.tag_name().name()),
                expected: None,
                found: None,
            });
            continue;
        };
        let Some(target) = resolve(base, href) else {
            problems.push(Problem {
                path: mets_path.into(),
                what: format!("the reference {href} leaves the package"),
                expected: None,
                found: None,
            });
            continue;
        };
        referenced.insert(target.clone());
        let Some(item) = items.get(&target) else {
            problems.push(Problem {
                path: target.clone(),
                what: format!("the file listed in {mets_path} is missing"),
                expected: None,
                found: None,
            });
            continue;
        };
        if holder.attribute("CHECKSUMTYPE") != Some("SHA-256") {
            problems.push(Problem {
                path: mets_path.into(),
                what: format!("{href}: CHECKSUMTYPE is not SHA-256"),
                expected: Some("SHA-256".into()),
                found: holder.attribute("CHECKSUMTYPE").map(String::from),
            });
        }
        match holder.attribute("CHECKSUM") {
            Some(c) if c.eq_ignore_ascii_case(&item.sha256) => {}
            other => problems.push(Problem {
                path: target.clone(),
                what: format!("SHA-256 does not match {mets_path}"),
                expected: other.map(String::from),
                found: Some(item.sha256.clone()),
            }),
        }
        match holder.attribute("SIZE") {
            Some(s) if s == item.size.to_string() => {}
            other => problems.push(Problem {
                path: target.clone(),
                what: format!("size does not match {mets_path}"),
                expected: other.map(String::from),
                found: Some(item.size.to_string()),
            }),
        }
        if let Some(key) = holder.attribute((
            "https://DILCIS.eu/XML/METS/SIPExtensionMETS",
            "FORMATREGISTRYKEY",
        )) {
            if item.puid.as_deref() != Some(key) {
                problems.push(Problem {
                    path: target.clone(),
                    what: format!("the file's format (PRONOM) is not what {mets_path} says"),
                    expected: Some(key.to_string()),
                    found: Some(item.puid.clone().unwrap_or_else(|| "not identified".into())),
                });
            }
        }
        if holder.attribute("CREATED").is_none() {
            problems.push(Problem {
                path: mets_path.into(),
                what: format!("{href}: no CREATED"),
                expected: None,
                found: None,
            });
        }
    }
}

const WRAPPER_XSD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x-ogonblick:validation-wrapper">
  <xsd:import namespace="http://www.w3.org/1999/xlink" schemaLocation="xlink.xsd"/>
  <xsd:import namespace="http://www.loc.gov/METS/" schemaLocation="mets.xsd"/>
  <xsd:import namespace="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" schemaLocation="DILCISExtensionMETS.xsd"/>
  <xsd:import namespace="https://DILCIS.eu/XML/METS/SIPExtensionMETS" schemaLocation="DILCISExtensionSIPMETS.xsd"/>
</xsd:schema>
"#;

/// Validates METS files against METS 1.12 + xlink + DILCIS extensions and
/// the capture records against our XSD, with the schemas embedded in this
/// crate (not the package's copies, which could have been altered).
fn schema_check(
    xmllint: &Path,
    mets: &[(String, &[u8])],
    dmds: &[(String, &[u8])],
) -> Result<Vec<Problem>, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    for (name, bytes) in SCHEMAS {
        std::fs::write(dir.path().join(name), bytes).map_err(|e| e.to_string())?;
    }
    std::fs::write(dir.path().join("wrapper.xsd"), WRAPPER_XSD).map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    for (schema, files) in [
        ("wrapper.xsd", mets),
        ("ogonblick-capture-record.xsd", dmds),
    ] {
        if files.is_empty() {
            continue;
        }
        let mut args: Vec<PathBuf> = Vec::new();
        let mut names: BTreeMap<String, String> = BTreeMap::new();
        for (i, (name, bytes)) in files.iter().enumerate() {
            let p = dir.path().join(format!("doc-{i}.xml"));
            std::fs::write(&p, bytes).map_err(|e| e.to_string())?;
            names.insert(p.to_string_lossy().into_owned(), name.clone());
            args.push(p);
        }
        let out = Command::new(xmllint)
            .arg("--noout")
            .arg("--nonet")
            .arg("--schema")
            .arg(dir.path().join(schema))
            .args(&args)
            .output()
            .map_err(|e| format!("{}: {e}", xmllint.display()))?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        if stderr.contains("failed to compile") || stderr.contains("Schemas parser error") {
            return Err(format!(
                "the shipped schema {schema} did not compile: {}",
                stderr.lines().take(3).collect::<Vec<_>>().join(" | ")
            ));
        }
        for (tmp, name) in &names {
            let errs: Vec<&str> = stderr
                .lines()
                .filter(|l| l.starts_with(&format!("{tmp}:")))
                .collect();
            let failed = stderr
                .lines()
                .any(|l| l == format!("{tmp} fails to validate"));
            if failed || !errs.is_empty() {
                let detail: Vec<String> = errs
                    .iter()
                    .take(5)
                    .map(|l| l.replacen(tmp.as_str(), name, 1))
                    .collect();
                problems.push(Problem {
                    path: name.clone(),
                    what: format!(
                        "does not validate against {}: {}",
                        if schema == "wrapper.xsd" {
                            "METS 1.12 + DILCIS CSIP/SIP schemas"
                        } else {
                            schema
                        },
                        detail.join(" | ")
                    ),
                    expected: None,
                    found: None,
                });
            }
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn resolve_stays_inside() {
        assert_eq!(
            resolve("uuid-1/", "METS.xml").as_deref(),
            Some("uuid-1/METS.xml")
        );
        assert_eq!(
            resolve(
                "uuid-1/metadata/preservation/",
                "../../representations/rep1/data/a.png"
            )
            .as_deref(),
            Some("uuid-1/representations/rep1/data/a.png")
        );
        assert_eq!(resolve("uuid-1/", "../x"), None);
        assert_eq!(resolve("uuid-1/", "/etc/passwd"), None);
        assert_eq!(resolve("uuid-1/", "http://x/y"), None);
    }
}
