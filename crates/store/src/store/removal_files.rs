//! A screenshot file staff supply by hand for a removal record: recognised
//! by its bytes (PNG, JPEG, PDF), copied into the record's folder with a size
//! limit, hashed as it is copied.

use ogonblick_model::messages::IoAction;
use ogonblick_model::{Message, SuppliedFile};
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::{Result, StoreError};

/// The largest screenshot file a record takes (bytes).
pub const MAX_SUPPLIED_FILE: u64 = 50 * 1024 * 1024;

/// A screenshot file staff supply by hand, to be copied into the record.
#[derive(Debug, Clone)]
pub struct SuppliedSource {
    pub path: PathBuf,
    /// The file's name where staff had it.
    pub original_name: String,
}

/// The media type and file extension of a screenshot file, from its first
/// bytes: PNG, JPEG or PDF; `None` for anything else.
pub fn sniff_screenshot(head: &[u8]) -> Option<(&'static str, &'static str)> {
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("image/png", "png"))
    } else if head.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(("image/jpeg", "jpg"))
    } else if head.starts_with(b"%PDF-") {
        Some(("application/pdf", "pdf"))
    } else {
        None
    }
}

/// Copies the screenshot into `dir` as `screenshot.<ext>`, reading no more
/// than [`MAX_SUPPLIED_FILE`] bytes, hashing as it goes.
pub(crate) fn copy_screenshot(src: &SuppliedSource, dir: &Path) -> Result<SuppliedFile> {
    let mut input =
        File::open(&src.path).map_err(|e| StoreError::io(IoAction::Open, &src.path, e))?;
    let mut head = [0u8; 8];
    let n = read_full(&mut input, &mut head)
        .map_err(|e| StoreError::io(IoAction::Read, &src.path, e))?;
    let (media_type, ext) = sniff_screenshot(&head[..n]).ok_or_else(|| {
        StoreError::Invalid(Message::StoreNotImage {
            path: src.path.display().to_string(),
        })
    })?;
    let name = format!("screenshot.{ext}");
    let out_path = dir.join(&name);
    let mut out =
        File::create(&out_path).map_err(|e| StoreError::io(IoAction::Create, &out_path, e))?;
    let mut hasher = Sha256::new();
    let mut size = n as u64;
    hasher.update(&head[..n]);
    out.write_all(&head[..n])
        .map_err(|e| StoreError::io(IoAction::Write, &out_path, e))?;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let k = input
            .read(&mut buf)
            .map_err(|e| StoreError::io(IoAction::Read, &src.path, e))?;
        if k == 0 {
            break;
        }
        size += k as u64;
        if size > MAX_SUPPLIED_FILE {
            return Err(StoreError::Invalid(Message::StoreFileTooLarge {
                path: src.path.display().to_string(),
                mib: MAX_SUPPLIED_FILE / 1024 / 1024,
            }));
        }
        hasher.update(&buf[..k]);
        out.write_all(&buf[..k])
            .map_err(|e| StoreError::io(IoAction::Write, &out_path, e))?;
    }
    out.sync_all()
        .map_err(|e| StoreError::io(IoAction::Sync, &out_path, e))?;
    Ok(SuppliedFile {
        path: name,
        sha256: hex::encode(hasher.finalize()),
        size,
        media_type: media_type.into(),
        original_name: src.original_name.clone(),
    })
}

fn read_full(f: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}
