//! A snapshot's web archive: the WARC each page's capture left in the
//! staging folder (`<stem>.warc.gz`, failed pages' too) packed into
//! `web-archive.wacz` (`ogonblick_capture::wacz`), written under a
//! temporary name and renamed, before the commit, so the store checks its
//! SHA-256 like every file; the page WARCs are then removed (they are in it,
//! or, when the WACZ cannot be written, the snapshot is kept without it and
//! each page's report says why).

use std::fs;
use std::path::Path;

use ogonblick_capture::wacz::{write_wacz, WaczInfo, WaczPage, WACZ_MEDIA_TYPE};
use ogonblick_model::fixity::sha256_file as hash;
use ogonblick_model::{ErrorCode, FileRecord, FileRole, Message, PageRecord, Timestamp};

use crate::{AppError, Result};

/// The WACZ's name in the snapshot folder.
pub const WEB_ARCHIVE_FILE: &str = "web-archive.wacz";

/// Packs the pages' WARCs (`(stem, page)` in capture order) into the
/// snapshot's WACZ; `None` when no page left a WARC (the web archive is
/// off, or every page failed before its tab opened).
pub(super) fn pack(
    dir: &Path,
    snapshot_id: &str,
    operator: &str,
    created: Timestamp,
    pages: &[(String, &PageRecord)],
) -> Result<Option<FileRecord>> {
    let warcs: Vec<(&PageRecord, std::path::PathBuf)> = pages
        .iter()
        .map(|(stem, p)| (*p, dir.join(format!("{stem}.warc.gz"))))
        .filter(|(_, w)| w.is_file())
        .collect();
    if warcs.is_empty() {
        return Ok(None);
    }
    let browser = pages
        .iter()
        .map(|(_, p)| p.provenance.browser_version.as_str())
        .find(|b| !b.is_empty())
        .unwrap_or("");
    let software = format!(
        "{} {}",
        ogonblick_capture::TOOL_NAME,
        ogonblick_capture::TOOL_VERSION
    );
    let info = WaczInfo {
        snapshot_id,
        operator,
        software: &software,
        browser,
        created,
    };
    let wpages: Vec<WaczPage> = warcs
        .iter()
        .map(|(p, w)| WaczPage {
            url: p.url.clone(),
            title: p.report.title.clone().filter(|t| !t.trim().is_empty()),
            ts: p.provenance.started_at,
            warc: w.clone(),
        })
        .collect();
    let tmp = dir.join(format!(".{WEB_ARCHIVE_FILE}.partial"));
    let work = dir.join(".web-archive.build");
    let fin = dir.join(WEB_ARCHIVE_FILE);
    let written = write_wacz(&tmp, &work, &info, &wpages)
        .and_then(|()| hash(&tmp))
        .and_then(|rec| fs::rename(&tmp, &fin).map(|()| rec));
    let _ = fs::remove_dir_all(&work);
    for (_, w) in &warcs {
        let _ = fs::remove_file(w);
    }
    match written {
        Ok((sha256, size)) => Ok(Some(FileRecord {
            role: FileRole::WebArchive,
            path: WEB_ARCHIVE_FILE.to_string(),
            sha256,
            size,
            media_type: WACZ_MEDIA_TYPE.to_string(),
        })),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(AppError::said(
                ErrorCode::Environment,
                Message::WebArchiveNotWritten {
                    path: dir.display().to_string(),
                    error: e.to_string(),
                },
            ))
        }
    }
}
