//! Writing the container: the data files streamed in (hashed, sniffed and
//! checked against the manifest's fixity on the way), the generated files,
//! and last the sidecar (its hash computed while the container was written)
//! and the renames to the final names.

use std::fs::File;
use std::io;
use std::path::Path;

use ogonblick_model::{
    CancelToken, FileRole, Message, ProgressEvent, ProgressSink, Stage, Timestamp,
};

use super::plan::Plan;
use super::{Entry, Group};
use crate::container::{Copied, Writer};
use crate::partial::Partial;
use crate::PackageError;
use ogonblick_model::fixity::sha256_file;
use ogonblick_model::messages::FixityRecord;

/// Streams every planned data file into `w` below `root`, refusing a file
/// whose size or SHA-256 is not what its manifest recorded.
pub(super) fn copy_data(
    w: &mut Writer,
    root: &str,
    plan: &Plan,
    tmp_path: &Path,
    sink: &dyn ProgressSink,
    cancel: &CancelToken,
) -> Result<Vec<Entry>, PackageError> {
    let (data, snaps, total_bytes) = (&plan.data, &plan.snaps, plan.total_bytes);
    let mut entries: Vec<Entry> = Vec::new();
    let mut done_bytes = 0u64;
    let mut last_report = 0u64;
    for (i, df) in data.iter().enumerate() {
        if cancel.is_cancelled() {
            return Err(PackageError::Cancelled);
        }
        sink.event(ProgressEvent::Stage {
            index: i as u32,
            label: df.target.clone(),
            stage: Stage::Packaging,
            detail: None,
        });
        let mut f = File::open(&df.source).map_err(|e| PackageError::Read {
            path: df.source.clone(),
            source: e,
        })?;
        let size = match (df.record, &df.evidence) {
            (Some(r), _) => r.size,
            (None, Some((_, size))) => *size,
            (None, None) => 0,
        };
        let compress = !df.record.is_some_and(|r| {
            matches!(
                r.role,
                FileRole::Png | FileRole::Pdf | FileRole::Original | FileRole::WebArchive
            )
        });
        let mut on_chunk = |n: usize| -> io::Result<()> {
            done_bytes += n as u64;
            if done_bytes - last_report >= 8 * 1024 * 1024 || done_bytes == total_bytes {
                last_report = done_bytes;
                sink.event(ProgressEvent::Bytes {
                    done: done_bytes,
                    total: total_bytes,
                });
            }
            if cancel.is_cancelled() {
                return Err(io::Error::other("cancelled"));
            }
            Ok(())
        };
        let actual = std::fs::metadata(&df.source).map(|m| m.len()).unwrap_or(0);
        if actual != size {
            return Err(PackageError::Fixity {
                path: df.source.clone(),
                what: Box::new(Message::FixitySize {
                    actual,
                    recorded: size,
                    by: FixityRecord::Manifest,
                }),
            });
        }
        let c: Copied = w
            .add_stream(
                &format!("{root}/{}", df.target),
                size,
                compress,
                &mut f,
                &mut on_chunk,
            )
            .map_err(|e| {
                if cancel.is_cancelled() {
                    PackageError::Cancelled
                } else if e.kind() == io::ErrorKind::UnexpectedEof {
                    PackageError::Fixity {
                        path: df.source.clone(),
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
        if let Some(record) = df.record {
            if !c.sha256.eq_ignore_ascii_case(&record.sha256) {
                return Err(PackageError::Fixity {
                    path: df.source.clone(),
                    what: Box::new(Message::FixitySha256 {
                        actual: c.sha256.clone(),
                        recorded: record.sha256.clone(),
                        by: FixityRecord::Manifest,
                    }),
                });
            }
        }
        let snapshot = &snaps[df.snap].manifest.snapshot;
        let created = match df.page {
            Some(p) => snapshot.pages[p].provenance.finished_at,
            None => snapshot.finished_at,
        };
        let original = match (df.record, &df.evidence) {
            (Some(r), _) => r.path.clone(),
            (None, Some((name, _))) => name.clone(),
            (None, None) => String::new(),
        };
        entries.push(Entry {
            path: df.target.clone(),
            group: Group::Data,
            sha256: c.sha256,
            size: c.size,
            created,
            format: c.format,
            original: Some(original),
            page: df.page.map(|p| (df.snap, p)),
            removal: None,
            premis_id: String::new(),
        });
        sink.event(ProgressEvent::ItemDone {
            index: i as u32,
            label: df.target.clone(),
            ok: true,
            message: None,
            why: None,
        });
    }
    Ok(entries)
}

/// Adds generated files (metadata, schemas, documentation) to the container.
pub(super) struct Gen<'a> {
    pub root: &'a str,
    pub tmp_path: &'a Path,
    pub cancel: &'a CancelToken,
    pub now: Timestamp,
}

impl Gen<'_> {
    /// Writes `bytes` as `path` and records its entry; a generated file that
    /// fails its own format check is an internal error.
    pub fn add(
        &self,
        w: &mut Writer,
        entries: &mut Vec<Entry>,
        path: String,
        group: Group,
        bytes: &[u8],
    ) -> Result<(), PackageError> {
        let Gen {
            root,
            tmp_path,
            cancel,
            now,
        } = *self;
        if cancel.is_cancelled() {
            return Err(PackageError::Cancelled);
        }
        // PDFs (already compressed inside) are stored, text is deflated.
        let compress = !(path.ends_with(".pdf") || path.ends_with(".png"));
        let c = w
            .add_bytes(&format!("{root}/{path}"), bytes, compress)
            .map_err(|e| PackageError::Write {
                path: tmp_path.to_path_buf(),
                source: e,
            })?;
        if !c.format.valid {
            return Err(PackageError::Fault(Message::FormatCheckFailed {
                path: path.to_string(),
                why: Box::new(c.format.check),
            }));
        }
        entries.push(Entry {
            path,
            group,
            sha256: c.sha256,
            size: c.size,
            created: now,
            format: c.format,
            original: None,
            page: None,
            removal: None,
            premis_id: String::new(),
        });
        Ok(())
    }

    /// Writes `bytes` as `path` without recording an entry (the METS files).
    pub fn add_raw(
        &self,
        w: &mut Writer,
        path: &str,
        bytes: &[u8],
    ) -> Result<Copied, PackageError> {
        w.add_bytes(&format!("{}/{path}", self.root), bytes, true)
            .map_err(|e| PackageError::Write {
                path: self.tmp_path.to_path_buf(),
                source: e,
            })
    }
}

/// Writes the sidecar with the container's SHA-256 (`hashed`, computed while
/// it was written; the file is read again only when that is missing), then
/// renames the sidecar and the package to their final names (never
/// overwriting); returns the package's SHA-256 and size.
pub(super) fn publish(
    tmp: Partial,
    tmp_path: &Path,
    plan: &Plan,
    file_name: &str,
    hashed: Option<(String, u64)>,
    cancel: &CancelToken,
) -> Result<(String, u64), PackageError> {
    let (out_path, out_dir, sidecar_path) = (&plan.out_path, &plan.out_dir, &plan.sidecar_path);
    let on_disk = std::fs::metadata(tmp_path).map(|m| m.len()).ok();
    let (sha, size) = match hashed {
        Some((sha, size)) if Some(size) == on_disk => (sha, size),
        _ => sha256_file(tmp_path).map_err(|e| PackageError::Read {
            path: tmp_path.to_path_buf(),
            source: e,
        })?,
    };
    let (side_tmp, mut side_file) = Partial::create(out_dir, &format!("{file_name}.sha256"))
        .map_err(|e| PackageError::Write {
            path: out_dir.to_path_buf(),
            source: e,
        })?;
    {
        use std::io::Write;
        side_file
            .write_all(format!("{sha}  {file_name}\n").as_bytes())
            .map_err(|e| PackageError::Write {
                path: sidecar_path.to_path_buf(),
                source: e,
            })?;
        side_file.sync_all().map_err(|e| PackageError::Write {
            path: sidecar_path.to_path_buf(),
            source: e,
        })?;
    }
    drop(side_file);
    if cancel.is_cancelled() {
        return Err(PackageError::Cancelled);
    }
    // The sidecar first: a package under its final name always has its
    // sidecar, so it can be verified the moment it appears.
    side_tmp
        .persist_noclobber(sidecar_path)
        .map_err(|e| PackageError::Write {
            path: sidecar_path.to_path_buf(),
            source: e,
        })?;
    if let Err(e) = tmp.persist_noclobber(out_path) {
        let _ = std::fs::remove_file(sidecar_path);
        return Err(PackageError::Write {
            path: out_path.to_path_buf(),
            source: e,
        });
    }
    if let Ok(d) = File::open(out_dir) {
        let _ = d.sync_all();
    }
    Ok((sha, size))
}
