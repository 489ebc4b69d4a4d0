//! Removal records (*borttaget innehåll*) in a package, as their own kind:
//! each record's every version as `metadata/descriptive/removals/<record>/removal.xml`
//! (schema `schemas/ogonblick-removal-record.xsd`, shipped only in packages
//! that hold records), its evidence (the linked snapshot, which the package
//! holds as any snapshot, or the screenshot staff supplied, copied into
//! `representations/rep1/data/removals/<record>/`), the PREMIS events
//! (capture of a supplied file, removal, certification, correction) and the
//! inventory's lines (`removal_xml.rs`, `removal_premis.rs`,
//! `removal_inventory.rs`).

use std::collections::BTreeSet;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use ogonblick_model::{
    CancelToken, Evidence, Message, RemovalManifest, RemovalRecord, SuppliedFile,
};

use super::{Entry, Group, SnapPlan};
use crate::container::Writer;
use crate::names::{sanitize_name, sanitize_rel_path};
use crate::{PackageError, PackageRequest, RemovalItem};
use ogonblick_model::messages::FixityRecord;

/// Our removal-record schema, shipped in packages that hold records.
pub(crate) const REMOVAL_SCHEMA: (&str, &[u8]) = (
    "ogonblick-removal-record.xsd",
    include_bytes!("../../schemas/ogonblick-removal-record.xsd"),
);

/// One record's place in the package.
pub(super) struct RemPlan<'a> {
    pub item: &'a RemovalItem,
    pub current: &'a RemovalRecord,
    /// Folder name below `removals/`.
    pub dir: String,
    /// Index into the plan's snapshots of the evidence snapshot.
    pub snap: Option<usize>,
    /// A supplied screenshot: its source and its target in the package.
    pub supplied: Option<(PathBuf, String, &'a SuppliedFile)>,
}

impl RemPlan<'_> {
    pub fn xml_path(&self) -> String {
        format!("metadata/descriptive/removals/{}/removal.xml", self.dir)
    }
}

/// Checks every record of the request and names its files.
pub(super) fn plan<'a>(
    req: &'a PackageRequest,
    snaps: &[SnapPlan],
) -> Result<Vec<RemPlan<'a>>, PackageError> {
    let mut out = Vec::new();
    let mut dirs = BTreeSet::new();
    for item in &req.removals {
        let m = &item.manifest;
        let Some(current) = m.current() else {
            return Err(PackageError::InvalidInput(
                Message::PackageRemovalNoVersion {
                    folder: item.folder.display().to_string(),
                },
            ));
        };
        if m.format != RemovalManifest::FORMAT {
            return Err(PackageError::InvalidInput(Message::PackageRemovalFormat {
                id: current.id.clone(),
                format: m.format.clone(),
                expected: RemovalManifest::FORMAT.to_string(),
            }));
        }
        let dir = sanitize_name(&current.id);
        if !dirs.insert(dir.clone()) {
            return Err(PackageError::InvalidInput(Message::PackageRemovalTwice {
                id: current.id.clone(),
            }));
        }
        let (snap, supplied) = match &current.evidence {
            Evidence::Snapshot { snapshot_id } => {
                let i = snaps
                    .iter()
                    .position(|s| &s.manifest.snapshot.id == snapshot_id)
                    .ok_or_else(|| {
                        PackageError::InvalidInput(Message::PackageRemovalEvidenceMissing {
                            id: current.id.clone(),
                            snapshot: snapshot_id.clone(),
                        })
                    })?;
                (Some(i), None)
            }
            Evidence::File(f) => {
                let rel = sanitize_rel_path(&f.path).ok_or_else(|| {
                    PackageError::InvalidInput(Message::PackageRemovalFileOutside {
                        id: current.id.clone(),
                        path: f.path.clone(),
                    })
                })?;
                let source = item.folder.join(&rel);
                let meta = std::fs::metadata(&source).map_err(|e| PackageError::Read {
                    path: source.clone(),
                    source: e,
                })?;
                if !meta.is_file() {
                    return Err(PackageError::InvalidInput(Message::PackageNotAFile {
                        path: source.display().to_string(),
                    }));
                }
                let target = format!("representations/rep1/data/removals/{dir}/{rel}");
                (None, Some((source, target, f)))
            }
        };
        out.push(RemPlan {
            item,
            current,
            dir,
            snap,
            supplied,
        });
    }
    Ok(out)
}

/// Streams the supplied screenshots in, refusing one whose size or SHA-256
/// is not what its record says.
pub(super) fn copy_supplied(
    w: &mut Writer,
    root: &str,
    plans: &[RemPlan],
    tmp_path: &Path,
    cancel: &CancelToken,
    entries: &mut Vec<Entry>,
) -> Result<(), PackageError> {
    for (ri, rp) in plans.iter().enumerate() {
        let Some((source, target, f)) = &rp.supplied else {
            continue;
        };
        if cancel.is_cancelled() {
            return Err(PackageError::Cancelled);
        }
        let actual = std::fs::metadata(source).map(|m| m.len()).unwrap_or(0);
        if actual != f.size {
            return Err(PackageError::Fixity {
                path: source.clone(),
                what: Box::new(Message::FixitySize {
                    actual,
                    recorded: f.size,
                    by: FixityRecord::RemovalRecord,
                }),
            });
        }
        let mut file = File::open(source).map_err(|e| PackageError::Read {
            path: source.clone(),
            source: e,
        })?;
        let c = w
            .add_stream(
                &format!("{root}/{target}"),
                f.size,
                false,
                &mut file,
                &mut |_| {
                    if cancel.is_cancelled() {
                        Err(io::Error::other("cancelled"))
                    } else {
                        Ok(())
                    }
                },
            )
            .map_err(|e| {
                if cancel.is_cancelled() {
                    PackageError::Cancelled
                } else if e.kind() == io::ErrorKind::UnexpectedEof {
                    PackageError::Fixity {
                        path: source.clone(),
                        what: Box::new(Message::FixityShort {
                            detail: e.to_string(),
                        }),
                    }
                } else {
                    PackageError::Write {
                        path: tmp_path.to_path_buf(),
                        source: e,
                    }
                }
            })?;
        if !c.sha256.eq_ignore_ascii_case(&f.sha256) {
            return Err(PackageError::Fixity {
                path: source.clone(),
                what: Box::new(Message::FixitySha256 {
                    actual: c.sha256.clone(),
                    recorded: f.sha256.clone(),
                    by: FixityRecord::RemovalRecord,
                }),
            });
        }
        entries.push(Entry {
            path: target.clone(),
            group: Group::Data,
            sha256: c.sha256,
            size: c.size,
            created: rp.item.manifest.versions[0].recorded_at,
            format: c.format,
            original: Some(f.original_name.clone()),
            page: None,
            removal: Some(ri),
            premis_id: String::new(),
        });
    }
    Ok(())
}

/// The entries that show record `ri` as it was: its supplied file, or every
/// file of its evidence snapshot.
pub(super) fn evidence_entries<'e>(
    rp: &RemPlan,
    ri: usize,
    entries: &'e [Entry],
) -> Vec<&'e Entry> {
    entries
        .iter()
        .filter(|e| {
            (e.group == Group::Data && e.removal == Some(ri))
                || (rp.snap.is_some() && e.page.map(|p| p.0) == rp.snap)
        })
        .collect()
}
pub(super) use super::removal_inventory::{how_text, inventory_lines};
pub(super) use super::removal_premis::{people, premis_events};
pub(super) use super::removal_xml::removal_xml;
