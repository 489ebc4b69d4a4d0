//! Verifying a package: the sidecar, every entry's name, every checksum, size
//! and file reference in the root METS, the representation METS, PREMIS and
//! the capture records, files that no METS lists, and the XML schemas
//! (xmllint, an external process: libxml2's validator is the reference
//! implementation most archives use, and no maintained pure-Rust XSD 1.0
//! validator exists). PREMIS is checked for content, not against its XSD,
//! which is not shipped (see `schemas/README.md`).
//!
//! The checks run in order over a small [`State`]: `sidecar.rs` (1),
//! `entries.rs` (2, 3: read and hash every entry, names), `mets.rs` (4, 5),
//! `premis.rs` (6), `records.rs` (7), files no METS lists (8, here) and
//! `schemas.rs` (9).

mod entries;
mod mets;
mod premis;
mod records;
mod schemas;
mod sidecar;
mod timestamps;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ogonblick_model::{CancelToken, ProgressEvent, ProgressSink, Stage};

use crate::{PackageError, Problem, VerifyReport};
use ogonblick_model::Message;

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

/// What the checks found so far, and what later checks need of earlier ones.
#[derive(Default)]
struct State {
    problems: Vec<Problem>,
    /// Every file some METS lists (and the root METS itself).
    referenced: BTreeSet<String>,
    /// The root METS's OBJID.
    objid: Option<String>,
    /// Representation METS files named by the root METS (mptr).
    rep_mets: Vec<String>,
    /// PREMIS files named by the root METS (digiprovMD).
    premis_files: Vec<String>,
    /// Capture records named by the root METS (dmdSec).
    dmd_files: Vec<String>,
    /// Snapshot ids found in the capture records.
    snapshot_ids: Vec<String>,
}

pub fn verify_package_with(
    path: &Path,
    sink: &dyn ProgressSink,
    opts: &VerifyOptions,
) -> Result<VerifyReport, PackageError> {
    let mut st = State::default();
    let pkg_name = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let is_zip = entries::is_zip(path)?;
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
    sidecar::check(path, &pkg_name, &mut st.problems)?;

    // 2. Every entry: read once, hashed.
    sink.event(ProgressEvent::Stage {
        index: 1,
        label: "entries".into(),
        stage: Stage::Verifying,
        detail: None,
    });
    let items = entries::read_all(path, is_zip, &pkg_name, opts, &mut st.problems)?;

    // 3. Names and the root folder.
    let root = entries::check_names(&items, &pkg_name, &mut st.problems);
    let root_mets = format!("{root}/METS.xml");
    st.referenced.insert(root_mets.clone());

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
    mets::check_root(&items, &root, &root_mets, &mut st);
    // 5. Representation METS.
    mets::check_representations(&items, &mut st);
    // 6. PREMIS.
    premis::check(&items, &mut st);
    // 7. Capture records.
    records::check(&items, &mut st);
    // 7b. Manifests and their timestamp tokens.
    timestamps::check(&items, &root, &mut st);
    // 8. Files no METS lists.
    for name in items.keys() {
        if !st.referenced.contains(name) {
            st.problems.push(Problem {
                path: name.clone(),
                what: Message::VerifyUnlisted {},
                expected: None,
                found: None,
            });
        }
    }
    // 9. Schemas.
    let schemas_checked = schemas::check(opts, &items, &root_mets, &pkg_name, &mut st);

    let State {
        problems,
        objid,
        snapshot_ids,
        ..
    } = st;
    let ok = problems.is_empty();
    sink.event(ProgressEvent::Finished {
        ok,
        message: Some(Message::ProgressProblems {
            count: problems.len(),
        }),
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

/// The folder of `path` inside the package, ending in `/` (the base its
/// references resolve against).
fn base_of(path: &str) -> String {
    path.rsplit_once('/')
        .map(|(d, _)| format!("{d}/"))
        .unwrap_or_default()
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
                what: Message::VerifyNotUtf8 {
                    detail: e.to_string(),
                },
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
                what: Message::VerifyNotXml {
                    detail: e.to_string(),
                },
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
