//! Validating an export request and planning it: the final and temporary
//! names, one folder per snapshot and the target path of every data file,
//! before anything is written.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use ogonblick_model::{FileRole, Message, SnapshotManifest};

use super::{sidecar_of, DataFile, SnapPlan, WEB_ARCHIVE_REP};
use crate::names::{sanitize_name, sanitize_rel_path};
use crate::{PackageError, PackageRequest, Retention};

/// What [`plan`] decided.
pub(super) struct Plan<'a> {
    pub out_path: PathBuf,
    pub out_dir: PathBuf,
    pub sidecar_path: PathBuf,
    pub snaps: Vec<SnapPlan<'a>>,
    pub data: Vec<DataFile<'a>>,
    pub total_bytes: u64,
}

/// Checks `req` and `out` (nothing exists under the final names) and plans
/// the package `objid`; reads only metadata.
pub(super) fn plan<'a>(
    req: &'a PackageRequest,
    out: &Path,
    objid: &str,
) -> Result<Plan<'a>, PackageError> {
    if req.snapshots.is_empty() && req.removals.is_empty() {
        return Err(PackageError::InvalidInput(Message::PackageNothing {}));
    }
    if req.org.organisation_name.trim().is_empty() {
        return Err(PackageError::InvalidInput(
            Message::PackageNoOrganisation {},
        ));
    }
    if req.org.archive_creator.trim().is_empty() {
        return Err(PackageError::InvalidInput(
            Message::PackageNoArchiveCreator {},
        ));
    }
    if let Retention::DisposeAfter { decision, .. } = &req.org.retention {
        if decision.trim().is_empty() {
            return Err(PackageError::InvalidInput(
                Message::PackageRetentionNeedsDecision {},
            ));
        }
    }
    let out_path = if out.is_dir() {
        out.join(format!("{objid}.{}", req.format.extension()))
    } else {
        out.to_path_buf()
    };
    let out_dir = match out_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !out_dir.is_dir() {
        return Err(PackageError::InvalidInput(Message::PackageNoFolder {
            folder: out_dir.display().to_string(),
        }));
    }
    let sidecar_path = sidecar_of(&out_path);
    if out_path.exists() || sidecar_path.exists() {
        return Err(PackageError::InvalidInput(Message::PackageExists {
            path: out_path.display().to_string(),
        }));
    }

    let mut snaps = Vec::new();
    let mut used_dirs = BTreeSet::new();
    for (m, folder) in &req.snapshots {
        if m.format != SnapshotManifest::FORMAT {
            return Err(PackageError::InvalidInput(Message::PackageSnapshotFormat {
                snapshot: m.snapshot.id.clone(),
                format: m.format.clone(),
                expected: SnapshotManifest::FORMAT.to_string(),
            }));
        }
        if !folder.is_dir() {
            return Err(PackageError::InvalidInput(
                Message::PackageSnapshotFolderMissing {
                    folder: folder.display().to_string(),
                },
            ));
        }
        let base = format!(
            "{}_{}_{}",
            sanitize_name(&m.channel.name),
            m.snapshot.started_at.format("%Y%m%dT%H%M%SZ"),
            sanitize_name(&m.snapshot.id)
        );
        let mut dir = base.clone();
        let mut k = 2;
        while !used_dirs.insert(dir.clone()) {
            dir = format!("{base}-{k}");
            k += 1;
        }
        snaps.push(SnapPlan {
            manifest: m,
            folder,
            dir,
        });
    }
    let mut data = Vec::new();
    let mut targets = BTreeSet::new();
    let mut total_bytes = 0u64;
    for (si, s) in snaps.iter().enumerate() {
        // The pages' files, then the snapshot's own (its web archive).
        let files = s
            .manifest
            .snapshot
            .pages
            .iter()
            .enumerate()
            .flat_map(|(pi, page)| page.files.iter().map(move |f| (Some(pi), f)));
        let own = s.manifest.snapshot.files.iter().map(|f| (None, f));
        for (pi, rec) in files.chain(own) {
            let rel = sanitize_rel_path(&rec.path).ok_or_else(|| {
                PackageError::InvalidInput(Message::PackageSnapshotFileOutside {
                    snapshot: s.manifest.snapshot.id.clone(),
                    path: rec.path.clone(),
                })
            })?;
            let source = safe_join(s.folder, &rec.path).ok_or_else(|| {
                PackageError::InvalidInput(Message::PackageSnapshotBadPath {
                    snapshot: s.manifest.snapshot.id.clone(),
                    path: rec.path.clone(),
                })
            })?;
            let meta = std::fs::metadata(&source).map_err(|e| PackageError::Read {
                path: source.clone(),
                source: e,
            })?;
            if !meta.is_file() {
                return Err(PackageError::InvalidInput(Message::PackageNotAFile {
                    path: source.display().to_string(),
                }));
            }
            // The web archive is a representation of its own (rep2).
            let rep = if pi.is_none() && rec.role == FileRole::WebArchive {
                WEB_ARCHIVE_REP
            } else {
                "rep1"
            };
            let mut target = format!("representations/{rep}/data/{}/{}", s.dir, rel);
            let mut k = 2;
            while !targets.insert(target.clone()) {
                target = format!("representations/{rep}/data/{}/{}-{k}", s.dir, rel);
                k += 1;
            }
            total_bytes += meta.len();
            data.push(DataFile {
                snap: si,
                page: pi,
                source,
                target,
                record: Some(rec),
                evidence: None,
            });
        }
        // The evidence beside the pages: snapshot.json, the manifest of
        // every file and its timestamp tokens (snapshots stored before the
        // manifest existed have none of these but snapshot.json, left out).
        for name in evidence_files(s.folder)? {
            let source = s.folder.join(&name);
            let size = std::fs::metadata(&source)
                .map_err(|e| PackageError::Read {
                    path: source.clone(),
                    source: e,
                })?
                .len();
            let target = format!("representations/rep1/data/{}/{name}", s.dir);
            if !targets.insert(target.clone()) {
                return Err(PackageError::InvalidInput(
                    Message::PackageEvidenceNameTaken {
                        snapshot: s.manifest.snapshot.id.clone(),
                        name: name.clone(),
                    },
                ));
            }
            total_bytes += size;
            data.push(DataFile {
                snap: si,
                page: None,
                source,
                target,
                record: None,
                evidence: Some((name, size)),
            });
        }
    }
    Ok(Plan {
        out_path,
        out_dir,
        sidecar_path,
        snaps,
        data,
        total_bytes,
    })
}

/// The evidence files of a snapshot folder that holds a manifest:
/// `snapshot.json`, `manifest-sha256.txt` and its tokens in order.
fn evidence_files(folder: &Path) -> Result<Vec<String>, PackageError> {
    use ogonblick_timestamp::{manifest::token_number, MANIFEST_FILE};
    if !folder.join(MANIFEST_FILE).is_file() {
        return Ok(Vec::new());
    }
    let mut tokens: Vec<(usize, String)> = std::fs::read_dir(folder)
        .map_err(|e| PackageError::Read {
            path: folder.to_path_buf(),
            source: e,
        })?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            token_number(&name).map(|n| (n, name))
        })
        .collect();
    tokens.sort();
    let mut out = vec![
        SnapshotManifest::FILE_NAME.to_string(),
        MANIFEST_FILE.to_string(),
    ];
    out.extend(tokens.into_iter().map(|(_, n)| n));
    Ok(out)
}

/// Joins a manifest-relative path to its folder, refusing anything that
/// could leave the folder.
fn safe_join(folder: &Path, rel: &str) -> Option<PathBuf> {
    let p = Path::new(rel);
    let mut out = folder.to_path_buf();
    for c in p.components() {
        match c {
            Component::Normal(s) => out.push(s),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}
